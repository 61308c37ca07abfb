import type { Rule } from "./types";
import { tableName, yearLabel } from "./utils/cells";
import { isRealExplanation } from "../engine/normalize";

const rule: Rule = {
  meta: {
    id: "zero-unexplained",
    severity: "warning",
    description: "本年数为 0 而「数据变化原因分析」没有实质说明（执法数据为“0”的也要进行深度分析）",
    descriptionEn: "The current-year value is 0 and the category has no real explanation",
    messages: {
      unexplained: {
        zh: "{{table}}「{{label}}」{{year}}为 0，但「数据变化原因分析」没有说明；填表说明要求数据为“0”的也要分析原因。",
        en: '{{tableEn}} "{{label}}" is 0 this year with no real explanation; the notes require an analysis even for 0.',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.yearly) {
      for (const { cat, slots } of ctx.lists.yearlyCategories(t)) {
        if (ctx.num(slots.current, cat.kind) !== 0) continue;
        if (isRealExplanation(slots.explanation?.raw ?? null)) continue;
        ctx.report({
          table: t,
          cell: slots.current,
          related: slots.explanation ? [slots.explanation] : [],
          messageId: "unexplained",
          data: { table: tableName(t), tableEn: t.id, label: cat.label, year: yearLabel(t, "current") },
        });
      }
    }
  },
};
export default rule;
