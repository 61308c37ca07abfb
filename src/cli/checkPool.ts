/**
 * Checking many files on every core: a reviewer's batch of hundreds of workbooks is CPU-bound, and
 * the files are independent. Results come back in the order of the files, whatever order the workers
 * finish in, and at most a few files per worker are in flight, so memory stays flat over any batch.
 */
import { availableParallelism } from "os";
import { existsSync } from "fs";
import { join } from "path";
import { Worker } from "worker_threads";
import { checkFile, renderResult, type CheckFormat, type CheckOptions, type RenderedResult } from "./check";

/** Below this many files the workers' start-up costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 16;
const MAX_WORKERS = 4;
const IN_FLIGHT_PER_WORKER = 2;
/**
 * A worker holds one workbook at a time; a small young generation makes it collect often instead of
 * growing its nursery (most of a worker's resident memory), while the old generation keeps room for
 * the largest workbook the reader accepts.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 8 };

function workerScript(): string | null {
  // only the compiled CLI has a JavaScript worker to start; under ts-jest this file is TypeScript
  const script = join(__dirname, "checkWorker.js");
  return __filename.endsWith(".js") && existsSync(script) ? script : null;
}

export function workerCount(files: number): number {
  const env = process.env.XZZF_WORKERS;
  const wanted = env !== undefined && /^\d+$/.test(env) ? Number(env) : availableParallelism();
  if (files < MIN_FILES_FOR_WORKERS || wanted < 2 || !workerScript()) return 0;
  return Math.min(wanted, MAX_WORKERS, Math.ceil(files / 4));
}

/** Calls `each` with every file's printed result, in the order of `files`. */
export async function checkAll(files: string[], opts: CheckOptions, format: CheckFormat, each: (r: RenderedResult, index: number) => void): Promise<void> {
  const n = workerCount(files.length);
  const script = workerScript();
  if (n === 0 || !script) {
    files.forEach((file, i) => each(renderResult(checkFile(file, opts), format, opts.t, opts.lang), i));
    return;
  }
  const workers = Array.from({ length: n }, () => new Worker(script, { workerData: { settings: opts.settings, prior: opts.prior, lang: opts.lang, format }, resourceLimits: WORKER_LIMITS }));
  const done = new Map<number, RenderedResult>();
  let nextToSend = 0;
  let nextToEmit = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (w: Worker) => {
        if (nextToSend < files.length && nextToSend - nextToEmit < n * IN_FLIGHT_PER_WORKER) {
          w.postMessage({ index: nextToSend, file: files[nextToSend] });
          nextToSend++;
          return true;
        }
        return false;
      };
      const idle: Worker[] = [];
      for (const w of workers) {
        w.on("error", reject);
        w.on("message", (msg: { index: number; result: RenderedResult }) => {
          done.set(msg.index, msg.result);
          while (done.has(nextToEmit)) {
            each(done.get(nextToEmit) as RenderedResult, nextToEmit);
            done.delete(nextToEmit);
            nextToEmit++;
          }
          if (nextToEmit === files.length) return resolve();
          if (!send(w)) idle.push(w);
          // a slot freed by emitting may let idle workers take more
          while (idle.length && send(idle[idle.length - 1])) idle.pop();
        });
        for (let k = 0; k < IN_FLIGHT_PER_WORKER; k++) send(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
