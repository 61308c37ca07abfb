/**
 * The engine's one entry point: a workbook snapshot in; recognised tables, computed ratios and
 * findings out. Pure and synchronous.
 */
import type { WorkbookSnapshot } from "../grid/grid";
import { fromA1 } from "../grid/grid";
import type { Finding } from "../engine/findings";
import { SEVERITY_ORDER } from "../engine/findings";
import type { RecognisedTable, Slot } from "../engine/model";
import { parseValue, usable, type ParsedValue } from "../engine/normalize";
import { recognise } from "../engine/recognize";
import { firstCopies, workbookYear } from "../engine/tableSet";
import { noteKey, readState, type PriorFigure, type WorkbookState } from "../engine/stateSheet";
import { RULES } from "../rules/catalogue";
import { TableLists } from "../rules/utils/cells";
import { DEFAULT_SETTINGS, type Rule, type RuleContext, type Settings } from "../rules/types";
import { fillMessage } from "../rules/utils/messages";
import type { RecognisedColumnTable, RecognisedYearlyTable } from "../engine/model";
import type { ValueKind } from "../templates/schema";
import { TABLE_IDS } from "../templates/tables";

export interface AnalyseOptions {
  settings?: Partial<Settings>;
  /** Last year's figures from a file given now (CLI --prior, the pane's import); added to those kept in the workbook. */
  prior?: PriorFigure[];
  /** Only these rules (tests). */
  rules?: string[];
  /** The 工作报告's body paragraphs, when one is given: the report-* rules check its figures against the tables. */
  body?: readonly string[];
}

export interface Analysis {
  tables: RecognisedTable[];
  findings: Finding[];
  state: WorkbookState;
  /**
   * The report year: the workbook's year (the most common year of its tables, one copy of each
   * appendix counted; on a tie, 附件2's), as table-year-differs judges the tables against it.
   */
  year: number | null;
}

function address(s: Slot | string): string {
  return typeof s === "string" ? s : s.address;
}

/**
 * The related cells' addresses, the finding's own cell left out. A loop rather than map and filter:
 * it runs for every finding of a batch, while V8 still interprets it (bench/mainWork.js).
 */
function relatedAddresses(related: Array<Slot | string> | undefined, cell: string): string[] {
  const out: string[] = [];
  if (related) {
    for (let i = 0; i < related.length; i++) {
      const a = address(related[i]);
      if (a !== cell) out.push(a);
    }
  }
  return out;
}

/** Sort keys of a finding, computed once rather than in every comparison of the sort. */
interface Keyed {
  f: Finding;
  table: number;
  severity: number;
  row: number;
  col: number;
}

/** `at` is the reported slot, when the rule gave one: its position is known without parsing the address. */
function keyed(f: Finding, at: Slot | undefined): Keyed {
  const p = at ?? fromA1(f.cell);
  return { f, table: f.table ? TABLE_IDS.indexOf(f.table) : 9, severity: SEVERITY_ORDER[f.severity], row: p ? p.row : -1, col: p ? p.col : -1 };
}

/** By table, severity, then cell (row, column; cells without an address keep their place among equals), then rule. */
function compareKeyed(a: Keyed, b: Keyed): number {
  if (a.table !== b.table) return a.table - b.table;
  if (a.severity !== b.severity) return a.severity - b.severity;
  if (a.row >= 0 && b.row >= 0 && (a.row !== b.row || a.col !== b.col)) return a.row - b.row || a.col - b.col;
  return a.f.rule < b.f.rule ? -1 : a.f.rule > b.f.rule ? 1 : 0;
}

function sortFindings(findings: Finding[], slots: Array<Slot | undefined>): Finding[] {
  return findings
    .map((f, i) => keyed(f, slots[i]))
    .sort(compareKeyed)
    .map((k) => k.f);
}

