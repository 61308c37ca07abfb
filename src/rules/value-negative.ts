import type { Rule } from "./types";
import { valueCells } from "./cells";
import { shown } from "./value-not-number";

const rule: Rule = {
  meta: {
    id: "value-negative",
    severity: "error",
    description: "数值小于 0",
    descriptionEn: "A number below 0",
  },
  check(ctx) {
    for (const cell of valueCells(ctx.tables)) {
      if (ctx.value(cell.slot, cell.kind).problem !== "negative") continue;
      const text = shown(cell.slot.raw);
      ctx.report({
        table: cell.table,
        cell: cell.slot,
        message: `${cell.where}填的是「${text}」，不能为负数；请核实后填写 0 或正数。`,
        messageEn: `${cell.whereEn} holds ${text}; a figure cannot be negative.`,
      });
    }
  },
};
export default rule;
