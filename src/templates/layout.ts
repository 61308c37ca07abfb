/**
 * The official layout of each table for report year Y, as plain data: cells, merges, widths and the
 * role of every cell. Every writer renders this one description (ExcelJS for files and the CLI,
 * Office.js for 插入模板), and tests turn it straight into a snapshot.
 */
import type { CellValue, MergeArea, SheetSnapshot } from "../grid/grid";
import type { ColumnTable, TableDef, TableId, YearlyTable } from "./schema";
import { notesFor, SHEET_NAMES, tableDef, titleFor } from "./tables";

/** How a cell is drawn; writers map roles to fonts, borders and alignment. */
export type CellRole = "attachment" | "title" | "meta" | "header" | "seq" | "label" | "value" | "ratio" | "explanation" | "note";

export interface LayoutCell {
  row: number;
  col: number;
  value: CellValue;
  role: CellRole;
}

export interface SheetLayout {
  table: TableId;
  sheetName: string;
  cells: LayoutCell[];
  merges: MergeArea[];
  /** Column widths in characters, from column A. */
  colWidths: number[];
  /** Rows whose cells get thin borders: the header and the body. */
  gridTop: number;
  gridBottom: number;
  lastCol: number;
  /** Header rows (0-based) that get a taller height because their labels wrap. */
  headerRows: number[];
}

/** Figures to put into a layout (a sample, an aggregate, a test fixture). */
export interface YearlyFill {
  unit?: string;
  /** [prior, current] per category key. */
  values?: Record<string, [CellValue, CellValue]>;
  ratios?: Record<string, CellValue>;
  explanations?: Record<string, CellValue>;
}

export interface ColumnFill {
  rows?: Array<Record<string, CellValue>>;
}

export interface LayoutOptions {
  year: number;
  unit?: string;
  contact?: string;
  /** Leave merges out, as a table pasted from Word without them looks (label in the first cell of its span). */
  withoutMerges?: boolean;
  yearly?: YearlyFill;
  columns?: ColumnFill;
  sheetName?: string;
}

class Builder {
  cells: LayoutCell[] = [];
  merges: MergeArea[] = [];
  constructor(private readonly withoutMerges: boolean) {}
  put(row: number, col: number, value: CellValue, role: CellRole): void {
    this.cells.push({ row, col, value, role });
  }
  merge(top: number, left: number, bottom: number, right: number): void {
    if (this.withoutMerges || (top === bottom && left === right)) return;
    this.merges.push({ top, left, bottom, right });
  }
}

function unitLine(unit: string | undefined): string {
  return `执法单位：(盖章)${unit ?? ""}`;
}

function contactLine(contact: string | undefined): string {
  return `联系人和联系方式：${contact ?? ""}`;
}

/** Frame rows shared by every table: 附件N, the title, and the unit/contact line. Returns the first header row. */
function frame(b: Builder, def: TableDef, opts: LayoutOptions, lastCol: number): number {
  b.put(0, 0, def.attachment, "attachment");
  b.put(1, 0, titleFor(def, opts.year), "title");
  b.merge(1, 0, 1, lastCol);
  if (!def.hasContactLine) return 2;
  const split = Math.max(2, Math.floor((lastCol + 1) / 2));
  b.put(2, 0, unitLine(opts.unit), "meta");
  b.merge(2, 0, 2, split - 1);
  b.put(2, split, contactLine(opts.contact), "meta");
  b.merge(2, split, 2, lastCol);
  return 3;
}

function notes(b: Builder, def: TableDef, year: number, firstRow: number, lastCol: number): number {
  const lines = notesFor(def, year);
  lines.forEach((line, i) => {
    const text = i === 0 ? `${def.notesTitle}${line}` : line;
    b.put(firstRow + i, 0, text, "note");
    b.merge(firstRow + i, 0, firstRow + i, lastCol);
  });
  return firstRow + lines.length - 1;
}

