// Classic pane only (webpack.config.js aliases src/host/office/submissionXlsx.ts here): building the
// 报送副本 as a new workbook needs ExcelJS, which is not ES5 and is larger than the classic pane's
// whole budget. The classic entry makes its OfficeHost with copyIntoWorkbook, so the copy always goes
// into the current workbook as sheets and never gets here; this stub is the safety net.
export function buildSubmissionXlsx() {
  return Promise.reject(
    new Error(
      "当前 Excel 版本的窗格不能另建报送副本工作簿。请在网页版 index.html 中生成报送副本。" +
        " / The pane for this Excel version cannot build the submission copy as a new workbook; use the web page index.html.",
    ),
  );
}
