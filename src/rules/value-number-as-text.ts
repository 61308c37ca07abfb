import type { Rule } from "./types";
import { shown } from "./utils/cells";

const rule: Rule = {
  meta: {
    id: "value-number-as-text",
    severity: "info",
    description: "数字以文本形式填写（含千分位、全角数字或单位），已按数字读取",
    descriptionEn: "A number written as text, with separators, full-width digits or a unit suffix, read as the number",
    messages: {
      asText: {
        zh: "{{where}}填的是文本「{{text}}」，已按数字 {{num}} 读取。",
        en: '{{whereEn}} holds the text "{{text}}", read as the number {{num}}.',
      },
    },
  },
  check(ctx) {
    for (const { cell, value: v } of ctx.lists.flaggedValueCells()) {
      // A value with a problem gets its error, which quotes the text already; saying also "read as
      // a number" would only add noise beside it.
      if (v.note !== "as-text" || v.problem || v.num === null) continue;
      ctx.report({
        table: cell.table,
        cell: cell.slot,
        messageId: "asText",
        data: { where: cell.where, whereEn: cell.whereEn, text: shown(cell.slot.raw), num: v.num },
      });
    }
  },
};
export default rule;
