import type { Rule, RuleContext } from "./types";
import type { RecognisedTable, Slot } from "../engine/model";
import { byYear, sameYear, refFrom, rowLabel, unitKey } from "./utils/between";
import { tableName } from "./utils/cells";

/** One place that names the unit: a table's 执法单位 line, or its unit rows (附件2/3 blocks, 附件5 rows). */
interface Source {
  table: RecognisedTable;
  what: "line" | "rows";
  /** Cells with a non-empty name, and the name each gives (compared by unitKey). */
  cells: Array<{ slot: Slot; key: string; shown: string; where: string }>;
}

function sources(tables: readonly RecognisedTable[]): Source[] {
  const out: Source[] = [];
  for (const t of tables) {
    // 附件4's rows are departments (执法股, 大队), not the unit: only its line counts.
    const line = t.unitLine && unitKey(t.unitFromLine) !== "" ? t.unitLine : undefined;
    if (line)
      out.push({ table: t, what: "line", cells: [{ slot: line, key: unitKey(t.unitFromLine), shown: (t.unitFromLine ?? "").trim(), where: "「执法单位」" }] });
    const cells: Source["cells"] = [];
    if (t.shape === "yearly") {
      for (const b of t.blocks)
        cells.push({ slot: b.unit, key: unitKey(b.unit.raw), shown: String(b.unit.raw ?? "").trim(), where: `「${t.def.unitHeader}」` });
    } else if (t.id === "A5") {
      for (const row of t.rows) {
        const slot = row.cells.name;
        if (row.inUse && slot)
          cells.push({ slot, key: unitKey(slot.raw), shown: String(slot.raw ?? "").trim(), where: `${rowLabel(row)}「行政执法单位名称」` });
      }
    }
    const named = cells.filter((c) => c.key !== "");
    if (named.length) out.push({ table: t, what: "rows", cells: named });
  }
  return out;
}

/**
 * The unit the tables agree on: named by the most places (a line or a table's rows count once each),
 * ties going to the name met first, a 执法单位 line before the rows of its table since it carries the seal.
 */
function reference(all: Source[]): string | undefined {
  const votes = new Map<string, number>();
  for (const s of all) for (const key of new Set(s.cells.map((c) => c.key))) votes.set(key, (votes.get(key) ?? 0) + 1);
  let best: string | undefined;
  for (const s of all) {
    for (const c of s.cells) if (best === undefined || (votes.get(c.key) ?? 0) > (votes.get(best) ?? 0)) best = c.key;
  }
  return best;
}

function check(ctx: RuleContext, tables: RecognisedTable[]): void {
  const all = sources(tables);
  const ref = reference(all);
  if (ref === undefined) return;
  const holder = all.flatMap((s) => s.cells.map((c) => ({ source: s, cell: c }))).find((x) => x.cell.key === ref);
  if (!holder) return;
  for (const s of all) {
    // a table listing several units agrees when one of them is the unit (the others are its subordinate units)
    if (s.cells.some((c) => c.key === ref)) continue;
    const odd = s.cells[0];
    ctx.report({
      table: s.table,
      cell: odd.slot,
      related: [refFrom(s.table, holder.source.table, holder.cell.slot)],
      messageId: holder.source.table === s.table ? "differsInTable" : "differs",
      data: {
        table: tableName(s.table),
        tableEn: s.table.id,
        where: odd.where,
        whereEn: s.what === "line" ? "unit line" : "unit row",
        name: odd.shown,
        refTable: tableName(holder.source.table),
        refWhere: holder.cell.where,
        refName: holder.cell.shown,
      },
    });
  }
}

const rule: Rule = {
  meta: {
    id: "unit-name-differs",
    severity: "warning",
    description: "「执法单位」与附件2、附件3、附件5 中的单位名称不一致",
    descriptionEn: "The unit differs between the 执法单位 lines and the unit rows of 附件2, 附件3, 附件5",
    messages: {
      differs: {
        zh: "{{table}}{{where}}填的是「{{name}}」，与{{refTable}}{{refWhere}}中的「{{refName}}」不一致；同一单位各表的单位名称应当一致（请使用单位全称）。",
        en: '{{tableEn}} {{whereEn}} names "{{name}}", other tables name "{{refName}}".',
      },
      // 「本表」 rather than the table's own name: the name to agree with is elsewhere in the same table (its line or its rows)
      differsInTable: {
        zh: "{{table}}{{where}}填的是「{{name}}」，与本表{{refWhere}}中的「{{refName}}」不一致；同一单位各表的单位名称应当一致（请使用单位全称）。",
        en: '{{tableEn}} {{whereEn}} names "{{name}}", other tables name "{{refName}}".',
      },
    },
  },
  check(ctx) {
    for (const tables of byYear(sameYear(ctx.year, ctx.tables)).values()) check(ctx, tables);
  },
};
export default rule;
