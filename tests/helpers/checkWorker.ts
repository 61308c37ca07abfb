/**
 * The batch's worker script itself (src/web/batch/checkWorker.ts) in node, behind the part of a
 * Worker the page uses: each message reaches the script on another turn of the event loop, and each
 * answer comes back through structuredClone, as postMessage copies it (a function or a class instance
 * in an answer would not survive, or would arrive as a plain object). `dieAfter`: that many answers,
 * then the worker fails as one whose script broke.
 */
import type { WorkerRequest, WorkerResponse } from "../../src/web/batch/types";

interface Scope {
  onmessage: ((e: { data: WorkerRequest }) => void) | null;
  postMessage(message: WorkerResponse): void;
}

export class InProcessWorker {
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  readonly received: WorkerRequest[] = [];
  terminated = false;
  private answered = 0;
  private readonly scope: Scope;

  constructor(private readonly dieAfter = Infinity) {
    this.scope = { onmessage: null, postMessage: (m) => this.answer(structuredClone(m)) };
    const g = globalThis as { self?: unknown };
    const had = "self" in g;
    const before = g.self;
    g.self = this.scope;
    try {
      // a fresh copy of the script (its queue is module state), bound to this worker's scope
      jest.isolateModules(() => jest.requireActual("../../src/web/batch/checkWorker"));
    } finally {
      if (had) g.self = before;
      else delete g.self;
    }
  }

  postMessage(req: WorkerRequest): void {
    this.received.push(req);
    setTimeout(() => {
      if (!this.terminated) this.scope.onmessage?.({ data: req });
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  private answer(message: WorkerResponse): void {
    setTimeout(() => {
      if (this.terminated) return;
      if (this.answered >= this.dieAfter) {
        if (this.answered++ === this.dieAfter) this.onerror?.({ preventDefault() {} } as ErrorEvent);
        return;
      }
      this.answered++;
      this.onmessage?.({ data: message } as MessageEvent<WorkerResponse>);
    });
  }
}
