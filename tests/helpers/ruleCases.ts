/**
 * Rule tests the ESLint way: a list of workbooks on which a rule must stay silent and a list on which
 * it must report exactly the given cells. Workbooks start from the seed's tables (which break no hard
 * rule) with a few figures changed, so each case shows the one thing it is about.
 */
import { analyse, type AnalyseOptions } from "../../src/check/analyse";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/grid/grid";
import { fromA1 } from "../../src/grid/grid";
import type { Finding, Severity } from "../../src/engine/findings";
import { layoutFor, layoutToSnapshot, type YearlyFill } from "../../src/templates/layout";
import { seedLayoutOptions, SEED_YEAR } from "../../src/templates/sample";
import { TABLE_NAMES } from "../../src/templates/tables";
import type { TableId } from "../../src/templates/schema";

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

export const a4With = (changes: Record<string, CellValue>, more: Array<Record<string, CellValue>> = []): WorkbookSnapshot =>
  rowWith("A4", changes, more);
export const a5With = (changes: Record<string, CellValue>, more: Array<Record<string, CellValue>> = []): WorkbookSnapshot =>
  rowWith("A5", changes, more);

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

/** The findings of one rule only. */
export function findingsOf(rule: string, wb: WorkbookSnapshot, options: Omit<AnalyseOptions, "rules"> = {}): Finding[] {
  return analyse(wb, { ...options, rules: [rule] }).findings;
}

export interface RuleCase {
  name: string;
  workbook: WorkbookSnapshot;
  options?: Omit<AnalyseOptions, "rules">;
}

export interface ExpectedFinding {
  /** The primary cell, A1, as rules.md names it. */
  cell: string;
  table: TableId;
  /** Texts the Chinese message must contain: at least the category or column label. */
  includes: string[];
  /** Texts it must not contain. */
  excludes?: string[];
  related?: string[];
}

export interface InvalidCase extends RuleCase {
  findings: ExpectedFinding[];
}

const CJK = /[\u4e00-\u9fff]/;

function position(table: string | undefined, cell: string): string {
  const p = fromA1(cell);
  return `${table ?? ""}|${String(p?.row ?? 0).padStart(6, "0")}|${String(p?.col ?? 0).padStart(4, "0")}`;
}

/** Registers one jest test per case: valid cases give no finding of the rule, invalid ones exactly the listed ones. */
export function ruleCases(rule: string, severity: Severity, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(`${rule} (${severity})`, () => {
    describe("valid", () => {
      for (const c of cases.valid) {
        test(c.name, () => {
          expect(findingsOf(rule, c.workbook, c.options)).toEqual([]);
        });
      }
    });
    describe("invalid", () => {
      for (const c of cases.invalid) {
        test(c.name, () => {
          if (c.findings.some((f) => f.includes.length === 0)) throw new Error("an invalid case must say which label the message names");
          const got = findingsOf(rule, c.workbook, c.options)
            .slice()
            .sort((a, b) => position(a.table, a.cell).localeCompare(position(b.table, b.cell)));
          const want = c.findings.slice().sort((a, b) => position(a.table, a.cell).localeCompare(position(b.table, b.cell)));
          expect(got.map((f) => ({ rule: f.rule, severity: f.severity, table: f.table, cell: f.cell }))).toEqual(
            want.map((f) => ({ rule, severity, table: f.table, cell: f.cell })),
          );
          got.forEach((f, i) => {
            const w = want[i];
            expect(f.message).toMatch(CJK);
            expect(f.message).toContain(TABLE_NAMES[w.table]);
            for (const s of w.includes) expect(f.message).toContain(s);
            for (const s of w.excludes ?? []) expect(f.message).not.toContain(s);
            expect(f.messageEn.trim()).not.toBe("");
            if (w.related) expect(f.related).toEqual(expect.arrayContaining(w.related));
          });
        });
      }
    });
  });
}
