/**
 * The same grid snapshot as readWorkbookFast, read through ExcelJS: the reference the fast reader is
 * tested against, and a fallback for files the fast reader refuses for reasons ExcelJS copes with.
 * Conventions (empty cells as holes, merged cells other than the top-left dropped, dates as ISO
 * text, formulas with a leading `=`, cell text cut at 32 767 characters, the same limits) are those
 * of fastReader.ts, by way of its SheetBuilder (read/builder.ts) and excelDates.ts.
 *
 * Known differences: ExcelJS does not know the zh-CN built-in date formats (ids 27–36, 50–58) and
 * reads `\d`-style escaped letters in custom formats as date parts; the fast reader gets both right.
 */
import ExcelJS from "exceljs";
import type { CellValue, WorkbookSnapshot } from "../../grid/grid";
import { parseRange } from "../../grid/grid";
import { readErrors, withFile, WorkbookReadError } from "./errors";
import { isoFromDate } from "./excelDates";
import { SheetBuilder, type CellBudget } from "./read/builder";
import { sniff } from "./sniff";

function richTextOf(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text ?? "").join("");
}

/** An ExcelJS cell value as a snapshot value. */
export function fromExcelJSValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return isoFromDate(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return richTextOf(o as { richText: { text: string }[] });
    if (typeof o.error === "string") return o.error;
    if ("formula" in o || "sharedFormula" in o) return fromExcelJSValue(o.result);
    if ("hyperlink" in o || "text" in o) return fromExcelJSValue(o.text);
  }
  return null;
}

interface MergeRange {
  model?: { top: number; left: number; bottom: number; right: number };
}

/** The grid snapshot of one ExcelJS worksheet, by the conventions of readWorkbookWithExcelJS (SheetBuilder). */
export function sheetSnapshot(ws: ExcelJS.Worksheet, budget: CellBudget) {
  const b = new SheetBuilder(ws.name, budget);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      if (cell.type === ExcelJS.ValueType.Formula && cell.formula) b.formula(rowNumber - 1, colNumber - 1, `=${cell.formula}`);
      b.set(rowNumber - 1, colNumber - 1, fromExcelJSValue(cell.value));
    });
  });
  const internal = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges;
  if (internal) {
    for (const r of Object.values(internal)) {
      if (r.model) b.merge({ top: r.model.top - 1, left: r.model.left - 1, bottom: r.model.bottom - 1, right: r.model.right - 1 });
    }
  } else {
    for (const ref of ws.model.merges ?? []) {
      const area = parseRange(ref);
      if (area) b.merge(area);
    }
  }
  return b.finish(ws.state === "hidden" || ws.state === "veryHidden");
}

export function snapshotOfWorkbook(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const budget: CellBudget = { cells: 0 };
  return { sheets: wb.worksheets.map((ws) => sheetSnapshot(ws, budget)) };
}

/** Reads an .xlsx with ExcelJS into a grid snapshot. sniff() runs first, so bad files fail the same way as with readWorkbookFast. */
export async function readWorkbookWithExcelJS(bytes: Uint8Array, opts: { file?: string } = {}): Promise<WorkbookSnapshot> {
  try {
    sniff(bytes);
    const wb = new ExcelJS.Workbook();
    try {
      // ExcelJS's typings ask for a Buffer; it hands the data to JSZip, which reads any Uint8Array.
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw readErrors.corrupt("ExcelJS 无法读取", "ExcelJS cannot read it");
    }
    const { sheets } = snapshotOfWorkbook(wb);
    if (sheets.length === 0) throw readErrors.noSheets();
    return { sheets };
  } catch (e) {
    if (e instanceof WorkbookReadError) throw withFile(e, opts.file);
    throw e;
  }
}
