/**
 * Which paragraphs around a Word table belong to it, and what a cell's text becomes in the grid.
 *
 * A report lays each attachment out as paragraphs and a table: `附件2`, the title
 * `2024年行政执法案件数据情况统计表`, the `执法单位：… 联系人和联系方式：…` line, the table, then its notes
 * (`填表说明：1.…`, `2.…`). The workbook has the same lines as rows of the sheet, and recognition
 * reads the frame from them (title → year, unit line → unit, contact). So the reader moves these
 * paragraphs into the table's sheet, above and below it, and out of the body.
 */
import { nfkc } from "../../engine/nfkc";

/**
 * Paragraphs looked at before a table for its frame (附件N, title, unit/contact line, a unit of
 * measure or date line): recognition looks at most 6 rows above a header, and the frame of every
 * form we know has 2–3 lines. Only lines that look like frame lines are taken, nearest first, and
 * the walk stops at the first that does not (the body's last paragraph, the previous table's notes).
 */
export const MAX_HEADING_PARAGRAPHS = 4;
/** Note lines taken after a table: 附件3 has the most, 7. */
export const MAX_NOTE_PARAGRAPHS = 12;

function folded(text: string): string {
  return nfkc(text).replace(/\s+/g, "");
}

const ATTACHMENT_LINE_RE = /^附件\d{1,2}[:：]?$/;
const TITLE_RE = /(?:统计|情况|汇总|一览|明细|报)表/;
/** A sentence, not a title: it ends like one. */
const SENTENCE_END_RE = /[。；;，,：:！？!?]$/;
const UNIT_LINE_RE = /^(?:执法|填报)单位[:：(（]|^联系(?:人|方式|电话)|^(?:金额|计量)?单位[:：]|^填(?:报|表)(?:日期|时间|人)[:：]/;
const UNIT_AND_CONTACT_RE = /(?:执法|填报)单位.*联系/;

/** `附件2` alone on its line (after folding). */
export function isAttachmentLine(text: string): boolean {
  return ATTACHMENT_LINE_RE.test(folded(text));
}

/** A table's title: a short line naming a 统计表/情况表/… (`…统计表（单位：件）` too), not ending like a sentence. */
export function isTitleLine(text: string): boolean {
  const s = folded(text);
  return s.length <= 60 && TITLE_RE.test(s) && !SENTENCE_END_RE.test(s);
}

/** A line that may stand between a table's title and the table. */
export function isFrameLine(text: string): boolean {
  const s = folded(text);
  if (ATTACHMENT_LINE_RE.test(s) || isTitleLine(s)) return true;
  return s.length <= 120 && (UNIT_LINE_RE.test(s) || UNIT_AND_CONTACT_RE.test(s));
}

const NOTES_START_RE = /^(?:填表说明|注|备注|说明)[:：]/;
const NOTE_LINE_RE = /^\d{1,2}[.、]/;

/** The first paragraph of a table's notes. */
export function isNotesStart(text: string): boolean {
  return NOTES_START_RE.test(folded(text));
}

/** A numbered line that goes on with the notes (`2.委托执法的有关数据…`). */
export function isNoteLine(text: string): boolean {
  return NOTE_LINE_RE.test(folded(text));
}

/**
 * A plain decimal number as a clerk writes one in Word (`9`, `818000.7`, `4,005,196.42`, `-3`): the
 * whole text, thousands separators only in groups of three, no leading zero (`007` is a code).
 */
const PLAIN_NUMBER_RE = /^[+-]?(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d+)?$/;

/**
 * What a cell's text becomes in the grid. Word has no cell types, so a figure is text there; in a
 * workbook the same text would be "a number stored as text", reported on every figure
 * (value-number-as-text). A plain number therefore becomes a number, as Excel shows it; anything
 * else (units `9件`, full-width digits, `无`, percentages) stays text and goes through the engine's
 * normaliser exactly as the same text typed into a workbook cell does. More than 15 significant
 * digits stay text (a number would change them, as Excel would).
 */
export function cellValue(text: string): string | number {
  const t = text.trim();
  if (t.length > 0 && t.length <= 24 && PLAIN_NUMBER_RE.test(t)) {
    const digits = t.replace(/[^0-9]/g, "").replace(/^0+/, "");
    if (digits.length <= 15) return Number(t.replace(/,/g, ""));
  }
  return text;
}

/** What names a table: its `附件N` line, else its title, else nothing. */
export function headingOf(lines: readonly string[]): string | null {
  for (const l of lines) if (isAttachmentLine(l)) return l.trim();
  for (const l of lines) if (isTitleLine(l)) return l.trim();
  return null;
}
