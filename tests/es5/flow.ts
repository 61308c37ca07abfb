/**
 * What the classic pane does with the shared code, as one function that runs the same in node and,
 * bundled for ES5, in duktape (tests/es5/harness.ts): 校验 twice (cold, warm) on a FakeWorkbook at
 * ExcelApi 1.1 and 1.18 through the OfficeHost, 清除标记, the seed read from .xlsx bytes by the fast
 * reader and analysed, 导入上年数's preview over those bytes, and the host's error classes. The
 * summary is plain JSON, so the ES5 run's can be compared with node's as a whole.
 */
import "../../src/engine/nfkcTable"; // as the classic pane's entry does: NFKC where the engine has no normalize
import { analyse } from "../../src/check/analyse";
import type { Finding } from "../../src/engine/findings";
import { clearMarks, previewImportPrior, validate } from "../../src/app/actions";
import { cellId } from "../../src/flows/importPrior";
import { OfficeHostError } from "../../src/host/office/errors";
import { OfficeHost } from "../../src/host/office/officeHost";
import { WorkbookReadError } from "../../src/host/xlsx/errors";
import { readWorkbookFast } from "../../src/host/xlsx/fastReader";
import { SHEET_NAMES } from "../../src/templates/tables";
import { FakeWorkbook } from "../helpers/fakeExcel";
import { seedSnapshot } from "../helpers/seedWorkbook";

export interface LevelRun {
  level: number;
  syncsCold: number;
  syncsWarm: number;
  /** The cells the marks filled, after the warm 校验. */
  marked: number;
  findingsCold: number;
  findingsWarm: number;
  fillsRestored: boolean;
}

export interface FlowSummary {
  findings: number;
  bySeverity: Record<string, number>;
  byRule: Record<string, number>;
  /** Every finding of the seed, `rule|severity|sheet!cell|message`, sorted. */
  keys: string[];
  levels: LevelRun[];
  fast: { sheets: number; findings: number; byRule: Record<string, number>; keys: string[] };
  /** 导入上年数's preview of last year's report (read by the fast reader) into the seed: `action|sheet!cell|last year|now`. */
  importPlan: { rows: string[]; problems: string[]; figures: number };
  errors: Record<string, boolean>;
}

function tally(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values.slice().sort()) out[v] = (out[v] ?? 0) + 1;
  return out;
}

const keysOf = (findings: readonly Finding[]) => findings.map((f) => `${f.rule}|${f.severity}|${f.sheet}!${f.cell}|${f.message}`).sort();

/** Every fill in the workbook, by `sheet!row,col`, as one comparable string. */
function fills(book: FakeWorkbook): string {
  const out: string[] = [];
  book.sheets.forEach((s) => s.cells.forEach((c, k) => c.fill !== null && out.push(`${s.name}!${k}=${c.fill}`)));
  return out.sort().join(";");
}

function seededBook(level: number): FakeWorkbook {
  const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
  // The clerk's own highlights, which 清除标记 must give back exactly (as in tests/office/paneOffice.test.tsx).
  book.sheet(SHEET_NAMES.A2).setFill("C7", "#92D050");
  book.sheet(SHEET_NAMES.A5).setFill("D6", "#FFFF00");
  return book;
}

async function levelRun(level: number): Promise<LevelRun> {
  const book = seededBook(level);
  const before = fills(book);
  const host = new OfficeHost({ run: book.run, isSetSupported: book.isSetSupported });
  let n = book.syncCount;
  const cold = await validate(host);
  const syncsCold = book.syncCount - n;
  n = book.syncCount;
  const warm = await validate(host);
  const syncsWarm = book.syncCount - n;
  const marked = fills(book).split(";").length;
  await clearMarks(host);
  return { level, syncsCold, syncsWarm, marked, findingsCold: cold.findings.length, findingsWarm: warm.findings.length, fillsRestored: fills(book) === before };
}

/** The host's error classes, thrown for real, still answer instanceof (Babel wraps the native Error). */
async function errorClasses(xlsx: Uint8Array): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  try {
    readWorkbookFast(new Uint8Array(0), { file: "empty.xlsx" });
    out.workbookReadError = false;
  } catch (e) {
    out.workbookReadError =
      e instanceof WorkbookReadError && e instanceof Error && e.code === "empty" && e.file === "empty.xlsx" && typeof e.message === "string";
  }
  try {
    readWorkbookFast(xlsx.subarray(0, xlsx.length >> 1));
    out.truncated = false;
  } catch (e) {
    out.truncated = e instanceof WorkbookReadError && e instanceof Error;
  }
  const book = seededBook(1);
  book.sheet(SHEET_NAMES.A2).isProtected = true;
  const host = new OfficeHost({ run: book.run, isSetSupported: book.isSetSupported });
  try {
    await host.writeValues([{ sheet: SHEET_NAMES.A2, address: "C7", value: 1 }]);
    out.officeHostError = false;
  } catch (e) {
    out.officeHostError = e instanceof OfficeHostError && e instanceof Error && e.name === "OfficeHostError" && e.sheet === SHEET_NAMES.A2;
  }
  return out;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 to bytes, by hand: duktape has no atob. */
export function fromBase64(s: string): Uint8Array {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (let i = 0; i < clean.length; i++) {
    acc = (acc << 6) | B64.indexOf(clean.charAt(i));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, j);
}

export async function runFlow(seedXlsx: Uint8Array, lastYearXlsx: Uint8Array): Promise<FlowSummary> {
  const analysis = analyse(seedSnapshot());
  const levels: LevelRun[] = [];
  for (const level of [1, 18]) levels.push(await levelRun(level));

  const read = readWorkbookFast(seedXlsx, { file: "seed.xlsx" });
  const fastFindings = analyse(read).findings;
  const book = seededBook(1);
  const host = new OfficeHost({ run: book.run, isSetSupported: book.isSetSupported });
  const plan = await previewImportPrior(host, lastYearXlsx, (b, file) => Promise.resolve(readWorkbookFast(b, { file })), "2023.xlsx");

  return {
    findings: analysis.findings.length,
    bySeverity: tally(analysis.findings.map((f) => f.severity)),
    byRule: tally(analysis.findings.map((f) => f.rule)),
    keys: keysOf(analysis.findings),
    levels,
    fast: {
      sheets: read.sheets.length,
      findings: fastFindings.length,
      byRule: tally(fastFindings.map((f) => f.rule)),
      keys: keysOf(fastFindings),
    },
    importPlan: {
      rows: plan.rows.map((r) => `${r.action}|${cellId(r)}|${String(r.lastYear)}|${String(r.now)}`),
      problems: plan.problems,
      figures: plan.figures.length,
    },
    errors: await errorClasses(seedXlsx),
  };
}
