import rule from "./a5-forward-sum";
import { seedBook, seedTable } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { a1, bodyAt, columnHeaderAt } from "../../tests/helpers/layoutCells";
import { book, deleteCols, shift, stack } from "../../tests/helpers/sheetEdits";

const A5 = (row: Record<string, string | number | null>, more: Array<Record<string, string | number | null>> = []) => seedBook({ A5: { row, more } });
const at = (wb: ReturnType<typeof A5>, key: string, index = 0) => a1(bodyAt(wb.layouts.A5, key, index));
// the message quotes 注5 as the form prints it (templates.md)
const SAYS = [
  "移送案件数",
  "刑事立案数",
  "刑事不予立案数",
  "不予起诉案件数",
  "注5：“移送案件数”应当大于等于“刑事立案数”“刑事不予立案数”“不予起诉案件数”之和。",
];

const broken = A5({ transferred: 2, filed: 1, notFiled: 1, notProsecuted: 1 });
const zeroLeft = A5({ transferred: "无", filed: "无", notFiled: 1 });
const partial = A5({ transferred: 3, filed: 4, notFiled: null, notProsecuted: "" });
const secondRow = A5({ transferred: 5, filed: 5 }, [{ name: "湘潭县林业局", platform: "是", transferred: "1件", filed: 1, notFiled: 1, notProsecuted: 0 }]);
const noMerges = seedBook({ A5: { row: { transferred: 1, notProsecuted: 2 }, withoutMerges: true } });

// 附件5 shifted and stacked under 附件4 on one sheet
const moved = seedTable("A5", { row: { transferred: 0, filed: 0, notFiled: 0, notProsecuted: 3 } });
const a4 = seedTable("A4");
const together = stack("两表", [a4.sheet, moved.sheet], 3);
const off = { row: together.offsets[1] + 2, col: 3 };
const stacked = book(shift(together.sheet, 2, 3));

const missingCol = seedTable("A5", { row: { transferred: 1, filed: 2, notFiled: 0, notProsecuted: 5 } });
const withoutNotProsecuted = book(deleteCols(missingCol.sheet, columnHeaderAt(missingCol.layout, "notProsecuted").col, 1));

ruleTester(
  rule,
  { id: "a5-forward-sum", severity: "error" },
  {
    valid: [
      { name: "移送案件数 equals the sum", workbook: A5({ transferred: 5, filed: 2, notFiled: 1, notProsecuted: 2 }).workbook },
      { name: "移送案件数 above the sum", workbook: A5({ transferred: 6, filed: 2, notFiled: 1, notProsecuted: 2 }).workbook },
      { name: "numbers typed as text with units", workbook: A5({ transferred: "５件", filed: "2", notFiled: " 1 ", notProsecuted: "2件" }).workbook },
      { name: "移送案件数 empty: not compared (value-missing reports it)", workbook: A5({ transferred: null, filed: 3 }).workbook },
      { name: "移送案件数 unreadable: not compared (value-not-number reports it)", workbook: A5({ transferred: "若干", filed: 3 }).workbook },
      { name: "a row not in use", workbook: A5({}, [{}, { name: null }]).workbook },
      {
        name: "the 不予起诉案件数 column missing: the others are checked, no crash",
        workbook: book(
          deleteCols(seedTable("A5", { row: { transferred: 2, filed: 1, notFiled: 1 } }).sheet, columnHeaderAt(seedTable("A5").layout, "notProsecuted").col, 1),
        ),
      },
    ],
    invalid: [
      {
        name: "2 < 1 + 1 + 1",
        workbook: broken.workbook,
        findings: [
          { table: "A5", cell: at(broken, "transferred"), related: [at(broken, "filed"), at(broken, "notFiled"), at(broken, "notProsecuted")], says: SAYS },
        ],
      },
      {
        name: "`无` (0) transferred with one case not placed on file",
        workbook: zeroLeft.workbook,
        findings: [
          {
            table: "A5",
            cell: at(zeroLeft, "transferred"),
            related: [at(zeroLeft, "filed"), at(zeroLeft, "notFiled"), at(zeroLeft, "notProsecuted")],
            says: [...SAYS, "0 + 1 + 0 = 1"],
          },
        ],
      },
      {
        name: "empty addends do not hide a readable one that already exceeds",
        workbook: partial.workbook,
        findings: [
          { table: "A5", cell: at(partial, "transferred"), related: [at(partial, "filed"), at(partial, "notFiled"), at(partial, "notProsecuted")], says: SAYS },
        ],
      },
      {
        name: "only the row that breaks it (row 2)",
        workbook: secondRow.workbook,
        findings: [
          {
            table: "A5",
            cell: at(secondRow, "transferred", 1),
            related: [at(secondRow, "filed", 1), at(secondRow, "notFiled", 1), at(secondRow, "notProsecuted", 1)],
            says: [...SAYS, "第2行"],
          },
        ],
      },
      {
        name: "without merges",
        workbook: noMerges.workbook,
        findings: [
          {
            table: "A5",
            cell: at(noMerges, "transferred"),
            related: [at(noMerges, "filed"), at(noMerges, "notFiled"), at(noMerges, "notProsecuted")],
            says: SAYS,
          },
        ],
      },
      {
        name: "shifted, under 附件4 on one sheet",
        workbook: stacked,
        findings: [
          {
            table: "A5",
            sheet: "两表",
            cell: a1(bodyAt(moved.layout, "transferred"), off),
            related: ["filed", "notFiled", "notProsecuted"].map((k) => a1(bodyAt(moved.layout, k), off)),
            says: SAYS,
          },
        ],
      },
      {
        name: "the 不予起诉案件数 column missing: the remaining addends still count",
        workbook: withoutNotProsecuted,
        findings: [
          {
            table: "A5",
            cell: a1(bodyAt(missingCol.layout, "transferred")),
            related: [a1(bodyAt(missingCol.layout, "filed")), a1(bodyAt(missingCol.layout, "notFiled"))],
            says: SAYS.slice(0, 3),
          },
        ],
      },
    ],
  },
);
