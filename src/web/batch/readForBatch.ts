/**
 * The per-file step of a batch: bytes in, a summary and findings out, the grid dropped at once.
 * Runs in the worker (checkWorker.ts) and, where there is no Worker, on the page in between frames.
 *
 * readForBatch is the one place that decides how a file is read, by its content, not its name: a
 * .docx 工作报告 with the report reader (its tables as the snapshot, its body for the report-* rules),
 * anything else as an .xlsx with the fast reader (fflate, the default codec in a browser).
 */
import { analyse, type AnalyseOptions } from "../../check/analyse";
import type { WorkbookSnapshot } from "../../grid/grid";
import { reportUnit } from "../../flows/aggregate";
import { countBySeverity } from "../../flows/severity";
import { explainedWarnings, stateOf } from "../../flows/fileState";
import { WorkbookReadError } from "../../host/xlsx/errors";
import { readWorkbookFast } from "../../host/xlsx/fastReader";
import { isDocx, readDocx, tablesProblem } from "../../host/docx/readDocx";
import type { BatchFinding, FileKind, FileSummary, RoundRead } from "./types";

/** What the engine is given for one file. */
export interface BatchInput {
  kind: FileKind;
  snapshot: WorkbookSnapshot;
  options: AnalyseOptions;
}

/** Reads one file for checking. Throws WorkbookReadError (its message says what is wrong) for a file it cannot read. */
export function readForBatch(name: string, bytes: Uint8Array): BatchInput {
  if (isDocx(bytes)) {
    const report = readDocx(bytes, { file: name });
    // a report whose tables are pictures, or that has none, says so in its row rather than passing as clean
    const problem = tablesProblem(report, name);
    if (problem) throw problem;
    return { kind: "docx", snapshot: report.snapshot, options: { body: report.paragraphs } };
  }
  return { kind: "xlsx", snapshot: readWorkbookFast(bytes, { file: name }), options: {} };
}

export function unreadable(index: number, name: string, err: unknown): FileSummary {
  const known = err instanceof WorkbookReadError;
  const message = known ? err.message : `无法读取这个文件：${err instanceof Error ? err.message : String(err)}`;
  const messageEn = known ? err.messageEn : `This file cannot be read: ${err instanceof Error ? err.message : String(err)}`;
  return {
    index,
    name,
    kind: null,
    unit: "",
    year: null,
    tables: [],
    counts: { error: 0, warning: 0, info: 0 },
    explained: 0,
    state: "unreadable",
    error: message,
    errorEn: messageEn,
    findings: [],
  };
}

/** Reads and checks one file; never throws (an unreadable file comes back with its sentence). */
export function checkForBatch(index: number, name: string, bytes: Uint8Array): FileSummary {
  let input: BatchInput;
  try {
    input = readForBatch(name, bytes);
  } catch (err) {
    return unreadable(index, name, err);
  }
  const analysis = analyse(input.snapshot, input.options);
  const findings: BatchFinding[] = analysis.findings.map((f) => {
    const out: BatchFinding = {
      rule: f.rule,
      severity: f.severity,
      table: f.table ?? null,
      sheet: f.sheet,
      cell: f.cell,
      message: f.message,
      messageEn: f.messageEn,
    };
    if (f.explanation !== undefined) out.explanation = f.explanation;
    return out;
  });
  const counts = countBySeverity(findings);
  const explained = explainedWarnings(findings);
  return {
    index,
    name,
    kind: input.kind,
    unit: reportUnit(analysis),
    year: analysis.year,
    tables: analysis.tables.map((t) => t.id),
    counts,
    explained,
    state: stateOf(analysis.tables.length, counts, explained),
    findings,
  };
}

/** A file of a round comparison that could not be read: the sentence its batch row would have. */
export function roundUnreadable(name: string, err: unknown): RoundRead {
  const row = unreadable(0, name, err);
  return { error: row.error ?? "", errorEn: row.errorEn ?? "" };
}

/**
 * Reads and analyses one file of 与退回的上一批对比 (in the worker, or on the page where there is none);
 * never throws. The whole analysis is kept: the pairs are compared once both sides are read.
 */
export function readForRound(name: string, bytes: Uint8Array): RoundRead {
  try {
    const input = readForBatch(name, bytes);
    const analysis = analyse(input.snapshot, input.options);
    return { unit: reportUnit(analysis), analysis };
  } catch (err) {
    return roundUnreadable(name, err);
  }
}
