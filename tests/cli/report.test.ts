/**
 * xzzf check on the 工作报告 itself (.docx: its tables and its body) and with --report beside a
 * workbook. Fixtures made by LibreOffice Writer (scripts/make-docx-fixtures.js).
 */
import { readFileSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { run, tempDir } from "./run";
import { ole2, rawZip, zerosDeflate, zipParts } from "../robust/bytes";

const ROOT = resolve(__dirname, "..", "..");
const REPORT = join(ROOT, "tests", "fixtures", "report", "seed-report.docx");
const REPORT_DOC = join(ROOT, "tests", "fixtures", "report", "seed-report.doc");
const SEED = join(ROOT, "tests", "fixtures", "files", "seed.xlsx");
const tmp = tempDir("report");
afterAll(() => tmp.cleanup());

interface JsonFinding {
  rule: string;
  severity: string;
  table: string | null;
  sheet: string;
  cell: string;
  message: string;
  quote?: { paragraph: number; sentence: string; figure: string };
}
interface JsonFile {
  file: string;
  kind?: string;
  error: string | null;
  findings: JsonFinding[];
}

async function json(args: string[]): Promise<{ code: number; files: JsonFile[]; stderr: string }> {
  const r = await run(["check", ...args, "--format", "json"]);
  return { code: r.code, files: (JSON.parse(r.stdout) as { files: JsonFile[] }).files, stderr: r.stderr };
}

const key = (f: JsonFinding) => `${f.rule}|${f.severity}|${f.table}|${f.message}`;
const isBody = (f: JsonFinding) => f.rule.startsWith("report-");
const BODY_RULES = ["report-measure-differs", "report-measure-note", "report-measure-note"];

test("xzzf check 工作报告.docx: the seed's 46 table findings plus the three of its body", async () => {
  const [
    {
      files: [workbook],
    },
    {
      code,
      files: [report],
    },
  ] = await Promise.all([json([SEED]), json([REPORT])]);
  expect(code).toBe(0);
  expect(report.kind).toBe("docx");
  expect(workbook.kind).toBeUndefined();
  expect(
    report.findings
      .filter((f) => !isBody(f))
      .map(key)
      .sort(),
  ).toEqual(workbook.findings.map(key).sort());
  const body = report.findings.filter(isBody);
  expect(body.map((f) => f.rule).sort()).toEqual(BODY_RULES);
  // each quotes its sentence and paragraph, at the table's cell of a sheet named 表N
  for (const f of body) {
    expect(f.quote?.paragraph).toBe(10);
    expect(f.quote?.sentence).toContain(f.quote?.figure ?? "?");
    expect(f.message).toContain("第10段");
    expect(f.sheet).toBe("表1");
  }
  expect(body.find((f) => f.rule === "report-measure-differs")?.quote?.figure).toBe("589万余元");
});

test("xzzf check 统计表.xlsx --report 工作报告.docx: the body against the workbook's tables", async () => {
  const { code, files } = await json([SEED, "--report", REPORT]);
  expect(code).toBe(0);
  const [f] = files;
  expect(f.kind).toBeUndefined();
  const body = f.findings.filter(isBody);
  expect(body.map((x) => x.rule).sort()).toEqual(BODY_RULES);
  const plain = (await json([SEED])).files[0];
  const fines = plain.findings.length; // the cells the body findings name are the workbook's own
  expect(f.findings.length).toBe(fines + 3);
  const differs = body.find((x) => x.rule === "report-measure-differs");
  expect(differs?.sheet).toBe(plain.findings.find((x) => x.table === "A2")?.sheet);
  expect(differs?.cell).toBe("T7");
});

test("a batch mixing workbooks and reports checks each; bad reports get one sentence naming the file", async () => {
  const truncated = tmp.path("截断.docx");
  writeFileSync(truncated, readFileSync(REPORT).subarray(0, 4000));
  const renamed = tmp.path("其实是工作簿.docx");
  writeFileSync(renamed, readFileSync(SEED));
  const { code, files } = await json([SEED, REPORT_DOC, truncated, REPORT, renamed]);
  expect(code).toBe(2);
  expect(files.map((f) => f.file)).toEqual([SEED, REPORT_DOC, truncated, REPORT, renamed]);
  expect(files[0].error).toBeNull();
  expect(files[3].error).toBeNull();
  expect(files[3].findings.filter(isBody)).toHaveLength(3);
  expect(files[1].error).toMatch(/Word 97|\.doc/);
  expect(files[2].error).toMatch(/报告|Word/);
  expect(files[2].error).not.toContain(".xlsx");
  // a workbook renamed .docx is read as the workbook it is: its content decides, not its name
  expect(files[4].error).toBeNull();
  expect(files[4].kind).toBeUndefined();
});

test("--report with a file that is no report stops with one sentence and exit 2", async () => {
  const r = await run(["check", SEED, "--report", SEED]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/--report/);
  expect(r.stderr).toContain(SEED);
  expect(r.stdout).toBe("");
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const docxOf = (body: string) =>
  zipParts({
    "[Content_Types].xml": CONTENT_TYPES,
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  });
const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
const picture = '<w:p><w:r><w:drawing><wp:inline xmlns:wp="x"/></w:drawing></w:r></w:p>';

test("each bad report gets its one sentence and the other files of the batch are checked", async () => {
  const bad: Record<string, Uint8Array> = {
    "加密.docx": ole2([
      { name: "EncryptionInfo", data: new Uint8Array(300) },
      { name: "EncryptedPackage", data: new Uint8Array(5000) },
    ]),
    "无表格.docx": docxOf(para("立案查处自然资源违法行为12件")),
    "表格是图片.docx": docxOf(para("附件2") + `<w:tbl><w:tr><w:tc>${picture}</w:tc></w:tr></w:tbl>`),
    "炸弹.docx": rawZip([{ name: "word/document.xml", data: zerosDeflate(1000), size: 200 * 1024 * 1024 }]),
  };
  const paths = Object.entries(bad).map(([name, bytes]) => {
    writeFileSync(tmp.path(name), bytes);
    return tmp.path(name);
  });
  const { code, files } = await json([REPORT, ...paths, SEED]);
  expect(code).toBe(2);
  expect(files[0].error).toBeNull();
  expect(files[5].error).toBeNull();
  const errors = files.slice(1, 5).map((f) => f.error ?? "");
  expect(errors[0]).toContain("已加密");
  expect(errors[1]).toContain("未找到表格");
  expect(errors[2]).toContain("表格是图片");
  expect(errors[3]).toContain("压缩炸弹");
  errors.forEach((e, i) => expect([i, /[\u4e00-\u9fff]/.test(e), e.split(/[。！]/).filter((x) => x.trim()).length <= 2]).toEqual([i, true, true]));
});
