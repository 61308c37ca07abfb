/**
 * What the three rules on the report body share (rules.md, "The report body against the tables"):
 * the body's statements beside the cells, and a finding that quotes the sentence with its figure
 * marked and names the paragraph. Not a rule itself.
 */
import type { MessageData, RuleContext } from "../types";
import { reconcile, type Outcome, type Reconciliation } from "../../engine/report/reconcile";
import { TABLE_NAMES } from "../../templates/tables";
import { show } from "./between";

/** The statements of the given outcome; none when no body was given. */
export function reconciled(ctx: RuleContext, outcome: Outcome): Reconciliation[] {
  if (!ctx.body || ctx.body.length === 0) return [];
  return reconcile(ctx.tables, ctx.year, ctx.body, (slot, kind) => ctx.num(slot, kind)).filter((r) => r.outcome === outcome);
}

const QUOTE_MAX = 60;

/**
 * The sentence with the figure marked `【589万余元】`, cut to 60 characters around the figure (more of
 * what comes before it: the words that name it stand there), `…` where cut.
 */
export function quoteSentence(sentence: string, start: number, end: number, max = QUOTE_MAX): string {
  const before = sentence.slice(0, start);
  const figure = sentence.slice(start, end);
  const after = sentence.slice(end);
  if (sentence.length <= max) return `${before}【${figure}】${after}`;
  const room = Math.max(0, max - figure.length);
  const beforeLen = Math.min(before.length, Math.max(room - after.length, Math.ceil((room * 2) / 3)));
  const afterLen = Math.min(after.length, room - beforeLen);
  const head = beforeLen < before.length ? `…${before.slice(before.length - beforeLen)}` : before;
  const tail = afterLen < after.length ? `${after.slice(0, afterLen)}…` : after;
  return `${head}【${figure}】${tail}`;
}

/**
 * The data the three rules' messages share: the paragraph and the quoted sentence (zh `第{{paragraph}}段「{{quote}}」`,
 * en names the paragraph alone), the measure and the figure as the body states them, the cell and its value.
 */
export function statementData(r: Reconciliation): MessageData {
  const s = r.statement;
  return {
    paragraph: s.paragraph,
    quote: quoteSentence(s.sentence, s.figure.start, s.figure.end),
    measure: s.measure.name,
    measureEn: s.measure.nameEn,
    figure: s.figure.text,
    cell: cellName(r),
    cellEn: cellNameEn(r),
    value: cellValue(r),
    // en gives the number without the Chinese unit
    valueEn: show(r.value),
  };
}

/** `附件2 …「罚没金额（元）」2024年`, with the number of units when several are summed. */
export function cellName(r: Reconciliation): string {
  const year = r.table.year === null ? "本年" : `${r.table.year}年`;
  const units = r.cells.length > 1 ? `（${r.cells.length} 个单位合计）` : "";
  return `${TABLE_NAMES[r.table.id]}「${r.target.label}」${year}${units}`;
}

export function cellNameEn(r: Reconciliation): string {
  return `${r.table.id} ${r.target.label}${r.table.year === null ? "" : ` for ${r.table.year}`}`;
}

/** The cell's figure as a message shows it: `4005196.42 元`, `9`. */
export function cellValue(r: Reconciliation): string {
  return `${show(r.value)}${r.statement.figure.unit === "元" ? " 元" : ""}`;
}

/** Reports one statement at its cell (the first unit's; the others related), with its quote; the rule's meta.messages word it. */
export function reportAt(ctx: RuleContext, r: Reconciliation, messageId: string, data: MessageData): void {
  const s = r.statement;
  ctx.report({
    table: r.table,
    cell: r.cells[0],
    related: r.cells.slice(1),
    messageId,
    data,
    quote: { paragraph: s.paragraph, sentence: s.sentence, figure: s.figure.text, start: s.figure.start },
  });
}
