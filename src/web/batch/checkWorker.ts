/**
 * The batch's Web Worker: checks the files it is sent one after another, in the order received, and
 * posts back each file's summary and findings (never its grid). A file's bytes are read here from
 * its File handle, so only the file being checked is in memory.
 */
import { checkForBatch, unreadable } from "./readForBatch";
import type { CheckRequest, CheckResponse } from "./types";

/** The part of DedicatedWorkerGlobalScope used here (the DOM lib types `self` as a Window). */
interface WorkerScope {
  onmessage: ((e: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: CheckResponse): void;
}

const scope = self as unknown as WorkerScope;
const queue: CheckRequest[] = [];
let running = false;

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (let next = queue.shift(); next; next = queue.shift()) {
      let summary;
      try {
        summary = checkForBatch(next.index, next.name, new Uint8Array(await next.file.arrayBuffer()));
      } catch (err) {
        // The browser could not read the file, or the check itself failed: this row says so, the batch goes on.
        summary = unreadable(next.index, next.name, err);
      }
      scope.postMessage({ summary });
    }
  } finally {
    running = false;
  }
}

scope.onmessage = (e) => {
  queue.push(e.data);
  void drain();
};
