import type { Rule } from "./types";
import { shown, type ValueCell } from "./utils/cells";

/** What the count counts, from the unit in its label: `行政处罚(件)` → 件数. */
function countNoun(cell: ValueCell): string {
  const label = /「([^」]*)」/.exec(cell.where)?.[1] ?? "";
  const unit = /[(（]([^()（）]+)[)）]$/.exec(label.trim())?.[1] ?? "";
  if (unit.startsWith("人次") || unit.startsWith("人")) return "人数";
  if (unit.startsWith("学时") || unit.startsWith("时")) return "学时数";
  const nouns: Record<string, string> = { 件: "件数", 次: "次数", 起: "起数", 台: "台数", 辆: "车辆数" };
  return nouns[unit] ?? "该项";
}

const rule: Rule = {
  meta: {
    id: "value-not-integer",
    severity: "error",
    description: "件数、次数、人数等计数有小数",
    descriptionEn: "A count has a fractional part",
    messages: {
      notInteger: {
        zh: "{{where}}填的是「{{text}}」，{{noun}}应为整数。",
        en: "{{whereEn}} holds {{text}}; a count must be a whole number.",
      },
    },
  },
  check(ctx) {
    for (const { cell, value } of ctx.lists.flaggedValueCells()) {
      if (value.problem !== "not-integer") continue;
      ctx.report({
        table: cell.table,
        cell: cell.slot,
        messageId: "notInteger",
        // the noun comes from the label's unit (件, 人, 学时…): one message per unit would repeat it a dozen times
        data: { where: cell.where, whereEn: cell.whereEn, text: shown(cell.slot.raw), noun: countNoun(cell) },
      });
    }
  },
};
export default rule;
