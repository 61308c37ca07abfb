// Classic pane only (webpack.config.js aliases src/host/xlsx/exceljsSnapshot.ts here): ExcelJS is not
// ES5 (its prebuilt dist uses const/let/arrow functions) and is 250 KiB gzip, more than the whole
// classic budget, so the classic pane reads last year's workbook with the fast reader only. When the
// fast reader fails on something other than a file it rightly refuses, this says so in words a clerk
// can act on, instead of loading ExcelJS.
import { WorkbookReadError } from "../../src/host/xlsx/errors";

export function readWorkbookWithExcelJS(_bytes, opts) {
  var file = opts && opts.file;
  throw new WorkbookReadError(
    "corrupt",
    (file ? "“" + file + "”" : "该文件") +
      "无法用快速读取器读取；当前 Excel 版本的窗格不带备用读取器。请用 Excel 打开该文件另存为 .xlsx 后重试，或在网页版 index.html 中导入上年数。",
    (file ? '"' + file + '"' : "The file") +
      " could not be read by the fast reader, and the pane for this Excel version has no fallback reader. Save it again as .xlsx in Excel and retry, or import last year's figures in the web page index.html.",
    file,
  );
}

export function sheetSnapshot() {
  throw new Error("ExcelJS is not part of the classic pane");
}

export function snapshotOfWorkbook() {
  throw new Error("ExcelJS is not part of the classic pane");
}
