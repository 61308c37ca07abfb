import { csvHeader, csvRows, formatCsv, formatJson, JSON_CLOSE, JSON_OPEN, jsonFileEntry, type FileResult } from "../../src/cli/report";
import { analyse } from "../../src/engine/analyse";
import { seedSnapshot } from "../helpers/seedWorkbook";

const seed = analyse(seedSnapshot());
const results: FileResult[] = [
  { file: "a.xlsx", year: seed.year, tables: seed.tables.map((t) => ({ id: t.id, sheet: t.sheet, range: t.range })), findings: seed.findings, error: null },
  { file: "b.xlsx", year: null, tables: [], findings: [], error: "文件为空（0 字节），请重新导出后再试。" },
  { file: "=c.xlsx", year: seed.year, tables: [], findings: seed.findings.slice(0, 2), error: null },
];

describe("the report written a file at a time", () => {
  test("JSON is the same document as written whole", () => {
    const streamed = JSON_OPEN + results.map((r, i) => jsonFileEntry(r, "zh", i === 0)).join("") + JSON_CLOSE;
    expect(streamed).toBe(formatJson(results, "zh"));
    expect(JSON.parse(streamed).files).toHaveLength(3);
  });

  test("CSV is the same text as written whole, with one BOM", () => {
    const streamed = csvHeader() + results.map((r) => csvRows(r, "en")).join("");
    expect(streamed).toBe(formatCsv(results, "en"));
    expect(streamed.split("\ufeff")).toHaveLength(2);
    expect(streamed).toContain("'=c.xlsx");
  });
});
