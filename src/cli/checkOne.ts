/**
 * One file of `xzzf check`, after it is read: the tables recognised and the rules run (analyseRead),
 * and its share of the report printed (renderResult). Shared by the in-process batch (checkBatch.ts)
 * and the main thread of the reader-thread pool (checkPool.ts).
 */
import { analyse } from "../check/analyse";
import type { Settings } from "../rules/types";
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, type Lang, type Tr } from "./io";
import type { ReadOutcome } from "./readFile";
import { priorYearProblem, type PriorReport } from "./priorYear";
import { csvRows, formatText, jsonFileEntry, summaryRow, type FileResult } from "./report";
import { reportUnit } from "../flows/aggregate";

export type CheckFormat = "text" | "json" | "csv" | "summary";

export interface CheckOptions {
  settings: Partial<Settings>;
  prior?: PriorReport;
  /** The body of the 工作报告 given with --report: a workbook's tables are checked against it (a .docx brings its own). */
  body?: string[];
  t: Tr;
  lang: Lang;
}

function failed(file: string, error: string): FileResult {
  return { file, year: null, tables: [], findings: [], error };
}

/** The other half: the tables recognised and the rules run over a read file. */
export function analyseRead(file: string, read: ReadOutcome, opts: CheckOptions): FileResult {
  if (read.error !== undefined) return failed(file, read.error);
  const body = read.report ? read.report.body : opts.body;
  const analysis = analyse(read.snapshot, { settings: opts.settings, prior: opts.prior?.figures, body });
  if (opts.prior) {
    const problem = priorYearProblem(opts.prior, file, analysis.year, opts.t);
    if (problem) return { ...failed(file, problem), priorYearMismatch: true };
  }
  return {
    file,
    ...(read.report ? { kind: read.report.kind } : {}),
    year: analysis.year,
    unit: reportUnit(analysis),
    tables: analysis.tables.map((t) => ({ id: t.id, sheet: t.sheet, range: t.range })),
    findings: analysis.findings,
    error: null,
  };
}

export function exitCodeOf(results: FileResult[]): number {
  if (results.some((r) => r.error !== null)) return EXIT_FAILURE;
  if (results.some((r) => r.findings.some((f) => f.severity === "error"))) return EXIT_FINDINGS;
  return EXIT_OK;
}

/**
 * One file's share of the report, already printed to text: what the batch keeps of a result once
 * its findings are printed, so a batch of thousands never holds their findings.
 */
export interface RenderedResult {
  /** The entry for stdout, without the separator from the previous file's. */
  out: string;
  /** A line for stderr, or "". */
  err: string;
  exit: number;
  errors: number;
  unreadable: boolean;
  skipped: boolean;
}

/** One `xzzf check` batch: its files, how they are checked and printed, and where each printed result goes, in the order of `files`. */
export interface Batch {
  files: string[];
  opts: CheckOptions;
  format: CheckFormat;
  each: (r: RenderedResult, index: number) => void;
}

export function renderResult(r: FileResult, format: CheckFormat, t: Tr, lang: Lang): RenderedResult {
  const errors = r.findings.reduce((n, f) => (f.severity === "error" ? n + 1 : n), 0);
  // The text report already shows a read error; other formats, and a report not following --prior's year, say it on stderr.
  const err = r.error !== null && (format !== "text" || r.priorYearMismatch) ? `xzzf: ${r.file}${t("：", ": ")}${r.error}\n` : "";
  const out =
    format === "text" ? formatText(r, t, lang) : format === "json" ? jsonFileEntry(r, lang, true) : format === "csv" ? csvRows(r, lang) : summaryRow(r, lang);
  return { out, err, exit: exitCodeOf([r]), errors, unreadable: r.error !== null && !r.priorYearMismatch, skipped: !!r.priorYearMismatch };
}

/** A read file's printed result. */
export function checkRead(file: string, read: ReadOutcome, opts: CheckOptions, format: CheckFormat): RenderedResult {
  return renderResult(analyseRead(file, read, opts), format, opts.t, opts.lang);
}

/**
 * A file the reader refused as .xls/.et/.ods: converted by LibreOffice (convert.ts, loaded only now),
 * then read and checked under its own name. Never rejects for a bad file.
 */
let converting = false;

export async function checkConverted(
  file: string,
  read: ReadOutcome & { convertible: NonNullable<ReadOutcome["convertible"]> },
  opts: CheckOptions,
  format: CheckFormat,
): Promise<RenderedResult> {
  converting = true;
  const [{ convertToXlsx }, { readBytesForCheck }] = await Promise.all([import("./convert"), import("./readFile")]);
  const converted = await convertToXlsx(file, read.convertible, opts.t);
  const again: ReadOutcome = converted.error !== undefined ? { error: converted.error } : readBytesForCheck(file, converted.bytes, opts);
  // converted, and still not a workbook the reader takes: say so, not ask for another conversion
  return checkRead(file, again.convertible ? { error: again.error } : again, opts, format);
}

/** The conversions' temporary folder removed, once a batch is done (nothing to do without one). */
export async function removeConversionFiles(): Promise<void> {
  if (converting) (await import("./convert")).removeTempFiles();
}
