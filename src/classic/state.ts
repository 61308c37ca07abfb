/**
 * What the classic pane keeps between renders: the same state Pane.tsx keeps in hooks, plus what the
 * modern pane leaves to Fluent (which folds are open, what is being typed). Every render is built from
 * this, so switching language or finishing an action never loses what the user typed.
 */
import type { ImportPlan, RatioMode, RatioPlanItem, ReportBody } from "../app/actions";
import type { Analysis } from "../check/analyse";
import type { Finding, Severity } from "../engine/findings";
import type { Lang, StringKey, Translate } from "../i18n";
import type { TableId } from "../templates/schema";

export type Intent = "error" | "warning" | "success" | "info";

export interface Notice {
  intent: Intent;
  text: string;
}

export type View = "findings" | "tables" | "templates" | "import" | null;

export interface TemplateFields {
  year: string;
  unit: string;
  contact: string;
}

export interface ImportState {
  plan: ImportPlan | null;
  file: string | null;
  ticked: Set<string>;
}

export interface PendingConfirm {
  items: RatioPlanItem[];
  resolve(ok: boolean): void;
}

export interface ClassicState {
  lang: Lang;
  /** The label of the action running, null when idle; a key, so a language switch meanwhile re-words it. */
  busy: StringKey | null;
  notice: Notice | null;
  view: View;
  analysis: Analysis | null;
  /** The workbook was changed by the pane since the last 校验. */
  stale: boolean;
  recognised: Analysis | null;
  threshold: string;
  ratioMode: RatioMode;
  confirm: PendingConfirm | null;
  templateFields: TemplateFields;
  templateTables: { present: TableId[]; missing: TableId[] } | null;
  imported: ImportState;
  /** The 工作报告 whose body every 校验 is checked against, once chosen. */
  report: ReportBody | null;
  /** Open folds: `sev:error`, `costs`, `settings`. */
  open: Set<string>;
  /** Findings whose 审核说明 editor is open, by findingKey, with the text typed so far. */
  drafts: Map<string, string>;
}

export const DEFAULT_THRESHOLD = "30";

export function initialState(lang: Lang, remembered: { unit: string; contact: string }): ClassicState {
  return {
    lang,
    busy: null,
    notice: null,
    view: null,
    analysis: null,
    stale: false,
    recognised: null,
    threshold: DEFAULT_THRESHOLD,
    ratioMode: "values",
    confirm: null,
    templateFields: { year: "", unit: remembered.unit, contact: remembered.contact },
    templateTables: null,
    imported: { plan: null, file: null, ticked: new Set<string>() },
    report: null,
    // Info is folded, as in the modern pane: rules.md says there is nothing to do about it.
    open: new Set<string>(["sev:error", "sev:warning"]),
    drafts: new Map<string, string>(),
  };
}

export function foldKey(sev: Severity): string {
  return `sev:${sev}`;
}

/** One finding's identity across checks (the same rule on the same cell). */
export function findingKey(f: Pick<Finding, "rule" | "sheet" | "cell">): string {
  return `${f.rule}\u0000${f.sheet}\u0000${f.cell}`;
}

/** What the pane's handlers do; views call these and never touch the host. */
export interface PaneHandlers {
  select(f: Finding): void;
  saveNote(f: Finding, text: string): void;
  insertTemplates(): void;
  importFile(file: File): void;
  applyImport(): void;
  answerConfirm(ok: boolean): void;
}

/** What every view is given to build its nodes. */
export interface ViewContext {
  state: ClassicState;
  t: Translate;
  lang: Lang;
  isBusy: boolean;
  handlers: PaneHandlers;
  /** Re-renders after a view changed the state (a fold opened, a box ticked). */
  update(): void;
  /** Asks the next render to focus the element with this data-key. */
  focusNext(key: string): void;
}
