import type { Rule } from "./types";
import { exceeds, present, rowData, show } from "./utils/between";

/** 附件5 注6; as in a5-forward-sum, readable addends that already exceed the total are enough. */
const rule: Rule = {
  meta: {
    id: "a5-reverse-sum",
    severity: "error",
    description: "附件5「反向衔接受案数」小于「行政处罚立案数」与「不予行政处罚案件数」之和（注6）",
    descriptionEn: "附件5 reverse cases received are fewer than penalty cases filed + not penalised (note 6)",
    messages: {
      fewerThanSum: {
        zh: "{{table}} {{row}}：「反向衔接/反向衔接受案数」为 {{received}}，小于「行政处罚立案数」与「不予行政处罚案件数」之和 {{filed}} + {{notPenalised}} = {{sum}}；注6要求反向衔接受案数大于等于二者之和。",
        en: "{{tableEn}} {{rowEn}}: {{received}} reverse cases received, fewer than filed + not penalised = {{sum}} (note 6).",
      },
    },
  },
  check(ctx) {
    for (const t of ctx.columns) {
      if (t.id !== "A5") continue;
      for (const row of t.rows) {
        if (!row.inUse) continue;
        const c = row.cells;
        const received = ctx.num(c.reverseReceived, "count");
        if (received === null) continue;
        const parts = [c.reverseFiled, c.reverseNotPenalised].map((s) => ctx.num(s, "count") ?? 0);
        const sum = parts[0] + parts[1];
        if (!exceeds(sum, received)) continue;
        ctx.report({
          table: t,
          cell: c.reverseReceived,
          related: present(c.reverseFiled, c.reverseNotPenalised),
          messageId: "fewerThanSum",
          data: {
            ...rowData(t, row),
            received: show(received),
            filed: show(parts[0]),
            notPenalised: show(parts[1]),
            sum: show(sum),
          },
        });
      }
    }
  },
};
export default rule;
