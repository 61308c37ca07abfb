import type { Rule } from "./types";
import { tableName } from "./utils/cells";
import { isZeroPlaceholder } from "../engine/normalize";

const rule: Rule = {
  meta: {
    id: "value-zero-placeholder",
    severity: "info",
    description: "「无」「/」「-」「—」按 0 读取",
    descriptionEn: "无, /, -, — are read as 0",
  },
  check(ctx) {
    for (const cell of ctx.lists.valueCells()) {
      if (ctx.value(cell.slot, cell.kind).note !== "placeholder") continue;
      ctx.report({
        table: cell.table,
        cell: cell.slot,
        message: `${cell.where}填的是「${String(cell.slot.raw).trim()}」，按 0 读取。`,
        messageEn: `${cell.whereEn} holds "${String(cell.slot.raw).trim()}", read as 0.`,
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
          message: `${tableName(t)}「${cat.label}」的同比变化填的是「${raw.trim()}」；两年都为 0，按「0.00%」读取。`,
          messageEn: `${t.id} "${cat.label}": the change ratio holds "${raw.trim()}"; both years are 0, read as 0.00%.`,
        });
      }
    }
  },
};
export default rule;
