/** How severities are named to people: the words reporting systems use (强制性审核 / 核实性审核). */
import type { Severity } from "../engine/findings";

export const SEVERITY_LABELS: Record<Severity, string> = { error: "错误", warning: "需核实", info: "提示" };

export const SEVERITY_LABELS_EN: Record<Severity, string> = { error: "Error", warning: "Check", info: "Info" };

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Counts per severity, every severity present (0 when none). */
export function countBySeverity(findings: ReadonlyArray<{ severity: Severity }>): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
