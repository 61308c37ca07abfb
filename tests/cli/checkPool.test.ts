/**
 * The main thread's side of the reader-thread pool (src/cli/checkPool.ts), with stand-ins for the
 * reader threads that answer each job as a real one does (one message per file, snapshots on the
 * wire): every file checked once and printed in order, and a reader stopped as soon as its last file
 * is here, while the main thread still checks the files in line.
 */
import { EventEmitter } from "events";
import type { Worker } from "worker_threads";
import { checkWithWorkers, type ReadJob, type ReadReply } from "../../src/cli/checkPool";
import type { RenderedResult } from "../../src/cli/checkOne";
import { translator } from "../../src/cli/io";
import { SnapshotEncoder, transferList } from "../../src/cli/snapshotWire";
import { seedSnapshot } from "../helpers/seedWorkbook";

class StandInReader extends EventEmitter {
  readonly encoder = new SnapshotEncoder();
  sent = 0;
  /** How many files this reader had answered when it was told to stop, or null. */
  stoppedAfter: number | null = null;

  postMessage(job: ReadJob): void {
    // each file its own task, as a worker's messages arrive
    job.files.forEach((file, i) => {
      setImmediate(() => {
        if (this.stoppedAfter !== null) throw new Error(`a stopped reader was asked for ${file}`);
        const wire = this.encoder.encode(seedSnapshot());
        const reply: ReadReply = { index: job.first + i, wire: structuredClone(wire, { transfer: transferList(wire) }) };
        this.sent++;
        this.emit("message", reply);
      });
    });
  }

  terminate(): Promise<number> {
    this.stoppedAfter ??= this.sent;
    return Promise.resolve(1);
  }
}

async function runBatch(files: string[]): Promise<{ reader: StandInReader; printed: Array<{ index: number; stoppedYet: boolean; out: string }> }> {
  const reader = new StandInReader();
  const printed: Array<{ index: number; stoppedYet: boolean; out: string }> = [];
  const each = (r: RenderedResult, index: number): void => {
    printed.push({ index, stoppedYet: reader.stoppedAfter !== null, out: r.out });
  };
  await checkWithWorkers({ files, opts: { settings: {}, t: translator("zh"), lang: "zh" }, format: "json", each }, { workers: [reader as unknown as Worker] });
  return { reader, printed };
}

test("every file is checked once, in order, from the snapshots the reader posts", async () => {
  const files = Array.from({ length: 70 }, (_, i) => `报表${i}.xlsx`);
  const { printed } = await runBatch(files);
  expect(printed.map((p) => p.index)).toEqual(files.map((_, i) => i));
  // the seed's findings, under each file's own name
  for (const p of printed) {
    expect(p.out).toContain(JSON.stringify(files[p.index]));
    expect(p.out).toContain('"rule": "zero-unexplained"');
  }
});

test("a reader is stopped once its last file is here, not before, and before that file is printed", async () => {
  // more files than a reader keeps in flight, so it is sent several jobs
  const files = Array.from({ length: 150 }, (_, i) => `报表${i}.xlsx`);
  const { reader, printed } = await runBatch(files);
  expect(reader.stoppedAfter).toBe(files.length);
  expect(printed[printed.length - 1].stoppedYet).toBe(true);
  expect(printed.filter((p) => !p.stoppedYet).length).toBe(files.length - 1);
});
