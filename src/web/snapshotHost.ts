/**
 * The web page's workbook host: the grid snapshot the fast reader gave (or the sample, built from the
 * template data), changed in memory by the pane's writes, with every change kept in order. ExcelJS is
 * needed only for a download: then the original bytes (or an empty workbook for the sample) are opened
 * with the ExcelJS host and the log is replayed on it, so the file is what writing through ExcelJS all
 * along would have made.
 *
 * What this host does mirrors ExcelJSHost (src/host/xlsx/exceljsHost.ts) where a snapshot can tell:
 * the same refusals with the same sentences, writes to the top-left cell of a merged area, formulas
 * with their `=`, the state sheet rewritten (very hidden, last) by mark/clearMarks/writeState, a
 * written sheet replaced and put last. Refused calls change nothing and are not logged.
 *
 * A report (.docx) has no workbook bytes to replay on: its tables, as read, are drawn on an empty
 * ExcelJS workbook first (drawnLayout.ts), then the log is replayed, so a download is a new .xlsx of
 * the report's tables.
 *
 * Snapshots handed out are never changed afterwards: every write builds new rows and sheets, so the
 * grid can keep the one it drew and compare by identity.
 */
import { UserError } from "../errors";
import type { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../grid/grid";
import { fromA1, toA1 } from "../grid/grid";
import { readState, STATE_SHEET, stateRows, type SavedFormat } from "../engine/stateSheet";
import { markKey } from "../flows/marks";
import type { CellMark, CellWrite, WorkbookHost } from "../host/types";
import { layoutToSnapshot, type SheetLayout } from "../templates/layout";
import type { FileHost, HostFactory } from "./fileHost";

/** One host call that changed the workbook, as the pane made it. */
export type HostCall =
  | { op: "writeValues"; writes: CellWrite[] }
  | { op: "mark"; marks: CellMark[] }
  | { op: "clearMarks" }
  | { op: "insertSheets"; layouts: SheetLayout[] }
  | { op: "writeState"; rows: CellValue[][] }
  | { op: "writeSheet"; name: string; rows: CellValue[][] };

/** A refusal a person can act on; shaped and named as ExcelJSHost's HostError, so both read alike to the pane. */
export class SnapshotHostError extends UserError {
  constructor(message: string, messageEn: string) {
    super("host", message, messageEn);
    this.name = "HostError";
  }
}

/** Excel's limit on the characters of a cell, as the readers cut longer text. */
const MAX_CELL_TEXT = 32_767;

const A1_CELL = /^\$?[A-Za-z]{1,3}\$?\d{1,7}$/;

/**
 * What ExcelJSHost saves for a cell with no fill and no note before its first mark. The real format
 * of a styled cell is not in a snapshot; a replay puts ExcelJS's own back (see replayState).
 */
export const PLAIN_MARKED_FORMAT = JSON.stringify({ fill: null, note: null, noteSeen: true, exceljs: { fill: null, note: null } });

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Rows as a snapshot holds them: empty cells (null, "") are holes, text cut at Excel's limit. */
function rowsToValues(rows: readonly CellValue[][]): CellValue[][] {
  const values: CellValue[][] = [];
  rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      (values[r] ??= [])[c] = typeof v === "string" && v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT) : v;
    });
  });
  return values;
}

