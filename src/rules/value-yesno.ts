import type { Rule } from "./types";
import { shown } from "./utils/cells";

const rule: Rule = {
  meta: {
    id: "value-yesno",
    severity: "error",
    description: "附件5「是否使用“两法衔接平台”」应填「是」或「否」",
    descriptionEn: "附件5 platform use must be 是 or 否",
    messages: {
      notYesNo: {
        zh: "{{where}}填的是「{{text}}」，应填「是」或「否」。",
        en: '{{whereEn}} holds "{{text}}"; enter 是 (yes) or 否 (no).',
      },
    },
  },
  check(ctx) {
    for (const { cell, value } of ctx.lists.flaggedValueCells()) {
      if (cell.kind !== "yesno" || value.problem !== "yesno") continue;
      ctx.report({
        table: cell.table,
        cell: cell.slot,
        messageId: "notYesNo",
        data: { where: cell.where, whereEn: cell.whereEn, text: shown(cell.slot.raw) },
      });
    }
  },
};
export default rule;
