/**
 * 与退回的上一批对比 on the web page: the files of the batch (what came back) against the files a
 * reviewer sent back, paired and compared as `xzzf compare <旧版文件夹> <新版文件夹>` does
 * (src/flows/folderComparison.ts), for reviewers without Node. Its own chunk, loaded when asked for.
 *
 * Both sides are read and analysed in the batch's worker (checkWorker.ts), one file after another,
 * and their analyses come back to be paired and compared here; where there is no Worker (or it fails)
 * the page reads what is left itself, one file per task, so a click still gets an answer. The analyses
 * are kept until the pairs are compared (a round is a few hundred files at most).
 */
import { compareRound, type RoundComparison, type SideFile } from "../../flows/folderComparison";

// what the batch screen shows of a round, loaded with this chunk
export { roundRows, roundTotals } from "../../flows/folderComparison";
import { isLockOrHidden } from "../../flows/inputFiles";
import { fileBytes } from "../../pane/fileBytes";
import { readForRound, roundUnreadable } from "./readForBatch";
import { spawnBatchWorker, type SpawnWorker } from "./session";
import type { ReadRequest, ReadResponse, RoundRead } from "./types";

/**
 * A file's path inside the folder it was chosen or dropped with, else its name: how the pairing sees
 * it, as the CLI sees a file's path inside the folder it was given (the folder's own name, which differs
 * between the two sides, is left out).
 */
export function relativeName(f: File): string {
  const relative = (f as File & { webkitRelativePath?: string }).webkitRelativePath ?? "";
  return relative.split("/").slice(1).join("/") || f.name;
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface Named {
  /** relativeName of the file */
  name: string;
  file: File;
}

/**
 * Reads the files in the worker, in order; resolves with its answers: all of them, or those it gave
 * before it failed (its script did not load, it died, or an answer did not reach the page).
 */
function viaWorker(worker: Worker, files: readonly Named[], reads: RoundRead[], step: () => void): Promise<void> {
  return new Promise((resolve) => {
    let answered = 0;
    const end = () => {
      worker.onmessage = worker.onerror = worker.onmessageerror = null;
      worker.terminate();
      resolve();
    };
    worker.onmessage = (e: MessageEvent<ReadResponse>) => {
      reads[e.data.index] = e.data.read;
      step();
      if (++answered === files.length) end();
    };
    worker.onerror = (e) => {
      e.preventDefault?.();
      end();
    };
    worker.onmessageerror = end;
    files.forEach(({ name, file }, index) => {
      const req: ReadRequest = { kind: "read", index, name, file };
      worker.postMessage(req);
    });
  });
}

/** The files the worker did not answer, read on the page between frames. */
async function onPage(files: readonly Named[], reads: RoundRead[], step: () => void): Promise<void> {
  for (const [i, { name, file }] of files.entries()) {
    if (reads[i]) continue;
    try {
      reads[i] = readForRound(name, await fileBytes(file));
    } catch (err) {
      // as the batch names a file the browser could not read: the reader's own sentence
      reads[i] = roundUnreadable(name, err);
    }
    step();
    await yieldToPage();
  }
}

function sideFile(name: string, read: RoundRead, lang: "zh" | "en"): SideFile {
  if ("error" in read) return { file: name, relative: name, unit: "", error: lang === "en" ? read.errorEn : read.error };
  return { file: name, relative: name, unit: read.unit, analysis: read.analysis };
}

/**
 * The old files (sent back) against the new ones (the batch); `progress` after each file read.
 * `spawn` makes the worker that reads them (the batch's; null: read on the page).
 */
export async function compareWithSentBack(
  before: readonly File[],
  after: readonly File[],
  lang: "zh" | "en",
  progress: (done: number, total: number) => void = () => undefined,
  spawn: SpawnWorker = spawnBatchWorker,
): Promise<RoundComparison> {
  // Excel's and WPS's lock files beside an open workbook are no reports, as the CLI's folders skip them
  const sides = [before, after].map((files) => files.filter((f) => !isLockOrHidden(f.name)).map((file) => ({ name: relativeName(file), file })));
  const files = [...sides[0], ...sides[1]];
  const reads: RoundRead[] = [];
  let done = 0;
  const step = () => progress(++done, files.length);
  if (files.length > 0) {
    let worker: Worker | null = null;
    try {
      worker = await spawn();
    } catch {
      worker = null; // e.g. a CSP or sandbox that forbids workers: the page reads them itself
    }
    if (worker) await viaWorker(worker, files, reads, step);
    await onPage(files, reads, step);
  }
  const read = files.map((f, i) => sideFile(f.name, reads[i], lang));
  return compareRound(read.slice(0, sides[0].length), read.slice(sides[0].length));
}
