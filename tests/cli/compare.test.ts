import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { run, tempDir } from "./run";
import { withYearly, writeSeedXlsx } from "../helpers/xlsx";

const tmp = tempDir("compare");
afterAll(() => tmp.cleanup());

const SEED = join(__dirname, "..", "fixtures", "files", "seed.xlsx");
const REPORT = join(__dirname, "..", "fixtures", "report", "seed-report.docx");

/** The seed as sent back to the unit: 行政处罚 2024 typed as -9. */
const sentBack = () => writeSeedXlsx(tmp.path("sent-back.xlsx"), { change: { A2: withYearly("penalty", [7, -9]) } });

describe("xzzf compare", () => {
  test("the corrected resubmission: the changed cell, the error resolved, exit 0", async () => {
    const old = await sentBack();
    const r = await run(["compare", old, SEED]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("改动的单元格 1 处：");
    expect(r.stdout).toMatch(/附件2 行政执法案件数据「行政处罚\(件\)」2024年（N7）：-9 → 9/);
    expect(r.stdout).toMatch(/已消除：\n {2}\[错误\] 附件2!N7 value-negative /);
    expect(r.stdout).toMatch(/新出现：\n {2}\[需核实\] 附件2!M8 ratio-missing /);
  });

  test("the other way round the error is new, and exit 1 says the new version still has errors", async () => {
    const r = await run(["compare", SEED, await sentBack()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("9 → -9");
    expect(r.stdout).toMatch(/新出现：\n {2}\[错误\] 附件2!N7 value-negative /);
  });

  test("--format json: the same comparison for other tools, in English with --lang en", async () => {
    const old = await sentBack();
    const r = await run(["compare", old, SEED, "--format", "json", "--lang", "en"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.old).toBe(old);
    expect(doc.new).toBe(SEED);
    expect(doc.cells).toEqual([
      { table: "A2", where: "A2 penalty, current year", sheet: "附件2 执法案件", cell: "N7", oldSheet: "附件2 执法案件", oldCell: "N7", before: -9, after: 9 },
    ]);
    expect(doc.findings.resolved.map((f: { rule: string }) => f.rule)).toContain("value-negative");
    expect(doc.findings.added.map((f: { rule: string; cell: string }) => `${f.rule} ${f.cell}`)).toEqual(["ratio-missing M8"]);
    const zh = JSON.parse((await run(["compare", old, SEED, "--format", "json"])).stdout);
    // as many findings remain in the new version as it has, less the new one
    const checked = JSON.parse((await run(["check", SEED, "--format", "json"])).stdout).files[0].findings;
    expect(zh.findings.remaining.length + zh.findings.added.length).toBe(checked.length);
    expect(zh.findings.remaining[0]).toEqual(expect.objectContaining({ message: expect.stringMatching(/[\u4e00-\u9fff]/) }));
  });

  test("the tables of a 工作报告 against the workbook they came from: no figure differs", async () => {
    const r = await run(["compare", REPORT, SEED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("表中数字没有改动。");
    // the report's body checked its figures; a workbook has no body, so those findings are gone
    expect(r.stdout).toMatch(/已消除：\n {2}\[需核实\] 附件2!T7 report-measure-differs /);
  });

  test("the same file twice says so", async () => {
    const r = await run(["compare", SEED, SEED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("两版的数字、表格和问题都相同。");
    expect(r.stdout).toContain("已消除 0 条，新出现 0 条，仍有 46 条");
  });

  test("--out writes the comparison (text with a BOM), never over an input, not over a file without --force", async () => {
    const old = await sentBack();
    const out = tmp.path("对比结果.txt");
    const r = await run(["compare", old, SEED, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`对比结果已写入 ${out}\n`);
    const written = readFileSync(out, "utf8");
    expect(written.startsWith("\ufeff对比：旧版 ")).toBe(true);
    expect(written).toContain("-9 → 9");
    const again = await run(["compare", old, SEED, "--out", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("已存在");
    expect(readFileSync(out, "utf8")).toBe(written);
    const onInput = await run(["compare", old, SEED, "--out", old, "--force"]);
    expect(onInput.code).toBe(2);
    expect(readFileSync(old).length).toBeGreaterThan(0);
  });

  test("a file that cannot be read is named, exit 2, nothing written", async () => {
    const bad = tmp.path("坏文件.xlsx");
    writeFileSync(bad, "not a workbook");
    const out = tmp.path("never.txt");
    const r = await run(["compare", SEED, bad, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(bad);
    expect(existsSync(out)).toBe(false);
    const missing = await run(["compare", tmp.path("无此文件.xlsx"), SEED]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("找不到文件");
  });

  test("one file, three files, or another format: the usage, exit 2", async () => {
    for (const args of [[SEED], [SEED, SEED, SEED]]) {
      const r = await run(["compare", ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("compare 需要两个文件：先旧版，后新版。");
      expect(r.stderr).toContain("用法：xzzf compare");
    }
    const csv = await run(["compare", SEED, SEED, "--format", "csv"]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain("--format 只能是 text 或 json");
  });
});
