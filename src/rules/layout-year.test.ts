import rule from "./layout-year";
import { seedTable, tableRuleCases } from "../../tests/helpers/tableRuleCases";
import { a1, categoryHeaderAt, titleAt, yearHeaderAt } from "../../tests/helpers/layoutCells";
import { book, mapValues, setCell } from "../../tests/helpers/sheetEdits";
import { tableDef } from "../templates/tables";
import type { TableId } from "../templates/schema";

function retitled(id: TableId, title: string) {
  const t = seedTable(id);
  const at = titleAt(t.layout);
  return { layout: t.layout, sheet: setCell(t.sheet, at.row, at.col, title) };
}

const a2 = seedTable("A2");
const a3 = seedTable("A3");
const lastYears = mapValues(a2.sheet, (v) => (v === 2023 ? 2022 : v === 2024 ? 2023 : v));
const pen = [yearHeaderAt(a3.layout, "penalty", "prior"), yearHeaderAt(a3.layout, "penalty", "current")];
const noYears = mapValues(a3.sheet, (v, r, c) => (pen.some((p) => p.row === r && p.col === c) ? null : v));
const a4NoYear = retitled("A4", "行政执法保障情况统计表");
const a5Placeholder = retitled("A5", "XXXX年“两法衔接”工作情况统计表");
const a2NoYear = retitled("A2", "年行政执法案件数据情况统计表");
const textYears = mapValues(a3.sheet, (v, r) => (r === yearHeaderAt(a3.layout, "penalty", "prior").row && typeof v === "number" ? `${v}年` : v));

tableRuleCases(rule, { id: "layout-year", severity: "error" }, {
  valid: [
    { name: "a 2025 report with 2024 | 2025 columns", workbook: book(seedTable("A2", { year: 2025 }).sheet, seedTable("A3", { year: 2025 }).sheet) },
    { name: "year headers written as text `2023年`", workbook: book(textYears) },
    { name: "without merges", workbook: book(seedTable("A3", { withoutMerges: true }).sheet) },
  ],
  invalid: [
    {
      name: "2022 | 2023 under a 2024 title: each category's year headers",
      workbook: book(lastYears),
      findings: tableDef("A2").categories.map((c) => ({ table: "A2" as const, cell: a1(yearHeaderAt(a2.layout, c.key, "prior")), says: [c.label, "2023", "2024"] })),
    },
    {
      name: "one category's year headers empty",
      workbook: book(noYears),
      findings: [{ table: "A3", cell: a1(categoryHeaderAt(a3.layout, "penalty"), { row: 1, col: 0 }), says: ["涉企行政处罚(件)", "空"] }],
    },
    { name: "附件4 title without a year", workbook: book(a4NoYear.sheet), findings: [{ table: "A4", cell: a1(titleAt(a4NoYear.layout)), says: ["标题", "年份"] }] },
    { name: "附件5 title left as XXXX年", workbook: book(a5Placeholder.sheet), findings: [{ table: "A5", cell: a1(titleAt(a5Placeholder.layout)), says: ["年份"] }] },
    { name: "附件2 title without a year (the year headers still give the year)", workbook: book(a2NoYear.sheet), findings: [{ table: "A2", cell: a1(titleAt(a2NoYear.layout)), says: ["年份"] }] },
  ],
});
