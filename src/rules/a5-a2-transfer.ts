import type { Rule } from "./types";
import type { RecognisedColumnTable, RecognisedYearlyTable, Slot } from "../engine/model";
import { blocksOf, byYear, sameYear, categoryLabel, pairByUnit, refFrom, rowsInUse, show, unitKey, type UnitBlock, type UnitRow } from "./utils/between";
import { tableName } from "./utils/cells";
import { TABLE_NAMES } from "../templates/tables";

/**
 * 附件5 counts the same transfers as 附件2 移送 for the current year (附件5 has no prior year).
 * A 附件2 block takes the 附件5 rows of its unit, summed (a unit may be listed twice); when no row
 * names it and each side has exactly one, they are the same unit whatever the names say.
 */
function rowsFor(blocks: UnitBlock[], rows: UnitRow[]): Array<[UnitBlock, UnitRow[]]> {
  const out: Array<[UnitBlock, UnitRow[]]> = [];
  const unmatched: UnitBlock[] = [];
  for (const b of blocks) {
    const name = unitKey(b.block.unit.raw);
    const mine = name === "" ? [] : rows.filter((r) => unitKey(r.row.cells.name?.raw) === name);
    if (mine.length) out.push([b, mine]);
    else unmatched.push(b);
  }
  if (out.length === 0)
    for (const [b, r] of pairByUnit(
      unmatched,
      rows,
      () => "",
      () => "",
    ))
      out.push([b, [r]]);
  return out;
}

/** Said after the column when a unit's figure is the sum of several 附件5 rows (the `…Rows` messages). */
const SEVERAL_ROWS = "（{{rows}} 行合计）";

function transferDiffers(several: string): string {
  return `{{table}}「正向衔接/移送案件数（件）」${several}为 {{transferred}}，而${TABLE_NAMES.A2}「{{a2Label}}」本年为 {{a2Transfers}}；两表是同一单位同一年的移送案件，应当一致，请核对。`;
}
const TRANSFER_DIFFERS_EN = "{{tableEn}} transferred cases {{transferred}} differ from 附件2 transfers this year ({{a2Transfers}}).";

function notFiledExceeds(several: string): string {
  return `{{table}}「正向衔接/刑事不予立案数」${several}为 {{notFiled}}，多于${TABLE_NAMES.A2}「{{a2Label}}」本年括号中的未立案数 {{unfiled}}；请核对两表（附件2 移送栏按“N(M)”填写，M 为其中未立案数）。`;
}
const NOT_FILED_EXCEEDS_EN = "{{tableEn}} not filed {{notFiled}} exceeds the {{unfiled}} unfiled of 附件2 transfers this year.";

const rule: Rule = {
  meta: {
    id: "a5-a2-transfer",
    severity: "warning",
    description: "附件5「移送案件数」与附件2 本年移送件数不一致，或「刑事不予立案数」多于附件2 的未立案数",
    descriptionEn: "附件5 transfers differ from 附件2 transfers this year, or not-filed exceeds 附件2's unfiled",
    messages: {
      transferDiffers: { zh: transferDiffers(""), en: TRANSFER_DIFFERS_EN },
      transferDiffersRows: { zh: transferDiffers(SEVERAL_ROWS), en: TRANSFER_DIFFERS_EN },
      notFiledExceeds: { zh: notFiledExceeds(""), en: NOT_FILED_EXCEEDS_EN },
      notFiledExceedsRows: { zh: notFiledExceeds(SEVERAL_ROWS), en: NOT_FILED_EXCEEDS_EN },
    },
  },
  check(ctx) {
    const groups = byYear(sameYear(ctx.year, [...ctx.yearly, ...ctx.columns]));
    for (const tables of groups.values()) {
      const a2 = blocksOf(tables.filter((t): t is RecognisedYearlyTable => t.id === "A2"));
      const a5 = rowsInUse(tables.filter((t): t is RecognisedColumnTable => t.id === "A5"));
      for (const [block, rows] of rowsFor(a2, a5)) {
        const transfer = block.block.categories.transfer?.current;
        if (!transfer) continue;
        const parsed = ctx.value(transfer, "transfer");
        const n = ctx.num(transfer, "transfer");
        if (n === null) continue;
        const m = parsed.unfiled ?? null;
        const first = rows[0];
        const label = categoryLabel(block.table, "transfer");
        const total = (key: string): { sum: number; cells: Slot[] } | null => {
          const cells = rows.map((r) => r.row.cells[key]).filter((s): s is Slot => s !== undefined);
          if (cells.length !== rows.length) return null;
          const nums = cells.map((s) => ctx.num(s, "count"));
          if (nums.some((x) => x === null)) return null;
          return { sum: (nums as number[]).reduce((a, b) => a + b, 0), cells };
        };
        const several = rows.length > 1;
        const table = tableName(first.table);
        const transferred = total("transferred");
        if (transferred && transferred.sum !== n) {
          ctx.report({
            table: first.table,
            cell: transferred.cells[0],
            related: [...transferred.cells.slice(1), refFrom(first.table, block.table, transfer)],
            messageId: several ? "transferDiffersRows" : "transferDiffers",
            data: { table, tableEn: first.table.id, a2Label: label, rows: rows.length, transferred: show(transferred.sum), a2Transfers: show(n) },
          });
        }
        const notFiled = total("notFiled");
        if (notFiled && m !== null && notFiled.sum > m) {
          ctx.report({
            table: first.table,
            cell: notFiled.cells[0],
            related: [...notFiled.cells.slice(1), refFrom(first.table, block.table, transfer)],
            messageId: several ? "notFiledExceedsRows" : "notFiledExceeds",
            data: { table, tableEn: first.table.id, a2Label: label, rows: rows.length, notFiled: show(notFiled.sum), unfiled: show(m) },
          });
        }
      }
    }
  },
};
export default rule;
