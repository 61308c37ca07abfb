/**
 * The shared code (engine, rules, flows, actions, Office host, fast reader) compiled as the classic
 * pane compiles it (Babel to ES5 with core-js polyfills per use) and run in an ES5 engine: Debian's
 * duktape, with its global object made to look like IE11's (tests/es5/prelude.js). The run's summary
 * (tests/es5/flow.ts) must equal the same flow's summary in node: same findings (46 for the seed),
 * same round trips (4 cold, 3 warm), every fill back after 清除标记, the same fast-reader findings and
 * import preview, and the host's error classes still answering instanceof.
 * Without `duk` this is skipped on a developer's machine (apt-get install duktape) and fails under CI.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as acorn from "acorn";
import { seedXlsxBytes } from "../helpers/xlsx";
import { runFlow, type FlowSummary } from "./flow";

function has(cmd: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const AVAILABLE = has("duk");
if (!AVAILABLE && process.env.CI) throw new Error("CI needs duktape (duk) for the ES5 run; .ci/run installs it");
if (!AVAILABLE) console.warn("tests/es5/duktape.test.ts skipped: apt-get install duktape to run the shared code in an ES5 engine");
const maybe = AVAILABLE ? describe : describe.skip;

const ROOT = path.resolve(__dirname, "../..");
/** The build (Babel over the shared code, fflate and core-js) and the duktape run: ~25 s of CPU on 2 cores. */
const TIMEOUT_MS = 240_000;

/** tests/es5/build.js in a child process (babel-loader loads parts of itself with import(), which jest's sandbox refuses). */
function bundle(outDir: string): string {
  const out = execFileSync(process.execPath, [path.join(__dirname, "build.js"), outDir], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: TIMEOUT_MS,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return out.trim().split("\n").pop()!;
}

function parseLine(stdout: string, tag: string): string | null {
  const line = stdout.split("\n").find((l) => l.startsWith(`${tag} `));
  return line === undefined ? null : line.slice(tag.length + 1);
}

maybe("the shared code in an ES5 engine (duktape, IE11's global object)", () => {
  let tmp: string;
  let script: string;
  let es5: FlowSummary;
  let native: FlowSummary;
  let env: { normalize: string; TextDecoder: string; TextEncoder: string; removed: string[] } | null;
  const timing: Record<string, number> = {};

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xzzf-es5-"));
    const xlsx = await seedXlsxBytes();
    const lastYear = await seedXlsxBytes({ extra: { year: 2023 } });
    let t = Date.now();
    native = await runFlow(xlsx, lastYear);
    timing.native = Date.now() - t;

    t = Date.now();
    const out = bundle(path.join(tmp, "dist"));
    timing.build = Date.now() - t;
    script = fs.readFileSync(out, "utf8");

    const run = path.join(tmp, "run.js");
    fs.writeFileSync(
      run,
      [
        fs.readFileSync(path.join(__dirname, "prelude.js"), "utf8"),
        `var SEED_XLSX_BASE64 = "${Buffer.from(xlsx).toString("base64")}";`,
        `var LAST_YEAR_XLSX_BASE64 = "${Buffer.from(lastYear).toString("base64")}";`,
        script,
        "__drain();",
      ].join("\n;\n"),
    );
    t = Date.now();
    const stdout = execFileSync("duk", [run], { encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    timing.duk = Date.now() - t;
    const error = parseLine(stdout, "ES5-ERROR");
    if (error !== null) throw new Error(`the ES5 run failed: ${error}\n${stdout.slice(0, 4000)}`);
    const summary = parseLine(stdout, "ES5-SUMMARY");
    if (summary === null) throw new Error(`the ES5 run printed no summary:\n${stdout.slice(0, 4000)}`);
    es5 = JSON.parse(summary) as FlowSummary;
    env = JSON.parse(parseLine(stdout, "ES5-ENV") ?? "null") as typeof env;
    console.log(`ES5 run: build ${timing.build} ms, duk ${timing.duk} ms (node ${timing.native} ms); bundle ${Math.round(script.length / 1024)} KiB`);
  }, TIMEOUT_MS);

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("the bundle is ES5: acorn parses it as ecmaVersion 5", () => {
    expect(() => acorn.parse(script, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  });

  test("the run had IE11's gaps: no normalize, no TextDecoder/TextEncoder, no Symbol, Reflect or ES2015 methods of duktape's own", () => {
    expect(env).toMatchObject({ normalize: "undefined", TextDecoder: "undefined", TextEncoder: "undefined" });
    expect(env!.removed).toEqual(
      expect.arrayContaining([
        "global.globalThis",
        "global.Symbol",
        "global.Reflect",
        "global.TextDecoder",
        "Object.assign",
        "String.prototype.startsWith",
        "Math.imul",
      ]),
    );
  });

  test("node's run is the seed's: 46 findings, 4 round trips cold and 3 warm at both levels, fills restored", () => {
    expect(native.findings).toBe(46);
    for (const l of native.levels) expect(l).toMatchObject({ syncsCold: 4, syncsWarm: 3, findingsCold: 46, findingsWarm: 46, fillsRestored: true });
    expect(native.errors).toEqual({ workbookReadError: true, truncated: true, officeHostError: true });
  });

  test("the ES5 run finds the seed's 46, by severity and by rule as node does, finding for finding", () => {
    expect(es5.findings).toBe(46);
    expect(es5.bySeverity).toEqual(native.bySeverity);
    expect(es5.byRule).toEqual(native.byRule);
    expect(es5.keys).toEqual(native.keys);
  });

  test("the ES5 run's 校验 costs what node's does (4 cold, 3 warm) at ExcelApi 1.1 and 1.18, and 清除标记 restores every fill", () => {
    expect(es5.levels).toEqual(native.levels);
    for (const l of es5.levels) expect(l).toMatchObject({ syncsCold: 4, syncsWarm: 3, fillsRestored: true });
  });

  test("the ES5 fast reader reads the seed .xlsx as node's does, and 导入上年数 previews the same plan", () => {
    expect(native.fast.findings).toBe(46);
    expect(es5.fast).toEqual(native.fast);
    expect(native.importPlan.rows.length).toBeGreaterThan(0);
    expect(es5.importPlan).toEqual(native.importPlan);
  });

  test("the host's error classes answer instanceof in ES5", () => {
    expect(es5.errors).toEqual({ workbookReadError: true, truncated: true, officeHostError: true });
  });

  test("the whole summary is node's", () => {
    expect(es5).toEqual(native);
  });
});
