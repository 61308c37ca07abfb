import type { Rule } from "./types";
import { shown } from "./utils/cells";
import { EXCEL_ERROR_RE } from "../engine/normalize";

const rule: Rule = {
  meta: {
    id: "value-not-number",
    severity: "error",
    description: "数值栏填的不是数字，也不是表示 0 的「无」「/」「-」「—」",
    descriptionEn: "A count or amount cell holds something that is neither a number nor a zero placeholder",
    messages: {
      notNumber: {
        zh: "{{where}}填的是「{{text}}」，不是数字；请填写数字，没有的填 0。",
        en: '{{whereEn}} holds "{{text}}", which is not a number; enter a number (0 for none).',
      },
      formulaError: {
        zh: "{{where}}是公式错误「{{text}}」，不是数字；请修正公式或直接填写数字。",
        en: "{{whereEn}} holds the formula error {{text}}; fix the formula or enter a number.",
      },
    },
  },
  check(ctx) {
    for (const { cell, value } of ctx.lists.flaggedValueCells()) {
      // yes/no cells have their own rule (value-yesno)
      if (cell.kind === "yesno") continue;
      if (value.problem !== "not-number") continue;
      const text = shown(cell.slot.raw);
      const excelError = typeof cell.slot.raw === "string" && EXCEL_ERROR_RE.test(text);
      ctx.report({
        table: cell.table,
        cell: cell.slot,
        messageId: excelError ? "formulaError" : "notNumber",
        data: { where: cell.where, whereEn: cell.whereEn, text },
      });
    }
  },
};
export default rule;
