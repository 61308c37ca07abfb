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
    messages: {
      notRatio: {
        zh: "{{table}}「{{label}}」的同比变化填的是「{{text}}」，不是比率；按 {{priorYear}} {{prior}}、{{currentYear}} {{current}} 计算应为「{{expected}}」。可点「计算同比」自动填入。",
        en: '{{tableEn}} "{{label}}": the change ratio reads "{{text}}" but {{prior}} → {{current}} gives {{expected}}.',
      },
      notRatioPriorZero: {
        zh: "{{table}}「{{label}}」的同比变化填的是「{{text}}」，不是比率；按 {{priorYear}} {{prior}}、{{currentYear}} {{current}} 计算应为「上年为0」（上年为 0 时不计算百分比）。可点「计算同比」自动填入。",
        en: '{{tableEn}} "{{label}}": the change ratio reads "{{text}}" but {{prior}} → {{current}} gives 上年为0 (prior year 0).',
      },
      wrong: {
        zh: "{{table}}「{{label}}」的同比变化填的是「{{text}}」，按 {{priorYear}} {{prior}}、{{currentYear}} {{current}} 计算应为「{{expected}}」；可点「计算同比」重新计算。",
        en: '{{tableEn}} "{{label}}": the change ratio reads "{{text}}" but {{prior}} → {{current}} gives {{expected}}.',
      },
      wrongPriorZero: {
        zh: "{{table}}「{{label}}」的同比变化填的是「{{text}}」，按 {{priorYear}} {{prior}}、{{currentYear}} {{current}} 计算应为「上年为0」（上年为 0 时不计算百分比）；可点「计算同比」重新计算。",
        en: '{{tableEn}} "{{label}}": the change ratio reads "{{text}}" but {{prior}} → {{current}} gives 上年为0 (prior year 0).',
      },
    },
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
        const unreadable = readRatioCell(slots.ratio.raw) === null;
        const priorZero = ratio.kind === "prior-zero";
        const data = {
          table: tableName(t),
          tableEn: t.id,
          label: cat.label,
          text: ratioShown(slots.ratio.raw),
          priorYear: yearLabel(t, "prior"),
          prior: String(prior),
          currentYear: yearLabel(t, "current"),
          current: String(current),
        };
        ctx.report({
          table: t,
          cell: slots.ratio,
          related: [slots.prior, slots.current],
          // 上年为0 is written out in the prior-zero messages, beside the hint that no percentage is computed then
          messageId: priorZero ? (unreadable ? "notRatioPriorZero" : "wrongPriorZero") : unreadable ? "notRatio" : "wrong",
          data: priorZero ? data : { ...data, expected: ratio.text },
        });
      }
    }
  },
};
export default rule;
