import type { Rule } from "./types";
import { exceeds, present, rowData, show } from "./utils/between";
import { tableDef } from "../templates/tables";

/** 注5 as the form prints it (templates.md), without its number: the message quotes it. */
const NOTE_5 = (tableDef("A5").notes.find((n) => n.startsWith("5.")) ?? "").replace(/^5\./, "");

/**
 * 附件5 注5, checked as the note states it: the receiving system applies the note literally. An empty
 * or unreadable addend does not stop the check when the readable ones already exceed 移送案件数: the
 * missing ones can only add to the sum (value-missing reports the gap itself).
 */
const rule: Rule = {
  meta: {
    id: "a5-forward-sum",
    severity: "error",
    description: "附件5「移送案件数」小于「刑事立案数」「刑事不予立案数」「不予起诉案件数」之和（注5）",
    descriptionEn: "附件5 transferred cases are fewer than filed + not filed + not prosecuted (note 5)",
    messages: {
      fewerThanSum: {
        zh: `{{table}} {{row}}：「正向衔接/移送案件数（件）」为 {{transferred}}，小于「刑事立案数」「刑事不予立案数」「不予起诉案件数」之和 {{filed}} + {{notFiled}} + {{notProsecuted}} = {{sum}}。注5：${NOTE_5}（上报系统按注5原文校验）`,
        en: `{{tableEn}} {{rowEn}}: {{transferred}} cases transferred, fewer than filed + not filed + not prosecuted = {{sum}}. Note 5 of the form: "${NOTE_5}" (transferred cases must be at least the sum of the three; the receiving system checks the note as written).`,
      },
    },
  },
  check(ctx) {
    for (const t of ctx.columns) {
      if (t.id !== "A5") continue;
      for (const row of t.rows) {
        if (!row.inUse) continue;
        const c = row.cells;
        const transferred = ctx.num(c.transferred, "count");
        if (transferred === null) continue;
        const parts = [c.filed, c.notFiled, c.notProsecuted].map((s) => ctx.num(s, "count") ?? 0);
        const sum = parts.reduce((a, b) => a + b, 0);
        if (!exceeds(sum, transferred)) continue;
        ctx.report({
          table: t,
          cell: c.transferred,
          related: present(c.filed, c.notFiled, c.notProsecuted),
          messageId: "fewerThanSum",
          data: {
            ...rowData(t, row),
            transferred: show(transferred),
            filed: show(parts[0]),
            notFiled: show(parts[1]),
            notProsecuted: show(parts[2]),
            sum: show(sum),
          },
        });
      }
    }
  },
};
export default rule;
