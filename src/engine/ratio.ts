/**
 * Change ratios (rules.md): (current − prior) / prior as a signed percentage with 2 decimals.
 * Prior 0 and current 0 give `0.00%`; prior 0 and current > 0 give `上年为0`; a missing year gives nothing.
 */
import type { CellValue } from "../grid/grid";
import { nfkc } from "./nfkc";

export const PRIOR_ZERO = "上年为0";

export type Ratio =
  | { kind: "percent"; value: number; text: string } // value is the fraction rounded to 4 places (0.2857)
  | { kind: "prior-zero"; text: typeof PRIOR_ZERO }
  | { kind: "none" };

/** Rounds half away from zero at 2 decimals of the percentage, robust to float noise. */
function roundPercent(fraction: number): number {
  const pct = fraction * 100;
  const r = Math.round(Math.abs(pct) * 100 + 1e-7) / 100;
  return pct < 0 ? -r : r;
}

export function formatPercent(pct: number): string {
  if (pct === 0 || Object.is(pct, -0)) return "0.00%";
  return `${pct > 0 ? "+" : "-"}${Math.abs(pct).toFixed(2)}%`;
}

export function computeRatio(prior: number | null, current: number | null): Ratio {
  if (prior === null || current === null) return { kind: "none" };
  if (prior === 0) return current === 0 ? { kind: "percent", value: 0, text: "0.00%" } : { kind: "prior-zero", text: PRIOR_ZERO };
  const pct = roundPercent((current - prior) / prior);
  return { kind: "percent", value: pct / 100, text: formatPercent(pct) };
}

/**
 * Reads what a clerk put in a ratio cell: a number formatted as % (0.2857), text `+28.57%` / `28.57%`,
 * `上年为0`. Returns the percentage (28.57), PRIOR_ZERO, or null for unreadable text.
 */
export function readRatioCell(v: CellValue): number | typeof PRIOR_ZERO | null {
  if (v === null || typeof v === "boolean") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v * 100 : null;
  // U+2212 (minus sign) survives NFKC; Word and WPS put it in pasted tables
  const s = nfkc(v)
    .replace(/\s+/g, "")
    .replace(/\u2212/g, "-");
  if (s.replace(/[。.]$/, "") === PRIOR_ZERO || /^上年(为|是)?(0|零)/.test(s)) return PRIOR_ZERO;
  const m = /^([+-]?)(\d+(?:\.\d+)?)%$/.exec(s.replace(/^增长|^增加/, "+").replace(/^下降|^减少/, "-"));
  if (!m) return null;
  const n = Number(m[2]);
  return m[1] === "-" ? -n : n;
}

/** Whether a cell's ratio agrees with the computed one at 2 decimals. */
export function ratioAgrees(cell: CellValue, ratio: Ratio): boolean {
  const read = readRatioCell(cell);
  if (ratio.kind === "none") return true;
  if (ratio.kind === "prior-zero") return read === PRIOR_ZERO;
  if (read === null || read === PRIOR_ZERO) return false;
  return Math.abs(roundPercent(read / 100) - roundPercent(ratio.value)) < 0.005 + 1e-9;
}

/** An Excel formula giving the same convention as computeRatio, for 计算同比 with live formulas. */
export function ratioFormula(priorCell: string, currentCell: string): string {
  const p = priorCell;
  const c = currentCell;
  // a change that rounds to 0 must read `0.00%` like formatPercent, not TEXT's `+0.00%`
  return `=IF(OR(${p}="",${c}=""),"",IF(${p}=0,IF(${c}=0,"0.00%","${PRIOR_ZERO}"),IF(ROUND((${c}-${p})/${p},4)=0,"0.00%",TEXT((${c}-${p})/${p},"+0.00%;-0.00%"))))`;
}
