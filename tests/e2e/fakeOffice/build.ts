/**
 * Builds ./office.ts into one ES5 script for the browser test to serve at office.js's CDN URL:
 * webpack with babel-loader and build/babel.js's isolatedEs5Babel (core-js imported privately, no
 * global installed), in a child process (./webpack.js), since babel-loader cannot load inside Jest's
 * module sandbox. The result is checked to parse as ES5.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "acorn";
import type { WorkbookSnapshot } from "../../../src/grid/grid";

export interface FakeOfficeOptions {
  /** The open workbook. */
  seed: WorkbookSnapshot;
  /** ExcelApi 1.x the fake answers; 1 is Office 2016. */
  level: number;
  /** The clerk's own fills, set before the pane opens: [sheet, A1, colour]. */
  fills: Array<[string, string, string]>;
}

/** The fake office.js source. */
export async function buildFakeOffice(opts: FakeOfficeOptions): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xzzf-fake-office-opts-"));
  try {
    const options = path.join(dir, "options.json");
    const out = path.join(dir, "office.js");
    fs.writeFileSync(options, JSON.stringify(opts));
    const child = spawn(process.execPath, [path.join(__dirname, "webpack.js"), options, out], { stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stdout.on("data", (d: Buffer) => (log += d.toString()));
    child.stderr.on("data", (d: Buffer) => (log += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    if (code !== 0) throw new Error(`fake office.js build failed (${code}):\n${log}`);
    const source = fs.readFileSync(out, "utf8");
    parse(source, { ecmaVersion: 5, sourceType: "script" }); // throws on anything past ES5
    return source;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
