import type { Rule } from "./types";
import { cellName, cellNameEn, cellValue, reconciled, reportAt, where } from "./utils/report-body";
import { show } from "./utils/between";

/** The body states a figure of exactly a table's measure (行政检查X次, 罚没款X元, …), and the cell lies outside what its wording allows. */
const rule: Rule = {
  meta: {
    id: "report-figure-differs",
    severity: "warning",
    description: "工作报告正文所述数字与表格中同一指标的数值不符",
    descriptionEn: "A figure of the report body differs from the same measure in the tables",
  },
  check(ctx) {
    for (const r of reconciled(ctx, "differs")) {
      const s = r.statement;
      reportAt(
        ctx,
        r,
        `${where(r)}：正文所述${s.measure.name}「${s.figure.text}」，而${cellName(r)}为 ${cellValue(r)}，两者不符；请核对正文与表格，改正其一或在审核说明中写明原因。`,
        `Paragraph ${s.paragraph}: the body states ${s.measure.nameEn} "${s.figure.text}", but ${cellNameEn(r)} is ${show(r.value)}.`,
      );
    }
  },
};
export default rule;
