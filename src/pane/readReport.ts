/**
 * Reads the 工作报告 picked in 对照工作报告. Loaded on demand, so the .docx reader is in neither
 * pane's first screen; the body's paragraphs are all the panes keep (its tables are the workbook's).
 */
import type { ReportReader } from "../app/actions";

export const readReportDocx: ReportReader = async (bytes, file) => {
  const { readDocx } = await import(/* webpackChunkName: "docx-read" */ "../host/docx/readDocx");
  return { file, paragraphs: readDocx(bytes, { file }).paragraphs };
};
