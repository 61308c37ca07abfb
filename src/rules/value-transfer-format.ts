import type { Rule } from "./types";
import { shown } from "./utils/cells";

const rule: Rule = {
  meta: {
    id: "value-transfer-format",
    severity: "error",
    description: "附件2 移送司法机关刑事案件栏应为「N」或「N(M)」，且未立案数 M 不大于 N",
    descriptionEn: "附件2 transfers must read N or N(M) with M ≤ N",
  },
  check(ctx) {
    for (const cell of ctx.lists.valueCells()) {
      if (cell.kind !== "transfer") continue;
      const v = ctx.value(cell.slot, cell.kind);
      if (v.problem !== "transfer-format") continue;
      const text = shown(cell.slot.raw);
      const tooMany = v.num !== null && v.unfiled !== null && v.unfiled !== undefined && v.unfiled > v.num;
      ctx.report({
        table: cell.table,
        cell: cell.slot,
        message: tooMany
          ? `${cell.where}填的是「${text}」，其中未立案数 ${v.unfiled} 大于移送件数 ${v.num}；请核实。`
          : `${cell.where}填的是「${text}」，应填移送件数 N，有未立案的写成「N(M)」（M 为其中未立案数），如「3(1)」。`,
        messageEn: tooMany
          ? `${cell.whereEn} holds "${text}": ${v.unfiled} not filed exceeds ${v.num} transferred.`
          : `${cell.whereEn} holds "${text}"; write N, or N(M) with M cases not placed on file, e.g. 3(1).`,
      });
    }
  },
};
export default rule;
