/**
 * What each button of the classic pane does: Pane.tsx's handlers, line for line, over the same actions
 * (src/app/actions.ts). One action at a time; every error becomes a notice in the user's language, and
 * what the host could not do without failing (host.takeWarnings) is appended to it.
 */
import {
  applyImportPrior,
  clearMarks,
  defaultAccepted,
  fillRatios,
  insertTemplates,
  previewImportPrior,
  recogniseWorkbook,
  saveNote,
  templateContext,
  validate,
  validYear,
  writeAuditReport,
  type CheckSettings,
  type RatioPlanItem,
  type ReportReader,
  type WorkbookReader,
} from "../app/actions";
import type { Finding } from "../engine/findings";
import type { SubmissionCopyResult, WorkbookHost } from "../host/types";
import { tableLabel, translator, type StringKey } from "../i18n";
import { errorText, InputError } from "../pane/errors";
import { fileBytes } from "../pane/fileBytes";
import { readLastYearWorkbook } from "../pane/readLastYear";
import { readReportDocx } from "../pane/readReport";
import { saveTemplateDefaults } from "../pane/storage";
import { findingKey, type ClassicState, type Notice, type PaneHandlers } from "./state";

export interface ControllerOptions {
  onSubmissionCopy?: () => Promise<unknown> | void;
  readWorkbook?: WorkbookReader;
  readReport?: ReportReader;
}

export interface Controller extends PaneHandlers {
  validate(): Promise<boolean>;
  clearMarks(): Promise<boolean>;
  fillRatios(): Promise<boolean>;
  openTemplates(): Promise<boolean>;
  recognise(): Promise<boolean>;
  openImport(): void;
  reportFile(file: File): void;
  detachReport(): void;
  auditReport(): Promise<boolean>;
  submissionCopy(): Promise<boolean>;
}

/** What the Office host's 生成报送副本 answers (a web download answers nothing). */
function isSubmissionResult(x: unknown): x is SubmissionCopyResult {
  if (typeof x !== "object" || x === null) return false;
  const r = x as Partial<SubmissionCopyResult>;
  return (r.kind === "workbook" || r.kind === "sheets") && Array.isArray(r.sheets);
}

