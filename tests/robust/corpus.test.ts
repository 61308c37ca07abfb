/**
 * Every file of the corpus (tests/fixtures/corpus.json, built by tests/helpers/corpus.ts) gets the
 * findings or the Chinese refusal its manifest entry names — through the fast reader + analyse,
 * through ExcelJSHost (the path annotate, ratios and the web page write through), through
 * `xzzf check --format json` in-process, and through the CLI in a child process under a hard
 * timeout with its peak memory measured. Nothing here asserts a time: the child's timeout is a
 * guard against a hang, and the per-file wall times are printed, not checked.
 */
import { execFile } from "child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { analyse } from "../../src/check/analyse";
import { ExcelJSHost } from "../../src/host/xlsx/exceljsHost";
import { readWorkbookFast } from "../../src/host/xlsx/fastReader";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import type { JsonFile } from "../../src/cli/report";
import type { CellValue, WorkbookSnapshot } from "../../src/grid/grid";
import { cellAt, fromA1 } from "../../src/grid/grid";
import type { Analysis } from "../../src/check/analyse";
import { BUILDERS, buildCase, expectedFindings, FIXTURES_DIR, keyOf, loadManifest, type ManifestCase } from "../helpers/corpus";
import { refusal } from "../helpers/refusal";

const manifest = loadManifest();
const CASES = manifest.cases;
const CJK = /[\u4e00-\u9fff]/;
/** A hard limit for the whole corpus in the child process: a hang fails the test instead of stalling the run. */
const CHILD_TIMEOUT_MS = 180_000;
/** Reported (not asserted) when one file takes longer. */
const PER_FILE_BUDGET_MS = 2000;
const MAX_RSS_BYTES = 1024 * 1024 * 1024;

let dir: string;
const paths = new Map<string, string>();
const bytesOf = new Map<string, Uint8Array>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "xzzf-corpus-"));
  for (const c of CASES) {
    const bytes = await buildCase(c.id);
    const path = join(dir, c.file);
    writeFileSync(path, bytes);
    paths.set(c.id, path);
    bytesOf.set(c.id, bytes);
  }
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function sink() {
  let text = "";
  return { writer: { write: (s: string) => ((text += s), true) }, text: () => text };
}

async function check(files: string[]): Promise<{ code: number; json: { files: JsonFile[] }; stderr: string }> {
  const out = sink();
  const err = sink();
  const io: CliIO = { stdout: out.writer, stderr: err.writer, now: () => new Date(Date.UTC(2025, 0, 20)) };
  // the corpus is about the reader's own refusals: LibreOffice, which would convert the .xls/.et cases, is kept off the PATH (tests/cli/convert.test.ts)
  const path = process.env.PATH;
  process.env.PATH = "";
  let code: number;
  try {
    code = await main(["check", "--format", "json", ...files], io);
  } finally {
    process.env.PATH = path;
  }
  return { code, json: JSON.parse(out.text()) as { files: JsonFile[] }, stderr: err.text() };
}

function cellValue(snapshot: WorkbookSnapshot, ref: string): CellValue {
  const bang = ref.lastIndexOf("!");
  const sheet = snapshot.sheets.find((s) => s.name === ref.slice(0, bang));
  const at = fromA1(ref.slice(bang + 1));
  if (!sheet || !at) throw new Error(`no cell ${ref}`);
  return cellAt(sheet, at.row, at.col);
}

/** The findings, tables and year an analysis (or the CLI's JSON) gave, against the manifest. */
function expectOutcome(c: ManifestCase, got: { findings: string[]; tables: string[]; year: number | null }): void {
  const e = c.expect;
  const findings = [...got.findings].sort();
  if (e.base) expect(findings).toEqual(expectedFindings(manifest, e));
  else if (e.exact) expect(findings).toEqual([...(e.includes ?? [])].sort());
  else expect(findings).toEqual(expect.arrayContaining(e.includes ?? []));
  for (const a of e.absent ?? []) {
    if (a.includes("@")) expect(findings).not.toContain(a);
    else expect(findings.filter((f) => f.startsWith(`${a}@`))).toEqual([]);
  }
  if (e.tables) expect(got.tables).toEqual(e.tables);
  if (e.year !== undefined) expect(got.year).toBe(e.year);
}

