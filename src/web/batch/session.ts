/**
 * One batch of files: checked one after another off the page's thread (a Web Worker), or on the
 * page between frames where there is no Worker. Holds the files' handles (not their bytes) and the
 * summaries as they come; the summary table subscribes to it. It outlives the table, so the summary
 * is still there after a file was opened and the user comes back.
 */
import { fileBytes } from "../../pane/fileBytes";
import { checkForBatch, unreadable } from "./readForBatch";
import type { CheckRequest, CheckResponse, FileSummary } from "./types";

export interface BatchSnapshot {
  total: number;
  /** Summaries in the order the files were received; shorter than total while the batch runs. */
  results: readonly FileSummary[];
  running: boolean;
  /** The user stopped the batch; the files after the last result were not checked. */
  stopped: boolean;
  /** Checked on the page's own thread (no Worker, or it could not start). */
  onMainThread: boolean;
}

/** How a worker is made; null where none can be (the default tries a real one). */
export type SpawnWorker = () => Promise<Worker | null>;

/** The batch's worker (checkWorker.ts), which 与退回的上一批对比 reads with too; null where there is no Worker. */
export async function spawnBatchWorker(): Promise<Worker | null> {
  if (typeof Worker === "undefined") return null;
  const { spawnCheckWorker } = await import(/* webpackChunkName: "batch-worker-start" */ "./spawnWorker");
  return spawnCheckWorker();
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The table is redrawn at most this often while results stream in (200 rows, 200 times, would cost the
 * page its clicks). Each redraw commits and lays out the rows since the last one in one go, so a shorter
 * interval keeps that piece small: 100 ms rather than 200 halved the longest such task on a busy machine.
 */
export const NOTIFY_INTERVAL_MS = 100;

export class BatchSession {
  private snapshot: BatchSnapshot;
  private readonly results: FileSummary[] = [];
  private readonly listeners = new Set<() => void>();
  private worker: Worker | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dirty = false;
  /** Ends the wait for a worker that stop() terminated (it will not answer any more). */
  private release: (() => void) | null = null;

  constructor(
    readonly files: readonly File[],
    private readonly spawn: SpawnWorker = spawnBatchWorker,
  ) {
    this.snapshot = { total: files.length, results: [], running: files.length > 0, stopped: false, onMainThread: false };
  }

  getSnapshot = (): BatchSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts checking; resolves when every file has its summary (or the batch was stopped). */
  async start(): Promise<void> {
    if (this.files.length === 0) return;
    let worker: Worker | null = null;
    try {
      worker = await this.spawn();
    } catch {
      worker = null; // e.g. a CSP or sandbox that forbids workers: the page does the work itself
    }
    if (!this.snapshot.running) {
      worker?.terminate();
      return;
    }
    if (worker) {
      const finished = await this.viaWorker(worker);
      if (finished || !this.snapshot.running) return this.finish();
    }
    this.update({ onMainThread: true });
    await this.onPage();
    this.finish();
  }

  /** Stops after the file being checked; what was checked stays. */
  stop(): void {
    if (!this.snapshot.running) return;
    this.worker?.terminate();
    this.worker = null;
    this.release?.();
    this.update({ stopped: true });
    this.finish();
  }

  /** The worker path; false when the worker failed before the end (the rest is then done on the page). */
  private viaWorker(worker: Worker): Promise<boolean> {
    this.worker = worker;
    return new Promise((resolve) => {
      this.release = () => resolve(true);
      worker.onmessage = (e: MessageEvent<CheckResponse>) => {
        if (this.worker !== worker) return;
        this.add(e.data.summary);
        if (this.results.length === this.files.length) {
          worker.terminate();
          this.worker = null;
          resolve(true);
        }
      };
      worker.onerror = (e) => {
        // The worker's script did not load or died: the files not yet answered go on on the page.
        e.preventDefault?.();
        worker.terminate();
        if (this.worker === worker) this.worker = null;
        resolve(false);
      };
      for (let i = this.results.length; i < this.files.length; i++) {
        const f = this.files[i];
        const req: CheckRequest = { kind: "check", index: i, name: f.name, file: f };
        worker.postMessage(req);
      }
    });
  }

  private async onPage(): Promise<void> {
    for (let i = this.results.length; i < this.files.length; i++) {
      if (!this.snapshot.running) return;
      const f = this.files[i];
      let summary: FileSummary;
      try {
        summary = checkForBatch(i, f.name, await fileBytes(f));
      } catch (err) {
        summary = unreadable(i, f.name, err);
      }
      if (!this.snapshot.running) return;
      this.add(summary);
      await yieldToPage();
    }
  }

  private add(summary: FileSummary): void {
    this.results.push(summary);
    this.dirty = true;
    if (this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, NOTIFY_INTERVAL_MS);
    }
  }

  private flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.update({ results: this.results.slice() });
  }

  private finish(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.dirty = false;
    if (!this.snapshot.running && this.snapshot.results.length === this.results.length) return;
    this.update({ results: this.results.slice(), running: false });
  }

  private update(next: Partial<BatchSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...next };
    for (const l of [...this.listeners]) l();
  }
}
