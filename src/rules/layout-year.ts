import type { Rule } from "./types";

/** Recognition finds these while reading the frame; the rule reports what it found. */
const rule: Rule = {
  meta: {
    id: "layout-year",
    severity: "error",
    description: "标题没有年份，或年份列不是上年和本年",
    descriptionEn: "The title has no year, or the year columns are not Y-1 and Y",
  },
  check(ctx) {
    for (const t of ctx.tables) {
      for (const p of t.problems) {
        if (p.rule === "layout-year") ctx.report({ table: t, cell: p.cell, message: p.message, messageEn: p.messageEn });
      }
    }
  },
};
export default rule;