function fromAnalysis(a: Analysis) {
  return { findings: a.findings.map(keyOf), tables: a.tables.map((t) => `${t.id}@${t.sheet}`), year: a.year };
}

describe("the manifest", () => {
  test("has at least 40 cases, each with a builder, and every builder has a case", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    expect(new Set(CASES.map((c) => c.file)).size).toBe(CASES.length);
    expect(CASES.map((c) => c.id).sort()).toEqual(Object.keys(BUILDERS).sort());
  });

  test("every case expects specific findings or a refusal, and an exit code that fits", () => {
    for (const c of CASES) {
      const e = c.expect;
      expect([c.id, !!e.error || !!e.base || e.includes !== undefined]).toEqual([c.id, true]);
      if (e.error) expect([c.id, e.exit, (e.messageIncludes ?? "").length > 0]).toEqual([c.id, 2, true]);
      else expect([c.id, e.exit === 0 || e.exit === 1]).toEqual([c.id, true]);
    }
  });

  test("files committed under tests/fixtures stay small (no file over 200 KB)", () => {
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((x) => (x.isDirectory() ? walk(join(d, x.name)) : [join(d, x.name)]));
    for (const f of walk(FIXTURES_DIR)) expect([f, statSync(f).size <= 200 * 1024]).toEqual([f, true]);
  });

  test("the generated files really are what they claim: the bombs, the 10 MB string, the 10 000 sheets", () => {
    // sizes are part of the claim; the bytes themselves stay out of the repository
    expect(bytesOf.get("zip-bomb")!.length).toBeLessThan(3 * 1024 * 1024);
    expect(bytesOf.get("sheets-10000")!.length).toBeGreaterThan(100_000);
    const sst = readWorkbookFast(bytesOf.get("sst-10mb")!);
    expect(String(cellValue(sst, "附件4 执法保障!A30")).startsWith("行政执法统计说明。")).toBe(true);
  });
});

describe.each(CASES.map((c) => [c.id, c] as const))("%s", (_id, c) => {
  test(`fast reader + analyse: ${c.expect.error ? `refused (${c.expect.error})` : "findings"}`, () => {
    const bytes = bytesOf.get(c.id)!;
    const e = c.expect;
    if (e.error) {
      const err = refusal(() => readWorkbookFast(bytes, { file: c.file }));
      expect(err.code).toBe(e.error);
      expect(err.message).toMatch(CJK);
      expect(err.message).toContain(e.messageIncludes ?? "");
      expect(err.messageEn.length).toBeGreaterThan(10);
      expect(err.file).toBe(c.file);
      return;
    }
    const snapshot = readWorkbookFast(bytes, { file: c.file });
    expectOutcome(c, fromAnalysis(analyse(snapshot)));
    for (const [ref, want] of Object.entries(e.cells ?? {})) {
      const v = cellValue(snapshot, ref);
      if (want !== null && typeof want === "object") expect([ref, String(v).length]).toEqual([ref, want.length]);
      else expect([ref, v]).toEqual([ref, want]);
    }
  });

  const writer = c.skipExcelJS ? test.skip : test;
  writer("ExcelJSHost.fromBytes (the writing path): the same findings, or a WorkbookReadError", async () => {
    const bytes = bytesOf.get(c.id)!;
    const code = c.expect.writerError ?? c.expect.error;
    if (code) {
      await expect(ExcelJSHost.fromBytes(bytes, { file: c.file })).rejects.toMatchObject({ name: "WorkbookReadError", code, file: c.file });
      return;
    }
    const host = await ExcelJSHost.fromBytes(bytes, { file: c.file });
    expectOutcome(c, fromAnalysis(analyse(await host.readSnapshot())));
  });

  test(`xzzf check --format json: exit ${c.expect.exit}`, async () => {
    const path = paths.get(c.id)!;
    const { code, json, stderr } = await check([path]);
    expect(code).toBe(c.expect.exit);
    expect(json.files).toHaveLength(1);
    const f = json.files[0];
    expect(f.file).toBe(path);
    if (c.expect.error) {
      expect(f.error).toMatch(CJK);
      expect(f.error).toContain(c.expect.cliMessageIncludes ?? c.expect.messageIncludes ?? "");
      expect(f.findings).toEqual([]);
      // the JSON goes to stdout; the refusal is said on stderr too, naming the file
      expect(stderr).toContain(path);
      return;
    }
    expect(f.error).toBeNull();
    expectOutcome(c, { findings: f.findings.map(keyOf), tables: f.tables.map((t) => `${t.id}@${t.sheet}`), year: f.year });
    for (const finding of f.findings) expect(finding.message).toMatch(CJK);
  });
});

