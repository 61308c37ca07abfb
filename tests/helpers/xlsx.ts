/**
 * Real .xlsx fixtures for the file hosts and the CLI: the seed's four tables (or any layouts) drawn
 * with renderLayout, as bytes or written to a path.
 */
import { writeFileSync } from "fs";
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/engine/grid";
import { renderLayout } from "../../src/host/xlsx/render";
import { layoutFor, type LayoutOptions, type SheetLayout } from "../../src/templates/layout";
import { seedLayoutOptions } from "../../src/templates/sample";
import { TABLE_IDS } from "../../src/templates/tables";
import type { TableId } from "../../src/templates/schema";

export interface SeedXlsxOptions {
  /** Applied to every table's layout options (e.g. withoutMerges, year). */
  extra?: Partial<LayoutOptions>;
  /** Per-table changes of the seed's options, applied after `extra`. */
  change?: Partial<Record<TableId, (o: LayoutOptions) => LayoutOptions>>;
  ids?: readonly TableId[];
}

export function seedLayouts(opts: SeedXlsxOptions = {}): SheetLayout[] {
  return (opts.ids ?? TABLE_IDS).map((id) => {
    let o: LayoutOptions = { ...seedLayoutOptions(id), ...opts.extra };
    const change = opts.change?.[id];
    if (change) o = change(o);
    return layoutFor(id, o);
  });
}

export async function layoutsToBytes(layouts: SheetLayout[], edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const layout of layouts) renderLayout(wb.addWorksheet(layout.sheetName), layout);
  edit?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function seedXlsxBytes(opts: SeedXlsxOptions = {}, edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  return layoutsToBytes(seedLayouts(opts), edit);
}

export async function writeLayoutXlsx(path: string, layouts: SheetLayout[], edit?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  writeFileSync(path, await layoutsToBytes(layouts, edit));
  return path;
}

export async function writeSeedXlsx(path: string, opts: SeedXlsxOptions = {}, edit?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  writeFileSync(path, await seedXlsxBytes(opts, edit));
  return path;
}

/** Sets one seed value of a yearly table: [prior, current] of a category. */
export function withYearly(key: string, pair: [CellValue, CellValue]) {
  return (o: LayoutOptions): LayoutOptions => ({ ...o, yearly: { ...o.yearly, values: { ...o.yearly?.values, [key]: pair } } });
}

/** Sets cells of the first body row of a column table. */
export function withRow(cells: Record<string, CellValue>) {
  return (o: LayoutOptions): LayoutOptions => {
    const rows = [...(o.columns?.rows ?? [])];
    rows[0] = { ...(rows[0] ?? {}), ...cells };
    return { ...o, columns: { ...o.columns, rows } };
  };
}

/**
 * ws.getCell under another name: the Office add-in lint rules take any `getX()` result for an
 * Office.js proxy that must be loaded before it is read, which an ExcelJS cell is not.
 */
export function cellOf(ws: ExcelJS.Worksheet, row: number | string, col?: number): ExcelJS.Cell {
  return ws.getCell(row, col);
}
