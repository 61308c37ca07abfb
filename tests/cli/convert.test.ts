/**
 * .xls, .et and .ods through real LibreOffice (Debian's libreoffice-calc-nogui; .ci/run installs it):
 * the seed saved by LibreOffice as "MS Excel 97" and as .ods (tests/fixtures/convert, made by
 * make.js there) is checked by `xzzf check` with the same 46 findings as seed.xlsx, under its own
 * name; a mixed batch checks every file, on this thread and on reader threads; without soffice on
 * the PATH, one Chinese sentence and exit 2. Starts LibreOffice, so it is left out of test:fast.
 * The queue, time limit and profile are tests/cli/convertLimits.test.ts (a stand-in soffice).
 */
import { execFileSync, spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import { tempDir } from "./run";
import { buildCli, cliEnv, ROOT } from "./builtCli";

const FIXTURES = join(ROOT, "tests", "fixtures");
const SEED_XLSX = join(FIXTURES, "files", "seed.xlsx");
const SEED_XLS = join(FIXTURES, "convert", "seed.xls");
const SEED_ODS = join(FIXTURES, "convert", "seed.ods");

function has(cmd: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const AVAILABLE = process.platform !== "win32" && has("soffice");
if (!AVAILABLE && process.env.CI) throw new Error("CI needs LibreOffice (soffice); .ci/run installs it");
if (!AVAILABLE) console.warn("convert.test.ts skipped: install libreoffice-calc-nogui to run it");
const maybe = AVAILABLE ? describe : describe.skip;

const tmp = tempDir("convert");
afterAll(() => tmp.cleanup());

interface JsonFinding {
  rule: string;
  severity: string;
  table: string | null;
  sheet: string;
  cell: string;
  message: string;
}
interface JsonOut {
  files: Array<{ file: string; year: number | null; error: string | null; findings: JsonFinding[] }>;
}

let bin: string;
let nodeOnly: string;

/** `node bin/xzzf.js` of the bundle built in the temp folder (so the test neither needs nor disturbs dist-cli). */
function xzzf(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    cwd: tmp.dir,
    env: cliEnv(env),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[], env: Record<string, string> = {}) {
  const r = xzzf([...args, "--format", "json"], env);
  return { ...r, out: JSON.parse(r.stdout) as JsonOut };
}

const comparable = (f: JsonFinding) => ({ rule: f.rule, severity: f.severity, table: f.table, sheet: f.sheet, cell: f.cell, message: f.message });

maybe("LibreOffice converts .xls, .et and .ods for xzzf check", () => {
  let expected: ReturnType<typeof comparable>[];

  beforeAll(() => {
    bin = buildCli(tmp.dir);
    // a PATH with node and nothing else
    nodeOnly = tmp.path("node-only");
    mkdirSync(nodeOnly);
    symlinkSync(process.execPath, join(nodeOnly, "node"));
    const seed = json(["check", SEED_XLSX]);
    expect(seed.code).toBe(0);
    expected = seed.out.files[0].findings.map(comparable);
    expect(expected).toHaveLength(46);
  }, 180_000);

  test.each([
    ["报表.xls", SEED_XLS],
    ["WPS表格.et", SEED_XLS],
    ["报表.ods", SEED_ODS],
    // by content, not by name: an .xls renamed .xlsx
    ["改了扩展名.xlsx", SEED_XLS],
  ])(
    "%s: the 46 findings of seed.xlsx, under its own name",
    (name, source) => {
      const file = tmp.path(name);
      copyFileSync(source, file);
      const r = json(["check", file]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.out.files).toHaveLength(1);
      expect(r.out.files[0].file).toBe(file);
      expect(r.out.files[0].error).toBeNull();
      expect(r.out.files[0].year).toBe(2024);
      expect(r.out.files[0].findings.map(comparable)).toEqual(expected);
    },
    120_000,
  );

  test("without soffice on the PATH: one Chinese sentence saying how to install LibreOffice or re-save, exit 2; the .xlsx is still checked", () => {
    const xls = tmp.path("无LibreOffice.xls");
    copyFileSync(SEED_XLS, xls);
    const r = xzzf(["check", xls, SEED_XLSX], { PATH: nodeOnly });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      `== ${xls} ==\n无法读取：“无LibreOffice.xls”是旧版 .xls/.et 格式的文件，需要 LibreOffice 转换后才能检查，但本机没有找到 soffice：请安装 LibreOffice（Debian/Ubuntu：sudo apt-get install libreoffice-calc-nogui；Windows：安装 LibreOffice，或用 WPS、Excel 打开），或在 Excel、WPS 中将它另存为 .xlsx 后再试。\n`,
    );
    expect(r.stdout).toContain("✓ " + SEED_XLSX + "：错误 0 / 需核实 38 / 提示 8（共 46 条）");
    expect(r.stdout).toContain("共 2 个文件：1 个无法读取");
  });

  test("a mixed batch (.xlsx, .xls, .ods, a broken file) checks every file, in order, on this thread and on reader threads", () => {
    const broken = tmp.path("坏文件.xlsx");
    writeFileSync(broken, "PK\u0003\u0004 not really a zip");
    const xls = tmp.path("批量.xls");
    const ods = tmp.path("批量.ods");
    copyFileSync(SEED_XLS, xls);
    copyFileSync(SEED_ODS, ods);
    const small = [SEED_XLSX, xls, broken, ods];
    // 16 files or more start reader threads; the legacy ones sit between .xlsx files read ahead of them
    const big = [...Array(8).fill(SEED_XLSX), xls, broken, ...Array(8).fill(SEED_XLSX), ods];
    for (const [files, workers] of [
      [small, "2"],
      [big, "2"],
      [big, "0"],
    ] as const) {
      const r = json(["check", ...files], { XZZF_WORKERS: workers });
      expect(r.code).toBe(2);
      expect(r.out.files.map((f) => f.file)).toEqual(files);
      for (const f of r.out.files) {
        if (f.file === broken) {
          expect(f.error).toMatch(/^文件已损坏或不完整/);
        } else {
          expect(f.error).toBeNull();
          expect(f.findings.map(comparable)).toEqual(expected);
        }
      }
      expect(r.stderr).toBe(`xzzf: ${broken}：${r.out.files[files.indexOf(broken)].error}\n`);
    }
  }, 240_000);

  test("annotate an .xls: a marked .xlsx copy", () => {
    const xls = tmp.path("标注.xls");
    copyFileSync(SEED_XLS, xls);
    const r = xzzf(["annotate", xls, "--out", tmp.path("标注-审核.xlsx")]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已标注 46 条（错误 0 / 需核实 38 / 提示 8）");
    expect(existsSync(tmp.path("标注-审核.xlsx"))).toBe(true);
  }, 120_000);
});
