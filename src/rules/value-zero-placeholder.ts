import type { Rule } from "./types";
import { tableName } from "./utils/cells";
import { isZeroPlaceholder } from "../engine/normalize";

const rule: Rule = {
  meta: {
    id: "value-zero-placeholder",
    severity: "info",
    description: "「无」「/」「-」「—」按 0 读取",
    descriptionEn: "无, /, -, — are read as 0",
    messages: {
      placeholder: {
        zh: "{{where}}填的是「{{text}}」，按 0 读取。",
        en: '{{whereEn}} holds "{{text}}", read as 0.',
      },
      ratioPlaceholder: {
        zh: "{{table}}「{{label}}」的同比变化填的是「{{text}}」；两年都为 0，按「0.00%」读取。",
        en: '{{tableEn}} "{{label}}": the change ratio holds "{{text}}"; both years are 0, read as 0.00%.',
      },
    },
  },
  check(ctx) {
    for (const { cell, value } of ctx.lists.flaggedValueCells()) {
      if (value.note !== "placeholder") continue;
      ctx.report({
        table: cell.table,
        cell: cell.slot,
        messageId: "placeholder",
        data: { where: cell.where, whereEn: cell.whereEn, text: String(cell.slot.raw).trim() },
      });
    }
    // a placeholder in the ratio cell where both years are 0 is read as 0.00% (rules.md, ratio-wrong)
    for (const t of ctx.yearly) {
      for (const { cat, slots } of ctx.lists.yearlyCategories(t)) {
        const raw = slots.ratio?.raw;
        if (typeof raw !== "string" || !slots.ratio || !isZeroPlaceholder(raw)) continue;
        if (ctx.num(slots.prior, cat.kind) !== 0 || ctx.num(slots.current, cat.kind) !== 0) continue;
        ctx.report({
          table: t,
          cell: slots.ratio,
          related: [slots.prior, slots.current],
          messageId: "ratioPlaceholder",
          data: { table: tableName(t), tableEn: t.id, label: cat.label, text: raw.trim() },
        });
      }
    }
  },
};
export default rule;
