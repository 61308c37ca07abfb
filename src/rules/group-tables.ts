/** Rules within and between tables, plausibility, layout and form (rules.md: the other sections). */
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

/** In the order of rules.md: layout and form first (a broken frame explains much of what follows), then fill, between-table and plausibility rules. */
export const TABLE_RULES: readonly Rule[] = [
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
];
