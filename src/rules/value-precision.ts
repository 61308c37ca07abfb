import type { Rule } from "./types";
import { shown } from "./utils/cells";

const rule: Rule = {
  meta: {
    id: "value-precision",
    severity: "error",
    description: "金额（元）超过 2 位小数，或金额（万元）超过 4 位小数",
    descriptionEn: "An amount in yuan has more than 2 decimals, or in 10k yuan more than 4",
    messages: {
      yuan: {
        zh: "{{where}}填的是「{{text}}」，金额以元为单位最多保留 2 位小数；请核实后修改。",
        en: "{{whereEn}} holds {{text}}; amounts in yuan have at most 2 decimals.",
      },
      wan: {
        zh: "{{where}}填的是「{{text}}」，金额以万元为单位最多保留 4 位小数；请核实后修改。",
        en: "{{whereEn}} holds {{text}}; amounts in 10k yuan have at most 4 decimals.",
      },
    },
  },
  check(ctx) {
    for (const { cell, value } of ctx.lists.flaggedValueCells()) {
      if (value.problem !== "precision") continue;
      ctx.report({
        table: cell.table,
        cell: cell.slot,
        messageId: cell.kind === "wan" ? "wan" : "yuan",
        data: { where: cell.where, whereEn: cell.whereEn, text: shown(cell.slot.raw) },
      });
    }
  },
};
export default rule;
