/**
 * Legacy workbooks (.xls, WPS .et, .ods) turned into .xlsx by LibreOffice, when it is installed, so
 * that a reviewer who receives them need not re-save each one. Only the CLI does this (the web page
 * has no server to run LibreOffice and keeps asking for a re-save).
 *
 * Each conversion works on a copy in a private temporary folder (the original is never opened by
 * LibreOffice), with a LibreOffice profile of its own (a desktop LibreOffice the user has open is
 * neither used nor disturbed), a time limit after which LibreOffice is killed, and at most one
 * conversion per core at a time: a batch of thirty .xls files does not start thirty LibreOffices.
 * Everything is removed afterwards.
 */
import { spawn } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { availableParallelism, tmpdir } from "os";
import { basename, delimiter, join } from "path";
import { pathToFileURL } from "url";
import type { LegacyKind } from "./legacy";
import type { Tr } from "./io";

/** LibreOffice converts a report in 3–4 s on a small machine; a file that takes a minute is stuck. */
export const CONVERT_TIMEOUT_MS = 60_000;

/** The time limit: XZZF_CONVERT_TIMEOUT (seconds) for a slow machine, or the default. */
function timeoutMs(): number {
  const s = Number(process.env.XZZF_CONVERT_TIMEOUT);
  return Number.isFinite(s) && s > 0 ? s * 1000 : CONVERT_TIMEOUT_MS;
}

