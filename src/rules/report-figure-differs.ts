import type { Rule } from "./types";
import { reconciled, reportAt, statementData } from "./utils/report-body";

/** The body states a figure of exactly a table's measure (行政检查X次, 罚没款X元, …), and the cell lies outside what its wording allows. */
const rule: Rule = {
  meta: {
    id: "report-figure-differs",
    severity: "warning",
    description: "工作报告正文所述数字与表格中同一指标的数值不符",
    descriptionEn: "A figure of the report body differs from the same measure in the tables",
    messages: {
      differs: {
        zh: "第{{paragraph}}段「{{quote}}」：正文所述{{measure}}「{{figure}}」，而{{cell}}为 {{value}}，两者不符；请核对正文与表格，改正其一或在审核说明中写明原因。",
        en: 'Paragraph {{paragraph}}: the body states {{measureEn}} "{{figure}}", but {{cellEn}} is {{valueEn}}.',
      },
    },
  },
  check(ctx) {
    for (const r of reconciled(ctx, "differs")) reportAt(ctx, r, "differs", statementData(r));
  },
};
export default rule;