/** `render` is called after every change of `state`; the pane notices a newly shown overwrite list itself. */
export function createController(host: WorkbookHost, state: ClassicState, render: () => void, opts: ControllerOptions): Controller {
  const t = (key: StringKey, vars?: Record<string, string | number>) => translator(state.lang)(key, vars);

  const hostWarnings = (): string[] => {
    const taken = host.takeWarnings ? host.takeWarnings() : [];
    return taken.map((w) => (state.lang === "en" ? w.messageEn : w.message));
  };

  async function run(label: StringKey, op: () => Promise<Notice | void>): Promise<boolean> {
    if (state.busy !== null) return false;
    state.busy = label;
    state.notice = null;
    if (host.takeWarnings) host.takeWarnings();
    render();
    try {
      const n = await op();
      const warnings = hostWarnings();
      if (warnings.length > 0) state.notice = { intent: "warning", text: [n ? n.text : "", ...warnings].filter(Boolean).join("\n") };
      else if (n) state.notice = n;
      return true;
    } catch (err) {
      state.notice = { intent: "error", text: [errorText(err, state.lang), ...hostWarnings()].join("\n") };
      return false;
    } finally {
      state.busy = null;
      render();
    }
  }

  const settings = (): CheckSettings => {
    const raw = state.threshold.trim();
    const pct = Number(raw);
    if (!raw || !isFinite(pct) || pct < 1 || pct > 1000) throw new InputError(t("thresholdInvalid", { value: state.threshold }));
    return { changeThreshold: pct / 100 };
  };

  const changed = () => {
    state.stale = true;
  };

  const confirmOverwrites = (items: RatioPlanItem[]) =>
    new Promise<boolean>((resolve) => {
      state.confirm = { items, resolve };
      render();
    });

  return {
    validate: () =>
      run("validating", async () => {
        const a = await validate(host, settings(), state.report);
        state.analysis = a;
        state.stale = false;
        state.view = "findings";
      }),

    reportFile: (file: File) =>
      void run("reportReading", async () => {
        const body = await (opts.readReport ?? readReportDocx)(await fileBytes(file), file.name);
        const a = await validate(host, settings(), body);
        state.report = body;
        state.analysis = a;
        state.stale = false;
        state.view = "findings";
        const m = a.findings.filter((f) => f.rule.indexOf("report-") === 0).length;
        return { intent: "success", text: t(m > 0 ? "reportChecked" : "reportNothing", { file: file.name, n: body.paragraphs.length, m }) };
      }),

    detachReport() {
      state.report = null;
      state.stale = true;
      state.notice = { intent: "info", text: t("reportDetached") };
      render();
    },

    clearMarks: () =>
      run("clearingMarks", async () => {
        await clearMarks(host);
        return { intent: "success", text: t("marksCleared") };
      }),

    fillRatios: () =>
      run("fillingRatios", async () => {
        const r = await fillRatios(host, state.ratioMode, confirmOverwrites);
        if (r.cancelled) return { intent: "info", text: t("ratiosCancelled") };
        if (r.written === 0) return { intent: "info", text: t("ratiosNothing") };
        changed();
        return { intent: "success", text: t("ratiosWritten", { n: r.written }) };
      }),

    answerConfirm(ok: boolean) {
      const pending = state.confirm;
      if (!pending) return;
      state.confirm = null;
      render();
      pending.resolve(ok);
    },

    openTemplates() {
      state.view = "templates";
      render();
      return run("reading", async () => {
        const c = await templateContext(host);
        state.templateTables = { present: c.present, missing: c.missing };
        // What the workbook says wins over what was remembered; what the user typed now wins over both.
        const f = state.templateFields;
        f.year = f.year || String(c.year);
        f.unit = c.unit || f.unit;
        f.contact = c.contact || f.contact;
      });
    },

    insertTemplates: () =>
      void run("templatesInserting", async () => {
        const f = state.templateFields;
        const year = Number(f.year.trim());
        if (!validYear(year)) throw new InputError(t("yearInvalid", { value: f.year }));
        saveTemplateDefaults({ unit: f.unit.trim(), contact: f.contact.trim() });
        const r = await insertTemplates(host, { year, unit: f.unit, contact: f.contact });
        state.templateTables = { present: [...r.present, ...r.inserted], missing: [] };
        if (r.inserted.length === 0) return { intent: "info", text: t("templatesAllPresent") };
        changed();
        return { intent: "success", text: t("templatesInserted", { names: r.inserted.map((id) => tableLabel(id, state.lang)).join("、") }) };
      }),

    recognise: () =>
      run("reading", async () => {
        state.recognised = await recogniseWorkbook(host);
        state.view = "tables";
      }),

    openImport() {
      state.view = "import";
      render();
    },

    importFile: (file: File) =>
      void run("importReading", async () => {
        state.imported = { plan: null, file: file.name, ticked: new Set<string>() };
        const bytes = await fileBytes(file);
        const plan = await previewImportPrior(host, bytes, opts.readWorkbook ?? readLastYearWorkbook, file.name);
        state.imported = { plan, file: file.name, ticked: defaultAccepted(plan) };
      }),

    applyImport: () =>
      void run("importApplying", async () => {
        const plan = state.imported.plan;
        if (!plan) return;
        const r = await applyImportPrior(host, plan, state.imported.ticked);
        state.imported = { plan: null, file: null, ticked: new Set<string>() };
        changed();
        return { intent: "success", text: t("importDone", { n: r.written }) };
      }),

    auditReport: () =>
      run("auditWriting", async () => {
        const r = await writeAuditReport(host, { settings: settings(), report: state.report });
        return { intent: "success", text: t("auditWritten", { sheet: r.sheet, n: r.analysis.findings.length }) };
      }),

    submissionCopy: () =>
      run("submissionWorking", async () => {
        const made = opts.onSubmissionCopy ? await opts.onSubmissionCopy() : undefined;
        if (!isSubmissionResult(made)) return { intent: "success", text: t("submissionDone") };
        const sheets = made.sheets.map((x) => `「${x}」`).join("、");
        if (made.kind === "workbook") return { intent: "success", text: t("submissionWorkbook", { sheets }) };
        changed();
        return { intent: "info", text: `${t("submissionSheets", { sheets })}\n${t("submissionMoveHint")}` };
      }),

    select(f: Finding) {
      host.select(f.sheet, f.cell).then(undefined, (err: unknown) => {
        state.notice = { intent: "error", text: errorText(err, state.lang) };
        render();
      });
    },

    saveNote: (f: Finding, text: string) =>
      void run("noteSaving", async () => {
        await saveNote(host, { rule: f.rule, sheet: f.sheet, cell: f.cell }, text);
        const explanation = text.trim() || undefined;
        const a = state.analysis;
        if (a) {
          state.analysis = {
            ...a,
            findings: a.findings.map((x) => (x.rule === f.rule && x.sheet === f.sheet && x.cell === f.cell ? { ...x, explanation } : x)),
          };
        }
        state.drafts.delete(findingKey(f));
        return { intent: "success", text: explanation ? t("noteSaved") : t("noteRemoved") };
      }),
  };
}
