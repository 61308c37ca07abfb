/** Walks the value cells of the recognised tables, with what a message needs to name them. */
import type { RecognisedTable, RecognisedYearlyTable, Slot, YearlyBlock, BodyRow, RecognisedColumnTable, CategorySlots } from "../engine/model";
import type { Category, Column, ValueKind } from "../templates/schema";
import { TABLE_NAMES } from "../templates/tables";

export interface ValueCell {
  table: RecognisedTable;
  slot: Slot;
  kind: ValueKind;
  /** `附件2「行政处罚(件)」2024年` or `附件4 第1行「编制数」` */
  where: string;
  whereEn: string;
  /** For 附件2/3: which year column. */
  year?: "prior" | "current";
}

export function tableName(t: RecognisedTable): string {
  return TABLE_NAMES[t.id];
}

export function yearLabel(t: RecognisedYearlyTable, which: "prior" | "current"): string {
  if (t.year === null) return which === "prior" ? "上年" : "本年";
  return `${which === "prior" ? t.year - 1 : t.year}年`;
}

export function columnLabel(col: Column): string {
  return col.label ? `${col.group}/${col.label}` : col.group;
}

export interface YearlyCategory {
  block: YearlyBlock;
  cat: Category;
  slots: CategorySlots;
}

// Arrays listed once per table, not generators: most rules walk them, and generators cost V8 far more
// to optimise (the CLI's workers each pay that again) and to run.
//
// These lists live for one analysis: analyseTables calls forgetTables() when its rules are done, and
// each analysis starts with new maps. They were module-level WeakMaps, and a long-lived map that has
// held young objects keeps them alive in every young-generation collection until a full one (so does a
// cleared Map: its old table keeps the entries): in a batch, every file's tables, slots and lists were
// moved into the old generation and piled up there, 65 of the 70 MB the main thread promoted over 2000 files.
let categoriesOf = new Map<RecognisedYearlyTable, readonly YearlyCategory[]>();

export function yearlyCategories(t: RecognisedYearlyTable): readonly YearlyCategory[] {
  let list = categoriesOf.get(t);
  if (!list) {
    const out: YearlyCategory[] = [];
    for (const block of t.blocks) {
      for (const cat of t.def.categories) {
        const slots = block.categories[cat.key];
        if (slots) out.push({ block, cat, slots });
      }
    }
    categoriesOf.set(t, (list = out));
  }
  return list;
}

let rowsOf = new Map<RecognisedColumnTable, readonly { row: BodyRow; index: number }[]>();

export function bodyRows(t: RecognisedColumnTable): readonly { row: BodyRow; index: number }[] {
  let list = rowsOf.get(t);
  if (!list) rowsOf.set(t, (list = t.rows.map((row, index) => ({ row, index }))));
  return list;
}

/** Every value cell of every table (not names, not ratio or explanation cells). */
/**
 * The value cells of an analysis, listed once and shared by every rule that walks them (most value
 * rules do): keyed by the tables array the context holds.
 */
let listed = new Map<readonly RecognisedTable[], ValueCell[]>();

/** Drops the lists of the analysis just finished (analyseTables calls it once its rules have run). */
export function forgetTables(): void {
  categoriesOf = new Map();
  rowsOf = new Map();
  listed = new Map();
}

export function valueCells(tables: readonly RecognisedTable[]): readonly ValueCell[] {
  let cells = listed.get(tables);
  if (!cells) {
    cells = listValueCells(tables);
    listed.set(tables, cells);
  }
  return cells;
}

// The names are built only for the cells a rule reports: a workbook has hundreds of value cells and
// a few findings.
class YearlyValueCell implements ValueCell {
  constructor(
    readonly table: RecognisedYearlyTable,
    readonly slot: Slot,
    readonly kind: ValueKind,
    readonly year: "prior" | "current",
    private readonly cat: Category,
  ) {}
  get where(): string {
    return `${tableName(this.table)}「${this.cat.label}」${yearLabel(this.table, this.year)}`;
  }
  get whereEn(): string {
    return `${this.table.id} "${this.cat.label}" ${this.year === "prior" ? "prior year" : "current year"}`;
  }
}

class RowValueCell implements ValueCell {
  constructor(
    readonly table: RecognisedColumnTable,
    readonly slot: Slot,
    readonly kind: ValueKind,
    private readonly row: BodyRow,
    private readonly col: Column,
  ) {}
  private get seq(): string | number | boolean {
    return this.row.seq?.raw || this.row.row + 1;
  }
  get where(): string {
    return `${tableName(this.table)} 第${this.seq}行「${columnLabel(this.col)}」`;
  }
  get whereEn(): string {
    return `${this.table.id} row ${this.seq} "${columnLabel(this.col)}"`;
  }
}

function listValueCells(tables: readonly RecognisedTable[]): ValueCell[] {
  const out: ValueCell[] = [];
  for (const t of tables) {
    if (t.shape === "yearly") {
      for (const { cat, slots } of yearlyCategories(t)) {
        for (const which of YEARS) out.push(new YearlyValueCell(t, slots[which], cat.kind, which, cat));
      }
    } else {
      for (const { row } of bodyRows(t)) {
        if (!row.inUse) continue;
        for (const col of t.def.columns) {
          const slot = row.cells[col.key];
          if (slot && col.kind !== "text") out.push(new RowValueCell(t, slot, col.kind, row, col));
        }
      }
    }
  }
  return out;
}

const YEARS = ["prior", "current"] as const;
