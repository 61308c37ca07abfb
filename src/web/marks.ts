/**
 * Findings as cell marks, one per cell. Several findings often name the same cell (a 0 with no
 * explanation and no ratio); a host saves a cell's previous format when it marks it, so marking one
 * cell twice would save the first mark as the "previous" format. Hence one mark per cell: the most
 * severe severity, every message.
 */
import type { Finding } from "../engine/findings";
import { SEVERITY_ORDER } from "../engine/findings";
import type { CellMark } from "../host/types";
import { SEVERITY_LABELS } from "../flows/severity";

export function markKey(sheet: string, address: string): string {
  return `${sheet}\u0000${address.replace(/\$/g, "").toUpperCase()}`;
}

export function combineMarks(marks: readonly CellMark[]): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const m of marks) {
    const k = markKey(m.sheet, m.address);
    const seen = byCell.get(k);
    if (!seen) {
      byCell.set(k, { ...m });
      continue;
    }
    if (SEVERITY_ORDER[m.severity] < SEVERITY_ORDER[seen.severity]) seen.severity = m.severity;
    if (!seen.message.split("\n").includes(m.message)) seen.message = `${seen.message}\n${m.message}`;
  }
  return [...byCell.values()];
}

export function marksForFindings(findings: readonly Finding[]): CellMark[] {
  return combineMarks(findings.map((f) => ({ sheet: f.sheet, address: f.cell, severity: f.severity, message: f.message })));
}

/**
 * Marks for a copy handed to a reviewer: each note line names its severity and rule, worded as
 * `xzzf annotate` words them, so a copy from the web page reads like one from the command line.
 */
export function annotationMarks(findings: readonly Finding[]): CellMark[] {
  return combineMarks(
    findings.map((f) => ({ sheet: f.sheet, address: f.cell, severity: f.severity, message: `【${SEVERITY_LABELS[f.severity]}】${f.message}（${f.rule}）` })),
  );
}
