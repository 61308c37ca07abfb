/**
 * What the read-only grid draws for one sheet: the visible cells with their merged spans, capped so
 * that a sheet with a stray entry in row 100 000 cannot freeze the page. Pure, so it is tested
 * without a browser.
 */
import { colCount, toA1, type CellValue, type SheetSnapshot } from "../grid/grid";

/** The grid draws at most this much of a sheet; the four tables fit in 30 rows × 25 columns. */
export const MAX_GRID_ROWS = 500;
export const MAX_GRID_COLS = 60;

export interface GridCell {
  row: number;
  col: number;
  address: string;
  value: CellValue;
  text: string;
  rowSpan: number;
  colSpan: number;
}

export interface GridModel {
  /** Drawn cells per drawn row; cells covered by a merge are left out (their owner spans them). */
  rows: GridCell[][];
  shownRows: number;
  shownCols: number;
  totalRows: number;
  totalCols: number;
  /** True when part of the sheet is not drawn. */
  capped: boolean;
}

/** A value as the sheet shows it, without any locale formatting, so the grid shows exactly what the file holds. */
export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

export function buildGrid(sheet: SheetSnapshot, maxRows = MAX_GRID_ROWS, maxCols = MAX_GRID_COLS): GridModel {
  let totalRows = sheet.values.length;
  let totalCols = colCount(sheet);
  for (const m of sheet.merges) {
    totalRows = Math.max(totalRows, m.bottom + 1);
    totalCols = Math.max(totalCols, m.right + 1);
  }
  const shownRows = Math.min(totalRows, maxRows);
  const shownCols = Math.min(totalCols, maxCols);

  const covered = new Set<number>();
  const spans = new Map<number, { rowSpan: number; colSpan: number }>();
  const key = (r: number, c: number) => r * maxCols + c;
  for (const m of sheet.merges) {
    if (m.top >= shownRows || m.left >= shownCols) continue;
    const bottom = Math.min(m.bottom, shownRows - 1);
    const right = Math.min(m.right, shownCols - 1);
    spans.set(key(m.top, m.left), { rowSpan: bottom - m.top + 1, colSpan: right - m.left + 1 });
    for (let r = m.top; r <= bottom; r++) {
      for (let c = m.left; c <= right; c++) if (r !== m.top || c !== m.left) covered.add(key(r, c));
    }
  }

  const rows: GridCell[][] = [];
  for (let r = 0; r < shownRows; r++) {
    const line: GridCell[] = [];
    const source = sheet.values[r] ?? [];
    for (let c = 0; c < shownCols; c++) {
      if (covered.has(key(r, c))) continue;
      const value = source[c] ?? null;
      const span = spans.get(key(r, c));
      line.push({
        row: r,
        col: c,
        address: toA1(r, c),
        value,
        text: cellText(value),
        rowSpan: span?.rowSpan ?? 1,
        colSpan: span?.colSpan ?? 1,
      });
    }
    rows.push(line);
  }
  return { rows, shownRows, shownCols, totalRows, totalCols, capped: shownRows < totalRows || shownCols < totalCols };
}
