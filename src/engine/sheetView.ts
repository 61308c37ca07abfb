/**
 * A read-only view of one sheet for recognition: normalised labels computed once, and merged areas
 * indexed so that any cell resolves to the top-left cell that holds its value.
 */
import { cellAt, colCount, type CellValue, type MergeArea, type SheetSnapshot, toA1 } from "../grid/grid";
import type { Slot } from "./model";
import { normLabel } from "./normalize";

export class SheetView {
  readonly rows: number;
  readonly cols: number;
  // row-indexed sparse arrays rather than Maps keyed by row*width+col: recognition reads the same
  // cells many times and this is its innermost lookup
  private readonly norms: Array<Array<string | undefined> | undefined> = [];
  private readonly mergeAt: Array<Array<MergeArea | undefined> | undefined> = [];

  /** The sheet's formulas, or undefined when it has none (most sheets): looking an address up costs more than a test. */
  private readonly formulas: Record<string, string> | undefined;

  constructor(readonly sheet: SheetSnapshot) {
    this.formulas = sheet.formulas && hasKeys(sheet.formulas) ? sheet.formulas : undefined;
    this.rows = sheet.values.length;
    this.cols = colCount(sheet);
    for (const m of sheet.merges) {
      // A merge far outside the data (a stray whole-column merge) is skipped: only cells that can hold values matter.
      const bottom = Math.min(m.bottom, this.rows);
      const right = Math.min(m.right, this.cols);
      if ((bottom - m.top + 1) * (right - m.left + 1) > 100_000) continue;
      for (let r = m.top; r <= bottom; r++) {
        const row = (this.mergeAt[r] ??= []);
        for (let c = m.left; c <= right; c++) row[c] = m;
      }
    }
  }

  raw(row: number, col: number): CellValue {
    return cellAt(this.sheet, row, col);
  }

  /** The normalised label of a cell's own value (not its merge owner). */
  norm(row: number, col: number): string {
    const cached = (this.norms[row] ??= []);
    let n = cached[col];
    if (n === undefined) {
      const v = this.raw(row, col);
      n = typeof v === "string" ? normLabel(v) : v === null ? "" : String(v);
      cached[col] = n;
    }
    return n;
  }

  merge(row: number, col: number): MergeArea | undefined {
    return this.mergeAt[row]?.[col];
  }

  /** The cell that holds the value shown at (row, col): the top-left of its merge, or itself. */
  owner(row: number, col: number): { row: number; col: number } {
    const m = this.merge(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The label shown at (row, col), looking through merges. */
  shown(row: number, col: number): string {
    // not through owner(): this and slot() run for most cells a table has, and its object was garbage
    const m = this.mergeAt[row]?.[col];
    return m ? this.norm(m.top, m.left) : this.norm(row, col);
  }

  slot(row: number, col: number): Slot {
    const m = this.mergeAt[row]?.[col];
    const r = m ? m.top : row;
    const c = m ? m.left : col;
    const address = toA1(r, c);
    const formulas = this.formulas;
    return { address, row: r, col: c, raw: cellAt(this.sheet, r, c), formula: formulas === undefined ? undefined : formulas[address] };
  }

  rowIsEmpty(row: number, from = 0, to = this.cols - 1): boolean {
    const r = this.sheet.values[row];
    if (!r) return true;
    for (let c = from; c <= Math.min(to, r.length - 1); c++) {
      const v = r[c];
      if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) return false;
    }
    return true;
  }

  private readonly filled = new Map<number, number[]>();

  /** Columns of a row that hold a non-empty value, in order (computed once per row; do not modify). */
  filledCols(row: number): number[] {
    let cols = this.filled.get(row);
    if (!cols) {
      cols = this.listFilled(row);
      this.filled.set(row, cols);
    }
    return cols;
  }

  private listFilled(row: number): number[] {
    const r = this.sheet.values[row];
    const out: number[] = [];
    if (!r) return out;
    for (let c = 0; c < r.length; c++) {
      const v = r[c];
      if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) out.push(c);
    }
    return out;
  }
}

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}
