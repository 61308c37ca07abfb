/**
 * Draws a SheetLayout (templates/layout.ts) on an ExcelJS worksheet the way the official printed
 * forms look: a bold centred title, bordered header and body, wrapped labels, landscape A4.
 *
 * Value cells keep the General format on purpose: a `0` format would show a wrongly typed 9.5 as
 * 10 and hide the very mistake the checks report.
 */
import type ExcelJS from "exceljs";
import type { CellRole, SheetLayout } from "../../templates/layout";

/** Font names as Chinese government forms use them; a machine without them falls back by itself. */
export const FONTS = {
  /** 黑体 rather than 方正小标宋简体: every Chinese Windows, WPS and LibreOffice install has it. */
  title: "黑体",
  heading: "黑体",
  body: "仿宋",
  table: "宋体",
} as const;

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const EXCELJS_DEFAULT_WIDTH = 9;
const TITLE_ROW_HEIGHT = 36;
const HEADER_ROW_HEIGHT = 42;
const EXPLANATION_ROW_HEIGHT = 90;
const NOTE_ROW_HEIGHT = 18;

interface RoleStyle {
  font: Partial<ExcelJS.Font>;
  alignment: Partial<ExcelJS.Alignment>;
  numFmt?: string;
}

const STYLES: Record<CellRole, RoleStyle> = {
  attachment: { font: { name: FONTS.heading, size: 12, bold: true }, alignment: { horizontal: "left", vertical: "middle" } },
  title: { font: { name: FONTS.title, size: 16, bold: true }, alignment: { horizontal: "center", vertical: "middle" } },
  meta: { font: { name: FONTS.body, size: 11 }, alignment: { horizontal: "left", vertical: "middle" } },
  header: { font: { name: FONTS.table, size: 10, bold: true }, alignment: { horizontal: "center", vertical: "middle", wrapText: true } },
  seq: { font: { name: FONTS.table, size: 10 }, alignment: { horizontal: "center", vertical: "middle" } },
  label: { font: { name: FONTS.table, size: 10 }, alignment: { horizontal: "center", vertical: "middle", wrapText: true } },
  value: { font: { name: FONTS.table, size: 10 }, alignment: { horizontal: "right", vertical: "middle" }, numFmt: "General" },
  ratio: { font: { name: FONTS.table, size: 10 }, alignment: { horizontal: "center", vertical: "middle" }, numFmt: "@" },
  explanation: { font: { name: FONTS.table, size: 9 }, alignment: { horizontal: "left", vertical: "top", wrapText: true } },
  note: { font: { name: FONTS.body, size: 10 }, alignment: { horizontal: "left", vertical: "middle", wrapText: true } },
};

export function styleForRole(role: CellRole): RoleStyle {
  return STYLES[role];
}

function copyStyle(s: RoleStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = { font: { ...s.font }, alignment: { ...s.alignment } };
  if (s.numFmt) out.numFmt = s.numFmt;
  return out;
}

/** Renders the layout onto an empty worksheet. */
export function renderLayout(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  layout.colWidths.forEach((w, i) => {
    // ExcelJS leaves out a column of width exactly 9 as "default", but Excel's default is 8.43.
    ws.getColumn(i + 1).width = w === EXCELJS_DEFAULT_WIDTH ? w + 0.01 : w;
  });

  // Borders first, over the whole grid, so that empty body cells are drawn as boxes too.
  for (let r = layout.gridTop; r <= layout.gridBottom; r++) {
    for (let c = 0; c <= layout.lastCol; c++) ws.getCell(r + 1, c + 1).border = { ...BORDER };
  }

  const rolesByRow = new Map<number, Set<CellRole>>();
  for (const cell of layout.cells) {
    const target = ws.getCell(cell.row + 1, cell.col + 1);
    const style = copyStyle(STYLES[cell.role]);
    if (cell.row >= layout.gridTop && cell.row <= layout.gridBottom && cell.col <= layout.lastCol) style.border = { ...BORDER };
    target.style = style;
    if (cell.value !== null) target.value = cell.value;
    let roles = rolesByRow.get(cell.row);
    if (!roles) rolesByRow.set(cell.row, (roles = new Set()));
    roles.add(cell.role);
  }

  // ExcelJS gives every cell of a merged area the top-left cell's style, borders included.
  for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);

  for (const [row, roles] of rolesByRow) {
    const r = ws.getRow(row + 1);
    if (roles.has("title")) r.height = TITLE_ROW_HEIGHT;
    else if (roles.has("explanation")) r.height = EXPLANATION_ROW_HEIGHT;
    else if (roles.has("note")) r.height = NOTE_ROW_HEIGHT;
  }
  for (const row of layout.headerRows) ws.getRow(row + 1).height = HEADER_ROW_HEIGHT;

  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}
