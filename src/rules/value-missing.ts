import type { Rule } from "./types";
import { blank, columnLabel, tableName, yearLabel, yearlyBlockInUse, type TableLists } from "./utils/cells";
import type { RecognisedYearlyTable, Slot } from "../engine/model";
import { isBlank } from "../grid/grid";

/** The row as the table numbers it (序号), or the sheet row when 序号 is empty. */
function rowNumber(seq: Slot | undefined, row: number): string {
  return seq && !isBlank(seq.raw) ? String(seq.raw).trim() : String(row + 1);
}

function rowLabel(seq: Slot | undefined, row: number): string {
  return `第${rowNumber(seq, row)}行`;
}

/**
 * An empty cell that holds a formula is not one the clerk forgot: the formula gives nothing, or the
 * file was saved without its result (made by a program, or with manual calculation). The message
 * names the formula and both causes rather than asking for a figure the clerk did enter.
 */
function emptyMessage(slot: Slot, where: Text, missing: Text): Text {
  if (!slot.formula) return missing;
  return {
    zh: `${where.zh}是公式「${slot.formula}」，但没有得到数值（公式结果为空，或文件中没有保存计算结果）；请检查公式，或在 Excel、WPS 中重新计算（F9）并保存后再检查，或直接填写数字。`,
    en: `${where.en} holds the formula ${slot.formula} but no figure (it gives nothing, or the file kept no result); check the formula, or recalculate (F9) and save, or type the figure.`,
  };
}

interface Text {
  zh: string;
  en: string;
}

function checkYearly(t: RecognisedYearlyTable, lists: TableLists, report: (cell: Slot, message: string, messageEn: string) => void): void {
  const inUse = new Set(t.blocks.filter(yearlyBlockInUse));
  for (const block of t.blocks) {
    if (!inUse.has(block) || !blank(block.unit)) continue;
    report(
      block.unit,
      `${tableName(t)} ${rowLabel(block.seq, block.valueRow)}已填数据，但「${t.def.unitHeader}」未填写；请填写单位名称。`,
      `${t.id} row ${rowNumber(block.seq, block.valueRow)} has figures but no unit name.`,
    );
  }
  for (const { block, cat, slots } of lists.yearlyCategories(t)) {
    if (!inUse.has(block) || !blank(slots.current)) continue;
    const where = { zh: `${tableName(t)}「${cat.label}」${yearLabel(t, "current")}`, en: `${t.id} "${cat.label}" current year` };
    const m = emptyMessage(slots.current, where, {
      zh: `${where.zh}未填写；没有的请填 0。`,
      en: `${t.id} "${cat.label}": the current-year value is empty; enter 0 for none.`,
    });
    report(slots.current, m.zh, m.en);
  }
}

const rule: Rule = {
  meta: {
    id: "value-missing",
    severity: "error",
    description: "已填写的行中，本年数或单位名称为空",
    descriptionEn: "In a row in use, a current-year value or the unit name is empty",
  },
  check(ctx) {
    for (const t of ctx.yearly) {
      checkYearly(t, ctx.lists, (cell, message, messageEn) => ctx.report({ table: t, cell, message, messageEn }));
    }
    for (const t of ctx.columns) {
      for (const { row } of ctx.lists.bodyRows(t)) {
        if (!row.inUse) continue;
        const where = `${tableName(t)} ${rowLabel(row.seq, row.row)}`;
        // Every column of a row in use must be filled, 执法领域 and 其他执法设备 included: a blank
        // cannot be told from a forgotten one, and the notes ask for 0 (or 无) where there is none.
        for (const col of t.def.columns) {
          const slot = row.cells[col.key];
          if (!slot || !isBlank(slot.raw)) continue;
          const label = columnLabel(col);
          const what =
            col.key === "name"
              ? "请填写单位名称"
              : col.kind === "yesno"
                ? "请填「是」或「否」"
                : col.kind === "text" || col.kind === "countOrText"
                  ? "没有的请填「无」或 0"
                  : "没有的请填 0";
          const cell = { zh: `${where}「${label}」`, en: `${t.id} row ${rowNumber(row.seq, row.row)} "${label}"` };
          const m = emptyMessage(slot, cell, { zh: `${cell.zh}未填写；${what}。`, en: `${cell.en} is empty.` });
          ctx.report({ table: t, cell: slot, message: m.zh, messageEn: m.en });
        }
      }
    }
  },
};
export default rule;
