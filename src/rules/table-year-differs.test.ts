import rule from "./table-year-differs";
import { analyse } from "../check/analyse";
import { seedBook, seedTable } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { a1, titleAt } from "../../tests/helpers/layoutCells";
import { setCell } from "../../tests/helpers/sheetEdits";
import { SHEET_NAMES, TABLE_NAMES } from "../templates/tables";

const title = (id: "A2" | "A3" | "A4" | "A5") => a1(titleAt(seedTable(id).layout));

// 附件3 of 2023 beside a 2024 report, with figures above 附件2's: compared, they would be a3-exceeds-a2
const a3Stale = seedBook({ A3: { year: 2023, values: { penalty: [50, 60], coercion: [-1, 0] } } });
const a2Stale = seedBook({ A2: { year: 2023 } });
const tieA2 = seedBook({ A3: { year: 2023 } }, ["A2", "A3"]);
const tieA2Old = seedBook({ A2: { year: 2023 } }, ["A2", "A3"]);
const tieNoA2 = seedBook({ A5: { year: 2023 } }, ["A4", "A5"]);
const halves = seedBook({ A3: { year: 2023, unit: "湘潭县林业局" }, A5: { year: 2023, unit: "湘潭县林业局" } });

// 附件4 without a year in its title: layout-year's, not a year that differs
const a4 = seedTable("A4");
const a4NoYear = {
  sheets: seedBook().workbook.sheets.map((s) =>
    s.name === SHEET_NAMES.A4 ? setCell(a4.sheet, titleAt(a4.layout).row, titleAt(a4.layout).col, "行政执法保障情况统计表") : s,
  ),
};

ruleTester(
  rule,
  { id: "table-year-differs", severity: "error" },
  {
    valid: [
      {
        name: "a 2025 report, every table 2025",
        workbook: seedBook({ A2: { year: 2025 }, A3: { year: 2025 }, A4: { year: 2025 }, A5: { year: 2025 } }).workbook,
      },
      { name: "a table whose title gives no year", workbook: a4NoYear },
      { name: "one table alone", workbook: seedBook({ A3: { year: 2023 } }, ["A3"]).workbook },
    ],
    invalid: [
      {
        name: "附件3 of 2023 while the rest is 2024",
        workbook: a3Stale.workbook,
        findings: [{ table: "A3", cell: title("A3"), related: [], says: ["2023 年的表", "报告年度是 2024 年", TABLE_NAMES.A2, TABLE_NAMES.A5] }],
      },
      {
        name: "附件2 of 2023 while the rest is 2024: the most common year wins over 附件2's",
        workbook: a2Stale.workbook,
        findings: [{ table: "A2", cell: title("A2"), related: [], says: ["2023 年的表", "2024 年"] }],
      },
      {
        name: "a tie: 附件2's year (2024) decides",
        workbook: tieA2.workbook,
        findings: [{ table: "A3", cell: title("A3"), related: [], says: ["2023", "2024", "一样多"] }],
      },
      {
        name: "a tie: 附件2's year decides when it is the older one too",
        workbook: tieA2Old.workbook,
        findings: [{ table: "A3", cell: title("A3"), related: [], says: ["2024 年的表", "报告年度是 2023 年", "一样多"] }],
      },
      {
        name: "a tie without 附件2: the lowest-numbered appendix (附件4) decides",
        workbook: tieNoA2.workbook,
        findings: [{ table: "A5", cell: title("A5"), related: [], says: ["2023 年的表", "报告年度是 2024 年", TABLE_NAMES.A4] }],
      },
      {
        name: "two tables of 2023, two of 2024: both 2023 tables",
        workbook: halves.workbook,
        findings: [
          { table: "A3", cell: title("A3"), related: [], says: ["2023 年的表", "2024"] },
          { table: "A5", cell: title("A5"), related: [], says: ["2023 年的表", "2024"] },
        ],
      },
    ],
  },
);

describe("table-year-differs with every rule", () => {
  test("附件3 of 2023: one table-year-differs error, no a3-exceeds-a2; its value rules still run", () => {
    const a = analyse(a3Stale.workbook);
    expect(a.year).toBe(2024);
    expect(a.findings.filter((f) => f.rule === "table-year-differs").map((f) => [f.table, f.severity, f.cell])).toEqual([["A3", "error", title("A3")]]);
    expect(a.findings.filter((f) => f.rule === "a3-exceeds-a2")).toEqual([]);
    // value rules on the 2023 table: the negative, its zeros without explanation
    expect(a.findings.some((f) => f.table === "A3" && f.rule === "value-negative")).toBe(true);
    expect(a.findings.filter((f) => f.table === "A3" && f.rule === "zero-unexplained").length).toBeGreaterThan(0);
    expect(a.findings.filter((f) => f.table === "A3" && f.rule === "layout-year")).toEqual([]);
  });

  test("the same 附件3 of 2024 is compared: a3-exceeds-a2 fires", () => {
    const a = analyse(seedBook({ A3: { values: { penalty: [50, 60] } } }).workbook);
    expect(a.findings.filter((f) => f.rule === "a3-exceeds-a2").length).toBe(2);
  });

  test("tables of another year are left out of the rules between tables, even when two of them agree with each other", () => {
    const a = analyse(halves.workbook);
    expect(a.findings.filter((f) => f.rule === "table-year-differs").map((f) => f.table)).toEqual(["A3", "A5"]);
    // 附件3 and 附件5 name another unit than 附件2/4, and 附件5 transfers nothing: none of it is compared
    expect(a.findings.filter((f) => ["unit-name-differs", "a5-a2-transfer", "a3-exceeds-a2"].includes(f.rule))).toEqual([]);
  });

  test("the report year is the workbook's, not the first table's", () => {
    expect(analyse(a2Stale.workbook).year).toBe(2024);
    expect(analyse(tieA2Old.workbook).year).toBe(2023);
  });
});
