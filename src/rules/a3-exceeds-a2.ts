import type { Rule } from "./types";
import type { RecognisedYearlyTable } from "../engine/model";
import { blocksOf, byYear, sameYear, categoryLabel, exceeds, pairByUnit, refFrom, show, unitKey, unitOfBlock, yearLabelEn, yearSlot } from "./utils/between";
import { tableName, yearLabel } from "./utils/cells";
import { TABLE_NAMES } from "../templates/tables";

/**
 * 附件3 counts the enterprise-related part of what 附件2 counts, for the same unit and year. Tables
 * are compared only within one report year (a 2023 附件2 kept beside a 2024 附件3 is last year's
 * report, not this one's); blocks pair by unit name, or one with one whatever the names say.
 */
const rule: Rule = {
  meta: {
    id: "a3-exceeds-a2",
    severity: "error",
    description: "附件3（涉企）数据大于附件2 对应类别的数据",
    descriptionEn: "A 附件3 (enterprise-related) figure exceeds its 附件2 counterpart",
    messages: {
      exceedsA2: {
        zh: `{{table}}{{unit}}「{{category}}」{{year}}为 {{value}}，大于${TABLE_NAMES.A2}「{{a2Category}}」的 {{a2Value}}；涉企数据是全部执法数据的一部分，不应更大，请核对两表。`,
        en: '{{tableEn}} "{{category}}" {{yearEn}}: {{value}} exceeds {{a2Value}} in 附件2 "{{a2Category}}".',
      },
    },
  },
  check(ctx) {
    const groups = byYear<RecognisedYearlyTable>(sameYear(ctx.year, ctx.yearly));
    for (const tables of groups.values()) {
      const a3 = blocksOf(tables.filter((t) => t.id === "A3"));
      const a2 = blocksOf(tables.filter((t) => t.id === "A2"));
      const name = (b: (typeof a3)[number]): string => unitKey(b.block.unit.raw);
      for (const [left, right] of pairByUnit(a3, a2, name, name)) {
        for (const cat of left.table.def.categories) {
          if (!cat.counterpart) continue;
          const counterpart = right.table.def.categories.find((c) => c.key === cat.counterpart);
          if (!counterpart) continue;
          for (const which of ["prior", "current"] as const) {
            const mine = yearSlot(left.block, cat.key, which);
            const theirs = yearSlot(right.block, counterpart.key, which);
            const a = ctx.num(mine, cat.kind);
            const b = ctx.num(theirs, counterpart.kind);
            if (!mine || !theirs || a === null || b === null || !exceeds(a, b)) continue;
            ctx.report({
              table: left.table,
              cell: mine,
              related: [refFrom(left.table, right.table, theirs)],
              messageId: "exceedsA2",
              data: {
                table: tableName(left.table),
                tableEn: left.table.id,
                unit: unitOfBlock(left.table, left.block),
                category: cat.label,
                year: yearLabel(left.table, which),
                yearEn: yearLabelEn(which),
                value: show(a),
                // finds `counterpart` itself (the first category of its key), so the English, which named counterpart.label, shares it
                a2Category: categoryLabel(right.table, counterpart.key),
                a2Value: show(b),
              },
            });
          }
        }
      }
    }
  },
};
export default rule;
