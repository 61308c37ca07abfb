/**
 * A fast, synchronous .xlsx reader for the CLI: reads exactly what the engine's grid snapshot needs
 * (sheet names, order and visibility; cell values; formulas; merged areas) and nothing else.
 *
 * How: sniff() checks the bytes and reads the zip central directory (refusing bombs by their
 * declared sizes); then only the parts we need are inflated, one at a time, with fflate (or the
 * host's native zlib, see ZipCodec) —
 * workbook.xml, its rels, sharedStrings.xml, styles.xml (only when a styled number needs its date
 * check) and the worksheets. Drawings, comments, media, themes, printer settings, calcChain... are
 * never inflated. XML is walked with a small hand-written tag scanner (indexOf-based, namespace
 * prefixes ignored), several times faster than a general SAX parser on sheet XML.
 *
 * Snapshot conventions (the ExcelJS reader in exceljsSnapshot.ts follows the same, so the two can
 * be compared cell for cell):
 * - values[row][col] holds only non-empty cells; missing rows and cells are array holes, so a
 *   stray cell at row 1 000 000 costs one row, not a million. Empty strings are not stored.
 * - Cells covered by a merged area other than its top-left are dropped (as Excel shows them, and
 *   as ExcelJS reads them).
 * - Numbers whose cell style has a date/time number format become ISO text: `2024-03-05`, or
 *   `2024-03-05T14:30:00` when the time is not midnight (rounded to the second). styles.xml is
 *   read for this (cellXfs numFmtId: built-in 14–22, 27–36, 45–47, 50–58 — the last two ranges are
 *   the zh-CN built-in date formats, which ExcelJS does not know — and custom codes with
 *   y/m/d/h/s outside quotes, brackets and escapes). `date1904` workbooks are honoured.
 * - Strings longer than 32 767 characters (Excel's cell limit) are cut to that length.
 * - formulas are keyed by A1 address and start with `=` (as Office.js returns them); cells of a
 *   shared formula get the master formula with relative references moved, like Excel shows them.
 *   The value of a formula cell is its cached result (null when the file has none).
 * - Only worksheets are read; chart sheets, dialog and macro sheets are skipped.
 *
 * Limits (each refusal is a WorkbookReadError with a message saying what to do):
 * - zip-level limits in sniff.ts; an entry that inflates to more than it declared is refused while
 *   inflating, so a lying header cannot get past them;
 * - MAX_SHEETS sheets; MAX_CELLS non-empty cells (plus formulas) and MAX_MERGES merged areas per
 *   workbook; per sheet a used area (last row ×
 *   last column holding a value) of at most MAX_SHEET_AREA cells — a stray value at XFD1048576 is
 *   refused (`too-large`, naming the sheet and the cell) rather than handing the engine a sheet it
 *   would scan for minutes; a cell address beyond XFD1048576 is a damaged file (`corrupt`).
 */
import { Inflate, inflateSync } from "fflate";
import type { PartCache } from "./partCache";
import type { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../../grid/grid";
import { colToLetters, parseRange, toA1 } from "../../grid/grid";
import { readErrors, withFile, WorkbookReadError } from "./errors";
import { sniff, type ZipDirectory, type ZipEntry } from "./sniff";
import { decodeUtf16, decodeUtf8 } from "./textCodec";

/**
 * Sheets per workbook. A statistics workbook has a handful; a provincial roll-up with one sheet per
 * county-level unit stays under ~200 (the largest province has ~180 such units). 1000 leaves ample
 * room, and bounds the per-sheet work of recognition and of the reviewer's report.
 */
export const MAX_SHEETS = 1000;
/** Non-empty cells plus formulas per workbook (some 100 MB of JS values at worst). The four tables hold a few thousand. */
export const MAX_CELLS = 2_000_000;
/** (last row + 1) × (last column + 1) of a sheet's values: e.g. 1 048 576 rows × 19 columns, or 20 000 × 1000. */
export const MAX_SHEET_AREA = 20_000_000;
/** Merged areas per workbook (each is an object; real forms have tens to hundreds). */
export const MAX_MERGES = 200_000;
/** Excel's limit on the characters of a cell. Longer strings are cut to it. */
export const MAX_CELL_TEXT = 32_767;
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;
/** Compressed entries up to this size are inflated in one call (fast); larger ones in chunks, stopping as soon as the output exceeds the declared size. */
export const ONE_SHOT_INFLATE_MAX = 128 * 1024;

export interface ReadOptions {
  /** The file name, attached to errors (WorkbookReadError.file). */
  file?: string;
  /** Native inflate and CRC where the host has them (node's zlib in the CLI); fflate and the JS CRC otherwise. */
  codec?: ZipCodec;
  /**
   * False reads every tag of the sheet data one by one, empty cells included: the same snapshot,
   * slower. Tests compare the two.
   */
  skipEmptyCells?: boolean;
  /** Parts already parsed in this batch (the CLI's reader threads keep one each); none by default. */
  parts?: PartCache;
}

/**
 * What a host may offer instead of the JavaScript inflater: native code runs some twice as fast
 * and, unlike JavaScript, needs no warming up in each of the CLI's worker threads.
 */
export interface ZipCodec {
  /** Inflates raw deflate data to at most `limit` bytes; null when it holds more. Throws on damaged data. */
  inflateRaw(data: Uint8Array, limit: number): Uint8Array | null;
  crc32?(data: Uint8Array): number;
}

// ---------------------------------------------------------------------------------------------
// Shared snapshot building (used by exceljsSnapshot.ts too, so both readers agree)

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

function pad(n: number, w: number): string {
  return String(n).padStart(w, "0");
}

/** `2024-03-05`, or `2024-03-05T14:30:00` when the time (rounded to the second, UTC) is not midnight. */
export function isoFromDate(d: Date): string | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  const x = new Date(Math.round(t / 1000) * 1000);
  const date = `${pad(x.getUTCFullYear(), 4)}-${pad(x.getUTCMonth() + 1, 2)}-${pad(x.getUTCDate(), 2)}`;
  const h = x.getUTCHours();
  const m = x.getUTCMinutes();
  const s = x.getUTCSeconds();
  return h || m || s ? `${date}T${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}` : date;
}

