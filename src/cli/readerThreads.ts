/**
 * The reader threads of a batch `xzzf check`, started before the engine is loaded. A worker takes
 * some 100 ms to start (node's own start-up in the thread, then the reader's modules) while the main
 * thread loads the engine and rules, about 50 ms: started first, the worker's start-up runs beside
 * that loading instead of after it, and its first snapshot comes 40-60 ms sooner (bench/check.js,
 * paired runs). Nothing of the reader or the engine is loaded here.
 */
import { availableParallelism } from "os";
import { existsSync } from "fs";
import { join } from "path";
import type { Worker } from "worker_threads";
import type { Lang } from "./io";
import { tuneV8ForBatch } from "./v8Tuning";

/** Below this many files the workers' start-up costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 16;
/** The main thread's recognition and rules keep up with about two readers; more only wait. */
const MAX_WORKERS = 2;
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
  if (files < MIN_FILES_FOR_WORKERS) return 0;
  const cores = env !== undefined && /^\d+$/.test(env) ? Number(env) : availableParallelism();
  if (cores < 2 || !workerScript()) return 0;
  return Math.min(cores - 1, MAX_WORKERS);
}

/** Started reader threads, and the first error one of them raised before the batch listened to them. */
export interface Readers {
  workers: Worker[];
  error?: unknown;
}

/** The reader threads of a batch of `files` files, already starting; none for a small batch. Whoever starts them stops them. */
export function startReaders(files: number, lang: Lang): Readers {
  const script = workerScript();
  const count = workerCount(files);
  const readers: Readers = { workers: [] };
  if (script === null || count === 0) {
    if (files >= MIN_FILES_FOR_WORKERS) tuneV8ForBatch();
    return readers;
  }
  // the reader thread tunes V8 (for the whole process) once it has read its first file: see v8Tuning.ts
  // loaded only for a batch: a one-file check never starts a thread
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require("worker_threads") as typeof import("worker_threads");
  for (let k = 0; k < count; k++) {
    const w = new Worker(script, { workerData: { lang }, resourceLimits: WORKER_LIMITS });
    // an error while the engine still loads would otherwise have no listener, and end the process
    w.on("error", (e) => {
      if (readers.error === undefined) readers.error = e;
    });
    readers.workers.push(w);
  }
  return readers;
}

export async function stopReaders(readers: Readers): Promise<void> {
  await Promise.all(readers.workers.map((w) => w.terminate()));
}
