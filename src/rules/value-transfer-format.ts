import type { Rule } from "./types";
import { shown } from "./utils/cells";

const rule: Rule = {
  meta: {
    id: "value-transfer-format",
    severity: "error",
    description: "附件2 移送司法机关刑事案件栏应为「N」或「N(M)」，且未立案数 M 不大于 N",
    descriptionEn: "附件2 transfers must read N or N(M) with M ≤ N",
    messages: {
      format: {
        zh: "{{where}}填的是「{{text}}」，应填移送件数 N，有未立案的写成「N(M)」（M 为其中未立案数），如「3(1)」。",
        en: '{{whereEn}} holds "{{text}}"; write N, or N(M) with M cases not placed on file, e.g. 3(1).',
      },
      unfiledExceeds: {
        zh: "{{where}}填的是「{{text}}」，其中未立案数 {{unfiled}} 大于移送件数 {{num}}；请核实。",
        en: '{{whereEn}} holds "{{text}}": {{unfiled}} not filed exceeds {{num}} transferred.',
      },
    },
  },
  check(ctx) {
    for (const { cell, value: v } of ctx.lists.flaggedValueCells()) {
      if (cell.kind !== "transfer") continue;
      if (v.problem !== "transfer-format") continue;
      const data = { where: cell.where, whereEn: cell.whereEn, text: shown(cell.slot.raw) };
      if (v.num !== null && v.unfiled !== null && v.unfiled !== undefined && v.unfiled > v.num) {
        ctx.report({ table: cell.table, cell: cell.slot, messageId: "unfiledExceeds", data: { ...data, unfiled: v.unfiled, num: v.num } });
      } else {
        ctx.report({ table: cell.table, cell: cell.slot, messageId: "format", data });
      }
    }
  },
};
export default rule;
