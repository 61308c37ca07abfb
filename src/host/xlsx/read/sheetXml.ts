/** One worksheet part read into a SheetBuilder: cells, values, formulas and merged areas. */
import type { CellValue, MergeArea } from "../../../grid/grid";
import { parseRange } from "../../../grid/grid";
import { normalizeIsoDateText, serialToIso } from "../excelDates";
import { readErrors } from "../errors";
import type { SheetBuilder } from "./builder";
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS } from "./limits";
import { shiftFormula } from "./sharedFormulas";
import { decodeXmlText, GENERAL_PATH, Scanner } from "./xmlScanner";

const LT = 60; // `<`

/**
 * Where the content of `<sheetData>` ends when empty cells may be skipped (seekFilledCell): -1 when
 * it holds comments or CDATA (either may contain tags), row extensions, or cannot be found.
 */
function fastRegionEnd(xml: string, from: number): number {
  const end = xml.indexOf("</sheetData>", from);
  if (end < 0) return -1;
  // `!` is rare in sheet data (#REF!, Sheet1!A1) and `<` is everywhere: look for the former
  for (let i = xml.indexOf("!", from); i >= 0 && i < end; i = xml.indexOf("!", i + 1)) if (xml.charCodeAt(i - 1) === LT) return -1;
  const ext = xml.indexOf("<extLst", from);
  if (ext >= 0 && ext < end) return -1;
  return end;
}

export interface WorkbookContext {
  sst: string[];
  date1904: boolean;
  dateStyles: () => Uint8Array;
}

const outOfGrid = (what: string) => readErrors.corrupt(`单元格地址 ${what} 超出 Excel 表格范围`, `cell address ${what} is outside Excel's grid`);

/**
 * Reads a sheet part into the builder. With `skipEmpty`, the cells of `<sheetData>` are found with
 * seekFilledCell, and a cell without an address (which needs every cell and row before it counted)
 * throws GENERAL_PATH, to be read again without it.
 */