function mergeAt(merges: readonly MergeArea[], row: number, col: number): MergeArea | undefined {
  return merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

export class SnapshotHost implements WorkbookHost, FileHost {
  private snapshot: WorkbookSnapshot;
  private readonly calls: HostCall[] = [];
  /** A report's tables as read, drawn on the empty workbook a download starts from. */
  private drawn: SheetSnapshot[] = [];

  /**
   * @param source the file's bytes as read (null: the workbook began empty, as the sample does)
   * @param loadFactory ExcelJS's hosts, fetched only when bytes are asked for
   */
  constructor(
    snapshot: WorkbookSnapshot,
    private readonly source: Uint8Array | null,
    private readonly loadFactory: () => Promise<HostFactory>,
  ) {
    this.snapshot = snapshot;
  }

  static empty(loadFactory: () => Promise<HostFactory>): SnapshotHost {
    return new SnapshotHost({ sheets: [] }, null, loadFactory);
  }

  /** The tables of a report (.docx): shown and checked as read; a download draws them on a new workbook. */
  static ofTables(snapshot: WorkbookSnapshot, loadFactory: () => Promise<HostFactory>): SnapshotHost {
    const host = new SnapshotHost(snapshot, null, loadFactory);
    host.drawn = snapshot.sheets;
    return host;
  }

  /** The changes made since the file was read, oldest first. */
  get log(): readonly HostCall[] {
    return this.calls;
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return this.snapshot;
  }

  // ------------------------------------------------------------------ the checks ExcelJSHost makes

  private sheetIndex(name: string): number {
    const i = this.snapshot.sheets.findIndex((s) => s.name === name);
    if (i < 0) throw new SnapshotHostError(`工作簿中没有名为“${name}”的工作表。`, `The workbook has no sheet named "${name}".`);
    return i;
  }

  /** The address written for `address`: the top-left cell of its merged area, as ExcelJS's `cell.master`. */
  private target(sheet: string, address: string): { index: number; row: number; col: number; address: string } {
    const p = A1_CELL.test(address) ? fromA1(address) : null;
    if (!p) throw new SnapshotHostError(`“${address}”不是单元格地址（工作表“${sheet}”）。`, `"${address}" is not a cell address (sheet "${sheet}").`);
    const index = this.sheetIndex(sheet);
    const m = mergeAt(this.snapshot.sheets[index].merges, p.row, p.col);
    const row = m ? m.top : p.row;
    const col = m ? m.left : p.col;
    return { index, row, col, address: toA1(row, col) };
  }

  /** ExcelJS refuses a sheet whose name another sheet has in another case (in English); refused here in Chinese. */
  private refuseOtherCase(name: string): void {
    const lower = name.toLowerCase();
    const other = this.snapshot.sheets.find((s) => s.name !== name && s.name.toLowerCase() === lower);
    if (other) {
      throw new SnapshotHostError(
        `工作簿中已有名为“${other.name}”的工作表，无法再建名为“${name}”的工作表；请先将该工作表改名或删除。`,
        `The workbook already has a sheet named "${other.name}", so no sheet named "${name}" can be made. Rename or delete that sheet first.`,
      );
    }
  }

  // ------------------------------------------------------------------ changes

  private commit(call: HostCall, sheets: SheetSnapshot[]): void {
    this.snapshot = { sheets };
    this.calls.push(call);
  }

  /** Replaces (or adds, last) a sheet of rows; an existing one is removed first and the new one goes last, as in ExcelJS. */
  private withSheet(sheets: SheetSnapshot[], name: string, rows: readonly CellValue[][], hidden: boolean): SheetSnapshot[] {
    const next: SheetSnapshot = { name, values: rowsToValues(rows), merges: [], formulas: {} };
    if (hidden) next.hidden = true;
    return [...sheets.filter((s) => s.name !== name), next];
  }

  async writeValues(writes: CellWrite[]): Promise<void> {
    const targets = writes.map((w) => this.target(w.sheet, w.address));
    const sheets = [...this.snapshot.sheets];
    const copied = new Set<number>();
    writes.forEach((w, i) => {
      const t = targets[i];
      if (!copied.has(t.index)) {
        const s = sheets[t.index];
        sheets[t.index] = { ...s, values: [...s.values], formulas: { ...s.formulas } };
        copied.add(t.index);
      }
      const s = sheets[t.index];
      const row = s.values[t.row] ? [...s.values[t.row]] : [];
      const v = w.value;
      if (v === null || v === "") delete row[t.col];
      else row[t.col] = typeof v === "string" && v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT) : v;
      let n = row.length;
      while (n > 0 && row[n - 1] === undefined) n--;
      row.length = n;
      if (n > 0) s.values[t.row] = row;
      else delete s.values[t.row];
      let m = s.values.length;
      while (m > 0 && s.values[m - 1] === undefined) m--;
      s.values.length = m;
      if (w.formula) s.formulas![t.address] = `=${w.formula.replace(/^=/, "")}`;
      else delete s.formulas![t.address];
    });
    this.commit({ op: "writeValues", writes: clone(writes) }, sheets);
  }

  /** Marks are added to the ones there: ExcelJSHost keeps a cell's format from before its first mark, and so does the state sheet here. */
  async mark(marks: CellMark[]): Promise<void> {
    if (marks.length === 0) return;
    const targets = marks.map((m) => this.target(m.sheet, m.address));
    const state = readState(this.snapshot);
    const saved = new Map<string, SavedFormat>(state.marks.map((m) => [markKey(m.sheet, m.cell), m]));
    // Fills and notes are not in a snapshot (WebHost keeps the marks the grid shows); what changes here is the state sheet.
    marks.forEach((m, i) => {
      const key = markKey(m.sheet, targets[i].address);
      if (!saved.has(key)) saved.set(key, { sheet: m.sheet, cell: targets[i].address, format: PLAIN_MARKED_FORMAT });
    });
    const rows = stateRows({ ...state, marks: [...saved.values()] });
    this.commit({ op: "mark", marks: clone(marks) }, this.withSheet(this.snapshot.sheets, STATE_SHEET, rows, true));
  }

  async clearMarks(): Promise<void> {
    const state = readState(this.snapshot);
    if (state.marks.length === 0) return;
    const rows = stateRows({ ...state, marks: [] });
    this.commit({ op: "clearMarks" }, this.withSheet(this.snapshot.sheets, STATE_SHEET, rows, true));
  }

  async insertSheets(layouts: SheetLayout[]): Promise<void> {
    // ExcelJS itself refuses a name taken in another case (in English): refused here as a taken name.
    const names = new Set(this.snapshot.sheets.map((s) => s.name.toLowerCase()));
    for (const l of layouts) {
      const lower = l.sheetName.toLowerCase();
      if (names.has(lower)) {
        throw new SnapshotHostError(
          `工作簿中已有名为“${l.sheetName}”的工作表，未插入任何模板；请先将该工作表改名或删除。`,
          `The workbook already has a sheet named "${l.sheetName}"; no template was inserted. Rename or delete that sheet first.`,
        );
      }
      names.add(lower);
    }
    const added = layouts.map((l) => {
      const s = layoutToSnapshot(l);
      return { ...s, values: rowsToValues(s.values), formulas: {} };
    });
    this.commit({ op: "insertSheets", layouts: clone(layouts) }, [...this.snapshot.sheets, ...added]);
  }

  async writeState(rows: CellValue[][]): Promise<void> {
    this.refuseOtherCase(STATE_SHEET);
    this.commit({ op: "writeState", rows: clone(rows) }, this.withSheet(this.snapshot.sheets, STATE_SHEET, rows, true));
  }

  async writeSheet(name: string, rows: CellValue[][]): Promise<void> {
    this.refuseOtherCase(name);
    this.commit({ op: "writeSheet", name, rows: clone(rows) }, this.withSheet(this.snapshot.sheets, name, rows, false));
  }

  async select(_sheet: string, _address: string): Promise<void> {
    // The page's WebHost scrolls the grid; nothing is kept in the file.
  }

  // ------------------------------------------------------------------ bytes, through ExcelJS

  /** A new ExcelJS-backed host holding this workbook: the original opened afresh, every change replayed. */
  async replay(factory?: HostFactory): Promise<FileHost> {
    const f = factory ?? (await this.loadFactory());
    const host = this.source ? await f.fromBytes(this.source) : await f.empty();
    if (this.drawn.length > 0) {
      // with ExcelJS, not on the first visit
      const { drawnLayout } = await import(/* webpackChunkName: "xlsx-host" */ "./drawnLayout");
      await host.insertSheets(this.drawn.map(drawnLayout));
    }
    for (const call of this.calls) await replayCall(host, call);
    return host;
  }

  async toBytes(): Promise<Uint8Array> {
    return (await this.replay()).toBytes();
  }

  async submissionCopy(): Promise<Uint8Array> {
    return (await this.replay()).submissionCopy();
  }
}

