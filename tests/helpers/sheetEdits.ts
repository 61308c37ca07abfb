/**
 * Edits of a sheet snapshot for recognition and rule tests: moving a table, stacking tables on one
 * sheet, deleting or swapping columns, writing single cells. Merges move with their cells.
 */
import type { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../../src/grid/grid";
import { fromA1, toA1 } from "../../src/grid/grid";

function copyValues(sheet: SheetSnapshot): CellValue[][] {
  return sheet.values.map((r) => (r ? [...r] : []));
}

function moveFormulas(sheet: SheetSnapshot, map: (row: number, col: number) => { row: number; col: number } | null): Record<string, string> | undefined {
  if (!sheet.formulas) return undefined;
  const out: Record<string, string> = {};
  for (const [addr, f] of Object.entries(sheet.formulas)) {
    const p = fromA1(addr);
    const q = p && map(p.row, p.col);
    if (q) out[toA1(q.row, q.col)] = f;
  }
  return out;
}

/** The sheet moved down by `rows` and right by `cols`. */
export function shift(sheet: SheetSnapshot, rows: number, cols: number, name = sheet.name): SheetSnapshot {
  const values: CellValue[][] = Array.from({ length: rows }, () => []);
  for (const r of sheet.values) values.push([...Array<CellValue>(cols).fill(null), ...(r ?? [])]);
  return {
    ...sheet,
    name,
    values,
    merges: sheet.merges.map((m) => ({ top: m.top + rows, bottom: m.bottom + rows, left: m.left + cols, right: m.right + cols })),
    formulas: moveFormulas(sheet, (r, c) => ({ row: r + rows, col: c + cols })),
  };
}

/** Lays `source` over `target` with its A1 at (row, col); cells of `source` win. */
export function overlay(target: SheetSnapshot, source: SheetSnapshot, row: number, col: number): SheetSnapshot {
  const values = copyValues(target);
  source.values.forEach((r, i) => {
    (r ?? []).forEach((v, j) => {
      if (v === null || v === undefined) return;
      while (values.length <= row + i) values.push([]);
      const line = values[row + i];
      while (line.length < col + j) line.push(null);
      line[col + j] = v;
    });
  });
  const moved = shift(source, row, col);
  return { ...target, values, merges: [...target.merges, ...moved.merges] };
}

/** Sheets placed one below the other on a single sheet, `gap` empty rows apart. Returns the row each starts at. */
export function stack(name: string, parts: SheetSnapshot[], gap = 2): { sheet: SheetSnapshot; offsets: number[] } {
  let sheet: SheetSnapshot = { name, values: [], merges: [] };
  const offsets: number[] = [];
  let row = 0;
  for (const p of parts) {
    offsets.push(row);
    sheet = overlay(sheet, p, row, 0);
    row += p.values.length + gap;
  }
  return { sheet, offsets };
}

/** A copy with one cell set (0-based). */
export function setCell(sheet: SheetSnapshot, row: number, col: number, value: CellValue): SheetSnapshot {
  const values = copyValues(sheet);
  while (values.length <= row) values.push([]);
  const line = values[row];
  while (line.length <= col) line.push(null);
  line[col] = value;
  return { ...sheet, values };
}

/** Deletes `count` columns from `from`, as Excel's 删除列 does: merges inside go, merges across shrink. */
export function deleteCols(sheet: SheetSnapshot, from: number, count: number): SheetSnapshot {
  const to = from + count - 1;
  const values = sheet.values.map((r) => (r ?? []).filter((_, c) => c < from || c > to));
  const merges: MergeArea[] = [];
  for (const m of sheet.merges) {
    if (m.left >= from && m.right <= to) continue;
    const left = m.left > to ? m.left - count : m.left;
    const removed = Math.max(0, Math.min(m.right, to) - Math.max(m.left, from) + 1);
    const right = m.right - (m.left > to ? count : removed);
    if (left === right && m.top === m.bottom) continue;
    merges.push({ top: m.top, bottom: m.bottom, left, right });
  }
  return { ...sheet, values, merges };
}

/**
 * Swaps the column blocks [a, a+width) and [b, b+width) (a < b) from row `fromRow` down; merges wholly
 * inside a block move with it. Starting below a group label swaps two sub-columns the way a clerk
 * would (retyping them under a merged group cell that cannot be cut in half).
 */
export function swapCols(sheet: SheetSnapshot, a: number, b: number, width: number, fromRow = 0): SheetSnapshot {
  const map = (c: number): number => (c >= a && c < a + width ? c - a + b : c >= b && c < b + width ? c - b + a : c);
  const values = sheet.values.map((r, i) => {
    const line = [...(r ?? [])];
    if (i < fromRow) return line;
    const out = [...line];
    while (out.length < b + width) out.push(null);
    for (let c = 0; c < out.length; c++) out[map(c)] = line[c] ?? null;
    return out;
  });
  const inside = (m: MergeArea, s: number): boolean => m.top >= fromRow && m.left >= s && m.right < s + width;
  const merges = sheet.merges.map((m) => (inside(m, a) || inside(m, b) ? { ...m, left: map(m.left), right: map(m.right) } : { ...m }));
  return { ...sheet, values, merges };
}

/** Every merge dropped, as a paste from Word or a host without merge information gives. */
export function unmerged(sheet: SheetSnapshot): SheetSnapshot {
  return { ...sheet, merges: [] };
}

/** A copy of the sheet's values mapped cell by cell (merges kept). */
export function mapValues(sheet: SheetSnapshot, f: (v: CellValue, row: number, col: number) => CellValue): SheetSnapshot {
  return { ...sheet, values: sheet.values.map((r, i) => (r ?? []).map((v, j) => f(v ?? null, i, j))) };
}

export function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

/** Inserts rows before row `at`, as Excel's 插入行 does: merges below move down, merges across grow. */
export function insertRows(sheet: SheetSnapshot, at: number, rows: CellValue[][]): SheetSnapshot {
  const values = copyValues(sheet);
  while (values.length < at) values.push([]);
  values.splice(at, 0, ...rows.map((r) => [...r]));
  const n = rows.length;
  const merges = sheet.merges.map((m) =>
    m.top >= at ? { ...m, top: m.top + n, bottom: m.bottom + n } : m.bottom >= at ? { ...m, bottom: m.bottom + n } : { ...m },
  );
  return { ...sheet, values, merges };
}
