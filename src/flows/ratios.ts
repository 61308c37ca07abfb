/**
 * 计算同比: the change ratio of every category of 附件2/3, planned as cell writes. Pure: the pane,
 * the web page and the CLI show the plan (and what it would overwrite) before a host writes it.
 *
 * Values mode writes text (`+28.57%`, `0.00%`, `上年为0`) with the text format `@`: a number
 * formatted as % shows differently in Excel, WPS and LibreOffice (and Office.js would turn a typed
 * `+28.57%` into 0.2857), text shows the same everywhere and is what the form asks for.
 */
import type { Analysis } from "../check/analyse";
import type { CellValue } from "../grid/grid";
import { isBlank } from "../grid/grid";
import type { CategorySlots } from "../engine/model";
import { parseValue, usable } from "../engine/normalize";
import { computeRatio, ratioFormula } from "../engine/ratio";
import type { CellWrite } from "./plan";
import type { Category, TableId } from "../templates/schema";

export type RatioMode = "values" | "formulas";

export interface RatioPlanItem {
  table: TableId;
  sheet: string;
  cell: string;
  /** The category's label, `行政处罚(件)`. */
  category: string;
  old: CellValue;
  /** The ratio text; null when a year is missing (the cell is then emptied). */
  next: string | null;
  /** Formulas mode: the formula written (its cached result is `next`). */
  formula?: string;
}

export interface RatioPlan {
  writes: CellWrite[];
  items: RatioPlanItem[];
  /** Items whose cell is non-empty and differs from the new value: shown to the user before writing. */
  overwrites: RatioPlanItem[];
}

const TEXT_FORMAT = "@";

function sameAsOld(old: CellValue, next: string | null): boolean {
  if (next === null) return isBlank(old);
  return typeof old === "string" && old.trim() === next;
}

/**
 * A live formula only where Excel can compute it: both year cells plain numbers (or empty). A typed
 * `9件`, `无` or a transfer `3(1)` would give #VALUE!, so such a category gets the value instead.
 */
function formulaFits(slots: CategorySlots): boolean {
  const ok = (v: CellValue) => v === null || typeof v === "number" || (typeof v === "string" && v.trim() === "");
  return ok(slots.prior.raw) && ok(slots.current.raw);
}

function planCategory(table: TableId, sheet: string, cat: Category, slots: CategorySlots, mode: RatioMode): RatioPlanItem | null {
  const ratioSlot = slots.ratio;
  if (!ratioSlot) return null;
  // Transfer cells read as N (rules.md: for 移送 use N).
  const prior = usable(parseValue(slots.prior.raw, cat.kind));
  const current = usable(parseValue(slots.current.raw, cat.kind));
  const ratio = computeRatio(prior, current);
  const next = ratio.kind === "none" ? null : ratio.text;
  const old = ratioSlot.raw;
  // A missing year leaves the cell empty; an already empty cell needs nothing.
  if (next === null && isBlank(old)) return null;
  const item: RatioPlanItem = { table, sheet, cell: ratioSlot.address, category: cat.label, old, next };
  if (mode === "formulas" && next !== null && formulaFits(slots)) item.formula = ratioFormula(slots.prior.address, slots.current.address);
  return item;
}

function toWrite(item: RatioPlanItem): CellWrite {
  if (item.formula) return { sheet: item.sheet, address: item.cell, value: item.next, formula: item.formula };
  return { sheet: item.sheet, address: item.cell, value: item.next, numberFormat: item.next === null ? undefined : TEXT_FORMAT };
}

export function planRatios(analysis: Analysis, mode: RatioMode): RatioPlan {
  const items: RatioPlanItem[] = [];
  for (const t of analysis.tables) {
    if (t.shape !== "yearly") continue;
    for (const block of t.blocks) {
      for (const cat of t.def.categories) {
        const slots = block.categories[cat.key];
        if (!slots) continue;
        const item = planCategory(t.id, t.sheet, cat, slots, mode);
        if (item) items.push(item);
      }
    }
  }
  const writes = items.map(toWrite);
  const overwrites = items.filter((i) => !isBlank(i.old) && !sameAsOld(i.old, i.next));
  return { writes, items, overwrites };
}
