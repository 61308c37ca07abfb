/**
 * The per-file step: a workbook by the fast reader, a Word 工作报告 by its content (whatever its
 * name) with its body given to the rules, and refusals as one sentence in the row.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { analyse } from "../../check/analyse";
import { readDocx } from "../../host/docx/readDocx";
import { readWorkbookFast } from "../../host/xlsx/fastReader";
import { countBySeverity } from "../../flows/severity";
import { checkForBatch, readForBatch } from "./readForBatch";

const FIXTURES = path.join(__dirname, "..", "..", "..", "tests", "fixtures");
const bytesOf = (rel: string) => new Uint8Array(readFileSync(path.join(FIXTURES, rel)));

test("a workbook: the seed's unit, year, four tables and 46 findings, none an error", () => {
  const s = checkForBatch(0, "seed.xlsx", bytesOf("files/seed.xlsx"));
  expect(s).toMatchObject({ kind: "xlsx", unit: "湘潭县自然资源局", year: 2024, tables: ["A2", "A3", "A4", "A5"], state: "fix" });
  expect(s.findings).toHaveLength(46);
  expect(s.counts).toEqual(countBySeverity(analyse(readWorkbookFast(bytesOf("files/seed.xlsx"))).findings));
});

test("a .docx report, even named .xlsx, is read as a report: its tables checked, its body given to the rules", () => {
  const bytes = bytesOf("report/seed-report.docx");
  const input = readForBatch("报告.xlsx", bytes);
  expect(input.kind).toBe("docx");
  expect(input.options.body).toEqual(readDocx(bytes).paragraphs);
  expect(input.options.body!.length).toBeGreaterThan(0);
  const s = checkForBatch(3, "报告.xlsx", bytes);
  expect(s.kind).toBe("docx");
  expect(s.tables.length).toBeGreaterThan(0);
  expect(s.year).toBe(2024);
  // the body was checked against the tables: the seed report's text says 罚款589万余元, more than 附件2's 罚没金额
  expect(s.findings.find((f) => f.rule === "report-measure-differs")?.message).toContain("589万余元");
  expect(analyse(readDocx(bytes).snapshot).findings.some((f) => f.rule.startsWith("report-"))).toBe(false);
});

test("an old .doc report is refused with its one sentence, naming what to do", () => {
  const s = checkForBatch(1, "报告.doc", bytesOf("report/seed-report.doc"));
  expect(s.state).toBe("unreadable");
  expect(s.kind).toBeNull();
  expect(s.error).toMatch(/[\u4e00-\u9fff]/);
  expect(s.error).not.toMatch(/\bat \w+ \(/); // no stack trace
  expect(s.findings).toEqual([]);
});
