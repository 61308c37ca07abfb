import type { Rule } from "./types";
import { categoryLabel, show, unitOfBlock, yearSlot } from "./utils/between";
import { tableName, yearLabel } from "./utils/cells";

/**
 * 附件2 罚没金额 against 行政处罚, 附件3 罚没金额 against 涉企行政处罚 (both tables key them `fines` and
 * `penalty`), in each year column.
 */
const rule: Rule = {
  meta: {
    id: "fines-without-penalties",
    severity: "warning",
    description: "有罚没金额而行政处罚（附件3：涉企行政处罚）为 0",
    descriptionEn: "Fines and confiscations recorded while penalties are 0",
    messages: {
      finesWithoutPenalties: {
        zh: "{{table}}{{unit}}{{year}}「{{fines}}」为 {{amount}} 元，而「{{penalty}}」为 0；罚没款应来自行政处罚案件，请核实或在审核说明中写明来源（如往年案件本年入库）。",
        en: "{{tableEn}} {{yearEn}}: {{amount}} yuan of fines with no penalty cases.",
      },
    },
  },
  check(ctx) {
    for (const t of ctx.yearly) {
      for (const block of t.blocks) {
        for (const which of ["prior", "current"] as const) {
          const fines = yearSlot(block, "fines", which);
          const penalty = yearSlot(block, "penalty", which);
          const amount = ctx.num(fines, "yuan");
          if (!fines || !penalty || amount === null || amount <= 0) continue;
          if (ctx.num(penalty, "count") !== 0) continue;
          ctx.report({
            table: t,
            cell: fines,
            related: [penalty],
            messageId: "finesWithoutPenalties",
            data: {
              table: tableName(t),
              tableEn: t.id,
              unit: unitOfBlock(t, block),
              year: yearLabel(t, which),
              yearEn: which === "prior" ? "prior year" : "current year",
              fines: categoryLabel(t, "fines"),
              penalty: categoryLabel(t, "penalty"),
              amount: show(amount),
            },
          });
        }
      }
    }
  },
};
export default rule;
