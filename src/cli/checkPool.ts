/**
 * Checking many files on more than one core. Each thread must warm V8 up on the code it runs, and the
 * engine is most of that code: measured on two cores, two workers each reading and checking whole
 * files were slower than one thread. So the work is cut in two: workers read each file (unzip and
 * XML, about half of the work) and post its snapshot in a compact form (snapshotWire.ts); the main
 * thread recognises the tables, runs the rules and prints. Results come out in the order of the
 * files, and at most a few files per worker are in flight, so memory stays flat over any batch.
 */
import { availableParallelism } from "os";
import { existsSync } from "fs";
import { join } from "path";
import { Worker } from "worker_threads";
import { analyseRead, checkFile, renderResult, type CheckFormat, type CheckOptions, type RenderedResult } from "./check";
import type { ReadOutcome } from "./readFile";
import { SnapshotDecoder, type WireWorkbook } from "./snapshotWire";
import { tuneV8ForBatch } from "./v8Tuning";

/** Below this many files the workers' start-up costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 16;
/** The main thread's recognition and rules keep up with about two readers; more only wait. */
const MAX_WORKERS = 2;
// enough that the reader rarely waits for the main thread to take its files, and the main thread rarely for the reader (16 left
// both idle by turns: about 3% slower over 1000 files); 64 snapshots of the four tables on the wire are some 600 KB
const IN_FLIGHT_PER_WORKER = 64;
/**
 * A worker holds a few workbooks at a time; a small young generation makes it collect often instead
 * of growing its nursery (most of a worker's resident memory), while the old generation keeps room
 * for the largest workbook the reader accepts.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 8 };

function workerScript(): string | null {
  // only the compiled CLI has a JavaScript worker to start; under ts-jest this file is TypeScript
  const script = join(__dirname, "checkWorker.js");
  return __filename.endsWith(".js") && existsSync(script) ? script : null;
}

/** Reader threads for a batch: one fewer than the cores (the main thread recognises and runs the rules), or none. */
export function workerCount(files: number): number {
  const env = process.env.XZZF_WORKERS;
  const cores = env !== undefined && /^\d+$/.test(env) ? Number(env) : availableParallelism();
  if (files < MIN_FILES_FOR_WORKERS || cores < 2 || !workerScript()) return 0;
  return Math.min(cores - 1, MAX_WORKERS);
}

/** Files `first`, `first + 1`, … of the batch, for one worker to read in this order. */
export interface ReadJob {
  first: number;
  files: string[];
}

/** A file read (its snapshot on the wire), or why it could not be read. */
export type ReadReply = { index: number; wire: WireWorkbook; error?: undefined } | { index: number; wire?: undefined; error: string };

/** Calls `each` with every file's printed result, in the order of `files`. */
export async function checkAll(files: string[], opts: CheckOptions, format: CheckFormat, each: (r: RenderedResult, index: number) => void): Promise<void> {
  const n = workerCount(files.length);
  const script = workerScript();
  if (files.length >= MIN_FILES_FOR_WORKERS) tuneV8ForBatch();
  const finish = (file: string, read: ReadOutcome, i: number) => each(renderResult(analyseRead(file, read, opts), format, opts.t, opts.lang), i);
  if (n === 0 || !script) {
    files.forEach((file, i) => each(renderResult(checkFile(file, opts), format, opts.t, opts.lang), i));
    return;
  }
  const workers = Array.from({ length: n }, () => new Worker(script, { workerData: { lang: opts.lang }, resourceLimits: WORKER_LIMITS }));
  // each worker's strings are numbered in the order it posts, so each has its own decoder
  const decoders = workers.map(() => new SnapshotDecoder());
  // replies wait as they came, still on the wire: decoded only when their turn comes, so at most one
  // file's snapshot is on the heap at a time (held decoded, the files in flight lengthened every collection)
  const done = new Map<number, { worker: number; reply: ReadReply }>();
  const inFlight = workers.map(() => 0);
  let nextToSend = 0;
  let nextToEmit = 0;
  // each worker keeps up to IN_FLIGHT_PER_WORKER files ahead of what has been printed; jobs go in
  // batches of at least half of that, since a message costs more than its few file names
  const topUp = () => {
    workers.forEach((w, k) => {
      if (inFlight[k] > IN_FLIGHT_PER_WORKER / 2 || nextToSend >= files.length) return;
      const count = Math.min(IN_FLIGHT_PER_WORKER - inFlight[k], files.length - nextToSend);
      const job: ReadJob = { first: nextToSend, files: files.slice(nextToSend, nextToSend + count) };
      w.postMessage(job);
      nextToSend += count;
      inFlight[k] += count;
    });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      workers.forEach((w, k) => {
        w.on("error", reject);
        w.on("message", (msg: ReadReply) => {
          inFlight[k]--;
          done.set(msg.index, { worker: k, reply: msg });
          topUp();
          try {
            for (let next = done.get(nextToEmit); next !== undefined; next = done.get(nextToEmit)) {
              done.delete(nextToEmit);
              // a worker's files come out in the order it posted them, as its decoder needs
              const { worker, reply } = next;
              const read: ReadOutcome = reply.error !== undefined ? { error: reply.error } : { snapshot: decoders[worker].decode(reply.wire) };
              finish(files[nextToEmit], read, nextToEmit);
              nextToEmit++;
            }
          } catch (e) {
            return reject(e);
          }
          if (nextToEmit === files.length) resolve();
        });
      });
      topUp();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
