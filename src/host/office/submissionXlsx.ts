/**
 * The .xlsx bytes of the 报送副本 for Excel.createWorkbook, built in the pane from the planned sheets
 * in the look of the printed forms (src/host/xlsx/render.ts: fonts, borders, alignment, A4 landscape).
 * ExcelJS is big: this module is imported only when the button is clicked, and never by the first screen.
 */
import ExcelJS from "exceljs";
import type { CellRole } from "../../templates/layout";
import { styleForRole } from "../xlsx/render";
import { cellRoles, type CopySheet } from "./submission";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TITLE_ROW_HEIGHT = 36;

/** A number cell keeps its own format (`0.00%`); text that Excel would turn into a number stays text. */
function numFmtOf(value: ExcelJS.CellValue, given: string | undefined, roleFmt: string | undefined): string | undefined {
  if (typeof value === "number" && given && given !== "General") return given;
  if (typeof value === "string" && given === "@") return "@";
  return roleFmt;
}

function drawSheet(ws: ExcelJS.Worksheet, sheet: CopySheet): void {
  sheet.colWidths.forEach((w, i) => {
    // ExcelJS leaves out a width of exactly 9 as "default", but Excel's default is 8.43.
    ws.getColumn(i + 1).width = w === 9 ? 9.01 : w;
  });
  const styled = new Map<string, { role: CellRole; border: boolean }>();
  for (const t of sheet.tables) {
    const { roles, grid } = cellRoles(t, sheet.values);
    for (const [k, role] of roles) {
      const [r, c] = k.split(",").map(Number);
      styled.set(k, { role, border: r >= grid.top && r <= grid.bottom && c >= grid.left && c <= grid.right });
    }
    for (let r = grid.top; r <= grid.bottom; r++) {
      for (let c = grid.left; c <= grid.right; c++) if (!styled.has(`${r},${c}`)) styled.set(`${r},${c}`, { role: "label", border: true });
    }
    if (t.title) ws.getRow(t.title.row + 1).height = TITLE_ROW_HEIGHT;
  }
  const rows = Math.max(sheet.values.length, ...[...styled.keys()].map((k) => Number(k.split(",")[0]) + 1));
  for (let r = 0; r < rows; r++) {
    const line = sheet.values[r] ?? [];
    const width = Math.max(line.length, ...sheet.tables.map((t) => (r >= t.top && r <= t.bottom ? t.right + 1 : 0)));
    for (let c = 0; c < width; c++) {
      const v = line[c] ?? null;
      const look = styled.get(`${r},${c}`);
      if (v === null && !look) continue;
      const cell = ws.getCell(r + 1, c + 1);
      if (v !== null) cell.value = v;
      const base = look ? styleForRole(look.role) : undefined;
      const style: Partial<ExcelJS.Style> = {};
      if (base) {
        style.font = { ...base.font };
        style.alignment = { ...base.alignment };
      }
      if (look?.border) style.border = { ...BORDER };
      const fmt = numFmtOf(v, sheet.formats[r]?.[c], base?.numFmt);
      if (fmt) style.numFmt = fmt;
      cell.style = style;
    }
  }
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
  };
}

export async function buildSubmissionXlsx(sheets: readonly CopySheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "xzzf";
  for (const sheet of sheets) drawSheet(wb.addWorksheet(sheet.name), sheet);
  const buf = await wb.xlsx.writeBuffer();
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf);
}