/** An Excel serial date to ISO text, as ExcelJS converts it (no 1900 leap-year correction); null outside 0 … 9999-12-31. */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!(serial >= 0 && serial < 2958466)) return null;
  return isoFromDate(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000)));
}

const ISO_D_RE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** The text of a `t="d"` cell (ISO 8601) in the snapshot's form; other text is returned as is. */
export function normalizeIsoDateText(text: string): string {
  const m = ISO_D_RE.exec(text.trim());
  if (!m) return text;
  const [, date, h = "00", mi = "00", s = "00"] = m;
  return h === "00" && mi === "00" && s === "00" ? date : `${date}T${h}:${mi}:${s}`;
}

/** Built-in number format ids that show a date or time (27–36 and 50–58 in CJK locales). */
export function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** Whether a custom number format code shows a date or time. */
export function isDateFormatCode(code: string): boolean {
  const s = code
    .replace(/"[^"]*"/g, "") // literal text
    .replace(/\\./g, "") // escaped characters
    .replace(/[_*]./g, "") // padding and fill characters
    .replace(/\[[^\]]*\]/g, ""); // colours, conditions, locales, elapsed time [h]
  if (/^\s*(general|g\/通用格式)?\s*$/i.test(s)) return false;
  return /[ymdhsb]/i.test(s);
}

// ---------------------------------------------------------------------------------------------
// XML scanning

