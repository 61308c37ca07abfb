import type { Rule } from "./types";
import { cellName, cellNameEn, cellValue, reconciled, reportAt, where } from "./utils/report-body";
import { show } from "./utils/between";

/** The body states a figure of a part of a table's measure (罚款 within 罚没金额) that is greater than the cell. */
const rule: Rule = {
  meta: {
    id: "report-measure-differs",
    severity: "warning",
    description: "工作报告正文所述相关指标（如罚款）多于表格中包含它的指标（如罚没金额）",
    descriptionEn: "A related measure in the report body (e.g. fines) exceeds the table measure that includes it",
  },
  check(ctx) {
    for (const r of reconciled(ctx, "measure-differs")) {
      const s = r.statement;
      reportAt(
        ctx,
        r,
        `${where(r)}：正文所述${s.measure.name}「${s.figure.text}」多于${cellName(r)}的 ${cellValue(r)}；${s.measure.why ?? ""}。请核对正文与表格。`,
        `Paragraph ${s.paragraph}: the body states ${s.measure.nameEn} "${s.figure.text}", more than ${cellNameEn(r)} (${show(r.value)}): ${s.measure.whyEn ?? ""}.`,
      );
    }
  },
};
export default rule;
