import type { Rule } from "./types";
import { shown } from "./utils/cells";

const rule: Rule = {
  meta: {
    id: "value-negative",
    severity: "error",
    description: "数值小于 0",
    descriptionEn: "A number below 0",
    messages: {
      negative: {
        zh: "{{where}}填的是「{{text}}」，不能为负数；请核实后填写 0 或正数。",
        en: "{{whereEn}} holds {{text}}; a figure cannot be negative.",
      },
    },
  },
  check(ctx) {
    for (const { cell, value } of ctx.lists.flaggedValueCells()) {
      if (value.problem !== "negative") continue;
      ctx.report({
        table: cell.table,
        cell: cell.slot,
        messageId: "negative",
        data: { where: cell.where, whereEn: cell.whereEn, text: shown(cell.slot.raw) },
      });
    }
  },
};
export default rule;
