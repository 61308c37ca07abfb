/**
 * Formatting queued on Excel sheets: the official layout of 插入模板, the sheets of a submission copy,
 * and plain sheets of rows (the state sheet, 审核报告). Queued only: the caller's batch syncs.
 */
import type { CellValue, MergeArea } from "../../grid/grid";
import { colToLetters, rangeA1 } from "../../grid/grid";
import type { LayoutCell, SheetLayout } from "../../templates/layout";
import type { OfficeApi } from "./capabilities";
import { charsToPoints, toGrid } from "./cells";
import type { CopySheet } from "./submission";

const HEADER_ROW_HEIGHT = 45;

/** Rows from A1 as text (an `@` format where Excel would convert); the caller has cleared the sheet. */
export function queueRows(ws: Excel.Worksheet, rows: readonly (readonly CellValue[])[]): { cols: number } {
  const grid = toGrid(rows, 1, true);
  const region = ws.getRange(rangeA1(0, 0, grid.rows - 1, grid.cols - 1));
  region.numberFormat = grid.formats;
  region.values = grid.values;
  return { cols: grid.cols };
}

/** 插入模板: values, borders, fonts, alignment; merges and sizes where this Excel has them (1.2). */
export function queueLayout(ws: Excel.Worksheet, layout: SheetLayout, api: OfficeApi): void {
  const rows: CellValue[][] = [];
  let lastCol = layout.lastCol;
  for (const cell of layout.cells) {
    while (rows.length <= cell.row) rows.push([]);
    rows[cell.row][cell.col] = cell.value;
    lastCol = Math.max(lastCol, cell.col);
  }
  const filled = rows.map((r) => Array.from({ length: lastCol + 1 }, (_, i) => r[i] ?? null));
  const grid = toGrid(filled, lastCol + 1);
  const region = ws.getRange(rangeA1(0, 0, grid.rows - 1, grid.cols - 1));
  region.numberFormat = grid.formats;
  region.values = grid.values;

  const spanOf = new Map<string, MergeArea>();
  for (const m of layout.merges) spanOf.set(`${m.top},${m.left}`, m);
  const horizontal = (cell: LayoutCell) => {
    const m = spanOf.get(`${cell.row},${cell.col}`);
    return m !== undefined && m.right > m.left;
  };
  const rowRange = (r: number) => ws.getRange(rangeA1(r, 0, r, lastCol));
  const cellRange = (cell: LayoutCell) => {
    const m = spanOf.get(`${cell.row},${cell.col}`);
    return ws.getRange(m ? rangeA1(m.top, m.left, m.bottom, m.right) : rangeA1(cell.row, cell.col, cell.row, cell.col));
  };

  // Borders around and inside the header and body.
  const body = ws.getRange(rangeA1(layout.gridTop, 0, layout.gridBottom, lastCol));
  for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
    const b = body.format.borders.getItem(edge);
    b.style = "Continuous";
    b.weight = "Thin";
  }
  body.format.verticalAlignment = "Center";

  const titleRows = new Set<number>();
  for (const cell of layout.cells) {
    if (cell.role === "title") titleRows.add(cell.row);
    if (cell.role === "attachment") ws.getRange(rangeA1(cell.row, cell.col, cell.row, cell.col)).format.font.bold = true;
  }
  for (const r of titleRows) {
    const range = rowRange(r);
    range.format.font.bold = true;
    range.format.font.size = 16;
    // Without merges (1.1) the title sits in A and is centred across the table instead.
    range.format.horizontalAlignment = api.merge ? "Center" : "CenterAcrossSelection";
  }
  for (const cell of layout.cells) {
    if (cell.role === "header") {
      const range = cellRange(cell);
      range.format.font.bold = true;
      const across = !api.merge && horizontal(cell);
      range.format.horizontalAlignment = across ? "CenterAcrossSelection" : "Center";
      // A label alone in the first cell of its span would wrap into a narrow column: let it run across.
      if (!across) range.format.wrapText = true;
    } else if (cell.role === "seq") {
      cellRange(cell).format.horizontalAlignment = "Center";
    } else if (cell.role === "explanation" || cell.role === "ratio") {
      const range = cellRange(cell);
      range.format.wrapText = cell.role === "explanation";
      range.format.horizontalAlignment = cell.role === "ratio" ? "Center" : "Left";
    } else if (cell.role === "note" && api.merge) {
      cellRange(cell).format.wrapText = true;
    }
  }

  if (api.merge) for (const m of layout.merges) ws.getRange(rangeA1(m.top, m.left, m.bottom, m.right)).merge(false);
  if (api.formatSize) {
    layout.colWidths.forEach((w, i) => {
      const col = colToLetters(i);
      ws.getRange(`${col}:${col}`).format.columnWidth = charsToPoints(w);
    });
    for (const r of layout.headerRows) ws.getRange(`${r + 1}:${r + 1}`).format.rowHeight = HEADER_ROW_HEIGHT;
  }
}

/** The copy's sheet in this workbook: values and number formats in one write, widths where 1.2. */
export function queueCopySheet(ws: Excel.Worksheet, sheet: CopySheet, api: OfficeApi): void {
  const cols = Math.max(1, ...sheet.values.map((r) => r.length));
  const grid = toGrid(sheet.values, cols);
  // A number keeps its format (0.00%); text Excel would convert keeps `@` (toGrid).
  const formats = grid.formats.map((row, i) =>
    row.map((f, j) => (typeof sheet.values[i]?.[j] === "number" && sheet.formats[i]?.[j] ? sheet.formats[i][j] : f)),
  );
  const region = ws.getRange(rangeA1(0, 0, grid.rows - 1, grid.cols - 1));
  region.numberFormat = formats;
  region.values = grid.values;
  if (api.merge) for (const m of sheet.merges) ws.getRange(rangeA1(m.top, m.left, m.bottom, m.right)).merge(false);
  if (api.formatSize) {
    sheet.colWidths.forEach((w, i) => {
      const col = colToLetters(i);
      ws.getRange(`${col}:${col}`).format.columnWidth = charsToPoints(w);
    });
  }
}
