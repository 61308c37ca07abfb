import type { Rule } from "./types";
import { shown } from "./utils/cells";

const rule: Rule = {
  meta: {
    id: "value-yesno",
    severity: "error",
    description: "附件5「是否使用“两法衔接平台”」应填「是」或「否」",
    descriptionEn: "附件5 platform use must be 是 or 否",
  },
  check(ctx) {
    for (const cell of ctx.lists.valueCells()) {
      if (cell.kind !== "yesno" || ctx.value(cell.slot, cell.kind).problem !== "yesno") continue;
      const text = shown(cell.slot.raw);
      ctx.report({
        table: cell.table,
        cell: cell.slot,
        message: `${cell.where}填的是「${text}」，应填「是」或「否」。`,
        messageEn: `${cell.whereEn} holds "${text}"; enter 是 (yes) or 否 (no).`,
      });
    }
  },
};
export default rule;
