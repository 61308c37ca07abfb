/**
 * A workbook snapshot as it travels from a reader thread to the main thread. Structured cloning of
 * the snapshot itself (arrays of cells, mostly label strings) cost more than reading it: each cell
 * is a tagged value to serialise, and each label a string to copy and rebuild. Here the cells go as
 * one Float64Array (moved, not copied), and a string goes once per batch: the workbooks of a batch
 * share their template's labels, so after the first file the reader sends only ids for them.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../grid/grid";

/** Numbers per cell in `cells`: row, column, kind, payload. */
const STRIDE = 4;
const NUMBER = 0;
const TABLE_STRING = 1;
const LOCAL_STRING = 2;
const TRUE = 3;
const FALSE = 4;

/**
 * A batch's distinct strings stop being remembered past this many (about a megabyte of short
 * labels); later strings travel with their file, so a batch of unlike workbooks stays flat.
 */
export const STRING_TABLE_MAX = 20_000;

export interface WireSheet {
  name: string;
  hidden: boolean;
  /** top, left, bottom, right per merged area */
  merges: Int32Array;
  cells: Float64Array;
  formulas: Record<string, string> | undefined;
}

export interface WireWorkbook {
  sheets: WireSheet[];
  /** Strings the decoder has not seen yet, in the order of their ids. */
  newStrings: string[];
  /** Strings of this file only (the table is full). */
  localStrings: string[];
}

/** The buffers a WireWorkbook can hand over to the receiving thread instead of copying. */
export function transferList(w: WireWorkbook): ArrayBuffer[] {
  const list: ArrayBuffer[] = [];
  for (const s of w.sheets) list.push(s.cells.buffer as ArrayBuffer, s.merges.buffer as ArrayBuffer);
  return list;
}

/** The reader thread's side; one per receiving decoder, used for files in the order it posts them. */
export class SnapshotEncoder {
  private readonly ids = new Map<string, number>();

  constructor(private readonly tableMax = STRING_TABLE_MAX) {}

  encode(snapshot: WorkbookSnapshot): WireWorkbook {
    const newStrings: string[] = [];
    const localStrings: string[] = [];
    const sheets = snapshot.sheets.map((sheet) => this.encodeSheet(sheet, newStrings, localStrings));
    return { sheets, newStrings, localStrings };
  }

  private encodeSheet(sheet: SheetSnapshot, newStrings: string[], localStrings: string[]): WireSheet {
    const values = sheet.values;
    let count = 0;
    for (const row of values) if (row !== undefined) for (const v of row) if (v !== undefined && v !== null) count++;
    const cells = new Float64Array(count * STRIDE);
    let k = 0;
    for (let r = 0; r < values.length; r++) {
      const row = values[r];
      if (row === undefined) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v === undefined || v === null) continue;
        cells[k] = r;
        cells[k + 1] = c;
        if (typeof v === "number") {
          cells[k + 2] = NUMBER;
          cells[k + 3] = v;
        } else if (typeof v === "boolean") {
          cells[k + 2] = v ? TRUE : FALSE;
        } else {
          let id = this.ids.get(v);
          if (id !== undefined) {
            cells[k + 2] = TABLE_STRING;
            cells[k + 3] = id;
          } else if (this.ids.size < this.tableMax) {
            id = this.ids.size;
            this.ids.set(v, id);
            newStrings.push(v);
            cells[k + 2] = TABLE_STRING;
            cells[k + 3] = id;
          } else {
            cells[k + 2] = LOCAL_STRING;
            cells[k + 3] = localStrings.push(v) - 1;
          }
        }
        k += STRIDE;
      }
    }
    const merges = new Int32Array(sheet.merges.length * 4);
    sheet.merges.forEach((m, i) => merges.set([m.top, m.left, m.bottom, m.right], i * 4));
    const formulas = sheet.formulas && Object.keys(sheet.formulas).length > 0 ? sheet.formulas : undefined;
    return { name: sheet.name, hidden: sheet.hidden === true, merges, cells, formulas };
  }
}

/** The main thread's side, paired with one encoder; decodes its files in the order they were encoded. */
export class SnapshotDecoder {
  private readonly table: string[] = [];

  decode(wire: WireWorkbook): WorkbookSnapshot {
    for (const s of wire.newStrings) this.table.push(s);
    return { sheets: wire.sheets.map((s) => this.decodeSheet(s, wire.localStrings)) };
  }

  private decodeSheet(wire: WireSheet, localStrings: string[]): SheetSnapshot {
    const values: CellValue[][] = [];
    const cells = wire.cells;
    for (let k = 0; k < cells.length; k += STRIDE) {
      const r = cells[k];
      const kind = cells[k + 2];
      const payload = cells[k + 3];
      let v: CellValue;
      if (kind === NUMBER) v = payload;
      else if (kind === TABLE_STRING) v = this.table[payload];
      else if (kind === LOCAL_STRING) v = localStrings[payload];
      else v = kind === TRUE;
      let row = values[r];
      if (row === undefined) row = values[r] = [];
      row[cells[k + 1]] = v;
    }
    const merges = [];
    const m = wire.merges;
    for (let i = 0; i < m.length; i += 4) merges.push({ top: m[i], left: m[i + 1], bottom: m[i + 2], right: m[i + 3] });
    const sheet: SheetSnapshot = { name: wire.name, values, merges, formulas: wire.formulas ?? {} };
    if (wire.hidden) sheet.hidden = true;
    return sheet;
  }
}
