import type { Rule } from "./types";
import { reconciled, reportAt, statementData } from "./utils/report-body";

/** The body states a figure of a related but different measure (立案 beside 行政处罚, 执收 or 罚款 beside 罚没金额): shown to reconcile. */
const rule: Rule = {
  meta: {
    id: "report-measure-note",
    severity: "info",
    description: "工作报告正文所述相关但口径不同的指标（如立案数、执收金额），供与表格对照",
    descriptionEn: "A related but different measure in the report body, shown beside the table cell",
    messages: {
      note: {
        zh: "第{{paragraph}}段「{{quote}}」：正文所述{{measure}}「{{figure}}」，{{cell}}为 {{value}}；{{why}}，请对照核实，无需改正。",
        en: 'Paragraph {{paragraph}}: the body states {{measureEn}} "{{figure}}"; {{cellEn}} is {{valueEn}} ({{whyEn}}). Nothing to correct.',
      },
      // a measure that does not say why (templates/validate.ts requires related and atMost measures to)
      noteUnexplained: {
        zh: "第{{paragraph}}段「{{quote}}」：正文所述{{measure}}「{{figure}}」，{{cell}}为 {{value}}；两者口径不同，请对照核实，无需改正。",
        en: 'Paragraph {{paragraph}}: the body states {{measureEn}} "{{figure}}"; {{cellEn}} is {{valueEn}} (a different measure). Nothing to correct.',
      },
    },
  },
  check(ctx) {
    for (const r of reconciled(ctx, "note")) {
      const m = r.statement.measure;
      if (m.why === undefined || m.whyEn === undefined) reportAt(ctx, r, "noteUnexplained", statementData(r));
      else reportAt(ctx, r, "note", { ...statementData(r), why: m.why, whyEn: m.whyEn });
    }
  },
};
export default rule;
