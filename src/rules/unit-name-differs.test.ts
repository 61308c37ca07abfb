import rule from "./unit-name-differs";
import { seedBook, seedTable, seedTwoUnits } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { a1, bodyAt, metaAt, unitRowAt } from "../../tests/helpers/layoutCells";
import { book, setCell } from "../../tests/helpers/sheetEdits";
import { SHEET_NAMES } from "../templates/tables";
import { SEED_UNIT } from "../templates/sample";
import type { SheetLayout } from "../templates/layout";
import type { WorkbookSnapshot } from "../grid/grid";

const OTHER = "湘潭县自然资源和规划局";
const on = (id: keyof typeof SHEET_NAMES, cell: string) => `'${SHEET_NAMES[id]}'!${cell}`;
const lineOf = (l: SheetLayout) => a1(metaAt(l, "unit"));
const rowOf = (l: SheetLayout) => a1(unitRowAt(l));

/** The seed book with one cell rewritten on the sheet of table `id`. */
function rewrite(id: "A2" | "A3" | "A4" | "A5", cell: { row: number; col: number }, value: string): WorkbookSnapshot {
  const b = seedBook();
  const i = b.workbook.sheets.findIndex((s) => s.name === SHEET_NAMES[id]);
  const sheets = [...b.workbook.sheets];
  sheets[i] = setCell(sheets[i], cell.row, cell.col, value);
  return { sheets };
}

const seed = seedBook();
const a2Row = seedBook({ A2: { rowUnit: OTHER } });
const a5Row = seedBook({ A5: { rowUnit: OTHER } });
const a3Line = seedBook({ A3: { lineUnit: "湘潭县林业局" } });
const a4Line = seedBook({ A4: { lineUnit: OTHER } });
const lonely = seedBook({ A2: { rowUnit: OTHER } }, ["A2"]);
const strangers = seedTwoUnits("A2", { rowUnit: "湘潭县林业局" }, { unit: "湘潭县水利局" });
const strangersBook = book(strangers.sheet, seedTable("A3").sheet, seedTable("A5").sheet);
const withFriend = seedTwoUnits("A2", {}, { unit: "湘潭县林业局" });

ruleTester(
  rule,
  { id: "unit-name-differs", severity: "warning" },
  {
    valid: [
      { name: "附件4's department row (自然资源执法股) is not the unit", workbook: seed.workbook },
      { name: "spaces in the name", workbook: seedBook({ A2: { lineUnit: ` 湘潭县 自然资源局 ` }, A5: { rowUnit: "湘潭县自然资源局　" } }).workbook },
      { name: "the line written `执法单位（盖章）：…`", workbook: rewrite("A3", metaAt(seed.layouts.A3, "unit"), `执法单位（盖章）：${SEED_UNIT}`) },
      { name: "(盖章) after the name", workbook: rewrite("A4", metaAt(seed.layouts.A4, "unit"), `执法单位：${SEED_UNIT}（盖章）`) },
      { name: "an empty unit line is not a difference", workbook: seedBook({ A3: { lineUnit: "" } }).workbook },
      { name: "tables of another report year are not compared", workbook: seedBook({ A5: { year: 2023, rowUnit: OTHER } }).workbook },
      {
        name: "a summary table listing the unit among others",
        workbook: book(withFriend.sheet, seedTable("A3").sheet, seedTable("A4").sheet, seedTable("A5").sheet),
      },
      { name: "a 附件5 row not in use", workbook: seedBook({ A5: { more: [{}, { name: null }] } }).workbook },
    ],
    invalid: [
      {
        name: "the 附件2 unit row differs from everything else: related to its own line",
        workbook: a2Row.workbook,
        findings: [{ table: "A2", cell: rowOf(a2Row.layouts.A2), related: [lineOf(a2Row.layouts.A2)], says: ["行政执法单位名称", OTHER, SEED_UNIT] }],
      },
      {
        name: "the 附件5 row differs: related to 附件2's line on its sheet",
        workbook: a5Row.workbook,
        findings: [
          {
            table: "A5",
            cell: a1(bodyAt(a5Row.layouts.A5, "name")),
            related: [on("A2", lineOf(a5Row.layouts.A2))],
            says: ["行政执法单位名称", "第1行", OTHER],
          },
        ],
      },
      {
        name: "附件3's 执法单位 line differs",
        workbook: a3Line.workbook,
        findings: [{ table: "A3", cell: lineOf(a3Line.layouts.A3), related: [on("A2", lineOf(a3Line.layouts.A2))], says: ["执法单位", "湘潭县林业局"] }],
      },
      {
        name: "附件4's 执法单位 line differs",
        workbook: a4Line.workbook,
        findings: [{ table: "A4", cell: lineOf(a4Line.layouts.A4), related: [on("A2", lineOf(a4Line.layouts.A2))], says: ["执法单位", OTHER] }],
      },
      {
        name: "only 附件2, line against row: the sealed line is taken as the unit",
        workbook: lonely.workbook,
        findings: [{ table: "A2", cell: rowOf(lonely.layouts.A2), related: [lineOf(lonely.layouts.A2)], says: ["行政执法单位名称", OTHER] }],
      },
      {
        name: "a summary table none of whose units is the unit: its first unit row",
        workbook: strangersBook,
        findings: [{ table: "A2", cell: rowOf(strangers.layout), related: [lineOf(strangers.layout)], says: ["行政执法单位名称", "湘潭县林业局"] }],
      },
    ],
  },
);
