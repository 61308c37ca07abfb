/**
 * Building one sheet's snapshot from its cells, merged areas and formulas, within the workbook's cell
 * and merge budget. Shared by both readers (exceljsSnapshot.ts uses it too), so that they agree.
 */
import type { CellValue, MergeArea, SheetSnapshot } from "../../../grid/grid";
import { toA1 } from "../../../grid/grid";
import { readErrors } from "../errors";
import { EXCEL_MAX_COLS, MAX_CELL_TEXT, MAX_CELLS, MAX_MERGES, MAX_SHEET_AREA } from "./limits";

/** Counts cells across the sheets of one workbook. */
export interface CellBudget {
  cells: number;
  merges?: number;
}

const COLS = EXCEL_MAX_COLS;

export class SheetBuilder {
  readonly values: CellValue[][] = [];
  readonly merges: MergeArea[] = [];
  /** By row * 16384 + col, in reading order. */
  private readonly formulaMap = new Map<number, string>();
  private lastRow = -1;
  private lastCol = -1;

  constructor(
    readonly name: string,
    private readonly budget: CellBudget,
  ) {}

  /** Stores a value; null and "" are empty and not stored. */
  set(row: number, col: number, v: CellValue): void {
    if (v === null || v === "") return;
    if (typeof v === "string" && v.length > MAX_CELL_TEXT) v = v.slice(0, MAX_CELL_TEXT);
    if (++this.budget.cells > MAX_CELLS) throw readErrors.tooManyCells(MAX_CELLS);
    let r = this.values[row];
    if (r === undefined) r = this.values[row] = [];
    r[col] = v;
    if (row > this.lastRow) this.lastRow = row;
    if (col > this.lastCol) this.lastCol = col;
  }

  formula(row: number, col: number, text: string): void {
    if (++this.budget.cells > MAX_CELLS) throw readErrors.tooManyCells(MAX_CELLS);
    this.formulaMap.set(row * COLS + col, text);
  }

  merge(area: MergeArea): void {
    this.budget.merges = (this.budget.merges ?? 0) + 1;
    if (this.budget.merges > MAX_MERGES) throw readErrors.tooManyMerges(MAX_MERGES);
    this.merges.push(area);
  }

  finish(hidden: boolean): SheetSnapshot {
    if (this.lastRow >= 0) {
      const area = (this.lastRow + 1) * (this.lastCol + 1);
      if (area > MAX_SHEET_AREA) throw readErrors.sheetArea(this.name, toA1(this.lastRow, this.lastCol), area, MAX_SHEET_AREA);
    }
    if (this.merges.length) this.dropMergedCells();
    const formulas: Record<string, string> = {};
    for (const [k, f] of this.formulaMap) formulas[toA1(Math.floor(k / COLS), k % COLS)] = f;
    const sheet: SheetSnapshot = { name: this.name, values: this.values, merges: this.merges, formulas };
    if (hidden) sheet.hidden = true;
    return sheet;
  }

  /** Empties every merged cell but the top-left one (values and formulas), clipped to the cells that exist. */
  private dropMergedCells(): void {
    const values = this.values;
    let work = 0;
    const touched = new Set<number>();
    for (const m of this.merges) {
      const bottom = Math.min(m.bottom, values.length - 1);
      for (let r = m.top; r <= bottom; r++) {
        const row = values[r];
        work += 1;
        if (row === undefined) continue;
        const right = Math.min(m.right, row.length - 1);
        for (let c = r === m.top ? m.left + 1 : m.left; c <= right; c++) {
          if (row[c] !== undefined) {
            delete row[c];
            touched.add(r);
          }
        }
        work += Math.max(0, right - m.left);
      }
      // Overlapping merges are invalid (Excel refuses them); do not let them cost more than one pass over the area.
      if (work > 2 * MAX_SHEET_AREA) throw readErrors.corrupt("合并单元格区域相互重叠", "merged areas overlap");
    }
    for (const r of touched) {
      const row = values[r];
      let n = row.length;
      while (n > 0 && row[n - 1] === undefined) n--;
      if (n === 0) delete values[r];
      else row.length = n;
    }
    let n = values.length;
    while (n > 0 && values[n - 1] === undefined) n--;
    values.length = n;
    if (this.formulaMap.size) {
      for (const k of this.formulaMap.keys()) {
        const r = Math.floor(k / COLS);
        const c = k % COLS;
        for (const m of this.merges) {
          if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left)) {
            this.formulaMap.delete(k);
            break;
          }
        }
      }
    }
  }
}
