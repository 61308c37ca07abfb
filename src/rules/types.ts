/**
 * A rule, the way ESLint keeps them: `meta` (id, severity, description) and a `check` that reports
 * findings through the context. Rules read recognised tables and parsed values; they never touch a host.
 */
import type { BodyQuote, Severity } from "../engine/findings";
import type { RecognisedTable, RecognisedYearlyTable, RecognisedColumnTable, Slot } from "../engine/model";
import type { ParsedValue } from "../engine/normalize";
import type { ValueKind } from "../templates/schema";
import type { PriorFigure } from "../engine/stateSheet";
import type { TableLists } from "./utils/cells";

export interface RuleMeta {
  id: string;
  severity: Severity;
  /** One Chinese sentence: what the rule checks. */
  description: string;
  descriptionEn: string;
  /**
   * The rule's messages by id, the ESLint way: a report names one (`messageId`) and gives the `data`
   * its `{{placeholders}}` are filled from.
   */
  messages: Readonly<Record<string, RuleMessage>>;
}

/** One message in both languages; `{{name}}` stands for `data.name` of the report. */
export interface RuleMessage {
  zh: string;
  en: string;
}

/** What a report's placeholders are filled with. */
export type MessageData = Readonly<Record<string, string | number>>;

interface ReportAt {
  table: RecognisedTable;
  /** The primary cell (rules.md says which). */
  cell: Slot | string;
  related?: Array<Slot | string>;
  /** A finding about the report body: the sentence it quotes (findings.ts `BodyQuote`). */
  quote?: BodyQuote;
}

/** A finding as a rule reports it: one of its `meta.messages` by id, with the data its placeholders are filled from. */
export type Report = ReportAt & { messageId: string; data?: MessageData };

export interface Settings {
  /** change-unexplained fires at |ratio| ≥ this fraction (0.3 = 30 %). */
  changeThreshold: number;
}

export const DEFAULT_SETTINGS: Settings = { changeThreshold: 0.3 };

export interface RuleContext {
  /**
   * The tables the rules check: the first copy of each appendix in sheet order. A further copy is in
   * `duplicates` only, and gets no finding but table-duplicate's (rules.md).
   */
  tables: readonly RecognisedTable[];
  yearly: readonly RecognisedYearlyTable[];
  columns: readonly RecognisedColumnTable[];
  duplicates: readonly RecognisedTable[];
  /**
   * The workbook's report year: the most common year of the checked tables; on a tie, 附件2's. A table
   * of another year gets table-year-differs, and the rules between tables skip it (`sameYear` in between.ts).
   */
  year: number | null;
  settings: Settings;
  /** Last year's figures kept in the workbook or imported from last year's file. */
  prior: readonly PriorFigure[];
  /** The 工作报告's body paragraphs (paragraph n is body[n-1]), when one is given: the report-* rules need it. */
  body?: readonly string[];
  /** The value cells, categories and body rows of `tables`, listed once for this analysis and shared by its rules. */
  lists: TableLists;
  /** Parses a slot as the given kind (cached per cell). */
  value(slot: Slot | undefined, kind: ValueKind): ParsedValue;
  /** A usable number of a slot, or null (empty, unreadable, or negative: value-negative reports that one). */
  num(slot: Slot | undefined, kind: ValueKind): number | null;
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
