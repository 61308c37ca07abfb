/**
 * The installed entry point: bin/xzzf.js over the CLI bundle (tests/cli/builtCli.ts builds it into a
 * temp folder), so the code users run is what these tests run, reader threads included.
 */
import { spawn, spawnSync } from "child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { tempDir } from "./run";
import { buildCli, cliEnv, ROOT } from "./builtCli";
import { withYearly, writeSeedXlsx } from "../helpers/xlsx";

const tmp = tempDir("bin");
afterAll(() => tmp.cleanup());

let bin: string;
beforeAll(() => {
  bin = buildCli(tmp.dir);
}, 180_000);

function xzzf(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: cliEnv(env) });
}

test("node bin/xzzf.js check: the seed gives 46 findings as JSON, exit 0; a bad file exits 2", async () => {
  const seed = await writeSeedXlsx(tmp.path("seed.xlsx"));
  const r = xzzf(["check", seed, "--format", "json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const out = JSON.parse(r.stdout) as { files: Array<{ findings: unknown[]; error: string | null }> };
  expect(out.files[0].findings).toHaveLength(46);
  expect(out.files[0].error).toBeNull();

  const v = xzzf(["--version"]);
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  expect(v.stdout).toBe(`xzzf ${pkg.version}\n`);

  const bad = xzzf(["check", join(ROOT, "package.json")]);
  expect(bad.status).toBe(2);
  expect(bad.stdout).toMatch(/不是 Excel 工作簿/);
});

test("a batch checked on worker threads gives the same report, in the same order, as one thread", async () => {
  const good = await writeSeedXlsx(tmp.path("batch-good.xlsx"));
  const broken = await writeSeedXlsx(tmp.path("batch-broken.xlsx"), { change: { A2: withYearly("penalty", [7, -9]) } });
  const bad = tmp.path("batch-bad.xlsx");
  writeFileSync(bad, "序号,单位\n1,某局\n");
  const report = join(ROOT, "tests", "fixtures", "report", "seed-report.docx");
  // 24 files, the broken and unreadable ones and the 工作报告 (tables and body) spread through the batch
  const files = Array.from({ length: 24 }, (_, i) => (i % 7 === 3 ? broken : i % 11 === 5 ? bad : i % 9 === 2 ? report : good));
  for (const format of ["json", "csv", "text", "summary"]) {
    const serial = xzzf(["check", ...files, "--format", format], { XZZF_WORKERS: "0" });
    const pooled = xzzf(["check", ...files, "--format", format], { XZZF_WORKERS: "2" });
    expect(pooled.status).toBe(2);
    expect(pooled.status).toBe(serial.status);
    expect(pooled.stdout).toBe(serial.stdout);
    expect(pooled.stderr).toBe(serial.stderr);
  }
  const out = JSON.parse(xzzf(["check", ...files, "--format", "json"], { XZZF_WORKERS: "2" }).stdout) as {
    files: Array<{ file: string; error: string | null; findings: Array<{ rule: string }> }>;
  };
  expect(out.files.map((f) => f.file)).toEqual(files);
  expect(out.files[3].findings.some((f) => f.rule === "value-negative")).toBe(true);
  expect(out.files[5].error).toMatch(/CSV|文本/);
  // the report's body travelled with its tables from the reader thread
  const docx = out.files[2] as { file: string; kind?: string; findings: Array<{ rule: string }> };
  expect(docx.kind).toBe("docx");
  expect(
    docx.findings
      .filter((f) => f.rule.startsWith("report-"))
      .map((f) => f.rule)
      .sort(),
  ).toEqual(["report-measure-differs", "report-measure-note", "report-measure-note"]);
}, 120_000);

test("reader threads started before a bad --prior is found are stopped: the batch ends with the message, exit 2", async () => {
  const good = await writeSeedXlsx(tmp.path("early-good.xlsx"));
  const files = Array.from({ length: 20 }, () => good);
  const started = Date.now();
  const r = spawnSync(process.execPath, [bin, "check", ...files, "--prior", tmp.path("no-such-prior.xlsx")], {
    encoding: "utf8",
    env: cliEnv({ XZZF_WORKERS: "2" }),
    // a thread left running would keep the process alive: the test would hit this and fail on status null
    timeout: 30_000,
  });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/no-such-prior\.xlsx/);
  expect(r.stdout).toBe("");
  expect(Date.now() - started).toBeLessThan(30_000);
}, 60_000);

test("reader threads started before the names are expanded are stopped when a name matches nothing: exit 2", async () => {
  const good = await writeSeedXlsx(tmp.path("expand-good.xlsx"));
  // enough names that the threads start at once; the last is a pattern that matches no file
  const files = [...Array.from({ length: 20 }, () => good), tmp.path("无此文件*.xlsx")];
  const r = spawnSync(process.execPath, [bin, "check", ...files], {
    encoding: "utf8",
    env: cliEnv({ XZZF_WORKERS: "2" }),
    // a thread left running would keep the process alive: the test would hit this and fail on status null
    timeout: 30_000,
  });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/没有与“.*无此文件\*\.xlsx”匹配的文件/);
  expect(r.stdout).toBe("");
}, 60_000);

test("Ctrl+C during check --out: no report and no temporary file are left, exit 130", async () => {
  if (process.platform === "win32") return; // no SIGINT to send a child there
  const seed = await writeSeedXlsx(tmp.path("sigint-seed.xlsx"));
  const dir = tmp.path("sigint-out");
  mkdirSync(dir);
  const out = join(dir, "检查结果.csv");
  const child = spawn(process.execPath, [bin, "check", ...Array.from({ length: 600 }, () => seed), "--format", "csv", "--out", out], {
    env: cliEnv(),
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  // the temporary file beside the target shows the report is being written: interrupt then
  for (let i = 0; i < 2000 && readdirSync(dir).length === 0; i++) await new Promise((r) => setTimeout(r, 5));
  expect(readdirSync(dir)).toEqual([`.检查结果.csv.${child.pid}.tmp`]);
  child.kill("SIGINT");
  expect(await exited).toBe(130);
  expect(readdirSync(dir)).toEqual([]);
}, 60_000);
