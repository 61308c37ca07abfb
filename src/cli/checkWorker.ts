/**
 * A reader thread of `xzzf check` over many files: reads the files it is sent, one at a time, and
 * posts each snapshot (or why the file could not be read); the main thread recognises the tables
 * and runs the rules. Runs only from the compiled CLI (dist-cli/bundle), never under ts-jest.
 */
import { parentPort, workerData } from "worker_threads";
import { readForCheck } from "./readFile";
import type { ReadJob, ReadReply } from "./checkPool";
import { translator, type Lang } from "./io";
import { SnapshotEncoder, transferList } from "./snapshotWire";
import { PartCache } from "../host/xlsx/partCache";
import { tuneV8ForBatch } from "./v8Tuning";

const lang = (workerData as { lang: Lang }).lang;
// the files of a batch mostly share their workbook part, relationships and styles
const opts = { lang, t: translator(lang), parts: new PartCache() };
const encoder = new SnapshotEncoder();

function readOne(index: number, file: string): ReadReply {
  try {
    const read = readForCheck(file, opts);
    return read.error !== undefined
      ? { index, error: read.error, convertible: read.convertible }
      : { index, wire: encoder.encode(read.snapshot), report: read.report };
  } catch (e) {
    // a reader bug on one file must not lose the others: report it as that file's error
    return { index, error: `内部错误：${(e as Error).message}` };
  }
}

parentPort?.on("message", (job: ReadJob) => {
  // one reply per file, as soon as it is read, so the main thread starts on it while this reads the next
  job.files.forEach((file, i) => {
    const reply = readOne(job.first + i, file);
    // once this thread has loaded what it reads with (v8Tuning.ts says why not sooner)
    tuneV8ForBatch();
    parentPort?.postMessage(reply, reply.wire ? transferList(reply.wire) : []);
  });
});
