import type { Rule } from "./types";
import { categoryLabel, exceeds, present, show, unitOfBlock, yearSlot } from "./utils/between";
import { tableName, yearLabel } from "./utils/cells";

/** The decisions a 重大执法决定法制审核 can be about. */
const DECISIONS = ["permit", "confirm", "coercion", "ruling", "penalty"] as const;

/**
 * Both year columns are checked: last year's figures are copied from last year's report, and a
 * figure that could not have been right then is worth a look now too.
 */
const rule: Rule = {
  meta: {
    id: "a2-review-exceeds-decisions",
    severity: "warning",
    description: "附件2「重大执法决定法制审核案件」多于行政许可、确认、强制、裁决、处罚之和",
    descriptionEn: "附件2 legal reviews exceed permits + confirmations + coercion + rulings + penalties",
  },
  check(ctx) {
    for (const t of ctx.yearly) {
      if (t.id !== "A2") continue;
      for (const block of t.blocks) {
        for (const which of ["prior", "current"] as const) {
          const review = yearSlot(block, "review", which);
          const reviewed = ctx.num(review, "count");
          if (!review || reviewed === null) continue;
          const slots = DECISIONS.map((k) => yearSlot(block, k, which));
          const parts = slots.map((s) => ctx.num(s, "count"));
          if (parts.some((p) => p === null)) continue;
          const sum = (parts as number[]).reduce((a, b) => a + b, 0);
          if (!exceeds(reviewed, sum)) continue;
          const names = DECISIONS.map((k) => `「${categoryLabel(t, k)}」`).join("");
          ctx.report({
            table: t,
            cell: review,
            related: present(...slots),
            message: `${tableName(t)}${unitOfBlock(t, block)}「${categoryLabel(t, "review")}」${yearLabel(t, which)}为 ${show(reviewed)}，多于${names}之和 ${show(sum)}；法制审核的案件应出自这些执法决定，请核实或在审核说明中写明原因。`,
            messageEn: `${t.id} "${categoryLabel(t, "review")}" ${which === "prior" ? "prior year" : "current year"}: ${show(reviewed)} reviews exceed the ${show(sum)} decisions they can be about.`,
          });
        }
      }
    }
  },
};
export default rule;
