/**
 * WorkbookHost over an ExcelJS workbook: the CLI and the web page work on .xlsx files through it.
 * No file system here: bytes in (fromBytes), bytes out (toBytes), so the same class runs in node
 * and in the browser.
 *
 * Marks save the cell's previous fill and note in the state sheet (engine/stateSheet.ts) as
 * `{"fill": "#RRGGBB" | null, "note": string | null, "exceljs": {...}}`: the first two are what any
 * host (Office.js too) understands; `exceljs` keeps the exact ExcelJS fill and note, so a file
 * marked here is restored exactly, theme colours and rich notes included.
 */
import ExcelJS from "exceljs";
import type { CellValue, WorkbookSnapshot } from "../../grid/grid";
import { readState, stateRows, STATE_SHEET, type SavedFormat, type WorkbookState } from "../../engine/stateSheet";
import type { SheetLayout } from "../../templates/layout";
import { recognise } from "../../engine/recognize";
import { markKey, markNote, mergeMarks } from "../../flows/marks";
import { AUDIT_SHEET } from "../../templates/tables";
import { MARK_FILLS, type CellMark, type CellWrite, type WorkbookHost } from "../types";
import { readErrors, WorkbookReadError } from "./errors";
import { UserError } from "../../errors";
import { sheetSnapshot, snapshotOfWorkbook } from "./exceljsSnapshot";
import { inflateEntry, readWorkbookFast } from "./fastReader";
import { renderLayout } from "./render";
import { sniff } from "./sniff";
import { packageWithCellAddresses } from "./cellAddresses";

/** What a mark replaced, as kept in the state sheet. */
export interface MarkedFormat {
  fill: string | null;
  note: string | null;
  /** false when the host that marked could not read notes (Office below ExcelApi 1.18): the note is then left as it is. */
  noteSeen?: boolean;
  /** ExcelJS's own fill and note, for an exact restore by this host. */
  exceljs?: { fill: ExcelJS.Fill | null; note: ExcelJS.Comment | string | null };
}

/** A host error a person can act on (an existing sheet name, a missing sheet). */
export class HostError extends UserError {
  constructor(message: string, messageEn: string) {
    super("host", message, messageEn);
    this.name = "HostError";
  }
}

function argbToHex(argb: string | undefined): string | null {
  if (!argb || !/^[0-9A-Fa-f]{8}$/.test(argb)) return null;
  return `#${argb.slice(2).toUpperCase()}`;
}

function hexToArgb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function solidFill(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: hexToArgb(hex) } };
}

/** The plain colour of a solid fill; null for none, patterns, gradients and theme colours. */
function fillHex(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return null;
  return argbToHex(fill.fgColor?.argb);
}

function noteText(note: ExcelJS.Comment | string | undefined): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text ?? "").join("");
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/**
 * Styles of cells read from a file are shared between cells with the same style id, so a style is
 * always replaced by a new object, never changed in place (`cell.fill = …` would fill every cell
 * sharing it).
 */
function setStyle(cell: ExcelJS.Cell, change: (s: Partial<ExcelJS.Style>) => void): void {
  const s: Partial<ExcelJS.Style> = { ...cell.style };
  change(s);
  cell.style = s;
}

/**
 * ExcelJS has no public way to remove a note: assigning undefined writes an empty one, and a cell
 * read from a file keeps its note in its value's model too (ExcelJS 4.4 internals).
 */
function removeNote(cell: ExcelJS.Cell): void {
  const internal = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  internal._comment = undefined;
  if (internal._value?.model) delete internal._value.model.comment;
}

function toUint8(buf: ArrayBuffer | Uint8Array): Uint8Array {
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf);
}

const A1_CELL = /^\$?[A-Za-z]{1,3}\$?\d{1,7}$/;

export class ExcelJSHost implements WorkbookHost {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  /** A new, empty workbook (for 生成模板). */
  static empty(): ExcelJSHost {
    const wb = new ExcelJS.Workbook();
    wb.creator = "xzzf";
    return new ExcelJSHost(wb);
  }

