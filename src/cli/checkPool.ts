/**
 * Checking many files on more than one core. Each thread must warm V8 up on the code it runs, and the
 * engine is most of that code: measured on two cores, two workers each reading and checking whole
 * files were slower than one thread. So the work is cut in two: workers read each file and recognise
 * its tables (reader and recognition), and post the recognised tables; the main thread runs the
 * rules and prints. Results come out in the order of the files, and at most a few files per worker
 * are in flight, so memory stays flat over any batch.
 */
import { availableParallelism } from "os";
import { existsSync } from "fs";
import { join } from "path";
import { Worker } from "worker_threads";
import { tableDef } from "../templates/tables";
import { analyseRead, checkFile, renderResult, type CheckFormat, type CheckOptions, type ReadOutcome, type RenderedResult } from "./check";

/** Below this many files the workers' start-up costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 16;
/** The main thread's rules keep up with about two readers; more only wait. */
const MAX_WORKERS = 2;
const IN_FLIGHT_PER_WORKER = 16;
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

/** Reader threads for a batch: one fewer than the cores (the main thread runs the rules), or none. */
export function workerCount(files: number): number {
  const env = process.env.XZZF_WORKERS;
  const cores = env !== undefined && /^\d+$/.test(env) ? Number(env) : availableParallelism();
  if (files < MIN_FILES_FOR_WORKERS || cores < 2 || !workerScript()) return 0;
  return Math.min(cores - 1, MAX_WORKERS);
}

export interface ReadJob {
  index: number;
  file: string;
}

export interface ReadReply {
  index: number;
  read: ReadOutcome;
}

/**
 * Recognised tables travel without their template definitions: static data every thread holds, and
 * which the rules compare by identity. The worker drops them, the main thread puts its own back.
 */
export function withoutDefs(read: ReadOutcome): ReadOutcome {
  // in place: the worker is done with the tables once they are posted
  for (const t of read.recognised?.tables ?? []) (t as { def: unknown }).def = undefined;
  return read;
}

export function withDefs(read: ReadOutcome): ReadOutcome {
  for (const t of read.recognised?.tables ?? []) (t as { def: unknown }).def = tableDef(t.id);
  return read;
}

/** Calls `each` with every file's printed result, in the order of `files`. */
export async function checkAll(files: string[], opts: CheckOptions, format: CheckFormat, each: (r: RenderedResult, index: number) => void): Promise<void> {
  const n = workerCount(files.length);
  const script = workerScript();
  const finish = (file: string, read: ReadOutcome, i: number) => each(renderResult(analyseRead(file, read, opts), format, opts.t, opts.lang), i);
  if (n === 0 || !script) {
    files.forEach((file, i) => each(renderResult(checkFile(file, opts), format, opts.t, opts.lang), i));
    return;
  }
  const workers = Array.from({ length: n }, () => new Worker(script, { workerData: { lang: opts.lang }, resourceLimits: WORKER_LIMITS }));
  const done = new Map<number, ReadOutcome>();
  const inFlight = workers.map(() => 0);
  let nextToSend = 0;
  let nextToEmit = 0;
  // each worker keeps up to IN_FLIGHT_PER_WORKER files ahead of what has been printed
  const topUp = () => {
    workers.forEach((w, k) => {
      while (inFlight[k] < IN_FLIGHT_PER_WORKER && nextToSend < files.length) {
        const job: ReadJob = { index: nextToSend, file: files[nextToSend] };
        w.postMessage(job);
        nextToSend++;
        inFlight[k]++;
      }
    });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      workers.forEach((w, k) => {
        w.on("error", reject);
        w.on("message", (msg: ReadReply) => {
          inFlight[k]--;
          done.set(msg.index, withDefs(msg.read));
          topUp();
          try {
            while (done.has(nextToEmit)) {
              const read = done.get(nextToEmit) as ReadOutcome;
              done.delete(nextToEmit);
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
