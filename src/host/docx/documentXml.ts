/**
 * Reads word/document.xml into paragraphs and tables with a small hand-written tag scanner
 * (indexOf-based, namespace prefixes ignored, as fastReader.ts reads sheet XML): no DOM, one pass.
 *
 * What is read, and how:
 * - Paragraphs (`w:p`): the text of their runs joined (`w:t`; `w:tab` → "\t"; `w:br`, `w:cr` → "\n";
 *   `w:noBreakHyphen` → "-"), trimmed; empty ones dropped. Hidden runs (`w:vanish`) are not read:
 *   Word neither shows nor prints them. Digits and units often sit in separate
 *   runs, and bookmarks, proofing marks and field boundaries fall between them: all ignored.
 * - Skipped with their content: deletions (`w:del`, `w:moveFrom`), field codes (`w:instrText`; the
 *   field's shown result is kept), deleted text (`w:delText`), ruby text (`w:rt`), the old
 *   properties of a tracked change (`w:*PrChange`), tab stop definitions (`w:tabs`), pictures and
 *   text boxes (`w:drawing`, `w:pict`, `w:object`, `mc:AlternateContent`; counted, their text not
 *   read). Insertions (`w:ins`, `w:moveTo`), content controls (`w:sdt`), `w:smartTag`,
 *   `w:hyperlink`, `w:fldSimple`, `w:customXml` are transparent; a content control showing its
 *   placeholder (`w:showingPlcHdr`, "单击或点击此处输入文字。") is read as empty.
 * - Tables (`w:tbl`): rows (`w:tr`, `w:gridBefore` skipping columns), cells (`w:tc`) at their grid
 *   column, `w:gridSpan` a horizontal merge, `w:vMerge` restart/continue a vertical one, legacy
 *   `w:hMerge` continue widening the cell before it. A cell's paragraphs are joined with "\n"; a
 *   continued (merged-away) cell's text is dropped, as Word shows it.
 * - Nested tables are tables of their own, in document order of their start; their text is not
 *   repeated in the outer cell (the outer cell holds only its own paragraphs).
 * - Frame paragraphs (see frame.ts) right before a table, in the same container (the body or the
 *   same cell), become its heading lines, and its notes right after it its note lines; both leave
 *   the body's (or the cell's) paragraphs.
 */
import type { MergeArea } from "../../grid/grid";
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, decodeEntities } from "../xlsx/fastReader";
import { MAX_HEADING_PARAGRAPHS, MAX_NOTE_PARAGRAPHS, isFrameLine, isNoteLine, isNotesStart } from "./frame";

/** Characters kept of one paragraph (a cell is cut to Excel's 32 767 later). */
export const MAX_PARAGRAPH_TEXT = 100_000;
/** Tables inside tables inside …: Word itself stops being usable long before. */
export const MAX_TABLE_DEPTH = 32;

export interface RawCell {
  row: number;
  col: number;
  text: string;
}

export interface RawTable {
  /** Cells with text, table-relative (row, col); merged-away cells are not listed. */
  cells: RawCell[];
  merges: MergeArea[];
  rows: number;
  /** The frame paragraphs taken from before the table, in document order. */
  headings: string[];
  /** The notes paragraphs taken from after it. */
  notes: string[];
  /** Pictures directly in its cells (not in tables nested in them). */
  pictures: number;
}

export interface RawDocument {
  /** The body's paragraphs outside tables, frame and note lines taken out. */
  paragraphs: string[];
  /** Every table, in the document order of its start tag. */
  tables: RawTable[];
  /** Pictures outside tables. */
  bodyPictures: number;
}

/** Why the XML could not be read, or which limit it passed: readDocx words it for the user. */
export class DocumentXmlError extends Error {
  constructor(
    readonly kind: "bad-xml" | "too-many-tables" | "table-too-large",
    readonly table = 0,
    readonly detail: { zh: string; en: string } = { zh: "", en: "" },
  ) {
    super(kind);
    this.name = "DocumentXmlError";
  }
}

const badXml = () => new DocumentXmlError("bad-xml");

/** A body or a table cell: where paragraphs go, and where frame and notes lines are taken from. */
interface Container {
  paras: string[];
  /** Index in `paras` of the first paragraph after the last table of this container. */
  since: number;
  /** The table just closed here, while the paragraphs after it may still be its notes. */
  notesFor: TableState | null;
}

interface CellState extends Container {
  col: number;
  span: number;
  /** 0 none, 1 restart, 2 continue */
  vMerge: number;
  hContinue: boolean;
}

