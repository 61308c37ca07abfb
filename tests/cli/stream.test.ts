import { csvHeader, csvRows, formatCsv, formatJson, JSON_CLOSE, JSON_OPEN, jsonFileEntry, type FileResult } from "../../src/cli/report";
import { analyse } from "../../src/check/analyse";
import { seedSnapshot } from "../helpers/seedWorkbook";

const seed = analyse(seedSnapshot());
const results: FileResult[] = [
  { file: "a.xlsx", year: seed.year, tables: seed.tables.map((t) => ({ id: t.id, sheet: t.sheet, range: t.range })), findings: seed.findings, error: null },
  { file: "b.xlsx", year: null, tables: [], findings: [], error: "文件为空（0 字节），请重新导出后再试。" },
  { file: "=c.xlsx", year: seed.year, tables: [], findings: seed.findings.slice(0, 2), error: null },
  {
    file: 'd "引号"\\路径\n.xlsx',
    year: 2024,
    tables: [{ id: "A4", sheet: "表\t4", range: "A1:B2" }],
    findings: [
      {
        rule: "layout-header",
        severity: "error",
        sheet: "S",
        cell: "A1",
        related: ["B1", "'附件2 执法案件'!N7"],
        message: "「说明」\u2028第二行",
        messageEn: 'a "quoted"\nline',
      },
      { rule: "value-missing", severity: "info", table: "A4", sheet: "S", cell: "B2", related: [], message: "", messageEn: "" },
    ],
    error: null,
  },
];

describe("the report written a file at a time", () => {
  test("JSON is the same document as written whole", () => {
    const streamed = JSON_OPEN + results.map((r, i) => jsonFileEntry(r, "zh", i === 0)).join("") + JSON_CLOSE;
    expect(streamed).toBe(formatJson(results, "zh"));
    expect(JSON.parse(streamed).files).toHaveLength(4);
    expect(seed.findings.some((f) => f.related.length > 1)).toBe(true);
    const en = JSON_OPEN + results.map((r, i) => jsonFileEntry(r, "en", i === 0)).join("") + JSON_CLOSE;
    expect(en).toBe(formatJson(results, "en"));
  });

  test("CSV is the same text as written whole, with one BOM", () => {
    const streamed = csvHeader() + results.map((r) => csvRows(r, "en")).join("");
    expect(streamed).toBe(formatCsv(results, "en"));
    expect(streamed.split("\ufeff")).toHaveLength(2);
    expect(streamed).toContain("'=c.xlsx");
  });
});
