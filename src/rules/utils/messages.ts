/** Filling a rule's message (meta.messages) with the data of one report. */
import type { MessageData } from "../types";

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * `{{name}}` replaced by `data.name`, in one pass: text from the workbook that itself holds `{{…}}` is
 * put in as it is, never filled again. A placeholder without data stays, as ESLint leaves it.
 */
export function fillMessage(template: string, data: MessageData = {}): string {
  return template.replace(PLACEHOLDER, (whole: string, key: string) => (Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : whole));
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
