/**
 * Cell marks: how findings become marks, and how marks on one cell become one. Every host (Office,
 * ExcelJS, the web page's) and the page's grid merge and key marks here, so a cell marked by one looks
 * and clears the same as by another.
 *
 * Several findings often name the same cell (a 0 with no explanation and no ratio); a host saves a
 * cell's previous format when it marks it, so marking one cell twice would save the first mark as the
 * "previous" format. Hence one mark per cell: the most severe severity, every message once.
 */
import type { Finding, Severity } from "../engine/findings";
import { SEVERITY_ORDER } from "../engine/findings";
import type { CellMark } from "./plan";
import { SEVERITY_LABELS, SEVERITY_LABELS_EN } from "./severity";

/** A cell's address as marks keep it: `$D$7` and `d7` are both `D7`. */
export function markAddress(address: string): string {
  return address.replace(/\$/g, "").toUpperCase();
}

/**
 * The one key of a marked cell. Excel compares sheet names without regard to case (a workbook cannot
 * hold `Sheet1` and `SHEET1`: "Office requires that sheet names are case-insensitive unique in any
 * locale", [MS-OI29500] 2.1.578, learn.microsoft.com/openspecs/office_standards/ms-oi29500/ebf12ea5-2bb4-4af5-ab26-563f22d3f895),
 * so the sheet is lower-cased; the address as markAddress gives it.
 */
export function markKey(sheet: string, address: string): string {
  return `${sheet.toLowerCase()}\u0000${markAddress(address)}`;
}

/** The marks of one cell as one: the sheet as first named, the most severe severity, each message once, in order. */
export interface MergedMark {
  sheet: string;
  /** As markAddress gives it. */
  address: string;
  severity: Severity;
  messages: string[];
}

/**
 * One mark per cell, in the order cells are first named. A message holding several lines (a mark
 * merged before) counts line by line, so merging merged marks again adds nothing twice.
 */
export function mergeMarks(marks: readonly CellMark[]): MergedMark[] {
  const byCell = new Map<string, MergedMark>();
  for (const m of marks) {
    const k = markKey(m.sheet, m.address);
    let had = byCell.get(k);
    if (!had) {
      had = { sheet: m.sheet, address: markAddress(m.address), severity: m.severity, messages: [] };
      byCell.set(k, had);
    } else if (SEVERITY_ORDER[m.severity] < SEVERITY_ORDER[had.severity]) {
      had.severity = m.severity;
    }
    for (const line of m.message.split("\n")) if (!had.messages.includes(line)) had.messages.push(line);
  }
  return [...byCell.values()];
}

/** The text a cell's note or comment shows for its mark: one message a line. */
export function markNote(messages: readonly string[]): string {
  return messages.join("\n");
}

/** mergeMarks, each cell's messages as one note: what a host is asked to mark, or the grid shows. */
export function combineMarks(marks: readonly CellMark[]): CellMark[] {
  return mergeMarks(marks).map((m) => ({ sheet: m.sheet, address: m.address, severity: m.severity, message: markNote(m.messages) }));
}

/** A finding as a mark, its message as the finding says it. */
export function findingMark(f: Finding): CellMark {
  return { sheet: f.sheet, address: f.cell, severity: f.severity, message: f.message };
}

/**
 * Marks for a copy handed to a reviewer: each note line names its severity and rule
 * (`【需核实】… （rule-id）`), so a copy from the web page reads like one from `xzzf annotate`.
 */
export function annotationMarks(findings: readonly Finding[], lang: "zh" | "en" = "zh"): CellMark[] {
  const labels = lang === "en" ? SEVERITY_LABELS_EN : SEVERITY_LABELS;
  return combineMarks(
    findings.map((f) => ({ ...findingMark(f), message: `【${labels[f.severity]}】${lang === "en" ? f.messageEn : f.message}（${f.rule}）` })),
  );
}
