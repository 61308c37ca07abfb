import type { Rule } from "./types";
import { tableName, yearLabel, yearlyBlockInUse } from "./utils/cells";
import { normLabel, usable, type ParsedValue } from "../engine/normalize";
import type { PriorFigure } from "../engine/stateSheet";
import type { YearlyBlock } from "../engine/model";

/** How a figure reads in a message: `7`, or `3(1)` for a transfer with cases not placed on file. */
function figureText(v: ParsedValue): string {
  const n = usable(v);
  if (n === null) return "";
  return v.unfiled ? `${n}(${v.unfiled})` : String(n);
}

function same(a: ParsedValue, b: ParsedValue): boolean {
  const x = usable(a);
  const y = usable(b);
  if (x === null || y === null) return true;
  // amounts come from one typed decimal each; anything past 1e-6 is a different figure
  return Math.abs(x - y) < 1e-6 && (a.unfiled ?? 0) === (b.unfiled ?? 0);
}

/**
 * Last year's figures per unit of one table. Units are compared after folding spaces and widths;
 * a later figure for the same cell wins, so a file imported now overrides what the workbook kept.
 */
function figuresByUnit(prior: readonly PriorFigure[], table: string): Map<string, Map<string, PriorFigure>> {
  const out = new Map<string, Map<string, PriorFigure>>();
  for (const f of prior) {
    if (f.table !== table) continue;
    const unit = normLabel(f.unit);
    let m = out.get(unit);
    if (!m) out.set(unit, (m = new Map()));
    m.set(f.key, f);
  }
  return out;
}

const rule: Rule = {
  meta: {
    id: "prior-mismatch",
    severity: "warning",
    description: "上年数与上年报表中的数字不一致",
    descriptionEn: "A prior-year value differs from last year's report",
    messages: {
      differs: {
        zh: "{{table}}「{{label}}」{{year}}填的是 {{value}}，而上年报表中为 {{known}}；请核对。",
        en: '{{tableEn}} "{{label}}": the prior-year value {{value}} differs from {{known}} in last year\'s report.',
      },
      differsFromSource: {
        zh: "{{table}}「{{label}}」{{year}}填的是 {{value}}，而上年报表（{{source}}）中为 {{known}}；请核对。",
        en: '{{tableEn}} "{{label}}": the prior-year value {{value}} differs from {{known}} in last year\'s report.',
      },
    },
  },
  check(ctx) {
    if (ctx.prior.length === 0) return;
    for (const t of ctx.yearly) {
      const byUnit = figuresByUnit(ctx.prior, t.id);
      if (byUnit.size === 0) continue;
      const blocks = t.blocks.filter(yearlyBlockInUse);
      const forBlock = new Map<YearlyBlock, Map<string, PriorFigure>>();
      for (const block of blocks) {
        let figures = byUnit.get(normLabel(block.unit.raw));
        // One unit this year and one last year: the same office, even if its name was shortened or
        // changed in between (湘潭县自然资源局 / 湘潭县自然资源和规划局).
        if (!figures && blocks.length === 1 && byUnit.size === 1) figures = [...byUnit.values()][0];
        if (figures) forBlock.set(block, figures);
      }
      for (const { block, cat, slots } of ctx.lists.yearlyCategories(t)) {
        const figure = forBlock.get(block)?.get(cat.key);
        if (!figure) continue;
        const known = ctx.value({ ...slots.prior, raw: figure.value }, cat.kind);
        const here = ctx.value(slots.prior, cat.kind);
        if (here.empty || known.empty || same(here, known)) continue;
        const source = figure.source.trim();
        const data = { table: tableName(t), tableEn: t.id, label: cat.label, year: yearLabel(t, "prior"), value: figureText(here), known: figureText(known) };
        ctx.report({
          table: t,
          cell: slots.prior,
          messageId: source ? "differsFromSource" : "differs",
          data: source ? { ...data, source } : data,
        });
      }
    }
  },
};
export default rule;
