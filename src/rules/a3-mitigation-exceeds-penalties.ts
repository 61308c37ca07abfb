import type { Rule } from "./types";
import { categoryLabel, exceeds, show, unitOfBlock, yearSlot } from "./utils/between";
import { tableName, yearLabel } from "./utils/cells";

/** Mitigated cases are penalty cases, so they cannot outnumber them; checked in each year column. */
const rule: Rule = {
  meta: {
    id: "a3-mitigation-exceeds-penalties",
    severity: "warning",
    description: "附件3「从轻减轻案件数」多于「涉企行政处罚」",
    descriptionEn: "附件3 mitigated cases exceed enterprise-related penalty cases",
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
            message: `${tableName(t)}${unitOfBlock(t, block)}${yearLabel(t, which)}「${categoryLabel(t, "mitigatedCases")}」为 ${show(m)}，多于「${categoryLabel(t, "penalty")}」${show(p)}；从轻减轻的案件应是涉企行政处罚案件的一部分，请核实。`,
            messageEn: `${t.id} ${which === "prior" ? "prior year" : "current year"}: ${show(m)} mitigated cases exceed ${show(p)} penalty cases.`,
          });
        }
      }
    }
  },
};
export default rule;
