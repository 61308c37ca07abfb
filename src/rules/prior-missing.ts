import type { Rule } from "./types";
import { tableName, yearLabel, yearlyBlockInUse } from "./utils/cells";
import { isBlank } from "../grid/grid";

const rule: Rule = {
  meta: {
    id: "prior-missing",
    severity: "warning",
    description: "上年数未填写",
    descriptionEn: "A prior-year value is empty",
    messages: {
      missing: {
        zh: "{{table}}「{{label}}」{{year}}（上年数）未填写；请按上年报表填写（可导入上年报表），没有的填 0。",
        en: '{{tableEn}} "{{label}}": the prior-year value is empty; take it from last year\'s report.',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.yearly) {
      const inUse = new Set(t.blocks.filter(yearlyBlockInUse));
      for (const { block, cat, slots } of ctx.lists.yearlyCategories(t)) {
        if (!inUse.has(block) || !isBlank(slots.prior.raw)) continue;
        ctx.report({
          table: t,
          cell: slots.prior,
          messageId: "missing",
          data: { table: tableName(t), tableEn: t.id, label: cat.label, year: yearLabel(t, "prior") },
        });
      }
    }
  },
};
export default rule;