/**
 * The profile each LibreOffice starts with. Macros never run: at LibreOffice's default security
 * level (MacroSecurityLevel 2, High, in share/registry/main.xcd) only macros signed by a trusted
 * source run, and headless there is no dialog to allow any other; no argument given here changes
 * that (none names a macro, a filter option or a security setting), and the fresh private profile
 * holds none of the user's trusted locations or authors. On top of that the profile is seeded with
 * DisableMacrosExecution = true (Tools > Options > Security > Macro Security: no macro runs at all,
 * whatever the level) and the level Very High (3, trusted locations only), so that a LibreOffice
 * with other defaults still runs none. tests/cli/convertLimits.test.ts checks the arguments and
 * the seeded profile.
 */
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
</oor:items>
`;

/** The converted workbook, or why there is none (one sentence naming the file). */
export type Conversion = { bytes: Uint8Array; error?: undefined } | { bytes?: undefined; error: string };

/** The last lookup, and the PATH it was made on. */
let found: { path: string | undefined; soffice: string | null } | undefined;

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** soffice (or libreoffice) on the PATH; on Windows also where its installer puts it. */
export function findSoffice(): string | null {
  if (found !== undefined && found.path === process.env.PATH) return found.soffice;
  const win = process.platform === "win32";
  const names = win ? ["soffice.com", "soffice.exe"] : ["soffice", "libreoffice"];
  const dirs = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  if (win) {
    for (const base of [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]]) if (base) dirs.push(join(base, "LibreOffice", "program"));
  }
  let soffice: string | null = null;
  for (const dir of dirs) {
    for (const name of names) {
      if (soffice === null && isFile(join(dir, name))) soffice = join(dir, name);
    }
  }
  found = { path: process.env.PATH, soffice };
  return soffice;
}

function kindText(kind: LegacyKind, t: Tr): string {
  return kind === "ods" ? t("OpenDocument 表格（.ods）", "an OpenDocument spreadsheet (.ods)") : t("旧版 .xls/.et 格式的", "a legacy .xls/.et workbook");
}

/** Without LibreOffice: how to get it, or how to do without. */
export function noSofficeMessage(file: string, kind: LegacyKind, t: Tr): string {
  return t(
    `“${basename(file)}”是${kindText(kind, t)}文件，需要 LibreOffice 转换后才能检查，但本机没有找到 soffice：请安装 LibreOffice（Debian/Ubuntu：sudo apt-get install libreoffice-calc-nogui；Windows：安装 LibreOffice，或用 WPS、Excel 打开），或在 Excel、WPS 中将它另存为 .xlsx 后再试。`,
    `"${basename(file)}" is ${kindText(kind, t)}, which needs LibreOffice to convert it, and soffice was not found: install LibreOffice (Debian/Ubuntu: sudo apt-get install libreoffice-calc-nogui; Windows: install LibreOffice, or open it in WPS or Excel), or save it as .xlsx in Excel or WPS and retry.`,
  );
}

function failedMessage(file: string, why: "timeout" | "failed", t: Tr): string {
  const zh = why === "timeout" ? `超过 ${timeoutMs() / 1000} 秒仍未完成，已中止` : "转换失败";
  const en = why === "timeout" ? `it did not finish within ${timeoutMs() / 1000} s and was stopped` : "the conversion failed";
  return t(
    `LibreOffice 无法把“${basename(file)}”转换为 .xlsx（${zh}），文件可能已损坏，请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。`,
    `LibreOffice could not convert "${basename(file)}" to .xlsx (${en}); the file may be damaged. Open it in Excel or WPS, save it as .xlsx and retry.`,
  );
}

// ------------------------------------------------------------------------------------------
// The queue: one LibreOffice per core at most. Starting LibreOffice is most of a conversion (some
// 3 s; a small workbook converts in a fraction of a second), so the files waiting when a slot frees
// go to one LibreOffice together, shared out between the slots: thirty .xls on two cores are a few
// runs, not thirty. A file a shared run did not convert is tried again alone (one damaged file must
// not fail the others, nor its time limit theirs); a file that fails alone is reported. Each slot
// keeps its profile for the run (a fresh profile costs LibreOffice a second more to start); two
// LibreOffices never share one.

/** Files given to one LibreOffice at most: its time limit must still be ample for all of them. */
const MAX_FILES_PER_RUN = 8;

interface Job {
  file: string;
  kind: LegacyKind;
  t: Tr;
  /** Already part of a shared run that did not convert it: now tried alone, and a failure is final. */
  alone: boolean;
  done: (c: Conversion) => void;
}

let root: string | null = null;
const freeSlots: number[] = [];
let slotsMade = 0;
const queue: Job[] = [];

function maxSlots(): number {
  return Math.max(1, availableParallelism());
}

/** Process groups of the LibreOffices running now. */
const running = new Set<number>();

function killGroup(pid: number): void {
  try {
    if (process.platform === "win32") spawn("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "ignore", windowsHide: true });
    else process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/** At exit, and on Ctrl-C (which the LibreOffices, in process groups of their own, do not receive). */
function onExit(): void {
  for (const pid of running) killGroup(pid);
  running.clear();
  if (root !== null) rmSync(root, { recursive: true, force: true });
  root = null;
}

function onInterrupt(): void {
  onExit();
  process.exit(130);
}

function tempRoot(): string {
  if (root === null) {
    // mkdtemp makes the folder readable by this user only
    root = mkdtempSync(join(tmpdir(), "xzzf-convert-"));
    process.once("exit", onExit);
    process.once("SIGINT", onInterrupt);
    process.once("SIGTERM", onInterrupt);
  }
  return root;
}

/** Removes the temporary folder (profiles included) once no conversion runs; commands call it when done. */
export function removeTempFiles(): void {
  if (root === null || running.size > 0 || queue.length > 0 || slotsMade > freeSlots.length) return;
  rmSync(root, { recursive: true, force: true });
  root = null;
  freeSlots.length = 0;
  slotsMade = 0;
  process.removeListener("exit", onExit);
  process.removeListener("SIGINT", onInterrupt);
  process.removeListener("SIGTERM", onInterrupt);
}

function takeSlot(): number | null {
  const free = freeSlots.pop();
  if (free !== undefined) return free;
  return slotsMade < maxSlots() ? slotsMade++ : null;
}

function profileDir(slot: number): string {
  const dir = join(tempRoot(), `profile-${slot}`);
  if (!existsSync(dir)) {
    mkdirSync(join(dir, "user"), { recursive: true });
    writeFileSync(join(dir, "user", "registrymodifications.xcu"), PROFILE_SETTINGS);
  }
  return dir;
}

let runs = 0;

/** Runs LibreOffice on `inputs`, writing into `outDir`; resolves with how it ended. */
function runSoffice(soffice: string, profile: string, inputs: string[], outDir: string): Promise<"ok" | "timeout" | "failed"> {
  const args = [
    "--headless",
    "--norestore",
    "--nolockcheck",
    "--nologo",
    "--nodefault",
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    "--convert-to",
    "xlsx",
    "--outdir",
    outDir,
    ...inputs,
  ];
  return new Promise((resolve) => {
    let settled = false;
    const finish = (how: "ok" | "timeout" | "failed") => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(how);
    };
    // its own process group on POSIX, so that the time limit kills soffice.bin too, not only its launcher
    const child = spawn(soffice, args, { stdio: "ignore", detached: process.platform !== "win32", windowsHide: true, env: process.env });
    const pid = child.pid;
    if (pid !== undefined) running.add(pid);
    const timer = setTimeout(() => {
      if (pid !== undefined) killGroup(pid);
      finish("timeout");
    }, timeoutMs());
    child.on("error", () => finish("failed"));
    child.on("exit", (code) => {
      if (pid !== undefined) running.delete(pid);
      finish(code === 0 ? "ok" : "failed");
    });
  });
}

/** One LibreOffice over `jobs`, in slot `slot`; each job settles, or goes back to the queue to be tried alone. */
async function runJobs(soffice: string, slot: number, jobs: Job[]): Promise<void> {
  const dir = join(tempRoot(), `run-${runs++}`);
  const pending = new Set(jobs);
  const notConverted = (j: Job, how: "timeout" | "failed") => {
    pending.delete(j);
    if (jobs.length > 1) queue.push({ ...j, alone: true });
    else j.done({ error: failedMessage(j.file, how, j.t) });
  };
  try {
    mkdirSync(dir);
    // plain names of the right extension: the user's names may hold spaces, quotes or a leading '-', or repeat
    const inputs = jobs.map((j, k) => join(dir, `workbook-${k}.${j.kind}`));
    jobs.forEach((j, k) => copyFileSync(j.file, inputs[k]));
    const how = await runSoffice(soffice, profileDir(slot), inputs, dir);
    jobs.forEach((j, k) => {
      const output = join(dir, `workbook-${k}.xlsx`);
      if (!isFile(output)) return notConverted(j, how === "timeout" ? "timeout" : "failed");
      const bytes = new Uint8Array(readFileSync(output));
      pending.delete(j);
      j.done({ bytes });
    });
  } catch {
    for (const j of pending) notConverted(j, "failed");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts LibreOffices on the waiting files while there are free slots. */
function pump(soffice: string): void {
  while (queue.length > 0) {
    const slot = takeSlot();
    if (slot === null) return;
    // the waiting files shared out between the slots, so that no core idles while another has a long list
    const share = Math.min(MAX_FILES_PER_RUN, Math.ceil(queue.length / maxSlots()));
    let n = 1;
    if (!queue[0].alone) while (n < share && n < queue.length && !queue[n].alone) n++;
    const jobs = queue.splice(0, n);
    void runJobs(soffice, slot, jobs).finally(() => {
      freeSlots.push(slot);
      pump(soffice);
    });
  }
}

/**
 * Converts a copy of `file` to .xlsx and returns its bytes, or a message naming the file. Never
 * throws for a bad file; the original is only read.
 */
export function convertToXlsx(file: string, kind: LegacyKind, t: Tr): Promise<Conversion> {
  const soffice = findSoffice();
  if (soffice === null) return Promise.resolve({ error: noSofficeMessage(file, kind, t) });
  return new Promise((done) => {
    queue.push({ file, kind, t, alone: false, done });
    pump(soffice);
  });
}
