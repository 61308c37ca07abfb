/** Runs the CLI in-process with captured writers, and makes temp dirs for fixtures. */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const FIXED_NOW = new Date(2025, 0, 31, 10, 30);

export async function run(argv: string[], opts: { tty?: boolean } = {}): Promise<RunResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s), isTTY: opts.tty, columns: 100 },
    now: () => FIXED_NOW,
  });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

/** A fresh temp dir per test file, removed afterwards. */
export function tempDir(prefix: string): { dir: string; path: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `xzzf-${prefix}-`));
  return { dir, path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
