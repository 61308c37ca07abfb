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
  },
  check(ctx) {
    for (const cell of ctx.lists.valueCells()) {
      if (ctx.value(cell.slot, cell.kind).problem !== "not-integer") continue;
      const text = shown(cell.slot.raw);
      ctx.report({
        table: cell.table,
        cell: cell.slot,
        message: `${cell.where}填的是「${text}」，${countNoun(cell)}应为整数。`,
        messageEn: `${cell.whereEn} holds ${text}; a count must be a whole number.`,
      });
    }
  },
};
export default rule;
