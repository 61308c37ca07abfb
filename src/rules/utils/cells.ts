/** The cells rules walk (value cells, categories, body rows: listed once per analysis) and how a message names and quotes them. */
import type { RecognisedTable, RecognisedYearlyTable, Slot, YearlyBlock, BodyRow, RecognisedColumnTable, CategorySlots } from "../../engine/model";
import type { Category, Column, ValueKind } from "../../templates/schema";
import { TABLE_NAMES } from "../../templates/tables";
import { isBlank, toA1 } from "../../grid/grid";
import { parseValue, type ParsedValue } from "../../engine/normalize";

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

/** A value cell whose value has a problem or a note, with that value. */
export interface FlaggedValueCell {
  cell: ValueCell;
  value: ParsedValue;
}

export interface YearlyCategory {
  block: YearlyBlock;
  cat: Category;
  slots: CategorySlots;
}

/**
 * The lists one analysis shares among its rules: its value cells, and per table the categories of
 * 附件2/3 and the body rows of 附件4/5. analyseTables makes one for each analysis and puts it on the
 * rule context (`ctx.lists`), so they go with the analysis and no module keeps a file's tables.
 * (They were module-level maps once: a long-lived map that has held young objects keeps them alive in
 * every young-generation collection until a full one, and in a batch every file's tables, slots and
 * lists were moved into the old generation and piled up there.)
 *
 * Arrays listed once per table, not generators: most rules walk them, and generators cost V8 far more
 * to optimise (the CLI's workers each pay that again) and to run.
 */
export class TableLists {
  private readonly categoriesOf = new Map<RecognisedYearlyTable, readonly YearlyCategory[]>();
  private readonly rowsOf = new Map<RecognisedColumnTable, readonly { row: BodyRow; index: number }[]>();
  private cells: readonly ValueCell[] | undefined;
  private flagged: readonly FlaggedValueCell[] | undefined;

  /**
   * `tables`: the tables the rules check (the context's). `value`: how a cell's value is read (the
   * context's, which keeps what it parsed for the other rules).
   */
  constructor(
    private readonly tables: readonly RecognisedTable[],
    private readonly value: (slot: Slot, kind: ValueKind) => ParsedValue = (slot, kind) => parseValue(slot.raw, kind),
  ) {}

  yearlyCategories(t: RecognisedYearlyTable): readonly YearlyCategory[] {
    let list = this.categoriesOf.get(t);
    if (!list) {
      const out: YearlyCategory[] = [];
      for (const block of t.blocks) {
        for (const cat of t.def.categories) {
          const slots = block.categories[cat.key];
          if (slots) out.push({ block, cat, slots });
        }
      }
      this.categoriesOf.set(t, (list = out));
    }
    return list;
  }

  bodyRows(t: RecognisedColumnTable): readonly { row: BodyRow; index: number }[] {
    let list = this.rowsOf.get(t);
    if (!list) this.rowsOf.set(t, (list = t.rows.map((row, index) => ({ row, index }))));
    return list;
  }

  /** Every value cell of every checked table (not names, not ratio or explanation cells). */
  valueCells(): readonly ValueCell[] {
    if (!this.cells) this.cells = listValueCells(this.tables, this);
    return this.cells;
  }

  /**
   * The value cells whose value has a problem or a note, in the order of valueCells. Eight value-*
   * rules each look for a few such cells among a workbook's hundreds; one pass finds them for all.
   * Those rules run once per file and never warm up in a batch of a few hundred, so each pass over
   * every cell cost them about as much as the rest of their work (bench/check.js, commit message).
   */
  flaggedValueCells(): readonly FlaggedValueCell[] {
    if (!this.flagged) {
      const out: FlaggedValueCell[] = [];
      for (const cell of this.valueCells()) {
        const value = this.value(cell.slot, cell.kind);
        if (value.problem !== undefined || value.note !== undefined) out.push({ cell, value });
      }
      this.flagged = out;
    }
    return this.flagged;
  }
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

function listValueCells(tables: readonly RecognisedTable[], lists: TableLists): ValueCell[] {
  const out: ValueCell[] = [];
  for (const t of tables) {
    if (t.shape === "yearly") {
      for (const { cat, slots } of lists.yearlyCategories(t)) {
        for (const which of YEARS) out.push(new YearlyValueCell(t, slots[which], cat.kind, which, cat));
      }
    } else {
      for (const { row } of lists.bodyRows(t)) {
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

/** The raw value as the clerk sees it in the cell, for quoting in a message. */
export function shown(raw: unknown): string {
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  if (typeof raw === "number" && Number.isNaN(raw)) return "NaN";
  return String(raw).trim();
}

/** A slot left empty (or never found). */
export function blank(slot: Slot | undefined): boolean {
  return !slot || isBlank(slot.raw);
}

/**
 * A unit block of 附件2/3 is in use when it has a unit name or any value of either year. Ratio and
 * explanation cells alone do not count: a block of only explanations is left-over text, not a unit.
 */
export function yearlyBlockInUse(block: YearlyBlock): boolean {
  if (!blank(block.unit)) return true;
  return Object.values(block.categories).some((c) => !blank(c.prior) || !blank(c.current));
}

/** The title cell; a copy pasted without its title is named by its first cell (spec silent: the table's top-left). */
export function titleCell(t: RecognisedTable): Slot | string {
  return t.title ?? toA1(t.top, t.left);
}