export function parseSheet(xml: string, b: SheetBuilder, ctx: WorkbookContext, skipEmpty: boolean): void {
  const sc = new Scanner(xml);
  let row = -1;
  let col = -1;
  let inData = false;
  /** Inside sheetData, skipping empty cells: where its content ends; -1 otherwise. */
  let fastEnd = -1;
  let dateFlags: Uint8Array | null = null;
  const shared = new Map<string, { f: string; row: number; col: number }>();
  const ref: CellRef = { row: 0, col: 0 };

  for (;;) {
    if (fastEnd >= 0 && !sc.seekFilledCell(fastEnd)) fastEnd = -1; // then next() reads </sheetData>
    if (!sc.next()) break;
    const name = sc.name;
    if (!inData) {
      if (name === "sheetData" && !sc.closing && !sc.selfClosing) {
        inData = true;
        if (skipEmpty) fastEnd = fastRegionEnd(xml, sc.pos);
      } else if (name === "mergeCell" && !sc.closing) {
        const ref = sc.attr("ref");
        const area = ref === undefined ? null : mergeRef(ref);
        if (area) b.merge(area);
      }
      continue;
    }
    if (sc.closing) {
      if (name === "sheetData") inData = false;
      continue;
    }
    if (name === "row") {
      const r = sc.attr("r");
      const n = r === undefined ? row + 2 : parseInt(r, 10);
      if (!(n >= 1)) throw readErrors.corrupt(`行号 ${r} 无效`, `row number ${r} is invalid`);
      if (n > EXCEL_MAX_ROWS) throw outOfGrid(`第 ${n} 行`);
      row = n - 1;
      col = -1;
      continue;
    }
    if (name !== "c") continue;

    // --- a cell
    if (!sc.cellScanned) sc.cellAttrs();
    if (sc.rS >= 0 && parseCellRefAt(xml, sc.rS, sc.rE, ref)) {
      if (ref.row >= EXCEL_MAX_ROWS || ref.col >= EXCEL_MAX_COLS) throw outOfGrid(xml.slice(sc.rS, sc.rE));
      row = ref.row;
      col = ref.col;
    } else {
      // no (usable) address: the cell follows the previous one, which only the general path counted
      if (fastEnd >= 0) throw GENERAL_PATH;
      if (row < 0) row = 0;
      col++;
      if (col >= EXCEL_MAX_COLS) throw outOfGrid(`第 ${row + 1} 行第 ${col + 1} 列`);
    }
    if (sc.selfClosing) continue;
    const t = sc.tS >= 0 ? xml.slice(sc.tS, sc.tE) : undefined;
    const sS = sc.sS;
    const sE = sc.sE;
    let v: string | undefined = sc.simpleValue();
    let inline: string | undefined;
    let fText: string | undefined;
    let fType: string | undefined;
    let fSi: string | undefined;
    let hasF = false;
    const general = v === undefined; // not the plain `<v>…</v></c>` shape: walk the cell's children
    while (general && sc.next()) {
      const n = sc.name;
      if (sc.closing) {
        if (n === "c") break;
        continue;
      }
      if (n === "v") {
        if (!sc.selfClosing) v = sc.text();
      } else if (n === "f") {
        hasF = true;
        fType = sc.attr("t");
        fSi = sc.attr("si");
        if (!sc.selfClosing) fText = sc.text();
      } else if (n === "is") {
        if (!sc.selfClosing) inline = sc.richText();
      }
    }

    // formula
    if (hasF) {
      let f: string | undefined;
      if (fText !== undefined && fText !== "") {
        f = decodeXmlText(fText, false);
        if (fType === "shared" && fSi !== undefined) shared.set(fSi, { f, row, col });
      } else if (fType === "shared" && fSi !== undefined) {
        const m = shared.get(fSi);
        if (m) f = shiftFormula(m.f, row - m.row, col - m.col);
      }
      if (f !== undefined) b.formula(row, col, `=${f}`);
    }

    // value
    let value: CellValue = null;
    switch (t) {
      case "s":
        if (v !== undefined) {
          const str = ctx.sst[parseInt(v, 10)];
          value = str === undefined ? null : str;
        }
        break;
      case "inlineStr":
        value = inline !== undefined ? decodeXmlText(inline, true) : v !== undefined ? decodeXmlText(v, false) : null;
        break;
      case "str":
        if (v !== undefined) value = decodeXmlText(v, false);
        break;
      case "b":
        if (v !== undefined) value = v.trim() !== "0" && v.trim().toLowerCase() !== "false";
        break;
      case "e":
        if (v !== undefined) value = decodeXmlText(v, false).trim();
        break;
      case "d":
        if (v !== undefined) value = normalizeIsoDateText(decodeXmlText(v, false));
        break;
      default: {
        if (v === undefined) break;
        const num = Number(v);
        if (Number.isNaN(num) || v.trim() === "") {
          value = decodeXmlText(v, false);
          break;
        }
        value = num;
        const s = sS >= 0 ? xml.slice(sS, sE) : undefined;
        if (s !== undefined && s !== "0") {
          if (dateFlags === null) dateFlags = ctx.dateStyles();
          if (dateFlags[parseInt(s, 10)] === 1) value = serialToIso(num, ctx.date1904) ?? num;
        }
      }
    }
    b.set(row, col, value);
  }
}

/** A cell's 0-based row and column; one per sheet, filled in place for each cell (no object per cell). */
export interface CellRef {
  row: number;
  col: number;
}

/** Parses the text's characters [from, n), `D7` (no `$`), into `out`; false when they are not such an address. */
export function parseCellRefAt(r: string, from: number, n: number, out: CellRef): boolean {
  let i = from;
  let c = 0;
  while (i < n) {
    const ch = r.charCodeAt(i);
    if (ch >= 65 && ch <= 90) c = c * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) c = c * 26 + (ch - 96);
    else break;
    i++;
  }
  if (i === from || i > from + 3 || i === n) return false;
  let row = 0;
  for (; i < n; i++) {
    const ch = r.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
    row = row * 10 + (ch - 48);
  }
  if (row < 1 || row > 1e8) return false;
  out.row = row - 1;
  out.col = c - 1;
  return true;
}

/** A merge's `A1:C3` as an area, with the cell parser above (grid.parseRange's regexes cost more than the sheet's cells); null when it is not one. */
export function mergeRef(ref: string): MergeArea | null {
  const colon = ref.indexOf(":");
  if (colon < 0) return parseRange(ref);
  const a: CellRef = { row: 0, col: 0 };
  const b: CellRef = { row: 0, col: 0 };
  if (!parseCellRefAt(ref, 0, colon, a) || !parseCellRefAt(ref, colon + 1, ref.length, b)) return parseRange(ref);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}
