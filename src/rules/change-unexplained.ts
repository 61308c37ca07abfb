import type { Rule } from "./types";
import { tableName, yearLabel } from "./utils/cells";
import { isRealExplanation } from "../engine/normalize";
import { computeRatio } from "../engine/ratio";

const rule: Rule = {
  meta: {
    id: "change-unexplained",
    severity: "warning",
    description: "数据同比变化较大（或由 0 变为非 0、由非 0 变为 0）而「数据变化原因分析」没有实质说明",
    descriptionEn: "A large change (or from/to zero) has no real explanation",
    messages: {
      fromZero: {
        zh: "{{table}}「{{label}}」{{priorYear}} {{prior}}，{{currentYear}} {{current}}，由上年的 0 变为非 0，但「数据变化原因分析」没有说明；请写明变化原因。",
        en: '{{tableEn}} "{{label}}" rose from 0 ({{prior}} → {{current}}) with no real explanation.',
      },
      toZero: {
        zh: "{{table}}「{{label}}」{{priorYear}} {{prior}}，{{currentYear}} {{current}}，由上年的非 0 变为 0，但「数据变化原因分析」没有说明；请写明变化原因。",
        en: '{{tableEn}} "{{label}}" fell to 0 ({{prior}} → {{current}}) with no real explanation.',
      },
      large: {
        zh: "{{table}}「{{label}}」{{priorYear}} {{prior}}，{{currentYear}} {{current}}，同比变化 {{ratio}}（达到 {{pct}}% 的核实幅度），但「数据变化原因分析」没有说明；请写明变化原因。",
        en: '{{tableEn}} "{{label}}" changed by {{ratio}} (threshold {{pct}}%) ({{prior}} → {{current}}) with no real explanation.',
      },
    },
  },
  check(ctx) {
    const threshold = ctx.settings.changeThreshold;
    const pct = Math.round(threshold * 10000) / 100;
    for (const t of ctx.yearly) {
      for (const { cat, slots } of ctx.lists.yearlyCategories(t)) {
        const prior = ctx.num(slots.prior, cat.kind);
        const current = ctx.num(slots.current, cat.kind);
        // a negative figure is an error of its own (value-negative); its "change" means nothing
        if (prior === null || current === null || prior < 0 || current < 0) continue;
        const ratio = computeRatio(prior, current);
        let messageId: string;
        if (ratio.kind === "prior-zero") messageId = "fromZero";
        else if (ratio.kind === "percent" && prior > 0 && current === 0) messageId = "toZero";
        else if (ratio.kind === "percent" && Math.abs(ratio.value) >= threshold - 1e-12) messageId = "large";
        else continue;
        // Both this rule and zero-unexplained fire on a fall to 0: rules.md lists both, and they ask
        // for different things (why the figure changed; why there is none). One explanation settles both.
        if (isRealExplanation(slots.explanation?.raw ?? null)) continue;
        const data: Record<string, string | number> = {
          table: tableName(t),
          tableEn: t.id,
          label: cat.label,
          priorYear: yearLabel(t, "prior"),
          prior,
          currentYear: yearLabel(t, "current"),
          current,
          pct,
        };
        // set, not spread into the literal: node 20 copies spread properties on a slow path, and this rule reports on most files
        if (ratio.kind === "percent") data.ratio = ratio.text;
        ctx.report({
          table: t,
          cell: slots.current,
          related: slots.explanation ? [slots.prior, slots.explanation] : [slots.prior],
          messageId,
          data,
        });
      }
    }
  },
};
export default rule;
