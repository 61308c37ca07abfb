import type { Rule } from "./types";
import type { LayoutProblem } from "../engine/model";

/**
 * Recognition finds these while reading the frame; the rule reports what it found, once per table
 * (rules.md): the primary cell is the first wrong year cell (or the title), the other wrong year cells
 * are related, and the message names every category whose year columns are wrong. One stale year row
 * is one mistake, not ten.
 */
const rule: Rule = {
  meta: {
    id: "layout-year",
    severity: "error",
    description: "标题没有年份，或年份列不是上年和本年",
    descriptionEn: "The title has no year, or the year columns are not Y-1 and Y",
    messages: {
      // The first problem's wording is recognition's (engine/recognize.ts): the panes' tables view shows
      // it without running any rule, so it is written once there and passed on here.
      problem: { zh: "{{message}}", en: "{{messageEn}}" },
      problemAndOthers: {
        zh: "{{message}}另有 {{count}} 个类别的年份列也不对：{{categories}}，请一并改正。",
        en: "{{messageEn}} {{count}} more categories have wrong year columns: {{categoriesEn}}.",
      },
    },
  },
  check(ctx) {
    for (const t of ctx.tables) {
      let first: LayoutProblem | undefined;
      const related: string[] = [];
      const others: string[] = [];
      for (const p of t.problems) {
        if (p.rule !== "layout-year") continue;
        if (!first) first = p;
        else {
          related.push(p.cell);
          if (p.subject) others.push(p.subject);
        }
        if (p.related) related.push(...p.related);
      }
      if (!first) continue;
      const passed = { message: first.message, messageEn: first.messageEn };
      if (others.length === 0) {
        ctx.report({ table: t, cell: first.cell, related, messageId: "problem", data: passed });
        continue;
      }
      ctx.report({
        table: t,
        cell: first.cell,
        related,
        messageId: "problemAndOthers",
        data: {
          ...passed,
          count: others.length,
          categories: others.map((s) => `「${s}」`).join("、"),
          categoriesEn: others.map((s) => `"${s}"`).join(", "),
        },
      });
    }
  },
};
export default rule;