interface OpenMerge {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

interface TableState {
  raw: RawTable;
  number: number;
  row: number;
  rowCells: CellState[];
  col: number;
  inRow: boolean;
  /** Vertical merges still open, by their left column. */
  open: Map<number, OpenMerge>;
}

const SKIPPED = new Set([
  "del",
  "moveFrom",
  "instrText",
  "delText",
  "rt",
  "tabs",
  "pPrChange",
  "rPrChange",
  "tcPrChange",
  "trPrChange",
  "tblPrChange",
  "tblPrExChange",
  "tblGridChange",
  "sectPrChange",
  "numberingChange",
]);
const PICTURES = new Set(["drawing", "pict", "object", "AlternateContent"]);

function isSpace(c: number): boolean {
  return c <= 32 || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b);
}

/**
 * Leading and trailing blanks (ASCII, ideographic, no-break) removed. A loop, not `/\s+$/`: on a
 * paragraph of many blanks not at its end the regexp takes time growing with the square of the run.
 */
export function trimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

export function parseDocumentXml(xml: string, maxTables: number): RawDocument {
  const n = xml.length;
  let pos = 0;
  // the current tag
  let local = "";
  let closing = false;
  let selfClosing = false;
  let attrStart = 0;
  let attrEnd = 0;

  /** Moves to the next tag; false at the end of the text. */
  function next(): boolean {
    for (;;) {
      const lt = xml.indexOf("<", pos);
      if (lt < 0) return false;
      const c = xml.charCodeAt(lt + 1);
      if (c === 63 /* ? */) {
        const j = xml.indexOf("?>", lt + 2);
        if (j < 0) throw badXml();
        pos = j + 2;
        continue;
      }
      if (c === 33 /* ! */) {
        pos = skipMarkup(lt);
        continue;
      }
      closing = c === 47;
      let k = closing ? lt + 2 : lt + 1;
      let ls = k;
      let ch = 0;
      while (k < n) {
        ch = xml.charCodeAt(k);
        if (ch === 62 || ch === 47 || ch <= 32) break;
        if (ch === 58) ls = k + 1;
        k++;
      }
      const nameEnd = k;
      while (k < n) {
        ch = xml.charCodeAt(k);
        if (ch === 62) break;
        if (ch === 34 || ch === 39) {
          const q = xml.indexOf(ch === 34 ? '"' : "'", k + 1);
          if (q < 0) throw badXml();
          k = q + 1;
        } else k++;
      }
      if (k >= n) throw badXml();
      local = xml.slice(ls, nameEnd);
      selfClosing = xml.charCodeAt(k - 1) === 47;
      attrStart = nameEnd;
      attrEnd = selfClosing ? k - 1 : k;
      pos = k + 1;
      return true;
    }
  }

  function skipMarkup(i: number): number {
    if (xml.startsWith("<!--", i)) {
      const j = xml.indexOf("-->", i + 4);
      if (j < 0) throw badXml();
      return j + 3;
    }
    if (xml.startsWith("<![CDATA[", i)) {
      const j = xml.indexOf("]]>", i + 9);
      if (j < 0) throw badXml();
      return j + 3;
    }
    // <!DOCTYPE …>, an internal subset skipped whole: its entities are never expanded. The `[` is
    // looked for before the `>` only: searching the rest of the text for each such tag would cost the square.
    const gt = xml.indexOf(">", i);
    if (gt < 0) throw badXml();
    for (let k = i + 2; k < gt; k++) {
      if (xml.charCodeAt(k) !== 91 /* [ */) continue;
      const j = xml.indexOf("]", k);
      const e = j < 0 ? -1 : xml.indexOf(">", j);
      if (e < 0) throw badXml();
      return e + 1;
    }
    return gt + 1;
  }

  /** The raw value of the current tag's attribute with this local name (`w:val` → "val"). */
  function attr(want: string): string | undefined {
    let i = attrStart;
    const e = attrEnd;
    while (i < e) {
      let c = xml.charCodeAt(i);
      if (c <= 32) {
        i++;
        continue;
      }
      let ls = i;
      while (i < e && (c = xml.charCodeAt(i)) !== 61 && c > 32) {
        if (c === 58) ls = i + 1;
        i++;
      }
      const ne = i;
      while (i < e && xml.charCodeAt(i) !== 61) i++;
      i++;
      while (i < e && xml.charCodeAt(i) <= 32) i++;
      const q = xml.charCodeAt(i);
      if (q !== 34 && q !== 39) return undefined;
      const ve = xml.indexOf(q === 34 ? '"' : "'", i + 1);
      if (ve < 0 || ve > e) return undefined;
      if (ne - ls === want.length && xml.startsWith(want, ls)) return xml.slice(i + 1, ve);
      i = ve + 1;
    }
    return undefined;
  }

  /** Skips to the end of the element just opened (the current tag, not self-closing). */
  function skipElement(): void {
    const name = local;
    let depth = 1;
    while (next()) {
      if (local !== name || selfClosing) continue;
      if (closing) {
        if (--depth === 0) return;
      } else depth++;
    }
    throw badXml();
  }

  /** Text content up to the next tag, entities decoded, CDATA kept literally. */
  function text(): string {
    const j = xml.indexOf("<", pos);
    if (j < 0) throw badXml();
    let s = xml.slice(pos, j);
    pos = j;
    if (xml.charCodeAt(j + 1) === 33 && xml.startsWith("<![CDATA[", j)) {
      const e = xml.indexOf("]]>", j + 9);
      if (e < 0) throw badXml();
      s += xml.slice(j + 9, e).replace(/&/g, "&amp;");
      pos = e + 3;
      s += text();
    }
    if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
    return s.indexOf("&") >= 0 ? decodeEntities(s) : s;
  }

  const body: Container = { paras: [], since: 0, notesFor: null };
  const containers: Container[] = [body];
  const tables: TableState[] = [];
  const raws: RawTable[] = [];
  let bodyPictures = 0;
  /** The paragraph being read, or null outside one. */
  let para: string | null = null;
  let inRun = 0;
  /** The current run is hidden text (`w:vanish`): not shown or printed, so not read. */
  let hidden = false;
  /** The content control just opened shows its placeholder text, not content. */
  let placeholder = false;

  const top = (): Container => containers[containers.length - 1];
  const cellOf = (): CellState | null => (containers.length > 1 ? (containers[containers.length - 1] as CellState) : null);
  const tooLarge = (t: TableState, zh: string, en: string) => new DocumentXmlError("table-too-large", t.number, { zh, en });

  function endParagraph(): void {
    if (para === null) return;
    let t = trimSpace(para);
    para = null;
    if (t === "") return;
    if (t.length > MAX_PARAGRAPH_TEXT) t = t.slice(0, MAX_PARAGRAPH_TEXT);
    const c = top();
    const owner = c.notesFor;
    if (owner) {
      const notes = owner.raw.notes;
      if (notes.length < MAX_NOTE_PARAGRAPHS && (notes.length === 0 ? isNotesStart(t) : isNoteLine(t))) {
        notes.push(t);
        return;
      }
      c.notesFor = null;
    }
    c.paras.push(t);
  }

  function startTable(): void {
    if (tables.length >= MAX_TABLE_DEPTH)
      throw new DocumentXmlError("table-too-large", raws.length + 1, {
        zh: `表格嵌套超过 ${MAX_TABLE_DEPTH} 层`,
        en: `tables nested over ${MAX_TABLE_DEPTH} deep`,
      });
    if (raws.length >= maxTables) throw new DocumentXmlError("too-many-tables");
    const c = top();
    c.notesFor = null;
    // the frame lines right before the table, nearest first, while they look like frame lines
    let from = c.paras.length;
    while (from > c.since && c.paras.length - from < MAX_HEADING_PARAGRAPHS && isFrameLine(c.paras[from - 1])) from--;
    const headings = c.paras.splice(from);
    const raw: RawTable = { cells: [], merges: [], rows: 0, headings, notes: [], pictures: 0 };
    raws.push(raw);
    tables.push({ raw, number: raws.length, row: -1, rowCells: [], col: 0, inRow: false, open: new Map() });
  }

  function closeMerge(t: TableState, m: OpenMerge): void {
    t.open.delete(m.left);
    if (m.bottom > m.top || m.right > m.left) t.raw.merges.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
  }

  function endRow(t: TableState): void {
    const r = t.row;
    const cells: CellState[] = [];
    for (const cell of t.rowCells) {
      const prev = cells[cells.length - 1];
      // legacy horizontal merge: the continued cell widens the one before it
      if (cell.hContinue && prev && prev.col + prev.span === cell.col) prev.span += cell.span;
      else cells.push(cell);
    }
    for (const cell of cells) {
      const left = cell.col;
      const right = cell.col + cell.span - 1;
      if (right >= EXCEL_MAX_COLS) throw tooLarge(t, `超过 ${EXCEL_MAX_COLS} 列`, `over ${EXCEL_MAX_COLS} columns`);
      const open = t.open.get(left);
      if (cell.vMerge === 2 && open && open.bottom === r - 1) {
        open.bottom = r;
        continue; // its text, if any, is hidden under the merge
      }
      // anything else at these columns ends the merges open there
      for (const m of Array.from(t.open.values())) if (m.left <= right && m.right >= left) closeMerge(t, m);
      if (cell.vMerge === 1) t.open.set(left, { top: r, bottom: r, left, right });
      else if (right > left) t.raw.merges.push({ top: r, left, bottom: r, right });
      const value = cell.paras.join("\n");
      if (value !== "") t.raw.cells.push({ row: r, col: left, text: value });
    }
    // merges not continued in this row end above it
    for (const m of Array.from(t.open.values())) if (m.bottom < r) closeMerge(t, m);
    t.rowCells = [];
    t.inRow = false;
  }

  function endTable(): void {
    const t = tables.pop();
    if (!t) return;
    if (t.inRow) endRow(t);
    for (const m of Array.from(t.open.values())) closeMerge(t, m);
    t.raw.rows = t.row + 1;
    const c = top();
    // A table without text is no sheet (a layout table around a nested one, a table of pictures):
    // the lines taken as its frame go back where they were, and nothing after it is its notes.
    if (t.raw.cells.length === 0) c.paras.push(...t.raw.headings.splice(0));
    else c.notesFor = t;
    c.since = c.paras.length;
  }

  function intAttr(fallback: number): number {
    const v = parseInt(attr("val") ?? "", 10);
    return Number.isFinite(v) && v >= 0 ? v : fallback;
  }

  while (next()) {
    const name = local;
    if (closing) {
      switch (name) {
        case "p":
          endParagraph();
          break;
        case "r":
          if (inRun > 0) inRun--;
          break;
        case "tc": {
          const t = tables[tables.length - 1];
          const cell = cellOf();
          if (!t || !cell) break;
          endParagraph();
          containers.pop();
          t.rowCells.push(cell);
          t.col = cell.col + cell.span;
          break;
        }
        case "tr": {
          const t = tables[tables.length - 1];
          if (t && t.inRow) endRow(t);
          break;
        }
        case "tbl":
          endTable();
          break;
      }
      continue;
    }
    switch (name) {
      case "t":
        if (!selfClosing && para !== null && !hidden) para += text();
        break;
      case "vanish":
        if (inRun > 0) hidden = !/^(?:false|0|off)$/.test(attr("val") ?? "");
        break;
      case "tab":
        if (inRun > 0 && para !== null) para += "\t";
        break;
      case "br":
      case "cr":
        if (inRun > 0 && para !== null) para += "\n";
        break;
      case "noBreakHyphen":
        if (inRun > 0 && para !== null) para += "-";
        break;
      case "r":
        if (!selfClosing) inRun++;
        hidden = false;
        break;
      case "p":
        endParagraph();
        if (!selfClosing) para = "";
        inRun = 0;
        break;
      case "tbl":
        if (selfClosing) break;
        endParagraph();
        startTable();
        break;
      case "tr": {
        const t = tables[tables.length - 1];
        if (!t || selfClosing) break;
        if (t.inRow) endRow(t);
        t.row++;
        if (t.row >= EXCEL_MAX_ROWS) throw tooLarge(t, `超过 ${EXCEL_MAX_ROWS} 行`, `over ${EXCEL_MAX_ROWS} rows`);
        t.inRow = true;
        t.col = 0;
        t.rowCells = [];
        break;
      }
      case "gridBefore": {
        const t = tables[tables.length - 1];
        if (t && t.inRow && t.rowCells.length === 0) t.col = Math.min(t.col + intAttr(0), EXCEL_MAX_COLS);
        break;
      }
      case "tc": {
        const t = tables[tables.length - 1];
        if (!t || selfClosing) break;
        if (!t.inRow) {
          // a cell outside a row: damaged, read as a row of its own
          t.row++;
          t.inRow = true;
          t.col = 0;
        }
        endParagraph();
        const cell: CellState = { paras: [], since: 0, notesFor: null, col: t.col, span: 1, vMerge: 0, hContinue: false };
        containers.push(cell);
        break;
      }
      case "gridSpan": {
        const cell = cellOf();
        if (cell) cell.span = Math.max(1, Math.min(intAttr(1), EXCEL_MAX_COLS));
        break;
      }
      case "vMerge": {
        const cell = cellOf();
        if (cell) cell.vMerge = attr("val") === "restart" ? 1 : 2;
        break;
      }
      case "hMerge": {
        const cell = cellOf();
        if (cell) cell.hContinue = attr("val") !== "restart";
        break;
      }
      case "sdtPr": {
        if (selfClosing) break;
        const from = pos;
        skipElement();
        // a content control showing its placeholder (单击或点击此处输入文字。) is empty to the reader
        // within the properties only: searching on to the end of the text for each control would cost the square
        placeholder = xml.slice(from, pos).indexOf("showingPlcHdr") >= 0;
        break;
      }
      case "sdtContent":
        if (placeholder && !selfClosing) skipElement();
        placeholder = false;
        break;
      default:
        if (selfClosing) break;
        if (PICTURES.has(name)) {
          const t = tables[tables.length - 1];
          if (t && containers.length > 1) t.raw.pictures++;
          else bodyPictures++;
          skipElement();
        } else if (SKIPPED.has(name)) skipElement();
    }
  }
  endParagraph();
  while (tables.length) endTable();
  return { paragraphs: body.paras, tables: raws, bodyPictures };
}
