/**
 * Reading one file for `check`: the half of checking the CLI's reader threads do (checkPool.ts).
 * Kept apart from checkOne.ts so that a reader thread loads the reader alone, not the engine and rules.
 */
import type { WorkbookSnapshot } from "../grid/grid";
import { readWorkbookFast } from "../host/xlsx/fastReader";
import { readErrors, WorkbookReadError } from "../host/xlsx/errors";
import { NODE_ZIP } from "./nodeZip";
import type { PartCache } from "../host/xlsx/partCache";
import { CliError, readInput, type Lang, type Tr } from "./io";
import { legacyKind, type LegacyKind } from "./legacy";
import { isDocx, readDocx, tablesProblem } from "../host/docx/readDocx";

/**
 * A file read, or why it could not be read. `convertible`: the reader refused an .xls/.et/.ods that
 * LibreOffice can convert (`error` is the reader's refusal, for when it cannot).
 */
export type ReadOutcome =
  | { snapshot: WorkbookSnapshot; error?: undefined; convertible?: undefined; report?: ReportParts }
  | { snapshot?: undefined; error: string; convertible?: LegacyKind };

/** What a 工作报告 (.docx) adds to its tables: the body, whose figures are checked against them. */
export interface ReportParts {
  kind: "docx";
  body: string[];
}

export interface ReadOptions {
  t: Tr;
  lang: Lang;
  parts?: PartCache;
}

function refusal(e: WorkbookReadError, lang: Lang): string {
  return lang === "en" ? e.messageEn : e.message;
}

/** Reads workbook bytes; never throws for a bad file (its message goes in `error`). */
export function readBytesForCheck(file: string, bytes: Uint8Array, opts: ReadOptions): ReadOutcome {
  try {
    return { snapshot: readWorkbookFast(bytes, { file, codec: NODE_ZIP, parts: opts.parts }) };
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    // a report's tables and body; asked only once the workbook reader refused, so an .xlsx costs nothing more.
    // A broken file called .docx gets the report reader's sentence (not advice to re-save as .xlsx).
    if (isDocx(bytes) || /\.docx$/i.test(file)) return readReportForCheck(file, bytes, opts);
    // the reader refuses .xls, .et, .ods, .xlsb and .numbers with this code; asked only then, so an .xlsx costs nothing more
    if (e.code === "xls") {
      const kind = legacyKind(bytes);
      if (kind === "encrypted") return { error: refusal(readErrors.encrypted(), opts.lang) };
      if (kind !== null) return { error: refusal(e, opts.lang), convertible: kind };
    }
    return { error: refusal(e, opts.lang) };
  }
}

function readReportForCheck(file: string, bytes: Uint8Array, opts: ReadOptions): ReadOutcome {
  try {
    const report = readDocx(bytes, { file, codec: NODE_ZIP });
    const problem = tablesProblem(report, file);
    if (problem) return { error: refusal(problem, opts.lang) };
    return { snapshot: report.snapshot, report: { kind: "docx", body: report.paragraphs } };
  } catch (e) {
    if (e instanceof WorkbookReadError) return { error: refusal(e, opts.lang) };
    throw e;
  }
}

/** Reads one file; never throws for a bad file (its message goes in `error`). */
export function readForCheck(file: string, opts: ReadOptions): ReadOutcome {
  let bytes: Uint8Array;
  try {
    bytes = readInput(file, opts.t);
  } catch (e) {
    if (e instanceof CliError) return { error: e.message };
    throw e;
  }
  return readBytesForCheck(file, bytes, opts);
}
