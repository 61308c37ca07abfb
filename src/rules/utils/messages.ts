/** Filling a rule's message (meta.messages) with the data of one report. */
import type { MessageData } from "../types";

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** A message cut at its placeholders: text, then a placeholder as written and its name, then text, and so on. */
type Pieces = string[];
const CUT_AT = /(\{\{\s*(\w+)\s*\}\})/;

// Messages are few and fixed (the rules' meta.messages), and each batch fills them thousands of times:
// cut each once. Bounded all the same, should a caller ever pass text of its own.
const cut = new Map<string, Pieces>();
const CUT_MAX = 2000;

function piecesOf(template: string): Pieces {
  let pieces = cut.get(template);
  if (pieces) return pieces;
  pieces = template.split(CUT_AT);
  if (cut.size < CUT_MAX) cut.set(template, pieces);
  return pieces;
}

/**
 * `{{name}}` replaced by `data.name`, in one pass: text from the workbook that itself holds `{{…}}` is
 * put in as it is, never filled again. A placeholder without data stays, as ESLint leaves it.
 */
export function fillMessage(template: string, data: MessageData = {}): string {
  const pieces = piecesOf(template);
  let out = pieces[0];
  for (let i = 1; i < pieces.length; i += 3) {
    const key = pieces[i + 1];
    out += (Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : pieces[i]) + pieces[i + 2];
  }
  return out;
}

/** The placeholder names of a message, for checking that its two languages take the same data. */
export function placeholders(template: string): string[] {
  const names: string[] = [];
  template.replace(PLACEHOLDER, (whole: string, key: string) => {
    if (names.indexOf(key) < 0) names.push(key);
    return whole;
  });
  return names.sort();
}
