/**
 * The batch's Web Worker: takes the files it is sent one after another, in the order received. A
 * file to check (the batch) comes back as its summary and findings (never its grid); a file to read
 * (与退回的上一批对比) as its unit and analysis. A file's bytes are read here from its File handle, so
 * only the file being read is in memory.
 */
import { checkForBatch, readForRound, roundUnreadable, unreadable } from "./readForBatch";
import type { WorkerRequest, WorkerResponse } from "./types";

/** The part of DedicatedWorkerGlobalScope used here (the DOM lib types `self` as a Window). */
interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = self as unknown as WorkerScope;
const queue: WorkerRequest[] = [];
let running = false;

function answer(req: WorkerRequest, bytes: Uint8Array): WorkerResponse {
  return req.kind === "read" ? { index: req.index, read: readForRound(req.name, bytes) } : { summary: checkForBatch(req.index, req.name, bytes) };
}

/** The browser could not read the file, or the check itself failed: this file's row says so, the rest go on. */
function failed(req: WorkerRequest, err: unknown): WorkerResponse {
  return req.kind === "read" ? { index: req.index, read: roundUnreadable(req.name, err) } : { summary: unreadable(req.index, req.name, err) };
}

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (let next = queue.shift(); next; next = queue.shift()) {
      let message: WorkerResponse;
      try {
        message = answer(next, new Uint8Array(await next.file.arrayBuffer()));
      } catch (err) {
        message = failed(next, err);
      }
      scope.postMessage(message);
    }
  } finally {
    running = false;
  }
}

scope.onmessage = (e) => {
  queue.push(e.data);
  // What cannot be answered (a message that does not survive the structured clone) is the worker's
  // error on the page, which then reads what is left itself, rather than a wait that never ends.
  drain().catch((err: unknown) =>
    setTimeout(() => {
      throw err;
    }),
  );
};
