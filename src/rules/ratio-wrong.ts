import type { Rule } from "./types";
import { shown, tableName, yearLabel } from "./utils/cells";
import { isBlank } from "../grid/grid";
import { isZeroPlaceholder } from "../engine/normalize";
import { computeRatio, ratioAgrees, readRatioCell } from "../engine/ratio";

/** The ratio as the clerk sees it: a number formatted as % shows as a percentage, not as 0.2857. */
function ratioShown(raw: unknown): string {
  if (typeof raw === "number" && Number.isFinite(raw)) return `${Number((raw * 100).toFixed(4))}%`;
  return shown(raw);
}

const rule: Rule = {
  meta: {
    id: "ratio-wrong",
    severity: "error",
    description: "「同比变化(+-比率)」与按两年数据计算的结果不符",
    descriptionEn: "The change-ratio cell disagrees with the ratio computed from the two years",
  },
  check(ctx) {
    for (const t of ctx.yearly) {
      for (const { cat, slots } of ctx.lists.yearlyCategories(t)) {
        if (!slots.ratio || isBlank(slots.ratio.raw)) continue;
        const prior = ctx.num(slots.prior, cat.kind);
        const current = ctx.num(slots.current, cat.kind);
        const ratio = computeRatio(prior, current);
        // With a year missing there is nothing to compare with; prior-missing / value-missing say so.
        if (ratio.kind === "none") continue;
        if (ratioAgrees(slots.ratio.raw, ratio)) continue;
        // both years 0: `/`, `－`, `无` … read as 0.00% (rules.md); value-zero-placeholder notes it
        if (prior === 0 && current === 0 && isZeroPlaceholder(slots.ratio.raw)) continue;
        const text = ratioShown(slots.ratio.raw);
        const unreadable = readRatioCell(slots.ratio.raw) === null;
        const basis = `按 ${yearLabel(t, "prior")} ${prior}、${yearLabel(t, "current")} ${current} 计算应为「${ratio.text}」`;
        const hint = ratio.kind === "prior-zero" ? "（上年为 0 时不计算百分比）" : "";
        ctx.report({
          table: t,
          cell: slots.ratio,
          related: [slots.prior, slots.current],
          message: unreadable
            ? `${tableName(t)}「${cat.label}」的同比变化填的是「${text}」，不是比率；${basis}${hint}。可点「计算同比」自动填入。`
            : `${tableName(t)}「${cat.label}」的同比变化填的是「${text}」，${basis}${hint}；可点「计算同比」重新计算。`,
          messageEn: `${t.id} "${cat.label}": the change ratio reads "${text}" but ${prior} → ${current} gives ${ratio.kind === "prior-zero" ? "上年为0 (prior year 0)" : ratio.text}.`,
        });
      }
    }
  },
};
export default rule;
