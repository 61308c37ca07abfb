/**
 * Results handed out in the order of the files while some of them (a LibreOffice conversion) finish
 * later than the files after them: a file's result waits here until every earlier one has gone out.
 */
import type { RenderedResult } from "./checkOne";

type Slot = { now: () => RenderedResult } | { later: RenderedResult | null };

export class InOrder {
  private readonly slots = new Map<number, Slot>();
  private nextOut = 0;
  private readonly finished: Promise<void>;
  private resolve!: () => void;
  private reject!: (e: unknown) => void;
  private failed = false;
  private roomWaiters: Array<() => void> = [];

  /** `each` is called with every result in order; `afterRun`, if given, after each run of them. */
  constructor(
    private readonly total: number,
    private readonly each: (r: RenderedResult, index: number) => void,
    private readonly afterRun?: () => void,
  ) {
    this.finished = new Promise<void>((res, rej) => {
      this.resolve = res;
      this.reject = rej;
    });
    // a failure is awaited through done(), maybe later than it happens: not an unhandled rejection meanwhile
    this.finished.catch(() => undefined);
    if (total === 0) this.resolve();
  }

  /** A result could not be made; done() rejects with why. */
  get broken(): boolean {
    return this.failed;
  }

  /** How many results came out. */
  get emitted(): number {
    return this.nextOut;
  }

  /** How many are here, waiting for an earlier one. */
  get held(): number {
    return this.slots.size;
  }

  /** File `index`'s result, made when its turn comes (so a snapshot is decoded in file order). */
  put(index: number, make: () => RenderedResult): void {
    this.slots.set(index, { now: make });
    this.flush();
  }

  /** File `index`'s result, once `pending` settles; the files after it wait. */
  putLater(index: number, pending: Promise<RenderedResult>): void {
    const slot: { later: RenderedResult | null } = { later: null };
    this.slots.set(index, slot);
    pending.then(
      (r) => {
        slot.later = r;
        this.flush();
      },
      (e) => this.fail(e),
    );
  }

  /** Settles once there are fewer than `max` results held. */
  room(max: number): Promise<void> {
    if (this.slots.size < max || this.failed) return Promise.resolve();
    return new Promise((res) => this.roomWaiters.push(res));
  }

  /** Settles when every result has come out; rejects with the first error of making one. */
  done(): Promise<void> {
    return this.finished;
  }

  private fail(e: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.reject(e);
    for (const w of this.roomWaiters.splice(0)) w();
  }

  private flush(): void {
    if (this.failed) return;
    try {
      for (let slot = this.slots.get(this.nextOut); slot !== undefined; slot = this.slots.get(this.nextOut)) {
        if ("later" in slot && slot.later === null) break;
        this.slots.delete(this.nextOut);
        const r = "now" in slot ? slot.now() : (slot.later as RenderedResult);
        this.each(r, this.nextOut);
        this.nextOut++;
      }
    } catch (e) {
      this.fail(e);
      return;
    }
    for (const w of this.roomWaiters.splice(0)) w();
    if (this.nextOut === this.total) this.resolve();
    this.afterRun?.();
  }
}
