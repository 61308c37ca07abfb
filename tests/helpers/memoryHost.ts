/**
 * A WorkbookHost over a snapshot in memory, for tests of the actions and the pane. It behaves like the
 * real hosts where tests can tell (writes land in cells, the state sheet keeps saved formats of marked
 * cells, an unknown sheet or a taken sheet name is refused with a Chinese message) and records every call.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/grid/grid";
import { fromA1 } from "../../src/grid/grid";
import { readState, STATE_SHEET, stateRows } from "../../src/engine/stateSheet";
import type { CellMark, CellWrite, WorkbookHost } from "../../src/host/types";
import { layoutToSnapshot, type SheetLayout } from "../../src/templates/layout";

type Call =
  | { op: "readSnapshot" }
  | { op: "writeValues"; writes: CellWrite[] }
  | { op: "mark"; marks: CellMark[] }
  | { op: "clearMarks" }
  | { op: "insertSheets"; layouts: SheetLayout[] }
  | { op: "writeState"; rows: CellValue[][] }
  | { op: "writeSheet"; name: string; rows: CellValue[][] }
  | { op: "select"; sheet: string; address: string };

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** The saved format a real host would keep for a cell nobody had formatted. */
const PLAIN_FORMAT = JSON.stringify({ fill: null, note: null });

export class MemoryHost implements WorkbookHost {
  workbook: WorkbookSnapshot;
  readonly calls: Call[] = [];
  /** Cells marked now, by `sheet!A1`. */
  readonly marked = new Map<string, CellMark>();
  /** Makes the next call of that method fail with this error (as a host error would). */
  failNext: Partial<Record<Call["op"], Error>> = {};

  constructor(workbook: WorkbookSnapshot = { sheets: [] }) {
    this.workbook = clone(workbook);
  }

  private enter(call: Call): void {
    this.calls.push(call);
    const err = this.failNext[call.op];
    if (err) {
      delete this.failNext[call.op];
      throw err;
    }
  }

  callsOf<K extends Call["op"]>(op: K): Array<Extract<Call, { op: K }>> {
    return this.calls.filter((c): c is Extract<Call, { op: K }> => c.op === op);
  }

  sheet(name: string): SheetSnapshot {
    const s = this.workbook.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`找不到工作表“${name}”。`);
    return s;
  }

  /** The value now in `sheet!address`. */
  cell(sheet: string, address: string): CellValue {
    const p = fromA1(address);
    if (!p) throw new Error(`bad address ${address}`);
    return this.sheet(sheet).values[p.row]?.[p.col] ?? null;
  }

  setCell(sheet: string, address: string, value: CellValue): void {
    const p = fromA1(address);
    if (!p) throw new Error(`单元格地址“${address}”无效（工作表“${sheet}”）。`);
    const s = this.sheet(sheet);
    while (s.values.length <= p.row) s.values.push([]);
    const row = s.values[p.row];
    while (row.length <= p.col) row.push(null);
    row[p.col] = value;
  }

  private putSheet(name: string, values: CellValue[][], hidden?: boolean): void {
    const i = this.workbook.sheets.findIndex((s) => s.name === name);
    const sheet: SheetSnapshot = { name, values: clone(values), merges: [], ...(hidden ? { hidden } : {}) };
    if (i >= 0) this.workbook.sheets[i] = sheet;
    else this.workbook.sheets.push(sheet);
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    this.enter({ op: "readSnapshot" });
    return clone(this.workbook);
  }

  async writeValues(writes: CellWrite[]): Promise<void> {
    this.enter({ op: "writeValues", writes: clone(writes) });
    for (const w of writes) this.sheet(w.sheet);
    for (const w of writes) {
      this.setCell(w.sheet, w.address, w.value);
      const s = this.sheet(w.sheet);
      if (w.formula) s.formulas = { ...s.formulas, [w.address]: w.formula };
      else if (s.formulas) delete s.formulas[w.address];
    }
  }

  /** Replaces the previous marks, as the real hosts do: a cell no longer marked is restored, one still marked keeps its saved format. */
  async mark(marks: CellMark[]): Promise<void> {
    this.enter({ op: "mark", marks: clone(marks) });
    for (const m of marks) this.sheet(m.sheet);
    const state = readState(this.workbook);
    if (marks.length === 0 && state.marks.length === 0) return;
    const saved = new Map(state.marks.map((m) => [`${m.sheet}!${m.cell}`, m]));
    const next = new Map<string, (typeof state.marks)[number]>();
    this.marked.clear();
    for (const m of marks) {
      const key = `${m.sheet}!${m.address}`;
      if (!next.has(key)) next.set(key, saved.get(key) ?? { sheet: m.sheet, cell: m.address, format: PLAIN_FORMAT });
      this.marked.set(key, m);
    }
    this.putSheet(STATE_SHEET, stateRows({ ...state, marks: [...next.values()] }), true);
  }

  async clearMarks(): Promise<void> {
    this.enter({ op: "clearMarks" });
    this.marked.clear();
    const state = readState(this.workbook);
    if (state.marks.length === 0) return;
    this.putSheet(STATE_SHEET, stateRows({ ...state, marks: [] }), true);
  }

  async insertSheets(layouts: SheetLayout[]): Promise<void> {
    this.enter({ op: "insertSheets", layouts: clone(layouts) });
    for (const l of layouts) {
      if (this.workbook.sheets.some((s) => s.name.toLowerCase() === l.sheetName.toLowerCase())) {
        throw new Error(`工作表“${l.sheetName}”已存在，无法插入同名的表。`);
      }
    }
    for (const l of layouts) this.workbook.sheets.push(layoutToSnapshot(l));
  }

  async writeState(rows: CellValue[][]): Promise<void> {
    this.enter({ op: "writeState", rows: clone(rows) });
    this.putSheet(STATE_SHEET, rows, true);
  }

  async writeSheet(name: string, rows: CellValue[][]): Promise<void> {
    this.enter({ op: "writeSheet", name, rows: clone(rows) });
    this.putSheet(name, rows);
  }

  async select(sheet: string, address: string): Promise<void> {
    this.enter({ op: "select", sheet, address });
    this.sheet(sheet);
  }
}
