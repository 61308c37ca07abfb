/**
 * A workbook file as .xlsx bytes for the commands that open one (annotate, ratios, import-prior,
 * aggregate, --prior): read, and converted by LibreOffice first when it is an .xls/.et/.ods
 * (convert.ts, loaded only then). The reader's own refusals are left to the reader.
 */
import { readErrors } from "../host/xlsx/errors";
import { CliError, readInput, type Lang, type Tr } from "./io";
import { legacyKind } from "./legacy";

export async function readWorkbookInput(path: string, t: Tr, lang: Lang): Promise<Uint8Array> {
  const bytes = readInput(path, t);
  const kind = legacyKind(bytes);
  if (kind === null) return bytes;
  if (kind === "encrypted") {
    const e = readErrors.encrypted();
    throw new CliError(`${path}${t("：", ": ")}${lang === "en" ? e.messageEn : e.message}`);
  }
  const { convertToXlsx, removeTempFiles } = await import("./convert");
  try {
    const converted = await convertToXlsx(path, kind, t);
    if (converted.error !== undefined) throw new CliError(converted.error);
    return converted.bytes;
  } finally {
    removeTempFiles();
  }
}
