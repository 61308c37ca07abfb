import type { Rule } from "./types";
import { tableName } from "./utils/cells";

const rule: Rule = {
  meta: {
    id: "ratio-missing",
    severity: "warning",
    description: "两年都有数据但「同比变化(+-比率)」为空",
    descriptionEn: "The change-ratio cell is empty although both years have values",
    messages: {
      missing: {
        zh: "{{table}}「{{label}}」的同比变化未填写；可点「计算同比」自动填入。",
        en: '{{tableEn}} "{{label}}": the change ratio is empty; use Fill ratios.',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.yearly) {
      for (const { cat, slots } of ctx.lists.yearlyCategories(t)) {
        if (!slots.ratio) continue;
        const raw = slots.ratio.raw;
        if (raw !== null && !(typeof raw === "string" && raw.trim() === "")) continue;
        if (ctx.num(slots.prior, cat.kind) === null || ctx.num(slots.current, cat.kind) === null) continue;
        ctx.report({
          table: t,
          cell: slots.ratio,
          related: [slots.prior, slots.current],
          messageId: "missing",
          data: { table: tableName(t), tableEn: t.id, label: cat.label },
        });
      }
    }
  },
};
export default rule;
