/** Rules on the 工作报告's body against the tables (rules.md, "The report body against the tables"): they run only when a body is given. */
import type { Rule } from "./types";
import reportFigureDiffers from "./report-figure-differs";
import reportMeasureDiffers from "./report-measure-differs";
import reportMeasureNote from "./report-measure-note";

export const REPORT_RULES: readonly Rule[] = [reportFigureDiffers, reportMeasureDiffers, reportMeasureNote];
