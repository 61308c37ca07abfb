/**
 * V8 tuning for a long batch. Checking a thousand small workbooks on two cores, V8's optimising
 * compiler spent about as much CPU on its background threads as the checking itself: most of the
 * engine and the rules each run once per file, and every function it optimised was compiled with
 * its callees inlined, which is what made those compiles long. Without inlining the compiles are a
 * fraction of that and the batch finished about 20% sooner (bench/check.js, README); the steady
 * state loses a little, which a batch of this size never reaches back.
 *
 * The flag is a JIT heuristic read at each compile, so setting it at run time is safe; it is set
 * once, before the reader threads start, and only for batches (a single file never warms up).
 */
import { setFlagsFromString } from "v8";

let tuned = false;

export function tuneV8ForBatch(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString("--no-turbo-inlining");
}
