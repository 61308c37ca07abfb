/**
 * The file arguments of the commands that take many files (check, aggregate). A folder stands for the
 * workbooks and reports in it and in its subfolders; a name with `*` or `?` for the files it matches.
 * A Unix shell expands `*.xlsx` itself, but cmd.exe and PowerShell pass it on as typed, and the
 * README's `xzzf check *.xlsx` would otherwise find no file on the Windows machines of most offices.
 * An argument naming an existing file is taken as written, whatever its characters.
 */
import { readdirSync, statSync, type Dirent } from "fs";
import { join } from "path";
import { CliError, type Tr } from "./io";
import { folderOrder, isLockOrHidden, naturalCompare, REPORT_EXTENSIONS } from "../flows/inputFiles";

export interface ExpandOptions {
  /** Names match without regard to case here (Windows and macOS file systems); the running platform by default. */
  platform?: NodeJS.Platform;
}

const WILDCARD = /[*?]/;

function listDir(dir: string, t: Tr): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new CliError(t(`无法读取文件夹“${dir}”：${(e as Error).message}`, `Cannot read folder "${dir}": ${(e as Error).message}`));
  }
}

/** Whether a directory entry is a file, following a link to a file (a link to a folder is not followed: no loops). */
function isFile(dir: string, d: Dirent): boolean {
  if (d.isFile()) return true;
  if (!d.isSymbolicLink()) return false;
  try {
    return statSync(join(dir, d.name)).isFile();
  } catch {
    return false;
  }
}

/** The workbooks and reports in a folder, in natural order, then those of each subfolder in turn. */
function folderFiles(dir: string, t: Tr): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    const { files, folders } = folderOrder(
      listDir(d, t),
      (e) => e.name,
      (e) => e.isDirectory(),
    );
    for (const e of files) if (isFile(d, e)) out.push(join(d, e.name));
    for (const e of folders) walk(join(d, e.name));
  };
  walk(dir);
  return out;
}

/** A name pattern (`*`: any run of characters, `?`: one) as a regular expression. */
function segmentRegExp(segment: string, ignoreCase: boolean): RegExp {
  const body = segment
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`, ignoreCase ? "i" : "");
}

/** The files a pattern matches: wildcards in any part of the path, `**` for any depth of folders. */
function patternFiles(pattern: string, platform: NodeJS.Platform, t: Tr): string[] {
  const windows = platform === "win32";
  const parts = pattern.split(windows ? /[\\/]/ : /\//);
  // `各单位/**` ends in folders: it means every file below them
  if (parts[parts.length - 1] === "**") parts.push("*");
  const ignoreCase = windows || platform === "darwin";
  // the fixed start of the path (`D:`, `/`, `各单位`), up to the first part with a wildcard (there is one)
  const first = parts.findIndex((p) => WILDCARD.test(p));
  let base = parts.slice(0, first).join("/");
  if (base === "" && parts[0] === "" && first > 0) base = "/";
  // `D:` alone is the current folder of drive D, not its root: `D:\*.xlsx` means the root
  if (windows && /^[A-Za-z]:$/.test(base) && first > 0) base += "/";
  const results: string[] = [];
  const visit = (dir: string, i: number): void => {
    const part = parts[i];
    const last = i === parts.length - 1;
    const shown = (name: string) => (dir === "" ? name : join(dir, name));
    if (!WILDCARD.test(part)) {
      const path = shown(part);
      if (last) {
        if (isExistingFile(path)) results.push(path);
      } else if (isExistingDir(path)) visit(path, i + 1);
      return;
    }
    const entries = listDir(dir === "" ? "." : dir, t).sort((a, b) => naturalCompare(a.name, b.name));
    if (part === "**") {
      // no folder at all, then each folder below, at any depth
      visit(dir, i + 1);
      for (const e of entries) if (e.isDirectory() && !isLockOrHidden(e.name)) visit(shown(e.name), i);
      return;
    }
    const re = segmentRegExp(part, ignoreCase);
    for (const e of entries) {
      // as shells do, `*` does not match a hidden name unless the pattern starts with a dot; lock files never
      if (e.name.startsWith("~$") || (e.name.startsWith(".") && !part.startsWith(".")) || !re.test(e.name)) continue;
      if (last) {
        if (isFile(dir === "" ? "." : dir, e)) results.push(shown(e.name));
      } else if (e.isDirectory()) visit(shown(e.name), i + 1);
    }
  };
  if (base !== "" && !isExistingDir(base)) return [];
  visit(base, first);
  return results;
}

function isExistingFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function isExistingDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The files the arguments name, in their order: a folder's files and a pattern's matches in natural
 * order. A folder with no workbook and a pattern that matches nothing stop the command with a message
 * naming them (a mistyped folder should not pass for a clean batch); anything else is kept as written,
 * for the reader to say why it cannot be read.
 */
export function expandFileArgs(args: readonly string[], t: Tr, opts: ExpandOptions = {}): string[] {
  const platform = opts.platform ?? process.platform;
  const out: string[] = [];
  for (const arg of args) {
    if (isExistingDir(arg)) {
      const files = folderFiles(arg, t);
      if (files.length === 0) {
        const kinds = REPORT_EXTENSIONS.join("、");
        throw new CliError(t(`文件夹“${arg}”及其子文件夹里没有可检查的文件（${kinds}）。`, `No workbook or report in folder "${arg}" or below it (${kinds}).`));
      }
      out.push(...files);
    } else if (WILDCARD.test(arg) && !isExistingFile(arg)) {
      const files = patternFiles(arg, platform, t);
      if (files.length === 0) throw new CliError(t(`没有与“${arg}”匹配的文件。`, `No file matches "${arg}".`));
      out.push(...files);
    } else out.push(arg);
  }
  return out;
}
