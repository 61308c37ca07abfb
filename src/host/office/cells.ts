/**
 * Pure conversions between what Office.js hands over (2-D arrays of a range, addresses with sheet
 * names, number formats, fill colours) and the grid snapshot and saved formats the engine keeps.
 * No Office objects here, so all of it is tested without a workbook.
 */
import type { CellValue, MergeArea } from "../../grid/grid";
import { parseRange, toA1 } from "../../grid/grid";
import { isDateFormatCode, serialToIso as excelSerialToIso } from "../xlsx/excelDates";

/** The cell part of `Sheet1!A1:C3` or `'附件 2'!B4` (sheet names never end an address, cells never hold `!`). */
export function localAddress(address: string): string {
  const i = address.lastIndexOf("!");
  return (i >= 0 ? address.slice(i + 1) : address).replace(/\$/g, "").trim();
}

/** The sheet part of `'It''s'!A1`, unquoted; "" when the address names none. */
export function sheetOfAddress(address: string): string {
  const i = address.lastIndexOf("!");
  if (i < 0) return "";
  const s = address.slice(0, i).trim();
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

const AREA_RE = /(?:'(?:[^']|'')*'|[^,!']*)!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/g;

/** `Sheet1!A1:B4, Sheet1!D1:D4` (RangeAreas.address) as 0-based areas. */
export function parseAreasAddress(address: string): MergeArea[] {
  const out: MergeArea[] = [];
  for (const m of address.matchAll(AREA_RE)) {
    const area = parseRange(m[1].replace(/\$/g, ""));
    if (area) out.push(area);
  }
  return out;
}

/**
 * Whether a number format shows a date or time: `yyyy-mm-dd`, `yyyy"年"m"月"d"日"`, `h:mm`; not
 * `0.00%`, `General`, `@`, `[Red]0`. Literal text, escapes and bracketed sections are ignored.
 */
export function isDateFormat(format: unknown): boolean {
  return typeof format === "string" && isDateFormatCode(format);
}

/**
 * An Excel serial date (1900 system) as ISO text: `2024-03-05`, with `T12:30:00` when it has a time;
 * the file readers' conversion (excelDates.ts), so every host gives the same text.
 */
export function serialToIso(serial: number): string | null {
  return excelSerialToIso(serial, false);
}

