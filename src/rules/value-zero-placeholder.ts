import type { Rule } from "./types";
import { valueCells } from "./cells";

const rule: Rule = {
  meta: {
    id: "value-zero-placeholder",
    severity: "info",
    description: "「无」「/」「-」「—」按 0 读取",
    descriptionEn: "无, /, -, — are read as 0",
  },
  check(ctx) {
    for (const cell of valueCells(ctx.tables)) {
      if (ctx.value(cell.slot, cell.kind).note !== "placeholder") continue;
      ctx.report({
        table: cell.table,
        cell: cell.slot,
        message: `${cell.where}填的是「${String(cell.slot.raw).trim()}」，按 0 读取。`,
        messageEn: `${cell.whereEn} holds "${String(cell.slot.raw).trim()}", read as 0.`,
      });
    }
  },
};
export default rule;
