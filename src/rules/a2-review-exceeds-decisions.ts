import type { Rule } from "./types";
import { blockData, categoryLabel, exceeds, present, show, yearSlot } from "./utils/between";

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
    messages: {
      exceedsDecisions: {
        zh: "{{table}}{{unit}}「{{review}}」{{year}}为 {{reviewed}}，多于「{{permit}}」「{{confirm}}」「{{coercion}}」「{{ruling}}」「{{penalty}}」之和 {{sum}}；法制审核的案件应出自这些执法决定，请核实或在审核说明中写明原因。",
        en: '{{tableEn}} "{{review}}" {{yearEn}}: {{reviewed}} reviews exceed the {{sum}} decisions they can be about.',
      },
    },
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
          const decisions: Record<string, string> = {};
          for (const k of DECISIONS) decisions[k] = categoryLabel(t, k);
          ctx.report({
            table: t,
            cell: review,
            related: present(...slots),
            messageId: "exceedsDecisions",
            data: {
              ...blockData(t, block, which),
              review: categoryLabel(t, "review"),
              reviewed: show(reviewed),
              sum: show(sum),
              ...decisions,
            },
          });
        }
      }
    }
  },
};
export default rule;
