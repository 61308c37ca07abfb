/**
 * One interface for a workbook, whatever holds it: Excel through Office.js, or a .xlsx file through
 * ExcelJS (CLI and web page). The engine never sees a host; flows read a snapshot, ask the engine,
 * and hand the host a plan of writes and marks.
 */
import type { CellValue, WorkbookSnapshot } from "../grid/grid";
import type { SheetLayout } from "../templates/layout";
import type { TableId } from "../templates/schema";
import type { CellMark, CellWrite } from "../flows/plan";

// What a host is handed is the flows' (flows/plan.ts); named here too, for whoever holds a host.
export { MARK_FILLS, type CellMark, type CellWrite } from "../flows/plan";

/** A sentence for the user, in both languages of the pane. */
export interface HostNotice {
  message: string;
  messageEn: string;
}

/** What a missing capability of this host costs the user (e.g. an older Excel), shown once. */
export interface HostCost extends HostNotice {
  /** What is missing: `ExcelApi 1.10`. */
  requires: string;
}

/** What 生成报送副本 made where the copy cannot be handed over as bytes (inside Excel). */
export interface SubmissionCopyResult {
  /** `workbook`: a new workbook was opened holding the copy; `sheets`: sheets were added to this workbook, for the user to move into a new one. */
  kind: "workbook" | "sheets";
  /** The copy's sheets, in order. */
  sheets: string[];
  tables: TableId[];
}

export interface WorkbookHost {
  /** Everything the engine needs, in one read. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /** All writes of an operation, in one go. */
  writeValues(writes: CellWrite[]): Promise<void>;
  /** Marks cells, remembering each cell's previous fill so clearMarks can restore it exactly. */
  mark(marks: CellMark[]): Promise<void>;
  /** Removes every mark this product made, restoring the previous formatting. */
  clearMarks(): Promise<void>;
  /** Adds sheets in the official layout (插入模板): values, merges, borders, widths, formats, notes. */
  insertSheets(layouts: SheetLayout[]): Promise<void>;
  /** Replaces the rows of the hidden state sheet (engine/stateSheet.ts), creating it when missing. */
  writeState(rows: CellValue[][]): Promise<void>;
  /** Replaces (or creates) a plain sheet of rows, e.g. the 审核报告; the first row is a header. */
  writeSheet(name: string, rows: CellValue[][]): Promise<void>;
  /** Selects a cell for the user (Office) or scrolls to it (web); a no-op where nothing is shown. */
  select(sheet: string, address: string): Promise<void>;

  // Optional: what only some hosts have.

  /** What this host cannot do here and what that costs the user (Excel below ExcelApi 1.18). */
  readonly costs?: readonly HostCost[];
  /** Things the operations since the last call could not do but did not fail for; the list is emptied. */
  takeWarnings?(): HostNotice[];
  /** Everything, whatever the host remembers of where the tables are (识别 and 插入模板 look afresh). */
  readSnapshotFull?(): Promise<WorkbookSnapshot>;
  /** Saves where the last read found the tables, so the next read is quicker (workbook names on Excel 1.4+); no-op when unchanged. */
  keepTables?(): Promise<void>;
  /** A clean copy for submission: the .xlsx bytes (files), or what was made inside Excel. */
  submissionCopy?(): Promise<Uint8Array | SubmissionCopyResult>;
}
