import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { run, tempDir } from "./run";
import { unitSeedOptions, withYearly, writeSeedXlsx } from "../helpers/xlsx";
import { writeRound } from "../helpers/round";

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
      expect(r.stderr).toContain("compare 需要两个文件或两个文件夹：先旧版，后新版。");
      expect(r.stderr).toContain("用法：xzzf compare");
    }
    const csv = await run(["compare", SEED, SEED, "--format", "csv"]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain("--format 只能是 text 或 json");
  });
});

describe("xzzf compare <旧版文件夹> <新版文件夹>", () => {
  /** A round of corrections (tests/helpers/round.ts) in a folder of its own. */
  const round = () => writeRound(tmp.path(`round-${Math.random().toString(36).slice(2)}`));

  test("pairs by unit, then by name; lists what nothing answers; exit 2 for the broken file", async () => {
    const { before, after } = await round();
    const r = await run(["compare", before, after]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`对比文件夹：旧版 ${before} → 新版 ${after}`);
    expect(r.stdout).toContain("重新报送 2 份（按单位对应 2 份，按文件名对应 0 份）；只有新版的 2 份；旧版未重新报送的 1 份。");
    const sections = r.stdout.split(/\n(?=━━ )/);
    const forestry = sections.find((s) => s.startsWith("━━ 1/2 湘潭县林业局 ━━"))!;
    expect(forestry).toContain(`对比：旧版 ${join(before, "林业局.xlsx")} → 新版 ${join(after, "林业局（修改后）.xlsx")}`);
    expect(forestry).toMatch(/「行政处罚\(件\)」2024年（N7）：-9 → 9/);
    expect(forestry).toMatch(/已消除：\n {2}\[错误\] 附件2!N7 value-negative /);
    const water = sections.find((s) => s.startsWith("━━ 2/2 湘潭县 水利局 ━━"))!;
    // a name respaced is a changed text, though it pairs as the same unit
    expect(water).toContain("单位名称（B7）：“湘潭县水利局” → “湘潭县 水利局”");
    expect(water).toContain("（N7）：-1 → -2");
    // still negative: the same finding remains
    expect(water).toMatch(/问题：已消除 0 条，新出现 0 条，仍有 \d+ 条；新版共 错误 2 /);
    const onlyNew = sections.find((s) => s.startsWith("━━ 只有新版"))!;
    expect(onlyNew).toContain(`${join(after, "文旅局.xlsx")}（湘潭县文化和旅游局）：错误 2 / `);
    expect(onlyNew).toContain(`无法读取：${join(after, "坏文件.xlsx")}：`);
    expect(onlyNew).not.toContain("~$");
    expect(sections.find((s) => s.startsWith("━━ 旧版未重新报送"))).toContain(`${join(before, "交通局.xlsx")}（湘潭县交通运输局）`);
    expect(r.stdout).toMatch(/\n\n汇总：对比了 2 份，新版仍有错误的 1 份；问题已消除 1 条，新出现 1 条。\n$/);
  });

  test("--format summary: a line per unit for Excel, pairs in the new folder's order, then the rest", async () => {
    const { before, after } = await round();
    const r = await run(["compare", before, after, "--format", "summary"]);
    expect(r.code).toBe(2);
    const lines = r.stdout.split("\r\n");
    expect(lines[0]).toBe("\ufeff单位,旧版,新版,对应方式,改动单元格,已消除,新出现,仍有,新版错误,新版状态");
    const rows = lines.slice(1, -1).map((l) => l.split(","));
    expect(rows.map((c) => [c[0], c[3], c[8], c[9]])).toEqual([
      // no error left, but its 需核实 findings are unexplained
      ["湘潭县林业局", "单位", "0", "需修改"],
      ["湘潭县 水利局", "单位", "2", "需修改"],
      ["", "", "", "无法读取"],
      ["湘潭县文化和旅游局", "", "2", "需修改"],
      ["湘潭县交通运输局", "", "", "未重新报送"],
    ]);
    // the forestry bureau: one cell changed, one finding resolved, one new, 45 remaining
    expect(rows[0].slice(4, 8)).toEqual(["1", "1", "1", "45"]);
    expect(rows[0][1]).toBe(join(before, "林业局.xlsx"));
    expect(lines[lines.length - 1]).toBe("");
  });

  test("--format json --lang en: each pair as compare's JSON, with the files nothing answers", async () => {
    const { before, after } = await round();
    const r = await run(["compare", before, after, "--format", "json", "--lang", "en"]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.pairs.map((p: { pairedBy: string; unit: string }) => `${p.pairedBy} ${p.unit}`)).toEqual(["unit 湘潭县林业局", "unit 湘潭县 水利局"]);
    expect(doc.pairs[0].cells).toEqual([expect.objectContaining({ where: "A2 penalty, current year", before: -9, after: 9 })]);
    expect(doc.pairs[0].findings.resolved.map((f: { rule: string }) => f.rule)).toContain("value-negative");
    expect(doc.onlyNew.map((f: { file: string; error?: string }) => [f.file, f.error === undefined])).toEqual([
      [join(after, "坏文件.xlsx"), false],
      [join(after, "文旅局.xlsx"), true],
    ]);
    expect(doc.onlyNew[1].findings.length).toBeGreaterThan(0);
    expect(doc.notResubmitted).toEqual([{ file: join(before, "交通局.xlsx"), unit: "湘潭县交通运输局" }]);
  });

  test("a unit with two files pairs them by file name; all fixed: exit 0", async () => {
    const base = tmp.path("by-name");
    for (const d of ["old", "new"]) mkdirSync(join(base, d), { recursive: true });
    await writeSeedXlsx(join(base, "old", "本级.xlsx"), unitSeedOptions("某局", [7, -9]));
    // an .xlsx that was named .xls: read by its content
    await writeSeedXlsx(join(base, "old", "大队.xls"), unitSeedOptions("某局", [7, 9]));
    await writeSeedXlsx(join(base, "new", "本级-标注.xlsx"), unitSeedOptions("某局", [7, 9]));
    await writeSeedXlsx(join(base, "new", "大队.xlsx"), unitSeedOptions("某局", [7, 9]));
    const r = await run(["compare", join(base, "old"), join(base, "new")]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("重新报送 2 份（按单位对应 0 份，按文件名对应 2 份）；只有新版的 0 份；旧版未重新报送的 0 份。");
    expect(r.stdout).toContain(`对比：旧版 ${join(base, "old", "本级.xlsx")} → 新版 ${join(base, "new", "本级-标注.xlsx")}`);
    expect(r.stdout).toContain(`对比：旧版 ${join(base, "old", "大队.xls")} → 新版 ${join(base, "new", "大队.xlsx")}`);
    expect(r.stdout).toContain("两版的数字、表格和问题都相同。");
  });

  test("a resubmission that cannot be read still pairs by name, and says which side failed; in English too", async () => {
    const base = tmp.path("broken-new");
    for (const d of ["old", "new"]) mkdirSync(join(base, d), { recursive: true });
    await writeSeedXlsx(join(base, "old", "报表.xlsx"), unitSeedOptions("某局", [7, 9]));
    writeFileSync(join(base, "new", "报表（修改后）.xlsx"), "not a workbook");
    const out = join(base, "对比.csv");
    const r = await run(["compare", join(base, "old"), join(base, "new"), "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("1 resubmitted (0 paired by unit, 1 by file name); 0 only in the new folder; 0 not resubmitted.");
    expect(r.stdout).toMatch(new RegExp(`The new version cannot be read: .*报表（修改后）\\.xlsx`));
    expect(r.stdout).toContain("In all: 0 compared, 0 still with errors, 1 could not be compared; 0 findings resolved, 0 new.");
    const written = await run(["compare", join(base, "old"), join(base, "new"), "--format", "summary", "--out", out]);
    expect(written.code).toBe(2);
    expect(readFileSync(out, "utf8").split("\r\n")[1]).toBe(
      `某局,${join(base, "old", "报表.xlsx")},${join(base, "new", "报表（修改后）.xlsx")},文件名,,,,,,无法读取`,
    );
  });

  test("a folder and a file, or summary for two files: the usage, exit 2", async () => {
    const { before } = await round();
    const mixed = await run(["compare", before, SEED]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain(`“${before}”是文件夹，“${SEED}”不是：请给两个文件，或两个文件夹。`);
    const summary = await run(["compare", SEED, SEED, "--format", "summary"]);
    expect(summary.code).toBe(2);
    expect(summary.stderr).toContain("--format 只能是 text 或 json（summary 用于对比两个文件夹）");
  });
});
