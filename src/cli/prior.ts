/**
 * --prior: last year's report. Its {Y} column is this year's {Y-1} column, so every yearly block's
 * current-year values become PriorFigures for prior-mismatch.
 */
import { analyse } from "../check/analyse";
import type { Analysis } from "../check/analyse";
import { priorFiguresOf } from "../flows/importPrior";
import { readWorkbookFast } from "../host/xlsx/fastReader";
import { NODE_ZIP } from "./nodeZip";
import { WorkbookReadError } from "../host/xlsx/errors";
import { CliError, fileLabel, type Lang, type Tr } from "./io";
import { readWorkbookInput } from "./input";
import type { PriorReport } from "./priorYear";

export { priorYearProblem, type PriorReport } from "./priorYear";

/** Last year's report, converted by LibreOffice first when it is an .xls/.et/.ods. */
export async function loadPrior(path: string, t: Tr, lang: Lang): Promise<PriorReport> {
  const bytes = await readWorkbookInput(path, t, lang);
  let last: Analysis;
  try {
    last = analyse(readWorkbookFast(bytes, { file: path, codec: NODE_ZIP }));
  } catch (e) {
    if (e instanceof WorkbookReadError) {
      throw new CliError(t(`无法读取上年报表“${path}”：${e.message}`, `Cannot read last year's report "${path}": ${e.messageEn}`));
    }
    throw e;
  }
  if (last.year === null || !last.tables.some((x) => x.shape === "yearly")) {
    throw new CliError(
      t(
        `上年报表“${path}”中没有识别到附件2或附件3（带年份的标题），无法比对上年数。`,
        `No 附件2 or 附件3 with a dated title was recognised in last year's report "${path}".`,
      ),
    );
  }
  return { file: path, year: last.year, figures: priorFiguresOf(last, fileLabel(path)) };
}