async function replayCall(host: FileHost, call: HostCall): Promise<void> {
  switch (call.op) {
    case "writeValues":
      return host.writeValues(call.writes);
    case "mark":
      return host.mark(call.marks);
    case "clearMarks":
      return host.clearMarks();
    case "insertSheets":
      return host.insertSheets(call.layouts);
    case "writeState":
      return host.writeState(await replayState(host, call.rows));
    case "writeSheet":
      return host.writeSheet(call.name, call.rows);
  }
}

/**
 * State rows written by the pane carry the saved formats it read from this host's snapshot, where a
 * styled cell's format is not known. The ExcelJS host saved the real one when the same mark was
 * replayed; that one goes back in, so clearing marks later restores the cell exactly.
 */
async function replayState(host: FileHost, rows: CellValue[][]): Promise<CellValue[][]> {
  if (!rows.some((r) => r[0] === "mark")) return rows;
  const real = new Map(readState(await host.readSnapshot()).marks.map((m) => [markKey(m.sheet, m.cell), m.format]));
  return rows.map((r) => {
    if (r[0] !== "mark") return r;
    const format = real.get(markKey(String(r[1] ?? ""), String(r[2] ?? "")));
    return format === undefined ? r : [r[0], r[1], r[2], format, ...r.slice(4)];
  });
}
