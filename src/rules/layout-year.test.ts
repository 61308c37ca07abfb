import rule from "./layout-year";
import { analyse } from "../check/analyse";
import { seedTable } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
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
const a2Labels = tableDef("A2").categories.map((c) => c.label);
const staleCells = tableDef("A2").categories.flatMap((c) => [a1(yearHeaderAt(a2.layout, c.key, "prior")), a1(yearHeaderAt(a2.layout, c.key, "current"))]);
const at = (p: { row: number; col: number }, r: number, c: number) => p.row === r && p.col === c;
const currentStale = mapValues(a2.sheet, (v, r, c) => (at(yearHeaderAt(a2.layout, "fines", "current"), r, c) ? 2023 : v));
const twoStale = mapValues(a2.sheet, (v, r, c) =>
  at(yearHeaderAt(a2.layout, "permit", "prior"), r, c) ? 2022 : at(yearHeaderAt(a2.layout, "review", "current"), r, c) ? 2025 : v,
);
const textYears = mapValues(a3.sheet, (v, r) => (r === yearHeaderAt(a3.layout, "penalty", "prior").row && typeof v === "number" ? `${v}年` : v));

ruleTester(
  rule,
  { id: "layout-year", severity: "error" },
  {
    valid: [
      { name: "a 2025 report with 2024 | 2025 columns", workbook: book(seedTable("A2", { year: 2025 }).sheet, seedTable("A3", { year: 2025 }).sheet) },
      { name: "year headers written as text `2023年`", workbook: book(textYears) },
      { name: "without merges", workbook: book(seedTable("A3", { withoutMerges: true }).sheet) },
    ],
    invalid: [
      {
        name: "2022 | 2023 under a 2024 title: one finding, at the first wrong year cell, the other 19 related",
        workbook: book(lastYears),
        findings: [
          {
            table: "A2",
            cell: staleCells[0],
            related: staleCells.slice(1),
            says: [a2Labels[0], "2023", "2024", "另有 9 个类别", a2Labels[9]],
          },
        ],
      },
      {
        name: "one category's year headers empty",
        workbook: book(noYears),
        findings: [
          {
            table: "A3",
            cell: a1(categoryHeaderAt(a3.layout, "penalty"), { row: 1, col: 0 }),
            related: [a1(yearHeaderAt(a3.layout, "penalty", "current"))],
            says: ["涉企行政处罚(件)", "空"],
          },
        ],
      },
      {
        name: "only the current-year header of one category wrong (2023 | 2023): that cell, nothing related",
        workbook: book(currentStale),
        findings: [{ table: "A2", cell: a1(yearHeaderAt(a2.layout, "fines", "current")), related: [], says: ["罚没金额（元）", "2023 和 2023"] }],
      },
      {
        name: "two categories wrong: the first one's cell, the other's related, both named",
        workbook: book(twoStale),
        findings: [
          {
            table: "A2",
            cell: a1(yearHeaderAt(a2.layout, "permit", "prior")),
            related: [a1(yearHeaderAt(a2.layout, "review", "current"))],
            says: ["行政许可(件)", "另有 1 个类别", "重大执法决定法制审核案件(件)"],
          },
        ],
      },
      {
        name: "附件4 title without a year",
        workbook: book(a4NoYear.sheet),
        findings: [{ table: "A4", cell: a1(titleAt(a4NoYear.layout)), related: [], says: ["标题", "年份"] }],
      },
      {
        name: "附件5 title left as XXXX年",
        workbook: book(a5Placeholder.sheet),
        findings: [{ table: "A5", cell: a1(titleAt(a5Placeholder.layout)), related: [], says: ["年份"] }],
      },
      {
        name: "附件2 title without a year (the year headers still give the year)",
        workbook: book(a2NoYear.sheet),
        findings: [{ table: "A2", cell: a1(titleAt(a2NoYear.layout)), related: [], says: ["年份"] }],
      },
    ],
  },
);

describe("layout-year with every rule", () => {
  test("a wrong year row gives exactly one layout-year, and no table-year-differs (the title still says 2024)", () => {
    const f = analyse(book(lastYears, a3.sheet)).findings;
    expect(f.filter((x) => x.rule === "layout-year")).toHaveLength(1);
    expect(f.filter((x) => x.rule === "table-year-differs")).toEqual([]);
  });
});
