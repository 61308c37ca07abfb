/**
 * 校验 with marking in three round trips on Excel: one read (the sheet names are known from the
 * previous operation), the engine in between, then the marks (which restore the previous marks in
 * the same batch, so no separate 清除标记 is needed) and the state sheet. Works with any host.
 */
import type { Analysis } from "../../check/analyse";
import type { Finding } from "../../engine/findings";
import type { WorkbookSnapshot } from "../../grid/grid";
import { findingMark } from "../../flows/marks";
import type { CellMark, WorkbookHost } from "../types";

/**
 * A mark for every finding still open: a warning answered by a reviewer's 审核说明 is satisfied
 * (rules.md) and is listed, not marked. Several findings on one cell are merged by the host.
 */
export function marksFromFindings(findings: readonly Finding[]): CellMark[] {
  return findings.filter((f) => !f.explanation).map(findingMark);
}

export interface ValidateResult {
  analysis: Analysis;
  marks: CellMark[];
}

/** Reads, analyses and marks; `mark` replaces the previous marks, so cells fixed since lose theirs. */
export async function validateAndMark(host: WorkbookHost, analyseFn: (snapshot: WorkbookSnapshot) => Analysis): Promise<ValidateResult> {
  const analysis = analyseFn(await host.readSnapshot());
  const marks = marksFromFindings(analysis.findings);
  await host.mark(marks);
  return { analysis, marks };
}
