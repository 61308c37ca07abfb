import type { MessageData, Rule } from "./types";
import { blank, columnLabel, tableName, yearLabel, yearlyBlockInUse, type TableLists } from "./utils/cells";
import type { RecognisedYearlyTable, Slot } from "../engine/model";
import type { Column } from "../templates/schema";
import { isBlank } from "../grid/grid";

/** The row as the table numbers it (序号), or the sheet row when 序号 is empty. */
function rowNumber(seq: Slot | undefined, row: number): string {
  return seq && !isBlank(seq.raw) ? String(seq.raw).trim() : String(row + 1);
}

function rowLabel(seq: Slot | undefined, row: number): string {
  return `第${rowNumber(seq, row)}行`;
}

interface Message {
  messageId: string;
  data: MessageData;
}

/**
 * An empty cell that holds a formula is not one the clerk forgot: the formula gives nothing, or the
 * file was saved without its result (made by a program, or with manual calculation). The message
 * names the formula and both causes rather than asking for a figure the clerk did enter.
 */
function emptyMessage(slot: Slot, where: { where: string; whereEn: string }, missing: Message): Message {
  if (!slot.formula) return missing;
  return { messageId: "formula", data: { ...where, formula: slot.formula } };
}

function checkYearly(t: RecognisedYearlyTable, lists: TableLists, report: (cell: Slot, m: Message) => void): void {
  const table = { table: tableName(t), tableEn: t.id };
  const inUse = new Set(t.blocks.filter(yearlyBlockInUse));
  for (const block of t.blocks) {
    if (!inUse.has(block) || !blank(block.unit)) continue;
    report(block.unit, { messageId: "unitMissing", data: { ...table, row: rowNumber(block.seq, block.valueRow), header: t.def.unitHeader } });
  }
  for (const { block, cat, slots } of lists.yearlyCategories(t)) {
    if (!inUse.has(block) || !blank(slots.current)) continue;
    const year = yearLabel(t, "current");
    const where = { where: `${tableName(t)}「${cat.label}」${year}`, whereEn: `${t.id} "${cat.label}" current year` };
    report(slots.current, emptyMessage(slots.current, where, { messageId: "currentMissing", data: { ...table, label: cat.label, year } }));
  }
}

/** What a blank cell of a row in use asks for, by its column: a message each. */
function missingInRow(col: Column): string {
  if (col.key === "name") return "nameMissing";
  if (col.kind === "yesno") return "yesNoMissing";
  if (col.kind === "text" || col.kind === "countOrText") return "textMissing";
  return "countMissing";
}

const rule: Rule = {
  meta: {
    id: "value-missing",
    severity: "error",
    description: "已填写的行中，本年数或单位名称为空",
    descriptionEn: "In a row in use, a current-year value or the unit name is empty",
    messages: {
      unitMissing: {
        zh: "{{table}} 第{{row}}行已填数据，但「{{header}}」未填写；请填写单位名称。",
        en: "{{tableEn}} row {{row}} has figures but no unit name.",
      },
      currentMissing: {
        zh: "{{table}}「{{label}}」{{year}}未填写；没有的请填 0。",
        en: '{{tableEn}} "{{label}}": the current-year value is empty; enter 0 for none.',
      },
      nameMissing: {
        zh: "{{table}} 第{{row}}行「{{label}}」未填写；请填写单位名称。",
        en: '{{tableEn}} row {{row}} "{{label}}" is empty.',
      },
      yesNoMissing: {
        zh: "{{table}} 第{{row}}行「{{label}}」未填写；请填「是」或「否」。",
        en: '{{tableEn}} row {{row}} "{{label}}" is empty.',
      },
      textMissing: {
        zh: "{{table}} 第{{row}}行「{{label}}」未填写；没有的请填「无」或 0。",
        en: '{{tableEn}} row {{row}} "{{label}}" is empty.',
      },
      countMissing: {
        zh: "{{table}} 第{{row}}行「{{label}}」未填写；没有的请填 0。",
        en: '{{tableEn}} row {{row}} "{{label}}" is empty.',
      },
      formula: {
        zh: "{{where}}是公式「{{formula}}」，但没有得到数值（公式结果为空，或文件中没有保存计算结果）；请检查公式，或在 Excel、WPS 中重新计算（F9）并保存后再检查，或直接填写数字。",
        en: "{{whereEn}} holds the formula {{formula}} but no figure (it gives nothing, or the file kept no result); check the formula, or recalculate (F9) and save, or type the figure.",
      },
    },
  },
  check(ctx) {
    for (const t of ctx.yearly) {
      checkYearly(t, ctx.lists, (cell, m) => ctx.report({ table: t, cell, ...m }));
    }
    for (const t of ctx.columns) {
      const table = { table: tableName(t), tableEn: t.id };
      for (const { row } of ctx.lists.bodyRows(t)) {
        if (!row.inUse) continue;
        const rowNo = rowNumber(row.seq, row.row);
        // Every column of a row in use must be filled, 执法领域 and 其他执法设备 included: a blank
        // cannot be told from a forgotten one, and the notes ask for 0 (or 无) where there is none.
        for (const col of t.def.columns) {
          const slot = row.cells[col.key];
          if (!slot || !isBlank(slot.raw)) continue;
          const label = columnLabel(col);
          const where = { where: `${tableName(t)} ${rowLabel(row.seq, row.row)}「${label}」`, whereEn: `${t.id} row ${rowNo} "${label}"` };
          const m = emptyMessage(slot, where, { messageId: missingInRow(col), data: { ...table, row: rowNo, label } });
          ctx.report({ table: t, cell: slot, ...m });
        }
      }
    }
  },
};
export default rule;
