/**
 * The --prior report as a check holds it, and the year rule between it and a checked report: apart
 * from prior.ts (which reads and analyses the report) so that a check without --prior loads neither.
 */
import type { PriorFigure } from "../engine/stateSheet";
import type { Tr } from "./io";

export interface PriorReport {
  file: string;
  year: number;
  figures: PriorFigure[];
}

/** The message when a report's year does not follow the prior report's; null when it fits. */
export function priorYearProblem(prior: PriorReport, file: string, year: number | null, t: Tr): string | null {
  if (year === null || year === prior.year + 1) return null;
  return t(
    `上年报表“${prior.file}”是 ${prior.year} 年的，而“${file}”是 ${year} 年的报表；--prior 应给 ${year - 1} 年的报表。`,
    `Last year's report "${prior.file}" is for ${prior.year}, but "${file}" is for ${year}; --prior must be the ${year - 1} report.`,
  );
}