function yearlyLayout(def: YearlyTable, opts: LayoutOptions): SheetLayout {
  const b = new Builder(!!opts.withoutMerges);
  const n = def.categories.length;
  const lastCol = 1 + 2 * n;
  const h = frame(b, def, opts, lastCol);
  b.put(h, 0, "序号", "header");
  b.merge(h, 0, h + 2, 0);
  b.put(h, 1, def.unitHeader, "header");
  b.merge(h, 1, h + 2, 1);
  b.put(h, 2, def.groupHeader, "header");
  b.merge(h, 2, h, lastCol);
  const body = h + 3;
  const fill = opts.yearly ?? {};
  b.put(body, 0, 1, "seq");
  b.put(body, 1, fill.unit ?? opts.unit ?? null, "label");
  b.put(body + 1, 0, 2, "seq");
  b.put(body + 1, 1, "同比变化(+-比率)", "label");
  b.put(body + 2, 0, 3, "seq");
  b.put(body + 2, 1, "数据变化原因分析", "label");
  def.categories.forEach((cat, i) => {
    const c = 2 + 2 * i;
    b.put(h + 1, c, cat.label, "header");
    b.merge(h + 1, c, h + 1, c + 1);
    b.put(h + 2, c, opts.year - 1, "header");
    b.put(h + 2, c + 1, opts.year, "header");
    const v = fill.values?.[cat.key];
    b.put(body, c, v ? v[0] : null, "value");
    b.put(body, c + 1, v ? v[1] : null, "value");
    b.put(body + 1, c, fill.ratios?.[cat.key] ?? null, "ratio");
    b.merge(body + 1, c, body + 1, c + 1);
    b.put(body + 2, c, fill.explanations?.[cat.key] ?? null, "explanation");
    b.merge(body + 2, c, body + 2, c + 1);
  });
  notes(b, def, opts.year, body + 3, lastCol);
  const colWidths = [6, 22, ...Array.from({ length: 2 * n }, () => 11)];
  return {
    table: def.id,
    sheetName: opts.sheetName ?? SHEET_NAMES[def.id],
    cells: b.cells,
    merges: b.merges,
    colWidths,
    gridTop: h,
    gridBottom: body + 2,
    lastCol,
    headerRows: [h + 1],
  };
}

function columnLayout(def: ColumnTable, opts: LayoutOptions): SheetLayout {
  const b = new Builder(!!opts.withoutMerges);
  const lastCol = def.columns.length;
  const h = frame(b, def, opts, lastCol);
  b.put(h, 0, "序号", "header");
  b.merge(h, 0, h + 1, 0);
  let c = 1;
  while (c <= lastCol) {
    const col = def.columns[c - 1];
    let end = c;
    while (end < lastCol && def.columns[end].group === col.group && col.label !== "") end++;
    b.put(h, c, col.group, "header");
    if (col.label === "") {
      b.merge(h, c, h + 1, c);
    } else {
      b.merge(h, c, h, end);
      for (let k = c; k <= end; k++) b.put(h + 1, k, def.columns[k - 1].label, "header");
    }
    c = end + 1;
  }
  const rows = opts.columns?.rows ?? [];
  const bodyCount = Math.max(def.bodyRows, rows.length);
  for (let i = 0; i < bodyCount; i++) {
    const r = h + 2 + i;
    b.put(r, 0, i + 1, "seq");
    const data = rows[i] ?? {};
    def.columns.forEach((colDef, k) => {
      const fallback = i === 0 && colDef.key === "name" && def.id === "A5" ? (opts.unit ?? null) : null;
      b.put(r, k + 1, data[colDef.key] ?? fallback, k === 0 ? "label" : "value");
    });
  }
  const bodyEnd = h + 1 + bodyCount;
  notes(b, def, opts.year, bodyEnd + 1, lastCol);
  const colWidths = [6, 20, ...def.columns.slice(1).map((col) => (col.label.length > 6 || col.group.length > 10 ? 12 : 9))];
  return {
    table: def.id,
    sheetName: opts.sheetName ?? SHEET_NAMES[def.id],
    cells: b.cells,
    merges: b.merges,
    colWidths,
    gridTop: h,
    gridBottom: bodyEnd,
    lastCol,
    headerRows: [h, h + 1],
  };
}

export function layoutFor(id: TableId, opts: LayoutOptions): SheetLayout {
  const def = tableDef(id);
  return def.shape === "yearly" ? yearlyLayout(def, opts) : columnLayout(def, opts);
}

/** The layout as the engine would read it from a spreadsheet. */
export function layoutToSnapshot(layout: SheetLayout): SheetSnapshot {
  const values: CellValue[][] = [];
  for (const cell of layout.cells) {
    while (values.length <= cell.row) values.push([]);
    const row = values[cell.row];
    while (row.length < cell.col) row.push(null);
    row[cell.col] = cell.value;
  }
  return { name: layout.sheetName, values, merges: layout.merges.map((m) => ({ ...m })) };
}