/** XML text content: line ends normalised, entities decoded; `_xHHHH_` escapes too when `xstring`. */
export function decodeXmlText(raw: string, xstring: boolean): string {
  let s = raw;
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  if (s.indexOf("&") >= 0) s = decodeEntities(s);
  if (xstring && s.indexOf("_x") >= 0) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

const ENTITY_RE = /&(#[xX][0-9A-Fa-f]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(ENTITY_RE, (m, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e];
    const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

const badXml = () => readErrors.corrupt("XML 内容不完整", "an XML part is incomplete");

/** What may follow an element name: white space, `>` or `/`. */
function isTagEnd(ch: number): boolean {
  return ch === 62 || ch === 47 || ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** Thrown when skipping empty cells meets what it does not handle: the sheet is read again tag by tag. */
const GENERAL_PATH = new Error("general path");

/**
 * Where the content of `<sheetData>` ends when empty cells may be skipped (seekFilledCell): -1 when
 * it holds comments or CDATA (either may contain tags), row extensions, or cannot be found.
 */
function fastRegionEnd(xml: string, from: number): number {
  const end = xml.indexOf("</sheetData>", from);
  if (end < 0) return -1;
  // `!` is rare in sheet data (#REF!, Sheet1!A1) and `<` is everywhere: look for the former
  for (let i = xml.indexOf("!", from); i >= 0 && i < end; i = xml.indexOf("!", i + 1)) if (xml.charCodeAt(i - 1) === 60) return -1;
  const ext = xml.indexOf("<extLst", from);
  if (ext >= 0 && ext < end) return -1;
  return end;
}

/**
 * A minimal pull scanner over XML text: start and end tags with their local names (prefix dropped),
 * attributes on demand, text up to the next tag. Comments, processing instructions, DOCTYPE and
 * CDATA outside text are skipped; no entity definitions are ever expanded.
 */
class Scanner {
  /** Where reading goes on: just past the current tag. */
  pos = 0;
  name = "";
  closing = false;
  selfClosing = false;
  private attrStart = 0;
  private attrEnd = 0;

  constructor(private readonly s: string) {}

  next(): boolean {
    const s = this.s;
    for (;;) {
      const i = s.indexOf("<", this.pos);
      if (i < 0) return false;
      const c = s.charCodeAt(i + 1);
      if (c === 63 /* ? */) {
        const j = s.indexOf("?>", i + 2);
        if (j < 0) return false;
        this.pos = j + 2;
        continue;
      }
      if (c === 33 /* ! */) {
        this.pos = this.skipMarkup(i);
        continue;
      }
      if (c === 99 /* c */ && this.cellTag(i)) return true;
      this.cellScanned = false;
      const closing = c === 47; /* / */
      const ns = closing ? i + 2 : i + 1;
      let k = ns;
      let local = ns;
      const n = s.length;
      let ch = 0;
      while (k < n) {
        ch = s.charCodeAt(k);
        if (ch === 62 || ch === 47 || ch <= 32) break;
        if (ch === 58) local = k + 1;
        k++;
      }
      const nameEnd = k;
      // the end of the tag, stepping over quoted attribute values (they may hold '>')
      while (k < n) {
        ch = s.charCodeAt(k);
        if (ch === 62) break;
        if (ch === 34 || ch === 39) {
          const q = s.indexOf(ch === 34 ? '"' : "'", k + 1);
          if (q < 0) throw badXml();
          k = q + 1;
        } else k++;
      }
      if (k >= n) throw badXml();
      this.name = s.slice(local, nameEnd);
      this.closing = closing;
      this.selfClosing = s.charCodeAt(k - 1) === 47;
      this.attrStart = nameEnd;
      this.attrEnd = this.selfClosing ? k - 1 : k;
      this.pos = k + 1;
      return true;
    }
  }

  private skipMarkup(i: number): number {
    const s = this.s;
    if (s.startsWith("<!--", i)) {
      const j = s.indexOf("-->", i + 4);
      return j < 0 ? s.length : j + 3;
    }
    if (s.startsWith("<![CDATA[", i)) {
      const j = s.indexOf("]]>", i + 9);
      return j < 0 ? s.length : j + 3;
    }
    // <!DOCTYPE ... [ internal subset ]> — skipped whole; its entities are never used
    const gt = s.indexOf(">", i);
    const br = s.indexOf("[", i);
    if (br >= 0 && (gt < 0 || br < gt)) {
      const j = s.indexOf("]", br);
      const e = j < 0 ? -1 : s.indexOf(">", j);
      return e < 0 ? s.length : e + 1;
    }
    return gt < 0 ? s.length : gt + 1;
  }

  /** The raw (undecoded) value of the attribute with this local name on the current tag. */
  attr(want: string): string | undefined {
    const s = this.s;
    const e = this.attrEnd;
    let i = this.attrStart;
    while (i < e) {
      let c = s.charCodeAt(i);
      if (c <= 32) {
        i++;
        continue;
      }
      const ns = i;
      let local = i;
      while (i < e && (c = s.charCodeAt(i)) !== 61 && c > 32) {
        if (c === 58) local = i + 1;
        i++;
      }
      const ne = i;
      while (i < e && s.charCodeAt(i) !== 61) i++;
      i++;
      while (i < e && s.charCodeAt(i) <= 32) i++;
      const q = s.charCodeAt(i);
      if (q !== 34 && q !== 39) return undefined;
      const ve = s.indexOf(q === 34 ? '"' : "'", i + 1);
      if (ve < 0 || ve > e) return undefined;
      if (ne - local === want.length && s.startsWith(want, local) && !s.startsWith("xmlns", ns)) return s.slice(i + 1, ve);
      i = ve + 1;
    }
    return undefined;
  }

  /**
   * Where the values of `r`, `s` and `t` of the current cell tag lie in the text: [start, end), start
   * −1 when absent. Positions, not strings: most cells of a sheet are empty styled ones
   * (`<c r="B2" s="2"/>`), and slicing their attributes was a large part of reading.
   */
  rS = -1;
  rE = -1;
  sS = -1;
  sE = -1;
  tS = -1;
  tE = -1;
  /** Whether next() already read those positions (it does for well-formed `<c` tags). */
  cellScanned = false;

  /**
   * A `<c …>` tag read in one pass with its attributes (the hot path: a sheet is mostly cell tags).
   * False, with nothing moved, for anything unusual; the general path then reads the tag.
   */
  private cellTag(i: number): boolean {
    const s = this.s;
    const n = s.length;
    let k = i + 2;
    let ch = s.charCodeAt(k);
    // a longer name (`<col`, `<cfRule`): not a cell
    if (ch !== 32 && ch !== 62 && ch !== 47 && ch !== 9 && ch !== 10 && ch !== 13) return false;
    let rS = -1;
    let rE = -1;
    let sS = -1;
    let sE = -1;
    let tS = -1;
    let tE = -1;
    let end: number;
    let selfClosing: boolean;
    for (;;) {
      while (k < n && (ch = s.charCodeAt(k)) <= 32) k++;
      if (k >= n) return false;
      if (ch === 62) {
        end = k;
        selfClosing = false;
        break;
      }
      if (ch === 47) {
        if (s.charCodeAt(k + 1) !== 62) return false;
        end = k + 1;
        selfClosing = true;
        break;
      }
      const ns = k;
      while (k < n && (ch = s.charCodeAt(k)) !== 61 && ch > 32 && ch !== 62 && ch !== 47) k++;
      const len = k - ns;
      while (k < n && (ch = s.charCodeAt(k)) <= 32) k++;
      if (ch !== 61) return false;
      k++;
      while (k < n && (ch = s.charCodeAt(k)) <= 32) k++;
      if (ch !== 34 && ch !== 39) return false;
      const ve = s.indexOf(ch === 34 ? '"' : "'", k + 1);
      if (ve < 0) return false;
      if (len === 1) {
        const first = s.charCodeAt(ns);
        if (first === 114) {
          rS = k + 1;
          rE = ve;
        } else if (first === 115) {
          sS = k + 1;
          sE = ve;
        } else if (first === 116) {
          tS = k + 1;
          tE = ve;
        }
      }
      k = ve + 1;
    }
    this.name = "c";
    this.closing = false;
    this.selfClosing = selfClosing;
    this.attrStart = i + 2;
    this.attrEnd = selfClosing ? end - 1 : end;
    this.pos = end + 1;
    this.rS = rS;
    this.rE = rE;
    this.sS = sS;
    this.sE = sE;
    this.tS = tS;
    this.tE = tE;
    this.cellScanned = true;
    return true;
  }

  /**
   * Moves to the next cell in [pos, end) that has content, skipping the empty `<c …/>` cells and the
   * row tags between without reading them: three in four cells of a template are empty styled ones.
   * A cell with content is the one whose `</c>` comes next; its opening tag is the last `<c` before
   * that (its content holds no cell tags, and no `<` appears in text or attribute values). Only for
   * sheet data without comments, CDATA or extensions (see fastRegionEnd). False at the end (pos = end).
   */
  seekFilledCell(end: number): boolean {
    const s = this.s;
    let close = s.indexOf("</c", this.pos);
    // `</c` of another element inside a cell (`</color>` of a rich-text run) is not the cell's end. A
    // guard, not a need: the search back for the opening `<c` below finds the same cell from either
    // end tag, so no sheet reads differently without it (none of the tests can tell).
    while (close >= 0 && close < end && !isTagEnd(s.charCodeAt(close + 3))) close = s.indexOf("</c", close + 3);
    if (close < 0 || close >= end) {
      this.pos = end;
      return false;
    }
    let open = s.lastIndexOf("<c", close);
    // `<color`, `<charset` of a rich-text run are not the cell's tag
    while (open >= this.pos && !isTagEnd(s.charCodeAt(open + 2))) open = s.lastIndexOf("<c", open - 1);
    if (open < this.pos) throw GENERAL_PATH;
    this.pos = open;
    return true;
  }

  /** `r`, `s` and `t` of a cell tag the general path read (cellTag gave up on it). */
  cellAttrs(): void {
    this.rS = this.sS = this.tS = -1;
    const s = this.s;
    const e = this.attrEnd;
    let i = this.attrStart;
    while (i < e) {
      let c = s.charCodeAt(i);
      if (c <= 32) {
        i++;
        continue;
      }
      const ns = i;
      while (i < e && (c = s.charCodeAt(i)) !== 61 && c > 32) i++;
      const len = i - ns;
      while (i < e && s.charCodeAt(i) !== 61) i++;
      i++;
      while (i < e && s.charCodeAt(i) <= 32) i++;
      const q = s.charCodeAt(i);
      if (q !== 34 && q !== 39) return;
      const ve = s.indexOf(q === 34 ? '"' : "'", i + 1);
      if (ve < 0 || ve > e) return;
      if (len === 1) {
        const first = s.charCodeAt(ns);
        if (first === 114) {
          this.rS = i + 1;
          this.rE = ve;
        } else if (first === 115) {
          this.sS = i + 1;
          this.sE = ve;
        } else if (first === 116) {
          this.tS = i + 1;
          this.tE = ve;
        }
      }
      i = ve + 1;
    }
  }

  /**
   * When the current (cell) tag is followed by exactly `<v>text</v></c>` — most cells, from every
   * writer we know — returns the text and moves past `</c>`; otherwise undefined, and nothing moves.
   */
  simpleValue(): string | undefined {
    const s = this.s;
    const p = this.pos;
    if (s.charCodeAt(p) !== 60 || s.charCodeAt(p + 1) !== 118 || s.charCodeAt(p + 2) !== 62) return undefined;
    const j = s.indexOf("<", p + 3);
    if (j < 0 || !s.startsWith("</v></c>", j)) return undefined;
    this.pos = j + 8;
    return s.slice(p + 3, j);
  }

  /** Raw text from the end of the current tag to the next tag (CDATA sections included, comments skipped). */
  text(): string {
    const s = this.s;
    let i = this.pos;
    let j = s.indexOf("<", i);
    if (j < 0) return s.slice(i);
    if (s.charCodeAt(j + 1) !== 33) {
      this.pos = j;
      return s.slice(i, j);
    }
    let out = "";
    for (;;) {
      out += s.slice(i, j);
      if (s.startsWith("<![CDATA[", j)) {
        const e = s.indexOf("]]>", j + 9);
        if (e < 0) throw badXml();
        // CDATA content is literal: protect it from entity decoding by escaping its '&'
        out += s.slice(j + 9, e).replace(/&/g, "&amp;");
        i = e + 3;
      } else if (s.startsWith("<!--", j)) {
        const e = s.indexOf("-->", j + 4);
        if (e < 0) throw badXml();
        i = e + 3;
      } else break;
      j = s.indexOf("<", i);
      if (j < 0) {
        j = s.length;
        break;
      }
      if (s.charCodeAt(j + 1) !== 33) break;
    }
    this.pos = j;
    return out;
  }

  /** Skips to the end tag of the element just opened (the current tag, not self-closing). */
  skipElement(): void {
    const name = this.name;
    let depth = 1;
    while (this.next()) {
      if (this.name !== name || this.selfClosing) continue;
      if (this.closing) {
        if (--depth === 0) return;
      } else depth++;
    }
  }

  /** Text of the `t` elements inside the element just opened (rich text runs), skipping phonetic `rPh` runs. */
  richText(): string {
    const name = this.name;
    let out = "";
    while (this.next()) {
      const n = this.name;
      if (this.closing) {
        if (n === name) break;
        continue;
      }
      if (n === "t") {
        if (!this.selfClosing) out += this.text();
      } else if (n === "rPh" && !this.selfClosing) this.skipElement();
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Zip entries

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** The zip CRC-32 of some bytes (unsigned). */
export function crc32(b: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * Inflates one entry, never producing more than its declared (already limit-checked) size, and
 * checks its CRC-32 where the zip records one: a damaged byte inside compressed data often still inflates, to other text —
 * a clerk's 9 read as 1 — so without the check a damaged file would be checked as if it were whole.
 */
export function inflateEntry(bytes: Uint8Array, e: ZipEntry, codec?: ZipCodec): Uint8Array {
  const out = inflateUnchecked(bytes, e, codec);
  // A recorded CRC of 0 is taken as "not recorded" (hand-made and some streaming writers leave it out).
  if (e.crc32 !== 0 && out.length > 0 && (codec?.crc32 ?? crc32)(out) !== e.crc32) {
    throw readErrors.corrupt(`${e.name} 的校验值不符，内容已损坏`, `${e.name} fails its CRC check: its content is damaged`);
  }
  return out;
}

/** An entry's stored (for most, compressed) bytes, found through its local header. */
function storedData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const lo = e.localOffset;
  if (lo + 30 > bytes.length || u16(bytes, lo) !== 0x4b50 || u16(bytes, lo + 2) !== 0x0403) {
    throw readErrors.corrupt(`找不到 ${e.name} 的数据`, `the data of ${e.name} is missing`);
  }
  const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw readErrors.corrupt(`${e.name} 的数据被截断`, `the data of ${e.name} is cut off`);
  return bytes.subarray(start, end);
}

function inflateUnchecked(bytes: Uint8Array, e: ZipEntry, codec: ZipCodec | undefined): Uint8Array {
  const data = storedData(bytes, e);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw readErrors.corrupt(`${e.name} 的大小不一致`, `the sizes of ${e.name} disagree`);
    return data;
  }
  if (e.method !== 8) throw readErrors.corrupt(`${e.name} 使用了不支持的压缩方式 ${e.method}`, `${e.name} uses unsupported compression method ${e.method}`);
  if (data.length === 0) {
    if (e.size === 0) return data;
    throw readErrors.corrupt(`${e.name} 的数据为空`, `the data of ${e.name} is empty`);
  }
  let out: Uint8Array;
  try {
    const native = codec ? inflateNative(codec, data, e) : null;
    if (native) {
      out = native;
    } else if (e.compressedSize <= ONE_SHOT_INFLATE_MAX) {
      // One extra byte: if the stream holds more than declared, the result comes back longer.
      // fflate drops writes past the buffer, so memory stays at the declared size; the CPU cost
      // of a lie is bounded by this entry's small compressed size.
      out = inflateSync(data, { out: new Uint8Array(e.size + 1) });
      if (out.length > e.size) throw readErrors.lyingSize(e.name, e.size);
    } else {
      out = inflateChunked(data, e);
    }
  } catch (err) {
    if (err instanceof WorkbookReadError) {
      // more than declared: a bomb, or a damaged byte (a bad CRC) that moved the end a little
      if (err.code === "too-large" && endsSoonAfter(data, e, codec)) throw sizeMismatch(e);
      throw err;
    }
    throw readErrors.corrupt(`${e.name} 无法解压`, `${e.name} cannot be inflated`);
  }
  if (out.length !== e.size) throw sizeMismatch(e);
  return out;
}

const sizeMismatch = (e: ZipEntry) => readErrors.corrupt(`${e.name} 解压后的大小与声明不符，内容已损坏`, `${e.name} inflates to a size other than declared: its content is damaged`);

/** How far past its declared size a damaged entry may inflate and still be called damaged rather than a bomb. */
export const DAMAGED_SLACK = 64 * 1024;

/**
 * Whether an entry that inflated past its declared size ends within DAMAGED_SLACK more bytes: a byte
 * damaged inside compressed data (a bad CRC) typically moves the end by a few bytes, while a bomb
 * lies by orders of magnitude. Memory and time stay bounded by that slack.
 */
function endsSoonAfter(data: Uint8Array, e: ZipEntry, codec: ZipCodec | undefined): boolean {
  const limit = e.size + DAMAGED_SLACK;
  if (codec) {
    try {
      return codec.inflateRaw(data, limit) !== null;
    } catch {
      // refused by the host's inflater: counted with fflate below
    }
  }
  // counted, not kept: no memory beyond a chunk, and it stops as soon as the slack is used up
  let n = 0;
  const inf = new Inflate((chunk) => {
    n += chunk.length;
    if (n > limit) throw PAST_SLACK;
  });
  try {
    for (let i = 0; i < data.length; i += CHUNK) {
      const j = Math.min(data.length, i + CHUNK);
      inf.push(data.subarray(i, j), j === data.length);
    }
  } catch (err) {
    // data that stops inflating at all is damaged too
    return err !== PAST_SLACK;
  }
  return true;
}

const PAST_SLACK = new Error("past the slack");

/**
 * The host's inflater; null when it refuses the data, so fflate decides, as it always has (zlib is
 * stricter about a stream cut before its last block, which fflate reads up to the cut).
 */
function inflateNative(codec: ZipCodec, data: Uint8Array, e: ZipEntry): Uint8Array | null {
  let out: Uint8Array | null;
  try {
    // One extra byte, as below: more than declared comes back as null.
    out = codec.inflateRaw(data, e.size + 1);
  } catch {
    return null;
  }
  if (out === null || out.length > e.size) throw readErrors.lyingSize(e.name, e.size);
  return out;
}

const CHUNK = 32 * 1024;

function inflateChunked(data: Uint8Array, e: ZipEntry): Uint8Array {
  const out = new Uint8Array(e.size);
  let off = 0;
  const inf = new Inflate((chunk) => {
    if (off + chunk.length > out.length) throw readErrors.lyingSize(e.name, e.size);
    out.set(chunk, off);
    off += chunk.length;
  });
  for (let i = 0; i < data.length; i += CHUNK) {
    const j = Math.min(data.length, i + CHUNK);
    inf.push(data.subarray(i, j), j === data.length);
  }
  return off === out.length ? out : out.subarray(0, off);
}

function bytesToText(b: Uint8Array): string {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    return decodeUtf16(b, b[0] === 0xff);
  }
  return decodeUtf8(b);
}

// ---------------------------------------------------------------------------------------------
// Parts

interface Rel {
  type: string;
  target: string;
  external: boolean;
}

function parseRels(xml: string): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  const sc = new Scanner(xml);
  while (sc.next()) {
    if (sc.closing || sc.name !== "Relationship") continue;
    const id = sc.attr("Id");
    const target = sc.attr("Target");
    if (id === undefined || target === undefined) continue;
    rels.set(decodeEntities(id), {
      type: decodeEntities(sc.attr("Type") ?? ""),
      target: decodeEntities(target),
      external: (sc.attr("TargetMode") ?? "").toLowerCase() === "external",
    });
  }
  return rels;
}

/** Resolves a relationship target against the folder of its source part; returns a zip entry name. */
export function resolvePart(baseDir: string, target: string): string {
  const t = target.indexOf("\\") >= 0 ? target.replace(/\\/g, "/") : target;
  const path = t.startsWith("/") ? t.slice(1) : baseDir + t;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

interface SheetRef {
  name: string;
  rid: string;
  hidden: boolean;
}

function parseWorkbook(xml: string): { sheets: SheetRef[]; date1904: boolean } {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  const sc = new Scanner(xml);
  // The package's main part may be a Word document or a presentation (a .docx renamed .xlsx): say
  // so, rather than that a workbook has no sheets.
  let root = true;
  while (sc.next()) {
    if (sc.closing) continue;
    if (root) {
      if (sc.name !== "workbook") throw readErrors.notWorkbook();
      root = false;
    }
    if (sc.name === "sheet") {
      const state = sc.attr("state");
      sheets.push({
        name: decodeEntities(sc.attr("name") ?? ""),
        rid: decodeEntities(sc.attr("id") ?? ""),
        hidden: state === "hidden" || state === "veryHidden",
      });
      if (sheets.length > MAX_SHEETS) {
        // count them all for the message, cheaply
        let n = sheets.length;
        while (sc.next()) if (!sc.closing && sc.name === "sheet") n++;
        throw readErrors.tooManySheets(n, MAX_SHEETS);
      }
    } else if (sc.name === "workbookPr") {
      const v = sc.attr("date1904");
      date1904 = v === "1" || v === "true";
    }
  }
  return { sheets, date1904 };
}

function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const sc = new Scanner(xml);
  while (sc.next()) {
    if (sc.closing || sc.name !== "si") continue;
    if (sc.selfClosing) {
      out.push("");
      continue;
    }
    out.push(clampText(decodeXmlText(sc.richText(), true)));
  }
  return out;
}

function clampText(s: string): string {
  return s.length > MAX_CELL_TEXT ? s.slice(0, MAX_CELL_TEXT) : s;
}

/** For each cellXfs index, whether its number format shows a date or time. */
function parseDateStyles(xml: string): Uint8Array {
  const custom = new Map<number, boolean>();
  const xfs: boolean[] = [];
  const sc = new Scanner(xml);
  let inCellXfs = false;
  while (sc.next()) {
    const n = sc.name;
    if (n === "cellXfs") {
      inCellXfs = !sc.closing && !sc.selfClosing;
      if (sc.closing) break; // nothing after cellXfs matters
      continue;
    }
    if (sc.closing) continue;
    if (n === "numFmt") {
      const id = Number(sc.attr("numFmtId"));
      custom.set(id, isDateFormatCode(decodeEntities(sc.attr("formatCode") ?? "")));
    } else if (n === "xf" && inCellXfs) {
      const id = Number(sc.attr("numFmtId") ?? 0);
      xfs.push(custom.get(id) ?? isBuiltInDateFormat(id));
      if (!sc.selfClosing) sc.skipElement();
    }
  }
  const flags = new Uint8Array(xfs.length);
  for (let i = 0; i < xfs.length; i++) flags[i] = xfs[i] ? 1 : 0;
  return flags;
}

// ---------------------------------------------------------------------------------------------
// Shared formulas

// a cell reference not inside a name, a function name (LOG10), a number (1E5) or a structured reference ([Q1]).
// The character before it is matched (group 1, given back as it was) rather than looked behind at, which IE11
// cannot parse. That character never belongs to the previous match: a match ends in a digit, which may not
// precede a reference anyway.
const REF_RE = /(^|[^A-Za-z0-9_.$[])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(.![])/g;

/** Moves the relative references of a formula by (dRow, dCol), leaving strings and quoted sheet names alone. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    // the next quoted part ("text" or 'sheet name') starts a segment that is copied as is
    let q = i;
    while (q < n && formula[q] !== '"' && formula[q] !== "'") q++;
    out += formula.slice(i, q).replace(REF_RE, (m, before: string, cd: string, cl: string, rd: string, rn: string) => {
      let col = 0;
      for (const ch of cl.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
      col -= 1;
      let row = Number(rn) - 1;
      if (col >= EXCEL_MAX_COLS || row >= EXCEL_MAX_ROWS || row < 0) return m;
      if (!cd) col += dCol;
      if (!rd) row += dRow;
      if (col < 0 || row < 0 || col >= EXCEL_MAX_COLS || row >= EXCEL_MAX_ROWS) return `${before}#REF!`;
      return `${before}${cd}${colToLetters(col)}${rd}${row + 1}`;
    });
    if (q >= n) break;
    const quote = formula[q];
    let e = q + 1;
    for (;;) {
      e = formula.indexOf(quote, e);
      if (e < 0) {
        e = n;
        break;
      }
      if (formula[e + 1] === quote) e += 2; // doubled quote inside
      else {
        e += 1;
        break;
      }
    }
    out += formula.slice(q, e);
    i = e;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Worksheets

interface WorkbookContext {
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
function parseSheet(xml: string, b: SheetBuilder, ctx: WorkbookContext, skipEmpty: boolean): void {
  const sc = new Scanner(xml);
  let row = -1;
  let col = -1;
  let inData = false;
  /** Inside sheetData, skipping empty cells: where its content ends; -1 otherwise. */
  let fastEnd = -1;
  let dateFlags: Uint8Array | null = null;
  const shared = new Map<string, { f: string; row: number; col: number }>();

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
    if (sc.rS >= 0 && parseCellRefAt(xml, sc.rS, sc.rE)) {
      if (refRow >= EXCEL_MAX_ROWS || refCol >= EXCEL_MAX_COLS) throw outOfGrid(xml.slice(sc.rS, sc.rE));
      row = refRow;
      col = refCol;
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

let refRow = 0;
let refCol = 0;

/** Parses `D7` (no `$`) into refRow/refCol (0-based); false when it is not such an address. */
function parseCellRef(r: string): boolean {
  return parseCellRefAt(r, 0, r.length);
}

/** parseCellRef of the text's characters [from, n), read in place. */
function parseCellRefAt(r: string, from: number, n: number): boolean {
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
  refRow = row - 1;
  refCol = c - 1;
  return true;
}

/** A merge's `A1:C3` as an area, with the cell parser above (grid.parseRange's regexes cost more than the sheet's cells); null when it is not one. */
function mergeRef(ref: string): MergeArea | null {
  const colon = ref.indexOf(":");
  if (colon < 0) return parseRange(ref);
  if (!parseCellRef(ref.slice(0, colon))) return parseRange(ref);
  const top = refRow;
  const left = refCol;
  if (!parseCellRef(ref.slice(colon + 1))) return parseRange(ref);
  return { top: Math.min(top, refRow), left: Math.min(left, refCol), bottom: Math.max(top, refRow), right: Math.max(left, refCol) };
}

// ---------------------------------------------------------------------------------------------
// Workbook

const SHEET_TYPE_RE = /\/worksheet$/;

function findEntry(dir: ZipDirectory, name: string): ZipEntry | undefined {
  const e = dir.byName.get(name.toLowerCase());
  if (e) return e;
  // targets may be percent-encoded (`sheet%201.xml`)
  if (name.indexOf("%") >= 0) {
    try {
      return dir.byName.get(decodeURIComponent(name).toLowerCase());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function partText(bytes: Uint8Array, dir: ZipDirectory, name: string, codec?: ZipCodec): string | undefined {
  const e = findEntry(dir, name);
  return e ? bytesToText(inflateEntry(bytes, e, codec)) : undefined;
}

/** A part parsed, or taken from `parts` when this batch already parsed the same bytes; undefined when the package lacks it. */
function parsedPart<T>(src: PartSource, name: string, kind: string, parse: (xml: string) => T): T | undefined {
  const e = findEntry(src.dir, name);
  if (!e) return undefined;
  const fromText = () => parse(bytesToText(inflateEntry(src.bytes, e, src.codec)));
  return src.parts ? src.parts.get(kind, storedData(src.bytes, e), e, fromText) : fromText();
}

interface PartSource {
  bytes: Uint8Array;
  dir: ZipDirectory;
  codec?: ZipCodec;
  parts?: PartCache;
}

/** Reads an .xlsx into a grid snapshot, synchronously. Throws WorkbookReadError for anything it cannot read. */
export function readWorkbookFast(bytes: Uint8Array, opts: ReadOptions = {}): WorkbookSnapshot {
  try {
    return read(bytes, opts.codec, opts.skipEmptyCells !== false, opts.parts);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw withFile(e, opts.file);
    if (e instanceof RangeError) {
      // e.g. an allocation the engine refused: report it as a file problem, not a crash
      throw withFile(readErrors.corrupt("内容无法读取", "the content cannot be read"), opts.file);
    }
    throw e;
  }
}

function read(bytes: Uint8Array, codec: ZipCodec | undefined, skipEmpty: boolean, parts: PartCache | undefined): WorkbookSnapshot {
  const dir = sniff(bytes);
  const src: PartSource = { bytes, dir, codec, parts };

  // The workbook part: xl/workbook.xml, or wherever the package relationships point.
  let wbPart = "xl/workbook.xml";
  if (!findEntry(dir, wbPart)) {
    const root = partText(bytes, dir, "_rels/.rels", codec);
    const rel = root ? [...parseRels(root).values()].find((r) => /\/officeDocument$/.test(r.type) && !r.external) : undefined;
    const target = rel ? resolvePart("", rel.target) : "";
    // Another format in a zip, named for what it is (an .xlsb's relationships point to a workbook that does exist)
    if (/\.bin$/i.test(target) || findEntry(dir, "xl/workbook.bin")) throw readErrors.otherSpreadsheet("xlsb");
    if (/^word\//i.test(target) || findEntry(dir, "word/document.xml")) throw readErrors.otherDocument("doc");
    if (/^ppt\//i.test(target) || findEntry(dir, "ppt/presentation.xml")) throw readErrors.otherDocument("ppt");
    if (!rel || !findEntry(dir, target)) {
      if (findEntry(dir, "mimetype") && findEntry(dir, "content.xml")) throw readErrors.otherSpreadsheet("ods");
      if (findEntry(dir, "Index/Document.iwa") || findEntry(dir, "Index.zip")) throw readErrors.otherSpreadsheet("numbers");
      throw readErrors.notWorkbook();
    }
    wbPart = target;
  }
  const wb = parsedPart(src, wbPart, "workbook", parseWorkbook) as ReturnType<typeof parseWorkbook>;
  const rels = parsedPart(src, relsPathOf(wbPart), "rels", parseRels) ?? new Map<string, Rel>();
  const base = dirOf(wbPart);

  const partOfType = (suffix: string, fallback: string): string => {
    for (const r of rels.values()) if (!r.external && r.type.endsWith(suffix)) return resolvePart(base, r.target);
    return fallback;
  };
  const sstText = partText(bytes, dir, partOfType("/sharedStrings", `${base}sharedStrings.xml`), codec);
  const sst = sstText ? parseSharedStrings(sstText) : [];
  let dateFlags: Uint8Array | undefined;
  const ctx: WorkbookContext = {
    sst,
    date1904: wb.date1904,
    dateStyles: () => {
      if (dateFlags === undefined) {
        dateFlags = parsedPart(src, partOfType("/styles", `${base}styles.xml`), "styles", parseDateStyles) ?? new Uint8Array(0);
      }
      return dateFlags;
    },
  };

  const budget: CellBudget = { cells: 0 };
  const sheets: SheetSnapshot[] = [];
  for (const ref of wb.sheets) {
    const rel = rels.get(ref.rid);
    let part: string;
    if (rel) {
      if (rel.external || !SHEET_TYPE_RE.test(rel.type)) continue; // chart, dialog or macro sheet
      part = resolvePart(base, rel.target);
    } else {
      part = `${base}worksheets/sheet${sheets.length + 1}.xml`; // no rels: the conventional name
    }
    const xml = partText(bytes, dir, part, codec);
    if (xml === undefined) throw readErrors.corrupt(`缺少工作表“${ref.name}”的内容`, `the content of sheet "${ref.name}" is missing`);
    const before = { cells: budget.cells, merges: budget.merges };
    let b = new SheetBuilder(ref.name, budget);
    try {
      parseSheet(xml, b, ctx, skipEmpty);
    } catch (e) {
      if (e !== GENERAL_PATH) throw e;
      budget.cells = before.cells;
      budget.merges = before.merges;
      b = new SheetBuilder(ref.name, budget);
      parseSheet(xml, b, ctx, false);
    }
    sheets.push(b.finish(ref.hidden));
  }
  if (sheets.length === 0) throw readErrors.noSheets();
  return { sheets };
}

