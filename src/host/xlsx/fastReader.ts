/**
 * A fast, synchronous .xlsx reader for the CLI: reads exactly what the engine's grid snapshot needs
 * (sheet names, order and visibility; cell values; formulas; merged areas) and nothing else.
 *
 * How: sniff() checks the bytes and reads the zip central directory (refusing bombs by their
 * declared sizes); then only the parts we need are inflated, one at a time, with fflate (or the
 * host's native zlib, see ZipCodec; fflate is loaded only when an entry needs it) —
 * workbook.xml, its rels, sharedStrings.xml, styles.xml (only when a styled number needs its date
 * check) and the worksheets. Drawings, comments, media, themes, printer settings, calcChain... are
 * never inflated. XML is walked with a small hand-written tag scanner (indexOf-based, namespace
 * prefixes ignored), several times faster than a general SAX parser on sheet XML.
 *
 * Snapshot conventions (the ExcelJS reader in exceljsSnapshot.ts follows the same, so the two can
 * be compared cell for cell):
 * - values[row][col] holds only non-empty cells; missing rows and cells are array holes, so a
 *   stray cell at row 1 000 000 costs one row, not a million. Empty strings are not stored.
 * - Cells covered by a merged area other than its top-left are dropped (as Excel shows them, and
 *   as ExcelJS reads them).
 * - Numbers whose cell style has a date/time number format become ISO text: `2024-03-05`, or
 *   `2024-03-05T14:30:00` when the time is not midnight (rounded to the second). styles.xml is
 *   read for this (cellXfs numFmtId: built-in 14–22, 27–36, 45–47, 50–58 — the last two ranges are
 *   the zh-CN built-in date formats, which ExcelJS does not know — and custom codes with
 *   y/m/d/h/s/b outside quotes, brackets and escapes: excelDates.ts). `date1904` workbooks are honoured.
 * - Strings longer than 32 767 characters (Excel's cell limit) are cut to that length.
 * - formulas are keyed by A1 address and start with `=` (as Office.js returns them); cells of a
 *   shared formula get the master formula with relative references moved, like Excel shows them.
 *   The value of a formula cell is its cached result (null when the file has none).
 * - Only worksheets are read; chart sheets, dialog and macro sheets are skipped.
 *
 * Limits (each refusal is a WorkbookReadError with a message saying what to do):
 * - zip-level limits in sniff.ts; an entry that inflates to more than it declared is refused while
 *   inflating, so a lying header cannot get past them;
 * - MAX_SHEETS sheets; MAX_CELLS non-empty cells (plus formulas) and MAX_MERGES merged areas per
 *   workbook; per sheet a used area (last row ×
 *   last column holding a value) of at most MAX_SHEET_AREA cells — a stray value at XFD1048576 is
 *   refused (`too-large`, naming the sheet and the cell) rather than handing the engine a sheet it
 *   would scan for minutes; a cell address beyond XFD1048576 is a damaged file (`corrupt`).
 *
 * The reader lives in read/: zip.ts (entries, inflating, CRC), xmlScanner.ts, parts.ts (relationships,
 * workbook, shared strings, date styles), sharedFormulas.ts, sheetXml.ts, builder.ts (SheetBuilder,
 * shared with the ExcelJS reader), limits.ts, and workbook.ts on top. Dates are in ../excelDates.ts.
 * This module is their public face.
 */
export { readWorkbookFast, type ReadOptions } from "./read/workbook";
export { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, MAX_CELL_TEXT, MAX_CELLS, MAX_MERGES, MAX_SHEET_AREA, MAX_SHEETS } from "./read/limits";
export { crc32, DAMAGED_SLACK, inflateEntry, ONE_SHOT_INFLATE_MAX, type ZipCodec } from "./read/zip";
export { SheetBuilder, type CellBudget } from "./read/builder";
export { decodeEntities, decodeXmlText } from "./read/xmlScanner";
export { resolvePart } from "./read/parts";
export { shiftFormula } from "./read/sharedFormulas";
export { isBuiltInDateFormat, isDateFormatCode, isoFromDate, normalizeIsoDateText, serialToIso } from "./excelDates";
