/**
 * The files of one `xzzf check`, each read, checked and printed in the order given. A few files are
 * read on this thread; many go to reader threads (started by check.ts before it loads this module and
 * the engine, readerThreads.ts; fed by checkPool.ts). A file LibreOffice must convert first is converted beside the others: the files
 * after it are read and checked meanwhile, and printed once it is.
 */
import { checkConverted, checkRead, removeConversionFiles, type Batch } from "./checkOne";
import { InOrder } from "./ordered";
import { readForCheck } from "./readFile";
import type { Readers } from "./readerThreads";

/** Results printed ahead of a conversion are held, at most this many (a few KB each). */
const MAX_HELD = 256;

/** Calls the batch's `each` with every file's printed result, in the order of its files. */
export async function checkAll(batch: Batch, readers: Readers): Promise<void> {
  try {
    if (readers.workers.length > 0) await (await import("./checkPool")).checkWithWorkers(batch, readers);
    else await checkHere(batch);
  } finally {
    await removeConversionFiles();
  }
}

/** The batch on this thread alone. */
async function checkHere({ files, opts, format, each }: Batch): Promise<void> {
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
