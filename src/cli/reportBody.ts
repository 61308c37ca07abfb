/**
 * `check --report 工作报告.docx`: the body of the report the workbooks' tables are checked against.
 * Loaded only with --report. A report that cannot be read stops the run (exit 2): checking without
 * it would look like a report that agrees with every table.
 */
import { readDocx } from "../host/docx/readDocx";
import { WorkbookReadError } from "../host/xlsx/errors";
import { CliError, readInput, type Lang, type Tr } from "./io";
import { NODE_ZIP } from "./nodeZip";

export function loadReportBody(file: string, t: Tr, lang: Lang): string[] {
  const bytes = readInput(file, t);
  let paragraphs: string[];
  try {
    paragraphs = readDocx(bytes, { file, codec: NODE_ZIP }).paragraphs;
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new CliError(`--report${t("：", ": ")}${lang === "en" ? e.messageEn : e.message}`);
    throw e;
  }
  if (paragraphs.length === 0) throw new CliError(t(`--report：“${file}”中没有正文段落，无法对照。`, `--report: "${file}" has no body text to check against.`));
  return paragraphs;
}
