/**
 * --prior: last year's report. Its {Y} column is this year's {Y-1} column, so every yearly block's
 * current-year values become PriorFigures for prior-mismatch.
 */
import { analyse } from "../engine/analyse";
import type { Analysis } from "../engine/analyse";
import type { PriorFigure } from "../engine/stateSheet";
import { priorFiguresOf } from "../flows/importPrior";
import { readWorkbookFast } from "../host/xlsx/fastReader";
import { NODE_ZIP } from "./nodeZip";
import { WorkbookReadError } from "../host/xlsx/errors";
import { CliError, fileLabel, readInput, type Tr } from "./io";

export interface PriorReport {
  file: string;
  year: number;
  figures: PriorFigure[];
}

export function loadPrior(path: string, t: Tr): PriorReport {
  const bytes = readInput(path, t);
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
      t(`上年报表“${path}”中没有识别到附件2或附件3（带年份的标题），无法比对上年数。`, `No 附件2 or 附件3 with a dated title was recognised in last year's report "${path}".`),
    );
  }
  return { file: path, year: last.year, figures: priorFiguresOf(last, fileLabel(path)) };
}

/** The message when a report's year does not follow the prior report's; null when it fits. */
export function priorYearProblem(prior: PriorReport, file: string, year: number | null, t: Tr): string | null {
  if (year === null || year === prior.year + 1) return null;
  return t(
    `上年报表“${prior.file}”是 ${prior.year} 年的，而“${file}”是 ${year} 年的报表；--prior 应给 ${year - 1} 年的报表。`,
    `Last year's report "${prior.file}" is for ${prior.year}, but "${file}" is for ${year}; --prior must be the ${year - 1} report.`,
  );
}
