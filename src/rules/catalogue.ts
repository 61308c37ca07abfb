/**
 * Every rule of the catalogue (docs/spec/rules.md), in groups. A new rule is a new module `<id>.ts`
 * listed in its group here; ids are never reused. docs/rules.md is generated from this list
 * (scripts/gen-rules-doc.js), and registry.test.ts checks that every rule file is listed.
 */
import type { Rule } from "./types";
import layoutHeader from "./layout-header";
import layoutYear from "./layout-year";
import tableDuplicate from "./table-duplicate";
import tableYearDiffers from "./table-year-differs";
import metaContact from "./meta-contact";
import a5ForwardSum from "./a5-forward-sum";
import a5ReverseSum from "./a5-reverse-sum";
import a3ExceedsA2 from "./a3-exceeds-a2";
import a5A2Transfer from "./a5-a2-transfer";
import unitNameDiffers from "./unit-name-differs";
import a2ReviewExceedsDecisions from "./a2-review-exceeds-decisions";
import finesWithoutPenalties from "./fines-without-penalties";
import a3MitigationExceedsPenalties from "./a3-mitigation-exceeds-penalties";
import a3AmountWithoutCases from "./a3-amount-without-cases";
import a4CertifiedExceedsStaff from "./a4-certified-exceeds-staff";
import a4TrainingInconsistent from "./a4-training-inconsistent";
import a4MonitoringInconsistent from "./a4-monitoring-inconsistent";
import a4WanYuanSuspect from "./a4-wan-yuan-suspect";
import a4OverEstablishment from "./a4-over-establishment";
import valueNotNumber from "./value-not-number";
import valueNegative from "./value-negative";
import valueNotInteger from "./value-not-integer";
import valuePrecision from "./value-precision";
import valueMissing from "./value-missing";
import valueNumberAsText from "./value-number-as-text";
import valueZeroPlaceholder from "./value-zero-placeholder";
import valueYesno from "./value-yesno";
import valueTransferFormat from "./value-transfer-format";
import ratioMissing from "./ratio-missing";
import ratioWrong from "./ratio-wrong";
import zeroUnexplained from "./zero-unexplained";
import changeUnexplained from "./change-unexplained";
import unfiledUnexplained from "./unfiled-unexplained";
import priorMissing from "./prior-missing";
import priorMismatch from "./prior-mismatch";
import reportFigureDiffers from "./report-figure-differs";
import reportMeasureDiffers from "./report-measure-differs";
import reportMeasureNote from "./report-measure-note";

export interface RuleGroup {
  id: string;
  title: string;
  titleEn: string;
  rules: readonly Rule[];
}

export const RULE_GROUPS: readonly RuleGroup[] = [
  {
    id: "tables",
    title: "版式、填写、表间与合理性",
    titleEn: "Layout, fill, between tables and plausibility",
    // layout and form first (a broken frame explains much of what follows), then fill, between-table and plausibility rules
    rules: [
      layoutHeader,
      layoutYear,
      tableDuplicate,
      tableYearDiffers,
      metaContact,
      a5ForwardSum,
      a5ReverseSum,
      a3ExceedsA2,
      a5A2Transfer,
      unitNameDiffers,
      a2ReviewExceedsDecisions,
      finesWithoutPenalties,
      a3MitigationExceedsPenalties,
      a3AmountWithoutCases,
      a4CertifiedExceedsStaff,
      a4TrainingInconsistent,
      a4MonitoringInconsistent,
      a4WanYuanSuspect,
      a4OverEstablishment,
    ],
  },
  {
    id: "values",
    title: "数值、变化率与说明",
    titleEn: "Values, change ratios and explanations",
    rules: [
      valueNotNumber,
      valueNegative,
      valueNotInteger,
      valuePrecision,
      valueMissing,
      valueNumberAsText,
      valueZeroPlaceholder,
      valueYesno,
      valueTransferFormat,
      ratioMissing,
      ratioWrong,
      zeroUnexplained,
      changeUnexplained,
      unfiledUnexplained,
      priorMissing,
      priorMismatch,
    ],
  },
  {
    id: "report",
    title: "工作报告正文与表格",
    titleEn: "The report body against the tables",
    // they run only when a body is given
    rules: [reportFigureDiffers, reportMeasureDiffers, reportMeasureNote],
  },
];

/** The order the rules run in: group by group. */
export const RULES: readonly Rule[] = RULE_GROUPS.reduce<Rule[]>((all, g) => all.concat(g.rules), []);
