/**
 * Mutation fuzzing of valid workbooks (tests/fixtures/files/*.xlsx, committed so that a seed names
 * the same bytes everywhere): every mutated file must give a snapshot and an analysis, or a
 * WorkbookReadError with a Chinese message — never another exception, through the fast reader
 * (xzzf check) and through ExcelJSHost.fromBytes (annotate, ratios, the web page; a file it opens
 * is also marked and saved, as annotate does).
 *
 * Guards instead of timings: fflate is wrapped so that the bytes each case inflates are counted
 * and checked against the reader's own limits (a mutation must never make the reader inflate more
 * than MAX_TOTAL_UNCOMPRESSED), and the process's memory growth is checked after every case.
 *
 * FUZZ_CASES (default 300) cases, seeds FUZZ_SEED (default 1) onwards; the ExcelJS path runs on
 * every FUZZ_WRITER_EVERY-th case (default 2). A failure lists each failing seed and its mutations:
 * FUZZ_SEED=<seed> FUZZ_CASES=1 reproduces it.
 */
const mockInflated = { bytes: 0 };

jest.mock("fflate", () => {
  const actual = jest.requireActual("fflate");
  return {
    ...actual,
    inflateSync: (data: Uint8Array, opts?: { out?: Uint8Array }) => {
      const out = actual.inflateSync(data, opts) as Uint8Array;
      mockInflated.bytes += out.length;
      return out;
    },
    Inflate: function Inflate(...args: unknown[]) {
      const wrapped = args.map((a) =>
        typeof a === "function"
          ? (chunk: Uint8Array, final: boolean) => {
              mockInflated.bytes += chunk.length;
              return (a as (c: Uint8Array, f: boolean) => void)(chunk, final);
            }
          : a,
      );
      return new actual.Inflate(...wrapped);
    },
  };
});

import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { analyse } from "../../src/check/analyse";
import { WorkbookReadError } from "../../src/host/xlsx/errors";
import { ExcelJSHost } from "../../src/host/xlsx/exceljsHost";
import { ONE_SHOT_INFLATE_MAX, readWorkbookFast } from "../../src/host/xlsx/fastReader";
import { MAX_TOTAL_UNCOMPRESSED, MAX_ZIP_ENTRIES } from "../../src/host/xlsx/sniff";
import { FIXTURES_DIR } from "../helpers/corpus";
import { fuzzCase, MUTATIONS } from "../helpers/mutate";

const CASES = Number(process.env.FUZZ_CASES ?? 300);
const FIRST_SEED = Number(process.env.FUZZ_SEED ?? 1);
const WRITER_EVERY = Math.max(1, Number(process.env.FUZZ_WRITER_EVERY ?? 2));
const CJK = /[\u4e00-\u9fff]/;
/** The reader inflates each part at most once per read, up to its declared size (+1 byte to catch a lie). */
const INFLATE_LIMIT = MAX_TOTAL_UNCOMPRESSED + MAX_ZIP_ENTRIES;
const RSS_GROWTH_LIMIT = 1024 * 1024 * 1024;

const BASES_DIR = join(FIXTURES_DIR, "files");
const bases = readdirSync(BASES_DIR)
  .filter((f) => f.endsWith(".xlsx"))
  .sort()
  .map((f) => new Uint8Array(readFileSync(join(BASES_DIR, f))));

interface Outcome {
  /** "read" (snapshot + analysis) or the WorkbookReadError code. */
  result: string;
}

interface Failure {
  seed: number;
  applied: string[];
  path: "fast" | "exceljs";
  problem: string;
}

function describeError(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : String(e);
}

function readError(e: unknown): string | null {
  if (!(e instanceof WorkbookReadError)) return `not a WorkbookReadError: ${describeError(e)}`;
  if (!CJK.test(e.message)) return `no Chinese message: ${e.message}`;
  return null;
}

function fast(bytes: Uint8Array): Outcome {
  const snapshot = readWorkbookFast(bytes, { file: "fuzz.xlsx" });
  analyse(snapshot);
  return { result: "read" };
}

