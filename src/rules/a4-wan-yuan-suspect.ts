import type { Rule } from "./types";
import { columnName, rowData, show } from "./utils/between";

/** 1 亿元 of fines from electronic monitoring in three years is implausible for one department; 元 typed into a 万元 column is not. */
const THRESHOLD_WAN = 10000;

const rule: Rule = {
  meta: {
    id: "a4-wan-yuan-suspect",
    severity: "warning",
    description: "附件4「近三年罚款金额（万元）」不少于 10000，可能按元填写",
    descriptionEn: "附件4 three-year fines of 10000 (万元) or more: probably typed in yuan",
    messages: {
      probablyYuan: {
        zh: "{{table}} {{row}}：「{{column}}」为 {{wan}} 万元（即 {{yi}} 亿元），可能是按“元”填写的；该栏单位为万元，如按元填写请除以 10000。",
        en: "{{tableEn}} {{rowEn}}: {{wan}} (10k yuan) of fines, probably typed in yuan; divide by 10000.",
      },
    },
  },
  check(ctx) {
    for (const t of ctx.columns) {
      if (t.id !== "A4") continue;
      for (const row of t.rows) {
        if (!row.inUse) continue;
        const slot = row.cells.monitoringFines;
        const wan = ctx.num(slot, "wan");
        if (!slot || wan === null || wan < THRESHOLD_WAN) continue;
        ctx.report({
          table: t,
          cell: slot,
          messageId: "probablyYuan",
          data: {
            ...rowData(t, row),
            column: columnName(t, "monitoringFines"),
            wan: show(wan),
            yi: show(wan / 10000),
          },
        });
      }
    }
  },
};
export default rule;
