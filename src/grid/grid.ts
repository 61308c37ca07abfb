/**
 * The grid snapshot: what every host (Office.js, ExcelJS, the fast .xlsx reader) hands the engine.
 * Plain data, JSON-serialisable, so the engine stays pure and the same snapshot can be tested anywhere.
 */

/**
 * A cell value as a spreadsheet holds it. Excel errors arrive as their text (`#REF!`), dates as
 * ISO text (`2024-03-05`) so that a date where a number belongs is reported, not read as a serial.
 */
export type CellValue = string | number | boolean | null;

/** A merged area, 0-based and inclusive. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** values[row][col], 0-based, anchored at A1. Rows may be ragged or missing (treated as empty). */
  values: CellValue[][];
  /** Merged areas where the host knows them; an empty list when it does not (Office 1.1, Word pastes). */
  merges: MergeArea[];
  /** Hidden or very hidden sheets are still read: the state sheet lives there, and a hidden copy of a table is a finding. */
  hidden?: boolean;
  /** Formulas by A1 address, where the host read them (used to keep ratio formulas and report formula cells). */
  formulas?: Record<string, string>;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

export function colToLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

// Addresses of the cells a form uses, made once: recognition and the rules name the same few
// hundred cells in every workbook of a batch, and building the string each time was a tenth of checking.
const A1_CACHE_ROWS = 1024;
const A1_CACHE_COLS = 64;
const a1Cache: Array<Array<string | undefined> | undefined> = [];

/** 0-based (row, col) to `D7`. */
export function toA1(row: number, col: number): string {
  if (row >= 0 && col >= 0 && row < A1_CACHE_ROWS && col < A1_CACHE_COLS) {
    const column = (a1Cache[col] ??= []);
    return (column[row] ??= `${colToLetters(col)}${row + 1}`);
  }
  return `${colToLetters(col)}${row + 1}`;
}

const A1_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** `D7` to 0-based {row, col}; null when the text is not a single-cell address. */
export function fromA1(address: string): { row: number; col: number } | null {
  const m = A1_RE.exec(address.trim());
  if (!m) return null;
  const row = Number(m[2]) - 1;
  // `A0` is no cell: a damaged merge must not become an area starting at row -1
  return row < 0 ? null : { row, col: lettersToCol(m[1]) };
}

export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  const a = toA1(top, left);
  const b = toA1(bottom, right);
  return a === b ? a : `${a}:${b}`;
}

/** Parses `A1:C3` (or a single cell) into a 0-based inclusive area. */
export function parseRange(range: string): MergeArea | null {
  const [a, b] = range.split(":");
  const p = fromA1(a);
  const q = b === undefined ? p : fromA1(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = sheet.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

export function rowCount(sheet: SheetSnapshot): number {
  return sheet.values.length;
}

export function colCount(sheet: SheetSnapshot): number {
  let n = 0;
  for (const r of sheet.values) if (r && r.length > n) n = r.length;
  return n;
}

/** The merged area whose top-left is (row, col), or that contains it. */
export function mergeContaining(sheet: SheetSnapshot, row: number, col: number): MergeArea | undefined {
  return sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}
