import type { Rule } from "./types";

/** Recognition finds these while reading the frame; the rule reports what it found. */
const rule: Rule = {
  meta: {
    id: "layout-header",
    severity: "error",
    description: "表头缺少、重复或错排了类别/栏目",
    descriptionEn: "A category or column of the header is missing, duplicated or out of order",
    messages: {
      // The wording is recognition's (engine/recognize.ts): the panes' tables view shows the same problem
      // without running any rule, so the text is written once there and passed on here.
      problem: { zh: "{{message}}", en: "{{messageEn}}" },
    },
  },
  check(ctx) {
    for (const t of ctx.tables) {
      for (const p of t.problems) {
        if (p.rule === "layout-header") ctx.report({ table: t, cell: p.cell, messageId: "problem", data: { message: p.message, messageEn: p.messageEn } });
      }
    }
  },
};
export default rule;