  /**
   * Loads .xlsx bytes; a file that is not a workbook fails with the reader's WorkbookReadError.
   * The fast reader goes first: ExcelJS (JSZip) inflates every part whole, whatever the zip header
   * declared, so a part that lies about its size would be inflated in full (a zip bomb), and it
   * silently drops a sheet whose part is missing. The fast reader refuses both, and whatever else
   * `xzzf check` refuses, before ExcelJS sees a byte; then every other part (pictures, drawings…,
   * which the fast reader never opens) is inflated once, stopping as soon as it outgrows its size,
   * sheets whose cells lack addresses are given them, and parts named as Excel reads but ExcelJS
   * does not (`xl\workbook.xml`, `xl/sharedstrings.xml`) are renamed for it (cellAddresses.ts).
   */
  static async fromBytes(bytes: Uint8Array, opts: { file?: string } = {}): Promise<ExcelJSHost> {
    try {
      readWorkbookFast(bytes);
      // cells written without an address (some exports, WPS) get theirs, or ExcelJS misplaces them
      const { entries } = sniff(bytes);
      // every part inflated and checked here (a refusal is the reader's), before ExcelJS sees any
      const readable = packageWithCellAddresses(bytes, entries, inflateEntry);
      let wb = new ExcelJS.Workbook();
      try {
        // ExcelJS's typings want a Buffer; JSZip underneath reads any Uint8Array, in node and browsers.
        await wb.xlsx.load(readable as unknown as ArrayBuffer);
      } catch {
        // ExcelJS refuses document properties it does not expect (elements without their prefix),
        // which Excel reads; they are not needed here, so the file is read once more without them.
        const withoutProps = packageWithCellAddresses(bytes, entries, inflateEntry, { withoutDocProps: true });
        try {
          wb = new ExcelJS.Workbook();
          await wb.xlsx.load(withoutProps as unknown as ArrayBuffer);
        } catch {
          throw readErrors.corrupt("ExcelJS 无法读取", "ExcelJS cannot read it");
        }
      }
      if (wb.worksheets.length === 0) throw readErrors.noSheets();
      return new ExcelJSHost(wb);
    } catch (e) {
      if (e instanceof WorkbookReadError && opts.file !== undefined && e.file === undefined) e.file = opts.file;
      throw e;
    }
  }

  async toBytes(): Promise<Uint8Array> {
    return toUint8(await this.workbook.xlsx.writeBuffer());
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return snapshotOfWorkbook(this.workbook);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new HostError(`工作簿中没有名为“${name}”的工作表。`, `The workbook has no sheet named "${name}".`);
    return ws;
  }

  /** The cell to write for an address: the top-left cell of its merged area. */
  private cell(sheet: string, address: string): ExcelJS.Cell {
    if (!A1_CELL.test(address))
      throw new HostError(`“${address}”不是单元格地址（工作表“${sheet}”）。`, `"${address}" is not a cell address (sheet "${sheet}").`);
    return this.sheet(sheet).getCell(address.replace(/\$/g, "")).master;
  }

  async writeValues(writes: CellWrite[]): Promise<void> {
    for (const w of writes) {
      const cell = this.cell(w.sheet, w.address);
      if (w.formula) {
        const formula = w.formula.replace(/^=/, "");
        cell.value = w.value === null ? { formula, date1904: false } : { formula, result: w.value, date1904: false };
      } else {
        cell.value = w.value;
      }
      const fmt = w.numberFormat;
      if (fmt !== undefined) setStyle(cell, (s) => (s.numFmt = fmt));
    }
  }

  private state(): WorkbookState {
    const ws = this.workbook.getWorksheet(STATE_SHEET);
    if (!ws) return readState({ sheets: [] });
    return readState({ sheets: [sheetSnapshot(ws, { cells: 0 })] });
  }

  async mark(marks: CellMark[]): Promise<void> {
    if (marks.length === 0) return;
    const state = this.state();
    const saved = new Map<string, SavedFormat>(state.marks.map((m) => [markKey(m.sheet, m.cell), m]));
    // Several findings on one cell (or one merged area: its top-left cell): one fill (the most severe) and one note listing them all.
    const merged = mergeMarks(marks.map((m) => ({ ...m, address: this.cell(m.sheet, m.address).address })));
    for (const { sheet, address, severity, messages } of merged) {
      const cell = this.cell(sheet, address);
      const key = markKey(sheet, address);
      // A cell marked before keeps the format from before its first mark.
      if (!saved.has(key)) {
        const before: MarkedFormat = {
          fill: fillHex(cell.style.fill),
          note: noteText(cell.note),
          noteSeen: true,
          exceljs: { fill: clone(cell.style.fill) ?? null, note: clone(cell.note) ?? null },
        };
        saved.set(key, { sheet, cell: cell.address, format: JSON.stringify(before) });
      }
      setStyle(cell, (s) => (s.fill = solidFill(MARK_FILLS[severity])));
      cell.note = markNote(messages);
    }
    await this.writeState(stateRows({ ...state, marks: [...saved.values()] }));
  }

  async clearMarks(): Promise<void> {
    const state = this.state();
    if (state.marks.length === 0) return;
    for (const m of state.marks) {
      const ws = this.workbook.getWorksheet(m.sheet);
      if (!ws || !A1_CELL.test(m.cell)) continue;
      let before: MarkedFormat;
      try {
        before = JSON.parse(m.format) as MarkedFormat;
      } catch {
        continue; // someone edited the state sheet; leave the cell as it is rather than guess
      }
      const cell = ws.getCell(m.cell);
      const fill = before.exceljs ? before.exceljs.fill : before.fill ? solidFill(before.fill) : null;
      setStyle(cell, (s) => {
        if (fill) s.fill = fill;
        else delete s.fill;
      });
      if (!before.exceljs && before.noteSeen === false) continue;
      const note = before.exceljs ? before.exceljs.note : before.note;
      if (note === null || note === undefined) removeNote(cell);
      else cell.note = note;
    }
    await this.writeState(stateRows({ ...state, marks: [] }));
  }

