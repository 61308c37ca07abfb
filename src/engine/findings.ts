import type { TableId } from "../templates/schema";

export type Severity = "error" | "warning" | "info";

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface Finding {
  rule: string;
  severity: Severity;
  table?: TableId;
  sheet: string;
  /** The primary cell (rules.md says which), A1. */
  cell: string;
  related: string[];
  /** Chinese sentence naming the table, the category or column, and what to do. */
  message: string;
  messageEn: string;
  /** The reviewer's 审核说明 for this finding, when one is kept in the workbook. */
  explanation?: string;
  /** For a finding about the report body (report-*): the sentence it is about. */
  quote?: BodyQuote;
}

/** A sentence of the 工作报告's body and the figure in it a finding is about. */
export interface BodyQuote {
  /** 1-based: the n-th body paragraph (第N段). */
  paragraph: number;
  /** The whole sentence, as written. */
  sentence: string;
  /** The figure as written (`589万余元`), at `start` in the sentence. */
  figure: string;
  start: number;
}
