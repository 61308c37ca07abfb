/**
 * Reads last year's report picked in 导入上年数. Loaded on demand so neither reader is in the first
 * screen: the fast reader (fflate, small) first; ExcelJS (~1 MB) only if the fast reader fails on
 * something other than a file it rightly refuses.
 */
import type { WorkbookReader } from "../app/actions";
import { WorkbookReadError } from "../host/xlsx/readError";

export const readLastYearWorkbook: WorkbookReader = async (bytes, file) => {
  const { readWorkbookFast } = await import(/* webpackChunkName: "xlsx-read" */ "../host/xlsx/fastReader");
  try {
    return readWorkbookFast(bytes, { file });
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const { readWorkbookWithExcelJS } = await import(/* webpackChunkName: "exceljs-read" */ "../host/xlsx/exceljsSnapshot");
    return readWorkbookWithExcelJS(bytes, { file });
  }
};