/** What annotate does with a file it could open: read, mark a few findings, save. */
async function viaExcelJS(bytes: Uint8Array): Promise<Outcome> {
  const host = await ExcelJSHost.fromBytes(bytes, { file: "fuzz.xlsx" });
  const analysis = analyse(await host.readSnapshot());
  await host.mark(analysis.findings.slice(0, 3).map((f) => ({ sheet: f.sheet, address: f.cell, severity: f.severity, message: f.message })));
  await host.toBytes();
  return { result: "read" };
}

test("the bases are valid workbooks the fuzzer can start from", () => {
  expect(bases.length).toBeGreaterThanOrEqual(4);
  for (const b of bases) expect(readWorkbookFast(b).sheets.length).toBeGreaterThan(0);
});

test("fuzzCase is reproducible: the same seed gives the same bytes", () => {
  for (let seed = 1; seed <= 20; seed++) {
    const a = fuzzCase(seed, bases);
    const b = fuzzCase(seed, bases);
    expect(b.applied).toEqual(a.applied);
    expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
  }
});

test(`${CASES} mutated workbooks: a snapshot and analysis, or a WorkbookReadError with a Chinese message; inflation and memory within limits`, async () => {
  const failures: Failure[] = [];
  const outcomes = new Map<string, number>();
  const byMutation = new Map<string, number>();
  let maxInflated = 0;
  // growth, not the level: in a full run this worker process already holds other suites' memory
  const rssAtStart = process.memoryUsage().rss;
  for (let i = 0; i < CASES; i++) {
    const c = fuzzCase(FIRST_SEED + i, bases);
    for (const m of c.applied) byMutation.set(m, (byMutation.get(m) ?? 0) + 1);

    mockInflated.bytes = 0;
    let result: string;
    try {
      result = fast(c.bytes).result;
    } catch (e) {
      const problem = readError(e);
      if (problem) failures.push({ seed: c.seed, applied: c.applied, path: "fast", problem });
      result = e instanceof WorkbookReadError ? e.code : "crash";
    }
    outcomes.set(`fast:${result}`, (outcomes.get(`fast:${result}`) ?? 0) + 1);
    maxInflated = Math.max(maxInflated, mockInflated.bytes);
    if (mockInflated.bytes > INFLATE_LIMIT) failures.push({ seed: c.seed, applied: c.applied, path: "fast", problem: `inflated ${mockInflated.bytes} bytes` });

    if (i % WRITER_EVERY === 0) {
      let w: string;
      try {
        w = (await viaExcelJS(c.bytes)).result;
      } catch (e) {
        const problem = readError(e);
        if (problem) failures.push({ seed: c.seed, applied: c.applied, path: "exceljs", problem });
        w = e instanceof WorkbookReadError ? e.code : "crash";
      }
      outcomes.set(`exceljs:${w}`, (outcomes.get(`exceljs:${w}`) ?? 0) + 1);
    }
    const grown = process.memoryUsage().rss - rssAtStart;
    if (grown > RSS_GROWTH_LIMIT) failures.push({ seed: c.seed, applied: c.applied, path: "fast", problem: `RSS grew by ${Math.round(grown / 1048576)} MiB` });
  }
  console.log(
    `fuzz: ${CASES} cases from seed ${FIRST_SEED}; outcomes ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}; ` +
      `mutations ${JSON.stringify(Object.fromEntries(byMutation))}; most inflated by one case ${Math.round(maxInflated / 1024)} KiB (one-shot limit ${ONE_SHOT_INFLATE_MAX / 1024} KiB per part)`,
  );
  expect(failures).toEqual([]);
  // the fuzzer must reach past the zip layer, or it tests nothing but sniff()
  expect(outcomes.get("fast:read") ?? 0).toBeGreaterThan(CASES / 20);
  expect(new Set(byMutation.keys()).size).toBeGreaterThan(MUTATIONS.length / 2);
}, 1_800_000);
