import type { Rule } from "./types";
import { reconciled, reportAt, statementData } from "./utils/report-body";

/** The body states a figure of a part of a table's measure (罚款 within 罚没金额) that is greater than the cell. */
const rule: Rule = {
  meta: {
    id: "report-measure-differs",
    severity: "warning",
    description: "工作报告正文所述相关指标（如罚款）多于表格中包含它的指标（如罚没金额）",
    descriptionEn: "A related measure in the report body (e.g. fines) exceeds the table measure that includes it",
    messages: {
      exceeds: {
        zh: "第{{paragraph}}段「{{quote}}」：正文所述{{measure}}「{{figure}}」多于{{cell}}的 {{value}}；{{why}}。请核对正文与表格。",
        en: 'Paragraph {{paragraph}}: the body states {{measureEn}} "{{figure}}", more than {{cellEn}} ({{valueEn}}): {{whyEn}}.',
      },
    },
  },
  check(ctx) {
    for (const r of reconciled(ctx, "measure-differs")) {
      const m = r.statement.measure;
      reportAt(ctx, r, "exceeds", { ...statementData(r), why: m.why ?? "", whyEn: m.whyEn ?? "" });
    }
  },
};
export default rule;
