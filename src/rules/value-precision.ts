import type { Rule } from "./types";
import { shown } from "./utils/cells";

const rule: Rule = {
  meta: {
    id: "value-precision",
    severity: "error",
    description: "金额（元）超过 2 位小数，或金额（万元）超过 4 位小数",
    descriptionEn: "An amount in yuan has more than 2 decimals, or in 10k yuan more than 4",
  },
  check(ctx) {
    for (const cell of ctx.lists.valueCells()) {
      if (ctx.value(cell.slot, cell.kind).problem !== "precision") continue;
      const text = shown(cell.slot.raw);
      const wan = cell.kind === "wan";
      ctx.report({
        table: cell.table,
        cell: cell.slot,
        message: `${cell.where}填的是「${text}」，金额以${wan ? "万元" : "元"}为单位最多保留 ${wan ? 4 : 2} 位小数；请核实后修改。`,
        messageEn: `${cell.whereEn} holds ${text}; amounts in ${wan ? "10k yuan" : "yuan"} have at most ${wan ? 4 : 2} decimals.`,
      });
    }
  },
};
export default rule;
