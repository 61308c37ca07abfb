/**
 * Folders and patterns as file arguments: what cmd.exe and PowerShell pass on as typed
 * (`xzzf check *.xlsx`), and what a reviewer gives for a folder of units' reports.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { expandFileArgs } from "../../src/cli/fileArgs";
import { CliError, translator } from "../../src/cli/io";
import { run, tempDir } from "./run";
import { writeSeedXlsx } from "../helpers/xlsx";

const tmp = tempDir("file-args");
afterAll(() => tmp.cleanup());
const t = translator("zh");

/** A folder of files with these names (made with `content`), subfolders made as needed. */
function tree(root: string, names: string[], content = "x"): string {
  const dir = tmp.path(root);
  for (const n of names) {
    mkdirSync(join(dir, n, ".."), { recursive: true });
    writeFileSync(join(dir, n), content);
  }
  return dir;
}

test("a folder: its workbooks and reports in natural order, then its subfolders'; lock and hidden files left out", () => {
  const dir = tree("units", [
    "第10单位.xlsx",
    "第2单位.XLSX",
    "~$第2单位.XLSX",
    ".hidden.xlsx",
    "说明.txt",
    "报告.docx",
    "旧表.xls",
    "乡镇/甲镇.et",
    "乡镇/乙镇.ods",
    ".git/config.xlsx",
  ]);
  expect(expandFileArgs([dir], t)).toEqual([
    join(dir, "报告.docx"),
    join(dir, "旧表.xls"),
    join(dir, "第2单位.XLSX"),
    join(dir, "第10单位.xlsx"),
    join(dir, "乡镇", "乙镇.ods"),
    join(dir, "乡镇", "甲镇.et"),
  ]);
});

test("patterns: * and ? in the name or in folders, ** for any depth; files named as typed stay", () => {
  const dir = tree("pat", ["a1.xlsx", "a2.xlsx", "a10.xlsx", "b.xlsx", "~$a1.xlsx", "a.docx", "x/a3.xlsx", "y/z/a4.xlsx"]);
  expect(expandFileArgs([join(dir, "a*.xlsx")], t)).toEqual(["a1.xlsx", "a2.xlsx", "a10.xlsx"].map((n) => join(dir, n)));
  expect(expandFileArgs([join(dir, "*.xlsx")], t)).toEqual(["a1.xlsx", "a2.xlsx", "a10.xlsx", "b.xlsx"].map((n) => join(dir, n)));
  expect(expandFileArgs([join(dir, "a?.xlsx")], t)).toEqual(["a1.xlsx", "a2.xlsx"].map((n) => join(dir, n)));
  expect(expandFileArgs([join(dir, "*", "a*.xlsx")], t)).toEqual([join(dir, "x", "a3.xlsx")]);
  expect(expandFileArgs([join(dir, "**", "a?.xlsx")], t)).toEqual(
    [["a1.xlsx"], ["a2.xlsx"], ["x", "a3.xlsx"], ["y", "z", "a4.xlsx"]].map((p) => join(dir, ...p)),
  );
  expect(expandFileArgs([join(dir, "y", "**")], t)).toEqual([join(dir, "y", "z", "a4.xlsx")]);
  // the arguments keep their order; a plain name is not looked at (the reader says why it cannot be read)
  expect(expandFileArgs([join(dir, "b.xlsx"), join(dir, "a1.*"), "no-such.xlsx"], t)).toEqual([join(dir, "b.xlsx"), join(dir, "a1.xlsx"), "no-such.xlsx"]);
});

test("the characters of a regular expression in a pattern are themselves", () => {
  const dir = tree("regex", ["报表(2).xlsx", "报表2.xlsx", "a+b.xlsx", "aab.xlsx", "[x].xlsx"]);
  expect(expandFileArgs([join(dir, "报表(*).xlsx")], t)).toEqual([join(dir, "报表(2).xlsx")]);
  expect(expandFileArgs([join(dir, "a+?.xlsx")], t)).toEqual([join(dir, "a+b.xlsx")]);
  expect(expandFileArgs([join(dir, "[*].xlsx")], t)).toEqual([join(dir, "[x].xlsx")]);
});

test("case: Windows and macOS match names without regard to case, Linux with", () => {
  const dir = tree("case", ["Report.XLSX", "report2.xlsx"]);
  expect(expandFileArgs([join(dir, "*.xlsx")], t, { platform: "win32" })).toEqual([join(dir, "Report.XLSX"), join(dir, "report2.xlsx")]);
  expect(expandFileArgs([join(dir, "*.xlsx")], t, { platform: "darwin" })).toHaveLength(2);
  expect(expandFileArgs([join(dir, "*.xlsx")], t, { platform: "linux" })).toEqual([join(dir, "report2.xlsx")]);
});

test("a pattern matching nothing and a folder without workbooks stop the command, named", () => {
  const empty = tree("empty", ["readme.txt"]);
  expect(() => expandFileArgs([join(empty, "*.xlsx")], t)).toThrow(new CliError(`没有与“${join(empty, "*.xlsx")}”匹配的文件。`));
  expect(() => expandFileArgs([empty], t)).toThrow(CliError);
  expect(() => expandFileArgs([empty], t)).toThrow(/文件夹“.*empty”及其子文件夹里没有可检查的文件/);
  expect(() => expandFileArgs([join(empty, "nowhere", "*.xlsx")], t)).toThrow(/没有与/);
});

test("on POSIX a file whose name holds * is taken as written", () => {
  if (process.platform === "win32") return; // `*` cannot be in a Windows file name
  const dir = tree("star", ["a*b.xlsx", "aXb.xlsx"]);
  expect(expandFileArgs([join(dir, "a*b.xlsx")], t)).toEqual([join(dir, "a*b.xlsx")]);
});

test("xzzf check <folder> and <pattern>: each workbook checked, in order; the lock file is not among them", async () => {
  const dir = tmp.path("batch");
  mkdirSync(join(dir, "乡镇"), { recursive: true });
  const seed = await writeSeedXlsx(join(dir, "第10单位.xlsx"));
  copyFileSync(seed, join(dir, "第2单位.xlsx"));
  copyFileSync(seed, join(dir, "乡镇", "甲镇.xlsx"));
  writeFileSync(join(dir, "~$第2单位.xlsx"), "locked by 张三");

  const r = await run(["check", dir, "--format", "json"]);
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout) as { files: Array<{ file: string; findings: unknown[]; error: string | null }> };
  expect(out.files.map((f) => f.file)).toEqual([join(dir, "第2单位.xlsx"), join(dir, "第10单位.xlsx"), join(dir, "乡镇", "甲镇.xlsx")]);
  for (const f of out.files) expect([f.error, f.findings.length]).toEqual([null, 46]);

  const p = await run(["check", join(dir, "第*.xlsx"), "--format", "csv"]);
  expect(p.code).toBe(0);
  expect(p.stdout).toContain(join(dir, "第2单位.xlsx"));
  expect(p.stdout).not.toContain("~$");

  const none = await run(["check", join(dir, "*.xls")]);
  expect(none.code).toBe(2);
  expect(none.stdout).toBe("");
  expect(none.stderr).toContain(`没有与“${join(dir, "*.xls")}”匹配的文件。`);
});
