/**
 * A report's table (a sheet the .docx reader made) as a layout the ExcelJS host can draw, for the
 * web page's download of a report. Loaded with ExcelJS, never on the first visit.
 */
import type { CellValue, SheetSnapshot } from "../grid/grid";
import type { CellRole, SheetLayout } from "../templates/layout";
import { TABLE_IDS } from "../templates/tables";

/** Characters a column needs for a text: CJK characters are about two wide. */
function textWidth(v: CellValue): number {
  if (v === null || v === undefined) return 0;
  const s = String(v);
  return s.length + (s.match(/[\u3000-\u9fff\uff00-\uffef]/g) ?? []).length;
}

/**
 * A sheet of a report's table as a layout the ExcelJS host can draw: the table rows (those with
 * anything right of column A, where a docx table's frame lines never are) bordered, its merges kept,
 * figures right-aligned, the frame lines above and notes below as plain lines.
 */
export function drawnLayout(sheet: SheetSnapshot): SheetLayout {
  const rows = sheet.values;
  let gridTop = -1;
  let gridBottom = -1;
  let lastCol = 0;
  rows.forEach((row, r) => {
    if (!row) return;
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      lastCol = Math.max(lastCol, c);
      if (c > 0) {
        if (gridTop < 0) gridTop = r;
        gridBottom = r;
      }
    });
  });
  for (const m of sheet.merges) {
    lastCol = Math.max(lastCol, m.right);
    if (m.right > 0) {
      gridTop = gridTop < 0 ? m.top : Math.min(gridTop, m.top);
      gridBottom = Math.max(gridBottom, m.bottom);
    }
  }
  // A table of one column: every row is the table's.
  if (gridTop < 0) {
    gridTop = 0;
    gridBottom = rows.length - 1;
  }
  const cells: SheetLayout["cells"] = [];
  const widths: number[] = Array.from({ length: lastCol + 1 }, () => 6);
  rows.forEach((row, r) => {
    if (!row) return;
    row.forEach((value, c) => {
      if (value === null || value === undefined || value === "") return;
      const inGrid = r >= gridTop && r <= gridBottom;
      const role: CellRole = inGrid
        ? typeof value === "number"
          ? "value"
          : "label"
        : r < gridTop && /^附件/.test(String(value))
          ? "attachment"
          : r > gridBottom
            ? "note"
            : "meta";
      cells.push({ row: r, col: c, value, role });
      // Frame lines and notes run across the table; only table cells size their column.
      if (inGrid) widths[c] = Math.max(widths[c], Math.min(30, textWidth(value) + 2));
    });
  });
  return {
    // Not read by the writers: a Word table is drawn as read, whichever table it is.
    table: TABLE_IDS[0],
    sheetName: sheet.name,
    cells,
    merges: sheet.merges.map((m) => ({ ...m })),
    colWidths: widths,
    gridTop,
    gridBottom,
    lastCol,
    headerRows: [],
  };
}
