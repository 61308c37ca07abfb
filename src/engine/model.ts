/**
 * What recognition yields: a binding of every cell the rules and the writers need, by address.
 * Addresses are A1 strings on the table's sheet; merged cells are named by their top-left cell.
 */
import type { CellValue } from "../grid/grid";
import type { ColumnTable, TableId, YearlyTable } from "../templates/schema";

export interface Slot {
  /** `D7` */
  address: string;
  row: number;
  col: number;
  /** The raw value as the snapshot held it. */
  raw: CellValue;
  /**
   * The cell's formula (`=SUM(…)`), where the host read formulas; undefined otherwise. A formula cell
   * whose file kept no computed result reads as empty, and the rules say why.
   */
  formula?: string;
}

export interface CategorySlots {
  key: string;
  prior: Slot;
  current: Slot;
  /** Top-left of the ratio cell (merged over the two year columns in the official layout). */
  ratio?: Slot;
  explanation?: Slot;
}

/** One unit of 附件2/3: its value row, and the ratio and explanation rows below it. */
export interface YearlyBlock {
  unit: Slot;
  seq?: Slot;
  valueRow: number;
  ratioRow?: number;
  explanationRow?: number;
  /** Categories by key; a category missing from the header is missing here. */
  categories: Record<string, CategorySlots>;
}

export interface BodyRow {
  row: number;
  seq?: Slot;
  /** Cells by column key (`name`, `establishment`, …). */
  cells: Record<string, Slot>;
  /** The row has a unit name or any value (rules.md, value-missing). */
  inUse: boolean;
}

/** A problem of the table's frame (layout-header / layout-year), found during recognition. */
export interface LayoutProblem {
  rule: "layout-header" | "layout-year";
  cell: string;
  /** Further cells of the same problem (layout-year: the category's other wrong year cell). */
  related?: string[];
  /** What the problem is about, for a finding that sums several up (layout-year: the category's label). */
  subject?: string;
  message: string;
  messageEn: string;
}

interface Common {
  id: TableId;
  sheet: string;
  /** The whole table, title to last body row: `A1:V9`. */
  range: string;
  /** The report year from the title; null when the title has none. */
  year: number | null;
  title?: Slot;
  /** The cell holding `执法单位：(盖章)…`, and the unit read from it. */
  unitLine?: Slot;
  unitFromLine?: string;
  /** The cell holding `联系人和联系方式：…`, and the text after the label. */
  contact?: Slot;
  contactText?: string;
  /** First and last row of the table, 0-based: title (or header) to the last body row. */
  top: number;
  bottom: number;
  left: number;
  right: number;
  problems: LayoutProblem[];
}

export interface RecognisedYearlyTable extends Common {
  shape: "yearly";
  def: YearlyTable;
  /** Year header cells per category key. */
  yearHeaders: Record<string, { prior: Slot; current: Slot }>;
  blocks: YearlyBlock[];
}

export interface RecognisedColumnTable extends Common {
  shape: "columns";
  def: ColumnTable;
  rows: BodyRow[];
}

export type RecognisedTable = RecognisedYearlyTable | RecognisedColumnTable;
