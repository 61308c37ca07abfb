/**
 * Real .xlsx fixtures for the file hosts and the CLI: the seed's four tables (or any layouts) drawn
 * with renderLayout, as bytes or written to a path.
 */
import { writeFileSync } from "fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/grid/grid";
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

/** A table's options as another unit's: its unit rows, its 执法单位 line and the names of 附件4/5's rows say `unit`. */
export const withUnit =
  (unit: string) =>
  (o: LayoutOptions): LayoutOptions => ({
    ...o,
    unit,
    yearly: o.yearly ? { ...o.yearly, unit } : undefined,
    columns: o.columns ? { rows: (o.columns.rows ?? []).map((r) => ("platform" in r ? { ...r, name: unit } : r)) } : undefined,
  });

/** The seed as one unit's report of `year`, its 行政处罚 pair set: what the totals of several units are tested with. */
export function unitSeedOptions(unit: string, penalty: [number, number], year = 2024): SeedXlsxOptions {
  const named = withUnit(unit);
  return { extra: { year }, change: { A2: (o) => withYearly("penalty", penalty)(named(o)), A3: named, A4: named, A5: named } };
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

// ---------------------------------------------------------------------------------------------
// The same workbook as other producers package it

function repackage(bytes: Uint8Array, name: (n: string) => string, text?: (n: string, xml: string) => string): Uint8Array {
  const parts = unzipSync(bytes);
  const out: Record<string, Uint8Array> = {};
  for (const [n, data] of Object.entries(parts)) {
    if (n.endsWith("/")) continue;
    out[name(n)] = text && /\.(xml|rels)$/i.test(n) ? strToU8(text(n, strFromU8(data))) : data;
  }
  return zipSync(out, { level: 6, mtime: new Date(2024, 0, 15, 9, 30, 0) });
}

/** The package with its zip entries named with backslashes (`xl\workbook.xml`), as some Windows/.NET generators write them. */
export function withBackslashNames(bytes: Uint8Array): Uint8Array {
  return repackage(bytes, (n) => n.replace(/\//g, "\\"));
}

/** The package with its entry names in other cases (`XL/Workbook.xml`, `xl/worksheets/Sheet1.xml`, `xl/sharedstrings.xml`); OPC names are case-insensitive. */
export function withOtherCaseNames(bytes: Uint8Array): Uint8Array {
  return repackage(bytes, (n) => {
    if (n === "xl/workbook.xml") return "XL/Workbook.xml";
    if (n === "xl/sharedStrings.xml") return "xl/sharedstrings.xml";
    if (n === "xl/styles.xml") return "xl/Styles.XML";
    return n.replace(/^xl\/worksheets\/sheet/, "xl/Worksheets/Sheet");
  });
}

/** Transitional namespace → Strict (ISO/IEC 29500 Strict, as Excel's "Strict Open XML" save writes). */
const STRICT_NS: Array<[string, string]> = [
  ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"],
  ["http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes", "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"],
];

/**
 * The package as Strict Open XML: every Transitional namespace (and the relationship types under
 * it) rewritten to its `http://purl.oclc.org/ooxml/…` form, and `conformance="strict"` on the
 * workbook. The package-level namespaces (content types, relationships, core properties) are the
 * same in both.
 */
export function asStrictOoxml(bytes: Uint8Array): Uint8Array {
  return repackage(
    bytes,
    (n) => n,
    (n, xml) => {
      let s = xml;
      for (const [from, to] of STRICT_NS) s = s.split(from).join(to);
      if (n === "xl/workbook.xml") s = s.replace(/<workbook\b/, '<workbook conformance="strict"');
      return s;
    },
  );
}
