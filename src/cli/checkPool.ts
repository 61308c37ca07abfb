/**
 * Checking many files on more than one core. Each thread must warm V8 up on the code it runs, and the
 * engine is most of that code: measured on two cores, two workers each reading and checking whole
 * files were slower than one thread. So the work is cut in two: workers read each file (unzip and
 * XML, about half of the work) and post its snapshot in a compact form (snapshotWire.ts); the main
 * thread recognises the tables, runs the rules and prints. Results come out in the order of the
 * files, and at most a few files per worker are in flight, so memory stays flat over any batch.
 * A file to convert (.xls/.et/.ods) is converted by this thread, the workers reading on meanwhile.
 */
import { checkConverted, checkRead, type Batch } from "./checkOne";
import { InOrder } from "./ordered";
import type { ReadOutcome, ReportParts } from "./readFile";
import type { LegacyKind } from "./legacy";
import type { Readers } from "./readerThreads";
import { SnapshotDecoder, type WireWorkbook } from "./snapshotWire";

// enough that the reader rarely waits for the main thread to take its files, and the main thread rarely for the reader (16 left
// both idle by turns: about 3% slower over 1000 files); 64 snapshots of the four tables on the wire are some 600 KB
const IN_FLIGHT_PER_WORKER = 64;
/** Files read but not yet printed, while a conversion holds the line: at most this many (some 10 KB each on the wire). */
const MAX_AHEAD = 512;
/** Files `first`, `first + 1`, … of the batch, for one worker to read in this order. */
export interface ReadJob {
  first: number;
  files: string[];
}

/** A file read (its snapshot on the wire), or why it could not be read (and whether LibreOffice could convert it). */
export type ReadReply =
  | { index: number; wire: WireWorkbook; error?: undefined; convertible?: undefined; report?: ReportParts }
  | { index: number; wire?: undefined; error: string; convertible?: LegacyKind };

/** Calls the batch's `each` with every file's printed result, in the order of its files, reading them on the threads `readers` started. */
export async function checkWithWorkers({ files, opts, format, each }: Batch, readers: Readers): Promise<void> {
  const workers = readers.workers;
  // each worker's strings are numbered in the order it posts, so each has its own decoder
  const decoders = workers.map(() => new SnapshotDecoder());
  const inFlight = workers.map(() => 0);
  let nextToSend = 0;
  // replies wait as they came, still on the wire: decoded only when their turn comes, so at most one
  // file's snapshot is on the heap at a time (held decoded, the files in flight lengthened every collection);
  // a worker's files come out in the order it posted them, as its decoder needs
  const results: InOrder = new InOrder(files.length, each, () => topUp());
  // each worker keeps up to IN_FLIGHT_PER_WORKER files ahead of what has been printed; jobs go in
  // batches of at least half of that, since a message costs more than its few file names
  function topUp(): void {
    workers.forEach((w, k) => {
      if (inFlight[k] > IN_FLIGHT_PER_WORKER / 2 || nextToSend >= files.length || nextToSend - results.emitted >= MAX_AHEAD) return;
      const count = Math.min(IN_FLIGHT_PER_WORKER - inFlight[k], files.length - nextToSend);
      const job: ReadJob = { first: nextToSend, files: files.slice(nextToSend, nextToSend + count) };
      w.postMessage(job);
      nextToSend += count;
      inFlight[k] += count;
    });
  }
  await new Promise<void>((resolve, reject) => {
    if (readers.error !== undefined) reject(readers.error);
    workers.forEach((w, k) => {
      w.on("error", reject);
      w.on("message", (msg: ReadReply) => {
        inFlight[k]--;
        // its last file is here: the thread is stopped now, so that tearing it down (10-20 ms) runs
        // beside the checks of the files still in line, not after them (check.ts awaits it at the end)
        if (inFlight[k] === 0 && nextToSend >= files.length) void w.terminate();
        const i = msg.index;
        if (msg.convertible) {
          results.putLater(i, checkConverted(files[i], { error: msg.error, convertible: msg.convertible }, opts, format));
        } else {
          results.put(i, () => {
            const read: ReadOutcome = msg.error !== undefined ? { error: msg.error } : { snapshot: decoders[k].decode(msg.wire), report: msg.report };
            return checkRead(files[i], read, opts, format);
          });
        }
        topUp();
      });
    });
    results.done().then(resolve, reject);
    topUp();
  });
}
