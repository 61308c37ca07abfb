import type { Rule } from "./types";
import { cellName, cellNameEn, cellValue, reconciled, reportAt, where } from "./utils/report-body";
import { show } from "./utils/between";

/** The body states a figure of a related but different measure (立案 beside 行政处罚, 执收 or 罚款 beside 罚没金额): shown to reconcile. */
const rule: Rule = {
  meta: {
    id: "report-measure-note",
    severity: "info",
    description: "工作报告正文所述相关但口径不同的指标（如立案数、执收金额），供与表格对照",
    descriptionEn: "A related but different measure in the report body, shown beside the table cell",
  },
  check(ctx) {
    for (const r of reconciled(ctx, "note")) {
      const s = r.statement;
      reportAt(
        ctx,
        r,
        `${where(r)}：正文所述${s.measure.name}「${s.figure.text}」，${cellName(r)}为 ${cellValue(r)}；${s.measure.why ?? "两者口径不同"}，请对照核实，无需改正。`,
        `Paragraph ${s.paragraph}: the body states ${s.measure.nameEn} "${s.figure.text}"; ${cellNameEn(r)} is ${show(r.value)} (${s.measure.whyEn ?? "a different measure"}). Nothing to correct.`,
      );
    }
  },
};
export default rule;