  async insertSheets(layouts: SheetLayout[]): Promise<void> {
    const names = new Set<string>();
    for (const l of layouts) {
      if (this.workbook.getWorksheet(l.sheetName) || names.has(l.sheetName)) {
        throw new HostError(
          `工作簿中已有名为“${l.sheetName}”的工作表，未插入任何模板；请先将该工作表改名或删除。`,
          `The workbook already has a sheet named "${l.sheetName}"; no template was inserted. Rename or delete that sheet first.`,
        );
      }
      names.add(l.sheetName);
    }
    for (const l of layouts) renderLayout(this.workbook.addWorksheet(l.sheetName), l);
  }

  async writeState(rows: CellValue[][]): Promise<void> {
    const old = this.workbook.getWorksheet(STATE_SHEET);
    if (old) this.workbook.removeWorksheet(old.id);
    const ws = this.workbook.addWorksheet(STATE_SHEET, { state: "veryHidden" });
    for (const r of rows) ws.addRow(r.map((v) => (v === null ? undefined : v)));
  }

  async writeSheet(name: string, rows: CellValue[][]): Promise<void> {
    const old = this.workbook.getWorksheet(name);
    if (old) this.workbook.removeWorksheet(old.id);
    const ws = this.workbook.addWorksheet(name);
    for (const r of rows) ws.addRow(r.map((v) => (v === null ? undefined : v)));
    const width = rows.reduce((n, r) => Math.max(n, r.length), 0);
    for (let c = 0; c < width; c++) {
      let chars = 4;
      for (const r of rows.slice(0, 500)) {
        const v = r[c];
        if (v === null || v === undefined) continue;
        // CJK characters are about two columns wide
        const s = String(v);
        chars = Math.max(chars, s.length + (s.match(/[\u3000-\u9fff\uff00-\uffef]/g) ?? []).length);
      }
      ws.getColumn(c + 1).width = Math.min(60, chars + 2);
      if (chars > 60) ws.getColumn(c + 1).alignment = { wrapText: true, vertical: "top" };
    }
    if (rows.length) {
      ws.getRow(1).font = { bold: true };
      ws.views = [{ state: "frozen", ySplit: 1 }];
    }
  }

  async select(_sheet: string, _address: string): Promise<void> {
    // Nothing is shown: a file has no selection worth keeping.
  }

  /**
   * A clean copy for submission, as bytes; this workbook is left as it is. In the copy:
   * - marks are cleared (previous fill and note restored);
   * - the state sheet and the 审核报告 sheet are removed;
   * - formulas are replaced by their last computed values (a recipient's tool may not recompute);
   * - defined names are removed (they point at sheets that may be gone, or outside the tables);
   * - hidden sheets holding no recognised table are removed (a hidden copy of a table is kept:
   *   it is reported, and deleting a user's table is not ours to decide);
   * - hidden rows and columns inside a recognised table are shown again, so the printed form has
   *   every row the figures come from. Rows and columns outside the tables are left alone.
   * Values are never changed.
   */
  async submissionCopy(): Promise<Uint8Array> {
    const copy = await ExcelJSHost.fromBytes(await this.toBytes());
    await copy.clearMarks();
    const wb = copy.workbook;
    for (const name of [STATE_SHEET, AUDIT_SHEET]) {
      const ws = wb.getWorksheet(name);
      if (ws) wb.removeWorksheet(ws.id);
    }
    const tables = recognise(snapshotOfWorkbook(wb));
    for (const ws of [...wb.worksheets]) {
      const own = tables.filter((t) => t.sheet === ws.name);
      if ((ws.state === "hidden" || ws.state === "veryHidden") && own.length === 0) {
        wb.removeWorksheet(ws.id);
        continue;
      }
      for (const t of own) {
        for (let r = t.top; r <= t.bottom; r++) if (ws.getRow(r + 1).hidden) ws.getRow(r + 1).hidden = false;
        for (let c = t.left; c <= t.right; c++) if (ws.getColumn(c + 1).hidden) ws.getColumn(c + 1).hidden = false;
      }
      ws.eachRow({ includeEmpty: false }, (row) => {
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (cell.type !== ExcelJS.ValueType.Formula) return;
          const result = (cell.value as { result?: ExcelJS.CellValue }).result;
          cell.value = result === undefined ? null : result;
        });
      });
    }
    wb.definedNames.model = [];
    return copy.toBytes();
  }
}
