/** Opening a workbook for a writing command (ExcelJS), with the reader's Chinese message on failure. */
import { ExcelJSHost } from "../host/xlsx/exceljsHost";
import { WorkbookReadError } from "../host/xlsx/errors";
import { CliError, readInput, type Lang, type Tr } from "./io";

export async function openWorkbook(path: string, t: Tr, lang: Lang): Promise<ExcelJSHost> {
  const bytes = readInput(path, t);
  try {
    return await ExcelJSHost.fromBytes(bytes, { file: path });
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new CliError(`${path}${t("：", ": ")}${lang === "en" ? e.messageEn : e.message}`);
    throw e;
  }
}

/** A cell value as shown in a message: text in quotes, empty as 空. */
export function shown(v: unknown, t: Tr): string {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return t("空", "empty");
  return typeof v === "string" ? `“${v}”` : String(v);
}
