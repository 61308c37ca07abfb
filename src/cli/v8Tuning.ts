/**
 * V8 tuning for a long batch. Checking a thousand small workbooks on two cores, V8's optimising
 * compiler spent about as much CPU on its background threads as the checking itself: most of the
 * engine and the rules each run once per file, and every function it optimised was compiled with
 * its callees inlined, which is what made those compiles long. Without inlining the compiles are a
 * fraction of that and the batch finished about 20% sooner (bench/check.js, README); the steady
 * state loses a little, which a batch of this size never reaches back.
 *
 * Both flags are JIT heuristics V8 reads as it runs, so setting them at run time is safe. They are set
 * once, and only for batches (a single file never warms up). When matters: V8's code cache carries a
 * hash of the flags, so after any change node compiles its own modules from source, in every thread.
 * A reader thread started after the change took 35-60 ms longer to load zlib (70 ms, 100-130 ms with
 * the flag set before or just after `new Worker`). So with reader threads it is the reader that sets
 * them, once it has read its first file and loaded all it reads with; the main thread, loading the
 * engine meanwhile, has no compiled code of its own in that cache to lose. A batch read on the main
 * thread alone sets them before its first file.
 */
import { setFlagsFromString } from "v8";

/**
 * How much a function runs (bytecodes, roughly) before V8 considers optimising it: 8 times node 20's
 * 67,584. Fewer functions reach TurboFan, and those that do are the really hot ones (the XML scanner,
 * the cell loops); the per-file code of the rules stays in the baseline tier, where a batch of a few
 * hundred files loses less than compiling it costs on two cores. Paired runs (15 each, medians):
 * 300 files 524 vs 618 ms, CPU 884 vs 1108 ms; 1000 files (9 each) 1068 vs 1149 ms. 16 times was no
 * better than 8.
 */
const INTERRUPT_BUDGET = 8 * 67584;

/**
 * Young-generation collections on the collecting thread alone. A parallel scavenge hands work to V8's
 * helper threads and waits for them; with the main thread and a reader busy on both cores, the helpers
 * only run when a core frees, and the collecting thread waits longer than it would have worked: its
 * scavenges took 2-8 ms each early in a batch (node --trace-gc), 0.3-0.5 ms once warm. V8 reads the
 * flag at each scavenge. Paired runs, 300 files, five sets of 6-12 each: 2-5% less wall time in every set.
 */
const NO_PARALLEL_SCAVENGE = "--no-parallel-scavenge";

let tuned = false;

export function tuneV8ForBatch(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString("--no-turbo-inlining");
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  setFlagsFromString(NO_PARALLEL_SCAVENGE);
}
