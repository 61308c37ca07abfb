/**
 * The files of one `xzzf check`, each read, checked and printed in the order given. A few files are
 * read on this thread; many go to reader threads (checkPool.ts, loaded only then, as is everything a
 * thread needs). A file LibreOffice must convert first is converted beside the others: the files
 * after it are read and checked meanwhile, and printed once it is.
 */
import { availableParallelism } from "os";
import { existsSync } from "fs";
import { join } from "path";
import { checkConverted, checkRead, removeConversionFiles, type CheckFormat, type CheckOptions, type RenderedResult } from "./checkOne";
import { InOrder } from "./ordered";
import { readForCheck } from "./readFile";
import { tuneV8ForBatch } from "./v8Tuning";

/** Below this many files the workers' start-up costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 16;
/** The main thread's recognition and rules keep up with about two readers; more only wait. */
const MAX_WORKERS = 2;
/** Results printed ahead of a conversion are held, at most this many (a few KB each). */
const MAX_HELD = 256;

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

/** Calls `each` with every file's printed result, in the order of `files`. */
export async function checkAll(files: string[], opts: CheckOptions, format: CheckFormat, each: (r: RenderedResult, index: number) => void): Promise<void> {
  if (files.length >= MIN_FILES_FOR_WORKERS) tuneV8ForBatch();
  const count = workerCount(files.length);
  const script = workerScript();
  try {
    if (count > 0 && script !== null) await (await import("./checkPool")).checkWithWorkers(files, opts, format, { script, count }, each);
    else await checkHere(files, opts, format, each);
  } finally {
    await removeConversionFiles();
  }
}

/** The batch on this thread alone. */
async function checkHere(files: string[], opts: CheckOptions, format: CheckFormat, each: (r: RenderedResult, index: number) => void): Promise<void> {
  const results = new InOrder(files.length, each);
  for (let i = 0; i < files.length; i++) {
    while (results.held >= MAX_HELD && !results.broken) await results.room(MAX_HELD);
    const read = readForCheck(files[i], opts);
    if (read.convertible) results.putLater(i, checkConverted(files[i], { ...read, convertible: read.convertible }, opts, format));
    else {
      const r = checkRead(files[i], read, opts, format);
      results.put(i, () => r);
    }
  }
  await results.done();
}
