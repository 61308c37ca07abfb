/**
 * V8 tuning for a long batch. Checking a thousand small workbooks on two cores, V8's optimising
 * compiler spent about as much CPU on its background threads as the checking itself: most of the
 * engine and the rules each run once per file, and every function it optimised was compiled with
 * its callees inlined, which is what made those compiles long. Without inlining the compiles are a
 * fraction of that and the batch finished about 20% sooner (bench/check.js, README); the steady
 * state loses a little, which a batch of this size never reaches back.
 *
 * The flag is a JIT heuristic read at each compile, so setting it at run time is safe. It is set once,
 * and only for batches (a single file never warms up). When it is set matters: V8's code cache carries
 * a hash of the flags, so after any change node compiles its own modules from source, in every thread.
 * A reader thread started after the change took 35-60 ms longer to load zlib (70 ms, 100-130 ms with
 * the flag set before or just after `new Worker`). So with reader threads it is the reader that sets
 * it, once it has read its first file and loaded all it reads with; the main thread, loading the
 * engine meanwhile, has no compiled code of its own in that cache to lose. A batch read on the main
 * thread alone sets it before its first file.
 */
import { setFlagsFromString } from "v8";

let tuned = false;

export function tuneV8ForBatch(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString("--no-turbo-inlining");
}
