import type { Rule } from "./types";
import { tableName, yearLabel } from "./utils/cells";
import { explainsUnfiled } from "../engine/normalize";

const rule: Rule = {
  meta: {
    id: "unfiled-unexplained",
    severity: "warning",
    description: "附件2 移送司法机关的案件中有未立案的，而「数据变化原因分析」没有说明未立案的主要原因",
    descriptionEn: "Transfers not placed on file have no stated reasons",
    messages: {
      unexplained: {
        zh: "{{table}}「{{label}}」{{year}}移送 {{transfers}} 件，其中未立案 {{unfiled}} 件，但「数据变化原因分析」没有说明未立案的主要原因；请补充。",
        en: '{{tableEn}} "{{label}}": {{unfiled}} of {{transfers}} transfers not placed on file, with no reasons given.',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.yearly) {
      for (const { cat, slots } of ctx.lists.yearlyCategories(t)) {
        if (cat.kind !== "transfer") continue;
        // Only the report year: the explanation cell analyses this year's figures, and rules.md makes
        // the current-year cell the primary one.
        const v = ctx.value(slots.current, cat.kind);
        const unfiled = v.unfiled ?? 0;
        if (v.num === null || unfiled <= 0) continue;
        if (explainsUnfiled(slots.explanation?.raw ?? null)) continue;
        ctx.report({
          table: t,
          cell: slots.current,
          related: slots.explanation ? [slots.explanation] : [],
          messageId: "unexplained",
          data: { table: tableName(t), tableEn: t.id, label: cat.label, year: yearLabel(t, "current"), transfers: v.num, unfiled },
        });
      }
    }
  },
};
export default rule;
