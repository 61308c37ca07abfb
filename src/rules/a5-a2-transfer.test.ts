import rule from "./a5-a2-transfer";
import { seedBook, seedTable, type SeedChange } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { a1, bodyAt, valueAt } from "../../tests/helpers/layoutCells";
import { book, stack } from "../../tests/helpers/sheetEdits";
import { SHEET_NAMES } from "../templates/tables";
import { SEED_UNIT } from "../templates/sample";
import type { CellValue } from "../grid/grid";

type Row = Record<string, CellValue>;
const row = (changes: Row): Row => ({
  name: SEED_UNIT,
  platform: "是",
  transferred: 0,
  filed: 0,
  notFiled: 0,
  notProsecuted: 0,
  reverseReceived: 0,
  reverseFiled: 0,
  reverseNotPenalised: 0,
  ...changes,
});
const wb = (transfer: [CellValue, CellValue], a5: Row, more: Row[] = [], extra: { A2?: SeedChange; A5?: SeedChange } = {}) =>
  seedBook({ A2: { values: { transfer }, ...extra.A2 }, A5: { row: a5, more, ...extra.A5 } });
type Book = ReturnType<typeof wb>;

const a2Transfer = (b: Book) => `'${SHEET_NAMES.A2}'!${a1(valueAt(b.layouts.A2, "transfer", "current"))}`;
const at = (b: Book, key: string, index = 0) => a1(bodyAt(b.layouts.A5, key, index));
const COUNT = ["移送案件数（件）", "移送司法机关刑事案件件数(其中未立案数)"];
const UNFILED = ["刑事不予立案数", "移送司法机关刑事案件件数(其中未立案数)"];

const fewer = wb([0, "3(1)"], { transferred: 2, filed: 1, notFiled: 1 });
const unfiled = wb([0, "3(1)"], { transferred: 3, filed: 1, notFiled: 2 });
const both = wb([0, 3], { transferred: "1件", notFiled: 1 });
const renamed = wb([0, 2], { name: "湘潭县自然资源和规划局", transferred: 5, filed: 5 });
const twoRows = wb([0, "3"], { transferred: 2, filed: 2 }, [row({ transferred: 2, filed: 2 })]);
const placeholder = wb([0, "2(0)"], { transferred: "无" });

// both on one sheet: the 附件2 cell without a sheet name
const s2 = seedTable("A2", { values: { transfer: [0, 4] } });
const s5 = seedTable("A5", { row: { transferred: 1, filed: 1 } });
const together = stack("两表", [s2.sheet, s5.sheet], 1);

ruleTester(
  rule,
  { id: "a5-a2-transfer", severity: "warning" },
  {
    valid: [
      { name: "N(M) = 3(1) against 3 transferred, 1 not filed", workbook: wb([0, "3(1)"], { transferred: 3, filed: 2, notFiled: 1 }).workbook },
      { name: "full-width brackets `3（1）` and fewer not filed", workbook: wb([0, "3（1）"], { transferred: "3", filed: 3, notFiled: 0 }).workbook },
      { name: "only the current year: a different prior-year figure is fine", workbook: wb([5, 3], { transferred: 3, filed: 3 }).workbook },
      { name: "tables of different report years are not compared", workbook: wb([0, 3], { transferred: 1 }, [], { A5: { year: 2023 } }).workbook },
      { name: "附件2 移送 unreadable: not compared (value-transfer-format reports it)", workbook: wb([0, "三件"], { transferred: 1 }).workbook },
      { name: "附件5 移送案件数 empty: not compared", workbook: wb([0, 3], { transferred: null }).workbook },
      { name: "two rows of the unit, summed (2 + 1 = 3)", workbook: wb([0, 3], { transferred: 2, filed: 2 }, [row({ transferred: 1, filed: 1 })]).workbook },
      {
        name: "another unit's row is not added",
        workbook: wb([0, 3], { transferred: 3, filed: 3 }, [row({ name: "湘潭县林业局", transferred: 4, filed: 4 })]).workbook,
      },
      {
        name: "several 附件5 rows none of which names the 附件2 unit: not paired",
        workbook: wb([0, 3], { name: "甲局", transferred: 1 }, [row({ name: "乙局", transferred: 1 })]).workbook,
      },
      { name: "no 附件2", workbook: seedBook({ A5: { row: { transferred: 4, filed: 4 } } }, ["A4", "A5"]).workbook },
    ],
    invalid: [
      {
        name: "2 transferred in 附件5, 3 in 附件2",
        workbook: fewer.workbook,
        findings: [{ table: "A5", cell: at(fewer, "transferred"), related: [a2Transfer(fewer)], says: [...COUNT, "2", "3"] }],
      },
      {
        name: "2 not filed in 附件5, M = 1 in 附件2",
        workbook: unfiled.workbook,
        findings: [{ table: "A5", cell: at(unfiled, "notFiled"), related: [a2Transfer(unfiled)], says: [...UNFILED, "2", "1"] }],
      },
      {
        name: "a plain number in 附件2 has M = 0: both checks",
        workbook: both.workbook,
        findings: [
          { table: "A5", cell: at(both, "transferred"), related: [a2Transfer(both)], says: COUNT },
          { table: "A5", cell: at(both, "notFiled"), related: [a2Transfer(both)], says: UNFILED },
        ],
      },
      {
        name: "one unit each: compared although the names differ",
        workbook: renamed.workbook,
        findings: [{ table: "A5", cell: at(renamed, "transferred"), related: [a2Transfer(renamed)], says: COUNT }],
      },
      {
        name: "the unit's two rows summed (2 + 2 = 4 ≠ 3)",
        workbook: twoRows.workbook,
        findings: [
          { table: "A5", cell: at(twoRows, "transferred"), related: [at(twoRows, "transferred", 1), a2Transfer(twoRows)], says: [...COUNT, "2 行合计", "4"] },
        ],
      },
      {
        name: "`无` in 附件5 against 2 in 附件2",
        workbook: placeholder.workbook,
        findings: [{ table: "A5", cell: at(placeholder, "transferred"), related: [a2Transfer(placeholder)], says: COUNT }],
      },
      {
        name: "both tables on one sheet",
        workbook: book(together.sheet),
        findings: [
          {
            table: "A5",
            sheet: "两表",
            cell: a1(bodyAt(s5.layout, "transferred"), { row: together.offsets[1], col: 0 }),
            related: [a1(valueAt(s2.layout, "transfer", "current"), { row: together.offsets[0], col: 0 })],
            says: COUNT,
          },
        ],
      },
    ],
  },
);
