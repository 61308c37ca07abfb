/**
 * A reader thread of `xzzf check` over many files: reads the files it is sent, one at a time,
 * recognises their tables, and posts them back (or why the file could not be read); the main thread
 * runs the rules. Runs only from the compiled CLI (dist-cli), never under ts-jest.
 */
import { parentPort, workerData } from "worker_threads";
import { readForCheck, type CheckOptions, type ReadOutcome } from "./check";
import { withoutDefs, type ReadJob, type ReadReply } from "./checkPool";
import { translator } from "./io";

const lang = (workerData as { lang: CheckOptions["lang"] }).lang;
const opts = { lang, t: translator(lang) };

parentPort?.on("message", (job: ReadJob) => {
  let read: ReadOutcome;
  try {
    read = withoutDefs(readForCheck(job.file, opts));
  } catch (e) {
    // a reader bug on one file must not lose the others: report it as that file's error
    read = { error: `内部错误：${(e as Error).message}` };
  }
  const reply: ReadReply = { index: job.index, read };
  parentPort?.postMessage(reply);
});