export function analyseTables(tables: RecognisedTable[], state: WorkbookState, options: AnalyseOptions = {}): Finding[] {
  // Object.assign, not two spreads: node 20 adds the second spread's properties on a slow path, once per file
  const settings: Settings = Object.assign({}, DEFAULT_SETTINGS, options.settings);
  // per slot and kind: every rule reads the same cells, and slots are shared objects of the binding
  const cache = new Map<ValueKind, Map<Slot, ParsedValue>>();
  const findings: Finding[] = [];
  const reportedSlots: Array<Slot | undefined> = [];
  const notes = new Map(state.notes.map((n) => [noteKey(n.rule, n.sheet, n.cell), n.text]));
  let current = "";
  let currentSeverity: Finding["severity"] = "info";
  let currentMessages: Rule["meta"]["messages"] = {};
  // a further copy of an appendix gets table-duplicate's finding only (rules.md): no rule sees it otherwise
  const { checked, duplicates } = firstCopies(tables);
  const ctx: RuleContext = {
    tables: checked,
    yearly: checked.filter((t): t is RecognisedYearlyTable => t.shape === "yearly"),
    columns: checked.filter((t): t is RecognisedColumnTable => t.shape === "columns"),
    duplicates,
    year: workbookYear(checked),
    settings,
    prior: [...state.prior, ...(options.prior ?? [])],
    body: options.body,
    lists: new TableLists(checked, (slot, kind) => ctx.value(slot, kind)),
    value(slot, kind: ValueKind) {
      if (!slot) return { empty: true, num: null };
      let byKind = cache.get(kind);
      if (!byKind) cache.set(kind, (byKind = new Map()));
      let v = byKind.get(slot);
      if (!v) {
        v = parseValue(slot.raw, kind);
        byKind.set(slot, v);
      }
      return v;
    },
    num(slot, kind) {
      const v = ctx.value(slot, kind);
      // a negative figure is value-negative's error; comparing or summing it would only add findings
      // that vanish once it is corrected
      return v.problem === "negative" ? null : usable(v);
    },
    report(r) {
      const cell = address(r.cell);
      const f: Finding = {
        rule: current,
        severity: currentSeverity,
        table: r.table.id,
        sheet: r.table.sheet,
        cell,
        related: relatedAddresses(r.related, cell),
        message: "",
        messageEn: "",
      };
      const m = currentMessages[r.messageId];
      // a rule's own mistake, caught by its tests: never a finding without its text
      if (!m) throw new Error(`rule ${current} reports message "${r.messageId}", which its meta.messages lacks`);
      f.message = fillMessage(m.zh, r.data);
      f.messageEn = fillMessage(m.en, r.data);
      if (r.quote) f.quote = r.quote;
      // most workbooks carry no explanations from review: no key to build for every finding then
      const note = notes.size === 0 ? undefined : notes.get(noteKey(current, f.sheet, cell));
      if (note && f.severity !== "error") f.explanation = note;
      findings.push(f);
      reportedSlots.push(typeof r.cell === "string" ? undefined : r.cell);
    },
  };
  for (const rule of RULES) {
    if (options.rules && !options.rules.includes(rule.meta.id)) continue;
    current = rule.meta.id;
    currentSeverity = rule.meta.severity;
    currentMessages = rule.meta.messages;
    rule.check(ctx);
  }
  return sortFindings(findings, reportedSlots);
}

/** The first half of analyse: the tables recognised and the review state read, before any rule runs. */
export interface Recognised {
  tables: RecognisedTable[];
  state: WorkbookState;
}

export function recogniseWorkbook(workbook: WorkbookSnapshot): Recognised {
  return { tables: recognise(workbook), state: readState(workbook) };
}

/** The second half: the rules over what recognition found. */
export function analyseRecognised({ tables, state }: Recognised, options: AnalyseOptions = {}): Analysis {
  const findings = analyseTables(tables, state, options);
  const year = workbookYear(firstCopies(tables).checked);
  return { tables, findings, state, year };
}

export function analyse(workbook: WorkbookSnapshot, options: AnalyseOptions = {}): Analysis {
  return analyseRecognised(recogniseWorkbook(workbook), options);
}
