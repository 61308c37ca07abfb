import type { Rule } from "./types";
import { blockData, categoryLabel, exceeds, show, yearSlot } from "./utils/between";

/** Mitigated cases are penalty cases, so they cannot outnumber them; checked in each year column. */
const rule: Rule = {
  meta: {
    id: "a3-mitigation-exceeds-penalties",
    severity: "warning",
    description: "附件3「从轻减轻案件数」多于「涉企行政处罚」",
    descriptionEn: "附件3 mitigated cases exceed enterprise-related penalty cases",
    messages: {
      exceedsPenalties: {
        zh: "{{table}}{{unit}}{{year}}「{{mitigatedLabel}}」为 {{mitigated}}，多于「{{penaltyLabel}}」{{penalty}}；从轻减轻的案件应是涉企行政处罚案件的一部分，请核实。",
        en: "{{tableEn}} {{yearEn}}: {{mitigated}} mitigated cases exceed {{penalty}} penalty cases.",
      },
    },
  },
  check(ctx) {
    for (const t of ctx.yearly) {
      if (t.id !== "A3") continue;
      for (const block of t.blocks) {
        for (const which of ["prior", "current"] as const) {
          const mitigated = yearSlot(block, "mitigatedCases", which);
          const penalty = yearSlot(block, "penalty", which);
          const m = ctx.num(mitigated, "count");
          const p = ctx.num(penalty, "count");
          if (!mitigated || !penalty || m === null || p === null || !exceeds(m, p)) continue;
          ctx.report({
            table: t,
            cell: mitigated,
            related: [penalty],
            messageId: "exceedsPenalties",
            data: {
              ...blockData(t, block, which),
              mitigatedLabel: categoryLabel(t, "mitigatedCases"),
              mitigated: show(m),
              penaltyLabel: categoryLabel(t, "penalty"),
              penalty: show(p),
            },
          });
        }
      }
    }
  },
};
export default rule;
