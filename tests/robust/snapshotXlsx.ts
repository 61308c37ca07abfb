/**
 * Writes a grid snapshot as an .xlsx (values, merged areas, hidden sheets) with ExcelJS, then
 * re-zips it at a fixed time, so a workbook whose geometry a test changed (moved, rows inserted,
 * pasted twice) is a real file, the same bytes on every run.
 */
import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../src/grid/grid";
import { cellOf } from "../helpers/xlsx";
import { rezip } from "./bytes";

const FIXED_DATE = new Date(Date.UTC(2024, 0, 15, 1, 30, 0));

export function fixDates(wb: ExcelJS.Workbook): void {
  wb.creator = "xzzf-tests";
  wb.lastModifiedBy = "xzzf-tests";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
}

/** ExcelJS bytes, re-zipped at a fixed time (ExcelJS stamps the zip entries with the clock). */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  fixDates(wb);
  return rezip(new Uint8Array(await wb.xlsx.writeBuffer()));
}

export function snapshotToWorkbook(snapshot: WorkbookSnapshot): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of snapshot.sheets) {
    const ws = wb.addWorksheet(sheet.name, sheet.hidden ? { state: "hidden" } : undefined);
    sheet.values.forEach((row, r) => {
      (row ?? []).forEach((v, c) => {
        if (v === null || v === undefined) return;
        cellOf(ws, r + 1, c + 1).value = v;
      });
    });
    for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const [address, formula] of Object.entries(sheet.formulas ?? {})) {
      const cell = cellOf(ws, address);
      const result = cell.value as ExcelJS.CellValue;
      cell.value = { formula: formula.replace(/^=/, ""), result: result === null ? undefined : result } as ExcelJS.CellFormulaValue;
    }
  }
  return wb;
}

export async function snapshotToXlsx(snapshot: WorkbookSnapshot, edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = snapshotToWorkbook(snapshot);
  edit?.(wb);
  return workbookBytes(wb);
}
