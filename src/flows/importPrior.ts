/**
 * 导入上年数: last year's report gives this year's {Y-1} columns. The plan is shown to the user
 * before anything is written; a differing non-empty cell is a conflict, never silently replaced.
 */
import type { CellValue } from "../grid/grid";
import type { Analysis } from "../check/analyse";
import type { RecognisedYearlyTable } from "../engine/model";
import { parseValue } from "../engine/normalize";
import type { PriorFigure } from "../engine/stateSheet";
import type { CellWrite } from "./plan";
import type { TableId, ValueKind } from "../templates/schema";
import { TABLE_NAMES } from "../templates/tables";
import { blockUnit, pairBlocks } from "./pairing";

export interface PriorPreviewRow {
  table: TableId;
  sheet: string;
  cell: string;
  unit: string;
  key: string;
  label: string;
  lastYear: CellValue;
  now: CellValue;
  action: "fill" | "same" | "conflict" | "missing";
}

export interface ImportPlan {
  rows: PriorPreviewRow[];
  problems: string[];
  figures: PriorFigure[];
}

const blank = (v: CellValue): boolean => v === null || (typeof v === "string" && v.trim() === "");

/** Two cells say the same figure (`9` and `9件`, `0` and `无`, `2(1)` and `2（1）`). */
export function sameFigure(a: CellValue, b: CellValue, kind: ValueKind): boolean {
  const pa = parseValue(a, kind);
  const pb = parseValue(b, kind);
  if (pa.num !== null && pb.num !== null) return pa.num === pb.num && (pa.unfiled ?? 0) === (pb.unfiled ?? 0);
  return String(a ?? "").trim() === String(b ?? "").trim();
}

function yearly(a: Analysis): RecognisedYearlyTable[] {
  return a.tables.filter((t): t is RecognisedYearlyTable => t.shape === "yearly");
}

export function planImportPrior(current: Analysis, last: Analysis, source = ""): ImportPlan {
  const rows: PriorPreviewRow[] = [];
  const problems: string[] = [];
  const figures: PriorFigure[] = [];
  if (current.year !== null && last.year !== null && last.year !== current.year - 1) {
    problems.push(`所选文件是 ${last.year} 年的报表，本报表是 ${current.year} 年，应导入 ${current.year - 1} 年的报表。`);
    return { rows, problems, figures };
  }
  const lastTables = yearly(last);
  for (const t of yearly(current)) {
    const from = lastTables.find((l) => l.id === t.id);
    if (!from) {
      problems.push(`上年报表中没有找到${TABLE_NAMES[t.id]}，该表的上年数需手工填写。`);
      continue;
    }
    const pairs = pairBlocks(t, from);
    if (pairs.length === 0) problems.push(`${TABLE_NAMES[t.id]}：上年报表中没有同名的执法单位，未导入。`);
    for (const [now, before] of pairs) {
      const unit = blockUnit(now) || blockUnit(before);
      for (const cat of t.def.categories) {
        const target = now.categories[cat.key];
        const origin = before.categories[cat.key];
        if (!target || !origin) continue;
        const lastYear = origin.current.raw;
        const present = target.prior.raw;
        const action: PriorPreviewRow["action"] = blank(lastYear)
          ? "missing"
          : blank(present)
            ? "fill"
            : sameFigure(lastYear, present, cat.kind)
              ? "same"
              : "conflict";
        rows.push({ table: t.id, sheet: t.sheet, cell: target.prior.address, unit, key: cat.key, label: cat.label, lastYear, now: present, action });
        if (!blank(lastYear)) figures.push({ table: t.id, unit, key: cat.key, value: lastYear, source });
      }
    }
  }
  return { rows, problems, figures };
}

export function cellId(row: { sheet: string; cell: string }): string {
  return `${row.sheet}!${row.cell}`;
}

/**
 * The writes of an import. Without `accept`: every empty cell is filled, and differing cells only with
 * `force`. With `accept` (the cells the user ticked): exactly those, whatever their action.
 */
export function importWrites(plan: ImportPlan, opts: { force?: boolean; accept?: Set<string> } = {}): CellWrite[] {
  const writes: CellWrite[] = [];
  for (const row of plan.rows) {
    if (row.action !== "fill" && row.action !== "conflict") continue;
    const ok = opts.accept ? opts.accept.has(cellId(row)) : row.action === "fill" || !!opts.force;
    if (!ok) continue;
    const value = typeof row.lastYear === "boolean" ? String(row.lastYear) : row.lastYear;
    writes.push({ sheet: row.sheet, address: row.cell, value });
  }
  return writes;
}

/** Last year's figures as the state sheet keeps them, for prior-mismatch without the old file. */
export function priorFiguresOf(last: Analysis, source = ""): PriorFigure[] {
  const figures: PriorFigure[] = [];
  for (const t of yearly(last)) {
    for (const block of t.blocks) {
      for (const cat of t.def.categories) {
        const slots = block.categories[cat.key];
        if (slots && !blank(slots.current.raw)) figures.push({ table: t.id, unit: blockUnit(block), key: cat.key, value: slots.current.raw, source });
      }
    }
  }
  return figures;
}