/** One cell as Office.js gives it, as the snapshot holds it. */
export function toCellValue(value: unknown, format: unknown): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") {
    if (isDateFormat(format)) return serialToIso(value) ?? value;
    return value;
  }
  if (typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

export interface AnchoredRead {
  values: CellValue[][];
  formulas: Record<string, string>;
}

/**
 * A used range's arrays anchored at A1: rows above and columns left of the range become empty, so the
 * snapshot's row/column indexes are the sheet's. Trailing empty rows are dropped (an empty sheet gives []).
 */
export function anchorRange(address: string, values: unknown[][], formats?: unknown[][], formulas?: unknown[][]): AnchoredRead {
  const area = parseRange(localAddress(address)) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const out: CellValue[][] = [];
  const found: Record<string, string> = {};
  for (let r = 0; r < area.top; r++) out.push([]);
  values.forEach((row, i) => {
    const line: CellValue[] = Array.from({ length: area.left }, () => null);
    row.forEach((v, j) => {
      line.push(toCellValue(v, formats?.[i]?.[j]));
      const f = formulas?.[i]?.[j];
      if (typeof f === "string" && f.startsWith("=")) found[toA1(area.top + i, area.left + j)] = f;
    });
    while (line.length > 0 && line[line.length - 1] === null) line.pop();
    out.push(line);
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return { values: out, formulas: found };
}

/** A used range's number formats anchored at A1 like anchorRange's values ("General" outside the range). */
export function anchorFormats(address: string, formats: unknown[][]): string[][] {
  const area = parseRange(localAddress(address)) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const out: string[][] = Array.from({ length: area.top }, () => []);
  for (const row of formats)
    out.push([...Array.from({ length: area.left }, () => "General"), ...row.map((f) => (typeof f === "string" && f !== "" ? f : "General"))]);
  return out;
}

/**
 * Text Excel would turn into something else when typed into a General cell, as zh-CN Excel does: a
 * number (`1,234`, `1e5`, `(12)` as −12, `¥100`, `1 1/2`), a percentage, a date (`2024-03-05`, `3/5`,
 * `3月5日`, `2024年3月`), a time, TRUE/FALSE, an error value (`#N/A`), a formula (`=`, and `+`/`-`/`@`
 * before anything), a leading zero. Written with the text format `@` so it stays what the user sees.
 */
export function needsTextFormat(s: string): boolean {
  const t = s.trim();
  if (t === "") return false;
  if (/^[=+\-@#]/.test(t)) return true;
  if (/^[\d.,\s]+%?$/.test(t)) return true;
  if (/^[\d.]+e[+-]?\d+$/i.test(t)) return true;
  if (/^\(\s*[\d.,]+\s*\)$/.test(t)) return true;
  if (/^[¥￥$€£]\s*[\d.,]+$/.test(t)) return true;
  if (/^\d+\s+\d+\/\d+$/.test(t)) return true;
  if (/^\d{1,4}[-/年.]\d{1,2}([-/月.]\d{1,4}日?)?$/.test(t)) return true;
  if (/^(\d{1,4}年)?\d{1,2}月(\d{1,2}日)?$/.test(t)) return true;
  if (/^\d{1,2}:\d{2}/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  return false;
}

export type WriteValue = string | number | boolean;

export interface Grid {
  values: WriteValue[][];
  formats: string[][];
  rows: number;
  cols: number;
}

/**
 * Rows as one rectangular block for a single `Range.values` assignment; empty cells become "".
 * `allText` formats every text cell `@` (state and report sheets: kept exactly as written); otherwise
 * only text Excel would convert (template cells stay General so typed figures are numbers).
 */
export function toGrid(rows: readonly (readonly CellValue[])[], minCols = 1, allText = false): Grid {
  const cols = Math.max(minCols, ...rows.map((r) => r.length), 1);
  const values: WriteValue[][] = [];
  const formats: string[][] = [];
  for (const r of rows.length > 0 ? rows : [[]]) {
    const vs: WriteValue[] = [];
    const fs: string[] = [];
    for (let c = 0; c < cols; c++) {
      const v = r[c];
      if (v === null || v === undefined) {
        vs.push("");
        fs.push("General");
      } else {
        vs.push(v);
        fs.push(typeof v === "string" && (allText || needsTextFormat(v)) ? "@" : "General");
      }
    }
    values.push(vs);
    formats.push(fs);
  }
  return { values, formats, rows: values.length, cols };
}

/**
 * What a marked cell looked like before: the state sheet keeps it as JSON, `{"fill", "note"}`, so every
 * host can restore it. A host that could not see notes (Excel before ExcelApi 1.18) adds
 * `"noteSeen": false`: its `note: null` then means "not looked at", and a note there must be left alone.
 */
export interface SavedFormat {
  /** `#RRGGBB`, or null for no fill. */
  fill: string | null;
  /** The cell's note before the mark; null when it had none. */
  note: string | null;
  /** False when the host could not see the cell's note (then `note` says nothing). */
  noteSeen: boolean;
}

export function encodeSaved(saved: SavedFormat): string {
  return JSON.stringify(saved.noteSeen ? { fill: saved.fill, note: saved.note } : { fill: saved.fill, note: null, noteSeen: false });
}

/** Lenient: a damaged entry restores to no fill and leaves notes alone rather than failing the whole 清除标记. */
export function decodeSaved(text: string): SavedFormat {
  try {
    const o = JSON.parse(text) as { fill?: unknown; note?: unknown; noteSeen?: unknown };
    const fill = typeof o.fill === "string" ? normalizeColor(o.fill) : null;
    const note = typeof o.note === "string" ? o.note : null;
    return { fill, note, noteSeen: o.noteSeen !== false && (o.note === null || typeof o.note === "string") };
  } catch {
    return { fill: null, note: null, noteSeen: false };
  }
}

/** `#ffc7ce`, `FFC7CE` → `#FFC7CE`; anything else as given. */
export function normalizeColor(color: string): string {
  const t = color.trim();
  const m = /^#?([0-9a-f]{6})$/i.exec(t);
  return m ? `#${m[1].toUpperCase()}` : t;
}

/**
 * The fill a cell had, from what Office.js reads. Before ExcelApi 1.9 "no fill" reads as white, so white
 * counts as no fill (restored with `fill.clear()`, which also keeps the gridlines); from 1.9
 * `tintAndShade` is null exactly when the cell has no fill.
 */
export function fillFrom(color: unknown, tintAndShade: unknown, tintKnown: boolean): string | null {
  if (typeof color !== "string" || color === "") return null;
  const c = normalizeColor(color);
  if (tintKnown) return tintAndShade === null || tintAndShade === undefined ? null : c;
  return c === "#FFFFFF" ? null : c;
}

/** Column width in points for a width in characters of the default font (8.43 characters = 48 pt). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Sheet names Excel accepts: 1–31 characters, none of `: \ / ? * [ ]`, not starting or ending with `'`. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "") return "工作表名称不能为空。";
  if (name.length > 31) return `工作表名称「${name}」超过 31 个字符。`;
  if (/[:\\/?*[\]]/.test(name)) return `工作表名称「${name}」含有 Excel 不允许的字符（: \\ / ? * [ ]）。`;
  if (name.startsWith("'") || name.endsWith("'")) return `工作表名称「${name}」不能以单引号开头或结尾。`;
  return null;
}
