/**
 * A batch session on real files: in the order received, with the unreadable file's sentence, through
 * a worker (the worker script itself, in process: tests/helpers/checkWorker.ts), on
 * the page when there is no Worker, and on the page for what is left when the worker dies midway.
 */
import { seedXlsxBytes, withYearly } from "../../../tests/helpers/xlsx";
import { InProcessWorker } from "../../../tests/helpers/checkWorker";
import { BatchSession } from "./session";
import type { FileSummary } from "./types";

jest.setTimeout(60_000);

let files: File[];
beforeAll(async () => {
  const seed = await seedXlsxBytes();
  const planted = await seedXlsxBytes({ change: { A2: withYearly("penalty", [7, -9]) } });
  files = [
    new File([seed.slice().buffer as ArrayBuffer], "seed.xlsx"),
    new File([new Uint8Array(0)], "empty.xlsx"),
    new File([planted.slice().buffer as ArrayBuffer], "planted.xlsx"),
    new File([new TextEncoder().encode("a,b\n1,2\n")], "table.xlsx"),
  ];
});

function expectResults(results: readonly FileSummary[]): void {
  expect(results.map((r) => [r.index, r.name, r.state])).toEqual([
    [0, "seed.xlsx", "fix"],
    [1, "empty.xlsx", "unreadable"],
    [2, "planted.xlsx", "fix"],
    [3, "table.xlsx", "unreadable"],
  ]);
  expect(results[1].error).toBe("文件为空（0 字节），请重新导出后再试。");
  expect(results[3].error).toMatch(/CSV/);
  expect(results[0].counts.error).toBe(0);
  expect(results[0].unit).toBe("湘潭县自然资源局");
  expect(results[0].year).toBe(2024);
  expect(results[0].findings).toHaveLength(46);
  expect(results[2].counts.error).toBe(1);
}

test("through the batch's worker script (checkWorker.ts): every file answered in order, the worker ended at the end", async () => {
  const worker = new InProcessWorker();
  const session = new BatchSession(files, async () => worker as unknown as Worker);
  const seen: number[] = [];
  session.subscribe(() => seen.push(session.getSnapshot().results.length));
  expect(session.getSnapshot()).toMatchObject({ total: 4, running: true });
  await session.start();
  const snap = session.getSnapshot();
  expect(snap).toMatchObject({ total: 4, running: false, stopped: false, onMainThread: false });
  // the summaries, copied as postMessage copies them
  expectResults(snap.results);
  expect(worker.received.map((r) => [r.kind, r.index, r.name])).toEqual(files.map((f, i) => ["check", i, f.name]));
  expect(worker.terminated).toBe(true);
  expect(seen[seen.length - 1]).toBe(4);
});

test("without a Worker the page checks the files itself, in the same order", async () => {
  const session = new BatchSession(files, async () => null);
  await session.start();
  expect(session.getSnapshot().onMainThread).toBe(true);
  expectResults(session.getSnapshot().results);
});

test("a worker that dies midway: the files it did not answer are checked on the page", async () => {
  const worker = new InProcessWorker(2);
  const session = new BatchSession(files, async () => worker as unknown as Worker);
  await session.start();
  expect(worker.terminated).toBe(true);
  expect(session.getSnapshot().onMainThread).toBe(true);
  expectResults(session.getSnapshot().results);
});

test("stop(): the batch ends with what was checked, and start() returns", async () => {
  const worker = new InProcessWorker();
  const session = new BatchSession(files, async () => worker as unknown as Worker);
  const done = session.start();
  session.stop();
  await done;
  const snap = session.getSnapshot();
  expect(snap.running).toBe(false);
  expect(snap.stopped).toBe(true);
  expect(snap.results.length).toBeLessThan(4);
});
