/**
 * Workbooks for rule tests (ruleTester.ts runs them): one table from the seed's (which break no hard
 * rule) with a few figures changed, so each case shows the one thing it is about.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/grid/grid";
import { layoutFor, layoutToSnapshot, type YearlyFill } from "../../src/templates/layout";
import { seedLayoutOptions, SEED_YEAR } from "../../src/templates/sample";

export type Pair = [CellValue, CellValue];

export interface YearlyExtra {
  unit?: string | null;
  ratios?: Record<string, CellValue>;
  /** Merged over the seed's explanations; give `null` to clear one. */
  explanations?: Record<string, CellValue>;
  year?: number;
}

function seedYearly(id: "A2" | "A3"): YearlyFill {
  const y = seedLayoutOptions(id).yearly;
  if (!y) throw new Error(`the seed has no yearly fill for ${id}`);
  return y;
}

/** The seed's 附件2 or 附件3 with some [prior, current] pairs replaced. */
export function yearlyWith(id: "A2" | "A3", values: Record<string, Pair> = {}, extra: YearlyExtra = {}): WorkbookSnapshot {
  const seed = seedYearly(id);
  const yearly: YearlyFill = {
    unit: extra.unit === null ? undefined : (extra.unit ?? seed.unit),
    values: { ...seed.values, ...values },
    ratios: extra.ratios,
    explanations: { ...seed.explanations, ...extra.explanations },
  };
  const opts = { ...seedLayoutOptions(id), year: extra.year ?? SEED_YEAR, yearly };
  if (extra.unit === null) opts.unit = undefined;
  return { sheets: [layoutToSnapshot(layoutFor(id, opts))] };
}

export const a2With = (values: Record<string, Pair> = {}, extra: YearlyExtra = {}): WorkbookSnapshot => yearlyWith("A2", values, extra);
export const a3With = (values: Record<string, Pair> = {}, extra: YearlyExtra = {}): WorkbookSnapshot => yearlyWith("A3", values, extra);

/**
 * A 附件2/3 with several unit blocks, as a county's summary sheet has them: the first block in the
 * official place (rows 7–9), each further block three rows lower (rows 10–12, …), without merges.
 * Every fill is complete (no seed figures are merged in).
 */
export function yearlyBlocks(id: "A2" | "A3", blocks: YearlyFill[], year = SEED_YEAR): WorkbookSnapshot {
  const sheets = blocks.map((b) => layoutToSnapshot(layoutFor(id, { year, withoutMerges: true, yearly: b })));
  const first = sheets[0];
  const body = 6; // 0-based value row of the first block
  const rows: CellValue[][] = first.values.slice(0, body + 3);
  sheets.slice(1).forEach((s, i) => {
    const block = s.values.slice(body, body + 3).map((r) => r.slice());
    block.forEach((r, k) => {
      if (k === 0) r[0] = 4 + 3 * i; // continue the 序号 column
    });
    rows.push(...block);
  });
  rows.push(...first.values.slice(body + 3));
  return { sheets: [{ ...first, values: rows }] };
}

function seedRow(id: "A4" | "A5"): Record<string, CellValue> {
  const rows = seedLayoutOptions(id).columns?.rows;
  if (!rows?.[0]) throw new Error(`the seed has no row for ${id}`);
  return rows[0];
}

/** 附件4/5 with the given body rows (each merged over nothing: give every cell you want filled). */
export function columnsWith(id: "A4" | "A5", rows: Array<Record<string, CellValue>>): WorkbookSnapshot {
  return { sheets: [layoutToSnapshot(layoutFor(id, { ...seedLayoutOptions(id), columns: { rows } }))] };
}

/** The seed's 附件4/5 row 1 with some cells replaced, and optional further rows. */
export function rowWith(id: "A4" | "A5", changes: Record<string, CellValue>, more: Array<Record<string, CellValue>> = []): WorkbookSnapshot {
  return columnsWith(id, [{ ...seedRow(id), ...changes }, ...more]);
}

export const a4With = (changes: Record<string, CellValue>, more: Array<Record<string, CellValue>> = []): WorkbookSnapshot => rowWith("A4", changes, more);
export const a5With = (changes: Record<string, CellValue>, more: Array<Record<string, CellValue>> = []): WorkbookSnapshot => rowWith("A5", changes, more);

/** The seed row of 附件4/5, for building further rows from it. */
export function seedRowOf(id: "A4" | "A5"): Record<string, CellValue> {
  return { ...seedRow(id) };
}

/** Several sheets into one workbook. */
export function workbook(...parts: WorkbookSnapshot[]): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  parts.forEach((p) => sheets.push(...p.sheets));
  return { sheets };
}
