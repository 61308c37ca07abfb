/** What the fast reader accepts: sheets, cells, merged areas and text per workbook, and Excel's grid. */

/**
 * Sheets per workbook. A statistics workbook has a handful; a provincial roll-up with one sheet per
 * county-level unit stays under ~200 (the largest province has ~180 such units). 1000 leaves ample
 * room, and bounds the per-sheet work of recognition and of the reviewer's report.
 */
export const MAX_SHEETS = 1000;
/** Non-empty cells plus formulas per workbook (some 100 MB of JS values at worst). The four tables hold a few thousand. */
export const MAX_CELLS = 2_000_000;
/** (last row + 1) × (last column + 1) of a sheet's values: e.g. 1 048 576 rows × 19 columns, or 20 000 × 1000. */
export const MAX_SHEET_AREA = 20_000_000;
/** Merged areas per workbook (each is an object; real forms have tens to hundreds). */
export const MAX_MERGES = 200_000;
/** Excel's limit on the characters of a cell. Longer strings are cut to it. */
export const MAX_CELL_TEXT = 32_767;
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;
