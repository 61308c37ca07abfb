/**
 * The 工作报告's body against the tables: figures as written (numbers.ts), sentences of the report
 * year (sentences.ts), statements of a table measure (statements.ts) and their reconciliation with
 * the cells (reconcile.ts). The report-* rules report from it; a face may list every reconciled figure.
 */
export { readFigures, allows, type Figure, type Qualifier } from "./numbers";
export { sentencesOf, skipReason, yearsIn, wordsBefore, type Sentence, type SkipReason } from "./sentences";
export { statementsOf, statementsIn, measureOf, type Statement } from "./statements";
export { reconcile, reconcileBody, readNumber, type Outcome, type Reconciliation, type ReadNumber } from "./reconcile";
