/**
 * Workbooks for the tests of the rules within and between tables (ruleTester.ts runs them): the seed's
 * four tables, which break none of these rules, with a few cells changed.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/grid/grid";
import { layoutFor, layoutToSnapshot, type LayoutOptions, type SheetLayout } from "../../src/templates/layout";
import { seedLayoutOptions } from "../../src/templates/sample";
import { TABLE_IDS } from "../../src/templates/tables";
import type { TableId } from "../../src/templates/schema";
import { unitRowAt } from "./layoutCells";
import { insertRows } from "./sheetEdits";

export type Pair = [CellValue, CellValue];

/** What to change in one of the seed's tables. */
export interface SeedChange {
  /** 附件2/3: [prior, current] per category key, over the seed's. */
  values?: Record<string, Pair>;
  /** 附件4/5: cells of body row 1, over the seed's. */
  row?: Record<string, CellValue>;
  /** 附件4/5: body rows after row 1. */
  more?: Array<Record<string, CellValue>>;
  /** The unit everywhere the table names it: the 执法单位 line and the unit row (附件2/3 block, 附件5 row 1). */
  unit?: string;
  /** Only the 执法单位 line. */
  lineUnit?: string;
  /** Only the unit row. */
  rowUnit?: string;
  /** The text after `联系人和联系方式：`. */
  contact?: string;
  year?: number;
  withoutMerges?: boolean;
  sheetName?: string;
}

export interface Seeded {
  layout: SheetLayout;
  sheet: SheetSnapshot;
}

export function seedTable(id: TableId, change: SeedChange = {}): Seeded {
  const base = seedLayoutOptions(id);
  const opts: LayoutOptions = {
    ...base,
    year: change.year ?? base.year,
    withoutMerges: change.withoutMerges,
    sheetName: change.sheetName,
    unit: change.lineUnit ?? change.unit ?? base.unit,
    contact: change.contact ?? base.contact,
  };
  const rowUnit = change.rowUnit ?? change.unit;
  if (base.yearly) {
    opts.yearly = { ...base.yearly, values: { ...base.yearly.values, ...change.values }, unit: rowUnit ?? base.yearly.unit };
  }
  if (base.columns) {
    const first = { ...(base.columns.rows?.[0] ?? {}), ...change.row };
    if (id === "A5" && rowUnit !== undefined) first.name = rowUnit;
    opts.columns = { rows: [first, ...(change.more ?? [])] };
  }
  const layout = layoutFor(id, opts);
  return { layout, sheet: layoutToSnapshot(layout) };
}

/**
 * 附件2/3 with a second unit's three rows (value, 同比变化, 数据变化原因分析) right under the first
 * unit's, as a summary table has them; the second block's cells are the first's moved down 3 rows.
 */
export function seedTwoUnits(id: "A2" | "A3", first: SeedChange, second: { unit: string; values?: Record<string, Pair> }): Seeded {
  const one = seedTable(id, first);
  const two = seedTable(id, { ...first, values: second.values, rowUnit: second.unit });
  const at = unitRowAt(two.layout);
  const rows = [0, 1, 2].map((i) => {
    const r = [...(two.sheet.values[at.row + i] ?? [])];
    r[at.col - 1] = 4 + i;
    return r;
  });
  return { layout: one.layout, sheet: insertRows(one.sheet, at.row + 3, rows) };
}

export interface SeedBook {
  workbook: WorkbookSnapshot;
  layouts: Record<TableId, SheetLayout>;
}

/** The seed's tables, one a sheet, with the given changes. */
export function seedBook(changes: Partial<Record<TableId, SeedChange>> = {}, ids: readonly TableId[] = TABLE_IDS): SeedBook {
  const layouts = {} as Record<TableId, SheetLayout>;
  const sheets: SheetSnapshot[] = [];
  for (const id of ids) {
    const s = seedTable(id, changes[id]);
    layouts[id] = s.layout;
    sheets.push(s.sheet);
  }
  return { workbook: { sheets }, layouts };
}