describe("the whole corpus in one run", () => {
  test("xzzf check in-process: one JSON entry per file, in order, exit 2 (some files are unreadable)", async () => {
    const files = CASES.map((c) => paths.get(c.id)!);
    const { code, json } = await check(files);
    expect(code).toBe(2);
    expect(json.files.map((f) => f.file)).toEqual(files);
    json.files.forEach((f, i) => {
      const c = CASES[i];
      expect([c.id, f.error === null]).toEqual([c.id, !c.expect.error]);
    });
  });

  test(
    "xzzf check in a child process under a hard timeout: finishes, every file answered, exit codes as expected, peak RSS < 1 GB",
    async () => {
      const files = CASES.map((c) => paths.get(c.id)!);
      const report = join(dir, "guard-report.json");
      const child = join(__dirname, "cli-child.js");
      const result = await new Promise<{ error: (Error & { killed?: boolean; code?: unknown; signal?: unknown }) | null; stdout: string; stderr: string }>(
        (resolve) => {
          execFile(
            process.execPath,
            [child, report, ...files],
            { timeout: CHILD_TIMEOUT_MS, killSignal: "SIGKILL", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, PATH: "" } },
            (error, stdout, stderr) => resolve({ error, stdout, stderr }),
          );
        },
      );
      // exit code 2 is an error for execFile; a kill (timeout) or any other code is a failure here
      expect({ killed: result.error?.killed ?? false, signal: result.error?.signal ?? null, code: result.error?.code ?? 0 }).toEqual({
        killed: false,
        signal: null,
        code: 2,
      });
      const all = JSON.parse(result.stdout) as { files: JsonFile[] };
      expect(all.files.map((f) => f.file)).toEqual(files);
      const guard = JSON.parse(readFileSync(report, "utf8")) as {
        perFile: Array<{ file: string; code: number; ms: number; stdout: string }>;
        code: number;
        maxRssKiB: number;
      };
      expect(guard.code).toBe(2);
      expect(guard.perFile.map((p) => [p.file, p.code])).toEqual(CASES.map((c) => [paths.get(c.id)!, c.expect.exit]));
      for (const p of guard.perFile) {
        const entry = (JSON.parse(p.stdout) as { files: JsonFile[] }).files[0];
        expect(entry.error !== null || Array.isArray(entry.findings)).toBe(true);
      }
      expect(guard.maxRssKiB * 1024).toBeLessThan(MAX_RSS_BYTES);

      const slow = guard.perFile.filter((p) => p.ms > PER_FILE_BUDGET_MS);
      const slowest = [...guard.perFile].sort((a, b) => b.ms - a.ms)[0];
      console.log(
        `corpus guard: ${files.length} files, peak RSS ${Math.round(guard.maxRssKiB / 1024)} MiB, slowest ${Math.round(slowest.ms)} ms (${slowest.file.slice(dir.length + 1)}); ` +
          (slow.length
            ? `over the ${PER_FILE_BUDGET_MS} ms budget on this machine: ${slow.map((p) => `${p.file.slice(dir.length + 1)} ${Math.round(p.ms)} ms`).join(", ")}`
            : `every file under ${PER_FILE_BUDGET_MS} ms`),
      );
    },
    CHILD_TIMEOUT_MS + 30_000,
  );
});
