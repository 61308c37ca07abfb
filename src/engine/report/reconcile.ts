/**
 * The body's statements beside the table cells they speak of (rules.md, "The report body against the
 * tables"). The three body rules report from this list; the web page may show all of it, agreeing
 * figures too, so a reviewer sees what was reconciled.
 */
import type { RecognisedTable, Slot } from "../model";
import { parseValue, usable } from "../normalize";
import { differsFromWorkbook, firstCopies, workbookYear } from "../tableSet";
import { targetKey, type MeasureTarget } from "../../templates/measures";
import type { ValueKind } from "../../templates/schema";
import { allows } from "./numbers";
import { statementsOf, type Statement } from "./statements";

/**
 * - `agrees`: a figure of the cell's own measure, and the cell lies within what the wording allows;
 * - `differs`: the same, outside it (report-figure-differs);
 * - `measure-differs`: a part of the cell's measure, greater than the cell (report-measure-differs);
 * - `note`: a related measure, or a part no greater than the cell (report-measure-note).
 */
export type Outcome = "agrees" | "differs" | "measure-differs" | "note";

export interface Reconciliation {
  statement: Statement;
  target: MeasureTarget;
  table: RecognisedTable;
  /** The report year's cell of each unit (one, but for a summary table of several units). */
  cells: Slot[];
  /** The cells' figure (summed over units). */
  value: number;
  outcome: Outcome;
}

export type ReadNumber = (slot: Slot | undefined, kind: ValueKind) => number | null;

/** Reads a cell as the rules do: a negative or unreadable figure is no figure (the value rules report it). */
export const readNumber: ReadNumber = (slot, kind) => {
  if (!slot) return null;
  const v = parseValue(slot.raw, kind);
  return v.problem === "negative" ? null : usable(v);
};

function cellsOf(t: RecognisedTable, key: string): { cells: Slot[]; kind: ValueKind } | undefined {
  if (t.shape === "yearly") {
    const cat = t.def.categories.find((c) => c.key === key);
    if (!cat) return undefined;
    const cells = t.blocks.map((b) => b.categories[key]?.current).filter((s): s is Slot => s !== undefined);
    return cells.length ? { cells, kind: cat.kind } : undefined;
  }
  const col = t.def.columns.find((c) => c.key === key);
  if (!col) return undefined;
  const cells = t.rows
    .filter((r) => r.inUse)
    .map((r) => r.cells[key])
    .filter((s): s is Slot => s !== undefined);
  return cells.length ? { cells, kind: col.kind } : undefined;
}

function outcomeOf(s: Statement, value: number): Outcome {
  const { figure, measure } = s;
  if (measure.relation === "same") return allows(figure, value) ? "agrees" : "differs";
  if (measure.relation === "atMost") return figure.low - value > 1e-6 ? "measure-differs" : "note";
  return "note";
}

/**
 * The statements of the body beside the tables of the report year (`year`, the workbook's; its
 * tables only, first copies only). A cell that is empty or unreadable reconciles nothing: the value
 * rules report it.
 */
export function reconcile(tables: readonly RecognisedTable[], year: number | null, body: readonly string[], num: ReadNumber = readNumber): Reconciliation[] {
  const out: Reconciliation[] = [];
  const checked = firstCopies(tables).checked.filter((t) => !differsFromWorkbook(t, year));
  for (const statement of statementsOf(body, year)) {
    for (const target of statement.measure.targets) {
      const key = targetKey(target);
      const table = checked.find((t) => t.id === target.table);
      if (!key || !table) continue;
      const found = cellsOf(table, key);
      if (!found) continue;
      let value = 0;
      let readable = true;
      for (const c of found.cells) {
        const v = num(c, found.kind);
        if (v === null) readable = false;
        else value += v;
      }
      if (!readable) continue;
      out.push({ statement, target, table, cells: found.cells, value, outcome: outcomeOf(statement, value) });
    }
  }
  return out;
}

/** For a face: every figure of the body that speaks of a table cell, agreeing or not, over an analysis's tables. */
export function reconcileBody(tables: readonly RecognisedTable[], body: readonly string[]): Reconciliation[] {
  const checked = firstCopies(tables).checked;
  return reconcile(checked, workbookYear(checked), body);
}
