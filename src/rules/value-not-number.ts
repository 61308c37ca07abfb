import type { Rule } from "./types";
import { valueCells } from "./cells";
import { EXCEL_ERROR_RE } from "../engine/normalize";

/** The raw value as the clerk sees it in the cell, for quoting in a message. */
export function shown(raw: unknown): string {
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  if (typeof raw === "number" && Number.isNaN(raw)) return "NaN";
  return String(raw).trim();
}

const rule: Rule = {
  meta: {
    id: "value-not-number",
    severity: "error",
    description: "数值栏填的不是数字，也不是表示 0 的「无」「/」「-」「—」",
    descriptionEn: "A count or amount cell holds something that is neither a number nor a zero placeholder",
  },
  check(ctx) {
    for (const cell of valueCells(ctx.tables)) {
      // yes/no cells have their own rule (value-yesno)
      if (cell.kind === "yesno") continue;
      if (ctx.value(cell.slot, cell.kind).problem !== "not-number") continue;
      const text = shown(cell.slot.raw);
      const excelError = typeof cell.slot.raw === "string" && EXCEL_ERROR_RE.test(text);
      ctx.report({
        table: cell.table,
        cell: cell.slot,
        message: excelError
          ? `${cell.where}是公式错误「${text}」，不是数字；请修正公式或直接填写数字。`
          : `${cell.where}填的是「${text}」，不是数字；请填写数字，没有的填 0。`,
        messageEn: excelError
          ? `${cell.whereEn} holds the formula error ${text}; fix the formula or enter a number.`
          : `${cell.whereEn} holds "${text}", which is not a number; enter a number (0 for none).`,
      });
    }
  },
};
export default rule;
