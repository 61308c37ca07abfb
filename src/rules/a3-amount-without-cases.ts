import type { Rule } from "./types";
import { blockData, categoryLabel, show, yearSlot } from "./utils/between";

/** An amount needs a case it came from: 免罚金额 needs 免罚案件, 从轻减轻金额 needs 从轻减轻案件; each year column. */
const PAIRS = [
  { amount: "exemptAmount", cases: "exemptCases", messageId: "exemptWithoutCases" },
  { amount: "mitigatedAmount", cases: "mitigatedCases", messageId: "mitigatedWithoutCases" },
] as const;

/** The same Chinese for both pairs: their labels name which one it is. */
const ZH = "{{table}}{{unit}}{{year}}「{{amountLabel}}」为 {{amount}} 元，而「{{casesLabel}}」为 0；有金额就应有对应的案件，请改正其中之一。";

const rule: Rule = {
  meta: {
    id: "a3-amount-without-cases",
    severity: "error",
    description: "附件3 有免罚金额而免罚案件数为 0，或有从轻减轻金额而从轻减轻案件数为 0",
    descriptionEn: "附件3 an exempted or mitigated amount with no such cases",
    messages: {
      exemptWithoutCases: { zh: ZH, en: "{{tableEn}} {{yearEn}}: {{amount}} yuan exempted with 0 exempted cases." },
      mitigatedWithoutCases: { zh: ZH, en: "{{tableEn}} {{yearEn}}: {{amount}} yuan mitigated with 0 mitigated cases." },
    },
  },
  check(ctx) {
    for (const t of ctx.yearly) {
      if (t.id !== "A3") continue;
      for (const block of t.blocks) {
        for (const which of ["prior", "current"] as const) {
          for (const pair of PAIRS) {
            const amountSlot = yearSlot(block, pair.amount, which);
            const casesSlot = yearSlot(block, pair.cases, which);
            const amount = ctx.num(amountSlot, "yuan");
            if (!amountSlot || !casesSlot || amount === null || amount <= 0) continue;
            if (ctx.num(casesSlot, "count") !== 0) continue;
            ctx.report({
              table: t,
              cell: amountSlot,
              related: [casesSlot],
              messageId: pair.messageId,
              data: {
                ...blockData(t, block, which),
                amountLabel: categoryLabel(t, pair.amount),
                casesLabel: categoryLabel(t, pair.cases),
                amount: show(amount),
              },
            });
          }
        }
      }
    }
  },
};
export default rule;
