/**
 * A checked file's standing for a reviewer, as the web page's summary table and `xzzf check --format
 * summary` both show it: 可报送 (ready to submit), 需修改 (to fix), 无法读取 (cannot be read).
 */
import type { Finding, Severity } from "../engine/findings";
import type { TableId } from "../templates/schema";
import { tableDef } from "../templates/tables";

/** 可报送: no error and every warning explained; 需修改: anything else that was read; 无法读取: the file could not be read. */
export type FileState = "ready" | "fix" | "unreadable";

export function stateOf(tables: number, counts: Record<Severity, number>, explained: number): FileState {
  // A workbook without any of the four tables is not a report, whatever its (absent) findings say.
  if (tables === 0) return "fix";
  return counts.error === 0 && explained === counts.warning ? "ready" : "fix";
}

const STATE_TEXT: Record<FileState, { zh: string; en: string }> = {
  ready: { zh: "可报送", en: "Ready to submit" },
  fix: { zh: "需修改", en: "To fix" },
  unreadable: { zh: "无法读取", en: "Cannot be read" },
};

/** The state as a reviewer's table writes it. */
export function stateText(s: FileState, lang: "zh" | "en"): string {
  return STATE_TEXT[s][lang];
}

/** Warnings that carry a 审核说明. */
export function explainedWarnings(findings: ReadonlyArray<Pick<Finding, "severity" | "explanation">>): number {
  return findings.filter((f) => f.severity === "warning" && f.explanation !== undefined).length;
}

/** The tables found, as their 附件 names: `附件2、附件3`. */
export function tablesText(tables: readonly TableId[]): string {
  return tables.map((id) => tableDef(id).attachment).join("、");
}
