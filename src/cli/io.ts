/**
 * What a command talks to: two writers (injected by tests, process streams otherwise), the
 * language of its prose, and the clock. Files are read and written with node's fs here, so the
 * rules about never overwriting the user's original live in one place.
 */
import { existsSync, readFileSync, realpathSync, statSync, writeFileSync } from "fs";
import { basename, resolve } from "path";
import { UserError } from "../errors";

export type Lang = "zh" | "en";

export interface Writer {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  stdout: Writer;
  stderr: Writer;
  now(): Date;
}

export const EXIT_OK = 0;
/** At least one error-severity finding. */
export const EXIT_FINDINGS = 1;
/** A file could not be read, or the arguments are wrong. */
export const EXIT_FAILURE = 2;

export function defaultIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, now: () => new Date() };
}

/** Picks the prose of the current language. */
export type Tr = (zh: string, en: string) => string;

export function translator(lang: Lang): Tr {
  return (zh, en) => (lang === "en" ? en : zh);
}

/** A problem the user can fix: printed as it is, with exit code 2. */
export class CliError extends UserError {
  readonly exitCode: number;
  /** The arguments were wrong: the command's usage follows the message. */
  readonly showUsage: boolean;
  /** `message` is already in the language of the run (the CLI words it with its translator). */
  constructor(message: string, opts: { exitCode?: number; usage?: boolean } = {}) {
    super("cli", message, message);
    this.name = "CliError";
    this.exitCode = opts.exitCode ?? EXIT_FAILURE;
    this.showUsage = opts.usage ?? false;
  }
}

function errno(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : undefined;
}

export function readInput(path: string, t: Tr): Uint8Array {
  try {
    // no stat first: reading a folder fails with EISDIR, and a batch saves a call per file
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = errno(e);
    if (code === "EISDIR") throw new CliError(t(`“${path}”是文件夹，不是文件。`, `"${path}" is a folder, not a file.`));
    if (code === "ENOENT") throw new CliError(t(`找不到文件“${path}”。`, `File not found: "${path}".`));
    if (code === "EACCES" || code === "EPERM") throw new CliError(t(`没有权限读取“${path}”。`, `No permission to read "${path}".`));
    throw new CliError(t(`无法读取“${path}”：${(e as Error).message}`, `Cannot read "${path}": ${(e as Error).message}`));
  }
}

function samePath(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    return existsSync(a) && existsSync(b) && realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/**
 * Checks an --out path before any work: never one of the inputs (the user's original is never
 * overwritten), never an existing file unless --force.
 */
export function checkOutput(out: string | undefined, inputs: string[], force: boolean, t: Tr): string {
  if (!out) throw new CliError(t("缺少 --out <输出文件>。", "Missing --out <output file>."), { usage: true });
  for (const input of inputs) {
    if (samePath(out, input)) {
      throw new CliError(
        t(
          `输出文件不能与输入文件相同（${out}）：本工具从不覆盖原始文件，请用 --out 指定新文件名。`,
          `The output file must differ from the input (${out}): the original is never overwritten; give a new name with --out.`,
        ),
      );
    }
  }
  if (existsSync(out)) {
    if (statSync(out).isDirectory()) throw new CliError(t(`“${out}”是文件夹，请给出文件名。`, `"${out}" is a folder; give a file name.`));
    if (!force) throw new CliError(t(`输出文件“${out}”已存在；如要覆盖请加 --force。`, `The output file "${out}" exists; add --force to overwrite it.`));
  }
  return out;
}

export function writeOutput(path: string, bytes: Uint8Array, force: boolean, t: Tr): void {
  try {
    // 'wx' fails if the file appeared since checkOutput, so a race cannot overwrite it either.
    writeFileSync(path, bytes, { flag: force ? "w" : "wx" });
  } catch (e) {
    const code = errno(e);
    if (code === "EEXIST")
      throw new CliError(t(`输出文件“${path}”已存在；如要覆盖请加 --force。`, `The output file "${path}" exists; add --force to overwrite it.`));
    if (code === "ENOENT") throw new CliError(t(`无法写入“${path}”：所在文件夹不存在。`, `Cannot write "${path}": its folder does not exist.`));
    throw new CliError(t(`无法写入“${path}”：${(e as Error).message}`, `Cannot write "${path}": ${(e as Error).message}`));
  }
}

export function fileLabel(path: string): string {
  return basename(path);
}
