/**
 * The whole task pane, the same inside Excel and on the web page: the buttons, the view of the last
 * action, messages and progress. The logic of every button lives in src/app/actions.ts; this file only
 * keeps the pane's state and turns errors into messages.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent, type ReactNode } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowImportRegular,
  CalculatorRegular,
  DismissRegular,
  DocumentArrowDownRegular,
  DocumentTableRegular,
  DocumentTextRegular,
  EraserRegular,
  ShieldTaskRegular,
  TableAddRegular,
  TableSearchRegular,
} from "@fluentui/react-icons";
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
  type ImportPlan,
  type RatioMode,
  type RatioPlanItem,
  type ReportBody,
  type ReportReader,
  type WorkbookReader,
} from "../app/actions";
import { thresholdSettings } from "../app/threshold";
import type { Analysis } from "../check/analyse";
import type { Finding } from "../engine/findings";
import type { HostNotice, SubmissionCopyResult, WorkbookHost } from "../host/types";
import { tableLabel, translator, type Lang, type StringKey } from "../i18n";
import type { TableId } from "../templates/schema";
import { errorText, InputError } from "./errors";
import { I18nContext, useI18n } from "./i18nContext";
import { fileBytes } from "./fileBytes";
import { readLastYearWorkbook } from "./readLastYear";
import { readReportDocx } from "./readReport";
import { loadLang, loadTemplateDefaults, saveLang, saveTemplateDefaults } from "./storage";
import type { TemplateFields } from "./TemplatesForm";
import { paneTheme } from "./theme";

// Views shown only after a button is pressed load on demand, keeping the first screen light.
const FindingsView = lazy(() => import(/* webpackChunkName: "pane-views" */ "./FindingsView").then((m) => ({ default: m.FindingsView })));
const TablesView = lazy(() => import(/* webpackChunkName: "pane-views" */ "./TablesView").then((m) => ({ default: m.TablesView })));
const TemplatesForm = lazy(() => import(/* webpackChunkName: "pane-views" */ "./TemplatesForm").then((m) => ({ default: m.TemplatesForm })));
const ImportPriorView = lazy(() => import(/* webpackChunkName: "pane-views" */ "./ImportPriorView").then((m) => ({ default: m.ImportPriorView })));
const SettingsPanel = lazy(() => import(/* webpackChunkName: "pane-views" */ "./SettingsPanel").then((m) => ({ default: m.SettingsPanel })));
const RatioConfirmDialog = lazy(() => import(/* webpackChunkName: "pane-views" */ "./RatioConfirmDialog").then((m) => ({ default: m.RatioConfirmDialog })));

export interface PaneProps {
  host: WorkbookHost;
  mode: "excel" | "web";
  /** The starting language; the user can switch. Default: the one last chosen on this machine, else 中文. */
  lang?: Lang;
  /** Told when the user switches the language (the pane remembers it itself): the web page's own words follow the pane's. */
  onLangChange?(lang: Lang): void;
  /** Called after the pane selected a finding's cell (the web shell scrolls its grid). */
  onFindingClick?: (f: Finding) => void;
  /** Shown under the title: the web shell's upload and download controls. */
  extra?: ReactNode;
  /**
   * 生成报送副本 (web: a download; Excel: the Office host's copy, whose SubmissionCopyResult says what
   * was made). Without it the button is hidden.
   */
  onSubmissionCopy?: () => Promise<unknown> | void;
  /** Reads last year's .xlsx for 导入上年数; by default the xlsx readers, loaded on demand. */
  readWorkbook?: WorkbookReader;
  /** Reads the 工作报告 (.docx) for 对照工作报告; by default the docx reader, loaded on demand. */
  readReport?: ReportReader;
  /** The body to check against from the start: the web page opening a .docx passes the report's own body. */
  initialReport?: ReportBody | null;
  /** Told when the user attaches a report to check against, or detaches it: the web page's 标注副本 lists its findings too. */
  onReportChange?(report: ReportBody | null): void;
  /** The workbook's file name, for the 审核报告 (the web page knows it; Excel does not tell). */
  fileName?: string;
  /**
   * The shell is working on the workbook (the web page reading a newly chosen file): every action is
   * disabled, so a click cannot land on the workbook about to be replaced and be lost.
   */
  blocked?: boolean;
  /** Told the 变化幅度阈值 field's text, at first and on every change: the web page's 与旧版对比 judges changes by it too. */
  onThresholdChange?(value: string): void;
}

type Intent = "error" | "warning" | "success" | "info";
interface Notice {
  intent: Intent;
  text: string;
}

type View = "findings" | "tables" | "templates" | "import" | null;

interface ImportState {
  plan: ImportPlan | null;
  file: string | null;
  ticked: Set<string>;
}

const DEFAULT_THRESHOLD = "30";

/** What the Office host's 生成报送副本 answers (a web download answers nothing). */
function isSubmissionResult(x: unknown): x is SubmissionCopyResult {
  if (typeof x !== "object" || x === null) return false;
  const r = x as Partial<SubmissionCopyResult>;
  return (r.kind === "workbook" || r.kind === "sheets") && Array.isArray(r.sheets);
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: "100%",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  langs: { display: "flex", gap: tokens.spacingHorizontalXS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  status: { minHeight: "20px" },
  report: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  costs: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  noticeText: { whiteSpace: "pre-line" },
});

export function Pane(props: PaneProps) {
  const [lang, setLang] = useState<Lang>(() => props.lang ?? loadLang() ?? "zh");
  const theme = useMemo(() => paneTheme(props.mode), [props.mode]);
  const i18n = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  return (
    <FluentProvider theme={theme}>
      <I18nContext.Provider value={i18n}>
        <div lang={lang === "zh" ? "zh-CN" : "en"}>
          <PaneBody
            {...props}
            onLang={(l) => {
              setLang(l);
              saveLang(l);
              props.onLangChange?.(l);
            }}
          />
        </div>
      </I18nContext.Provider>
    </FluentProvider>
  );
}

function PaneBody(props: PaneProps & { onLang(l: Lang): void }) {
  const { host, onFindingClick, onSubmissionCopy, fileName } = props;
  const { t, lang } = useI18n();
  const styles = useStyles();

  const [busy, setBusy] = useState<string | null>(null);
  const busyRef = useRef(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [view, setView] = useState<View>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [stale, setStale] = useState(false);
  const [recognised, setRecognised] = useState<Analysis | null>(null);
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const [ratioMode, setRatioMode] = useState<RatioMode>("values");
  const [pendingConfirm, setPendingConfirm] = useState<{ items: RatioPlanItem[]; resolve(ok: boolean): void } | null>(null);
  const [templateFields, setTemplateFields] = useState<TemplateFields>(() => ({ year: "", ...loadTemplateDefaults() }));
  const [templateTables, setTemplateTables] = useState<{ present: TableId[]; missing: TableId[] } | null>(null);
  const [imported, setImported] = useState<ImportState>({ plan: null, file: null, ticked: new Set() });
  const [report, setReport] = useState<ReportBody | null>(props.initialReport ?? null);
  const reportInput = useRef<HTMLInputElement>(null);

  /** What the host could not do during the operation without failing it (a note Excel refused). */
  const hostWarnings = useCallback((): string[] => {
    const taken: HostNotice[] = host.takeWarnings?.() ?? [];
    return taken.map((w) => (lang === "en" ? w.messageEn : w.message));
  }, [host, lang]);

  /** Runs one operation at a time with a progress label; every error becomes a message, and the host's warnings are shown with it. */
  const run = useCallback(
    async (label: StringKey, op: () => Promise<Notice | void>): Promise<boolean> => {
      if (busyRef.current) return false;
      busyRef.current = true;
      setBusy(t(label));
      setNotice(null);
      host.takeWarnings?.();
      try {
        const n = await op();
        const warnings = hostWarnings();
        if (warnings.length > 0) setNotice({ intent: "warning", text: [n?.text, ...warnings].filter(Boolean).join("\n") });
        else if (n) setNotice(n);
        return true;
      } catch (err) {
        setNotice({ intent: "error", text: [errorText(err, lang), ...hostWarnings()].join("\n") });
        return false;
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
    },
    [t, lang, host, hostWarnings],
  );

  const changed = () => setStale(true);

  const settings = (): CheckSettings => {
    const s = thresholdSettings(threshold);
    if (!s) throw new InputError(t("thresholdInvalid", { value: threshold }));
    return s;
  };

  const { onThresholdChange } = props;
  useEffect(() => onThresholdChange?.(threshold), [threshold, onThresholdChange]);

  const onValidate = () =>
    run("validating", async () => {
      const a = await validate(host, settings(), report);
      setAnalysis(a);
      setStale(false);
      setView("findings");
    });

  /** The body is read, then checked at once: what the user asked for is the comparison, not a file loaded. */
  const onReportFile = (file: File) =>
    run("reportReading", async () => {
      const body = await (props.readReport ?? readReportDocx)(await fileBytes(file), file.name);
      const a = await validate(host, settings(), body);
      setReport(body);
      props.onReportChange?.(body);
      setAnalysis(a);
      setStale(false);
      setView("findings");
      const m = a.findings.filter((f) => f.rule.indexOf("report-") === 0).length;
      return { intent: "success", text: t(m > 0 ? "reportChecked" : "reportNothing", { file: file.name, n: body.paragraphs.length, m }) };
    });

  const onReportChosen = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Cleared so that choosing the same file again (after editing it in Word) fires again.
    e.target.value = "";
    if (file) void onReportFile(file);
  };

  const onReportDetach = () => {
    setReport(null);
    props.onReportChange?.(null);
    setStale(true);
    setNotice({ intent: "info", text: t("reportDetached") });
  };

  const onClearMarks = () =>
    run("clearingMarks", async () => {
      await clearMarks(host);
      return { intent: "success", text: t("marksCleared") };
    });

  const confirmOverwrites = (items: RatioPlanItem[]) => new Promise<boolean>((resolve) => setPendingConfirm({ items, resolve }));
  const answerConfirm = (ok: boolean) => {
    pendingConfirm?.resolve(ok);
    setPendingConfirm(null);
  };

  const onFillRatios = () =>
    run("fillingRatios", async () => {
      const r = await fillRatios(host, ratioMode, confirmOverwrites);
      if (r.cancelled) return { intent: "info", text: t("ratiosCancelled") };
      if (r.written === 0) return { intent: "info", text: t("ratiosNothing") };
      changed();
      return { intent: "success", text: t("ratiosWritten", { n: r.written }) };
    });

  const onOpenTemplates = () => {
    setView("templates");
    void run("reading", async () => {
      const c = await templateContext(host);
      setTemplateTables({ present: c.present, missing: c.missing });
      // What the workbook says wins over what was remembered; what the user typed now wins over both.
      setTemplateFields((f) => ({
        year: f.year || String(c.year),
        unit: c.unit || f.unit,
        contact: c.contact || f.contact,
      }));
    });
  };

  const onInsertTemplates = () =>
    run("templatesInserting", async () => {
      const year = Number(templateFields.year.trim());
      if (!validYear(year)) throw new InputError(t("yearInvalid", { value: templateFields.year }));
      saveTemplateDefaults({ unit: templateFields.unit.trim(), contact: templateFields.contact.trim() });
      const r = await insertTemplates(host, { year, unit: templateFields.unit, contact: templateFields.contact });
      setTemplateTables({ present: [...r.present, ...r.inserted], missing: [] });
      if (r.inserted.length === 0) return { intent: "info", text: t("templatesAllPresent") };
      changed();
      return { intent: "success", text: t("templatesInserted", { names: r.inserted.map((id) => tableLabel(id, lang)).join("、") }) };
    });

  const onRecognise = () =>
    run("reading", async () => {
      setRecognised(await recogniseWorkbook(host));
      setView("tables");
    });

  const onOpenImport = () => setView("import");

  const onImportFile = (file: File) =>
    run("importReading", async () => {
      setImported({ plan: null, file: file.name, ticked: new Set() });
      const bytes = await fileBytes(file);
      const plan = await previewImportPrior(host, bytes, props.readWorkbook ?? readLastYearWorkbook, file.name);
      setImported({ plan, file: file.name, ticked: defaultAccepted(plan) });
    });

  const onTick = (id: string, on: boolean) =>
    setImported((s) => {
      const ticked = new Set(s.ticked);
      if (on) ticked.add(id);
      else ticked.delete(id);
      return { ...s, ticked };
    });

  const onApplyImport = () =>
    run("importApplying", async () => {
      if (!imported.plan) return;
      const r = await applyImportPrior(host, imported.plan, imported.ticked);
      setImported({ plan: null, file: null, ticked: new Set() });
      changed();
      return { intent: "success", text: t("importDone", { n: r.written }) };
    });

  const onAuditReport = () =>
    run("auditWriting", async () => {
      const r = await writeAuditReport(host, { settings: settings(), file: fileName, report });
      return { intent: "success", text: t("auditWritten", { sheet: r.sheet, n: r.analysis.findings.length }) };
    });

  const onSubmission = () =>
    run("submissionWorking", async () => {
      const made = await onSubmissionCopy?.();
      if (!isSubmissionResult(made)) return { intent: "success", text: t("submissionDone") };
      const sheets = made.sheets.map((x) => `「${x}」`).join("、");
      if (made.kind === "workbook") return { intent: "success", text: t("submissionWorkbook", { sheets }) };
      changed();
      return { intent: "info", text: `${t("submissionSheets", { sheets })}\n${t("submissionMoveHint")}` };
    });

  const onSelect = (f: Finding) => {
    host.select(f.sheet, f.cell).then(
      () => onFindingClick?.(f),
      (err: unknown) => setNotice({ intent: "error", text: errorText(err, lang) }),
    );
  };

  const onSaveNote = (f: Finding, text: string) =>
    run("noteSaving", async () => {
      await saveNote(host, { rule: f.rule, sheet: f.sheet, cell: f.cell }, text);
      const explanation = text.trim() || undefined;
      setAnalysis(
        (a) =>
          a && {
            ...a,
            findings: a.findings.map((x) => (x.rule === f.rule && x.sheet === f.sheet && x.cell === f.cell ? { ...x, explanation } : x)),
          },
      );
      return { intent: "success", text: explanation ? t("noteSaved") : t("noteRemoved") };
    });

  const isBusy = busy !== null || props.blocked === true;
  // In Excel the pane is the page; on the web page it sits inside the shell's own main landmark and heading.
  const Root = props.mode === "excel" ? "main" : "section";
  const Title = props.mode === "excel" ? "h1" : "h2";
  const titles: Record<Intent, StringKey> = { error: "errorTitle", warning: "noticeTitle", success: "doneTitle", info: "noticeTitle" };

  return (
    <Root className={styles.root} aria-busy={isBusy} aria-labelledby="xzzf-pane-title">
      <header className={styles.header}>
        <Title id="xzzf-pane-title" className={styles.title}>
          {t("appTitle")}
        </Title>
        <div role="group" aria-label={t("language")} className={styles.langs}>
          <ToggleButton size="small" lang="zh-CN" checked={lang === "zh"} onClick={() => props.onLang("zh")}>
            {t("langZh")}
          </ToggleButton>
          <ToggleButton size="small" lang="en" checked={lang === "en"} onClick={() => props.onLang("en")}>
            {t("langEn")}
          </ToggleButton>
        </div>
      </header>

      {props.extra}

      <div role="group" aria-label={t("actions")} className={styles.actions}>
        <Button appearance="primary" icon={<ShieldTaskRegular />} disabled={isBusy} onClick={onValidate} data-testid="validate">
          {t("validate")}
        </Button>
        <Button icon={<EraserRegular />} disabled={isBusy} onClick={onClearMarks} data-testid="clear-marks">
          {t("clearMarks")}
        </Button>
        <Button icon={<CalculatorRegular />} disabled={isBusy} onClick={onFillRatios} data-testid="fill-ratios">
          {t("fillRatios")}
        </Button>
        <Button icon={<TableAddRegular />} disabled={isBusy} onClick={onOpenTemplates} data-testid="insert-templates" aria-pressed={view === "templates"}>
          {t("insertTemplates")}
        </Button>
        <Button icon={<TableSearchRegular />} disabled={isBusy} onClick={onRecognise} data-testid="recognise">
          {t("recognise")}
        </Button>
        <Button icon={<ArrowImportRegular />} disabled={isBusy} onClick={onOpenImport} data-testid="import-prior" aria-pressed={view === "import"}>
          {t("importPrior")}
        </Button>
        <Button icon={<DocumentTableRegular />} disabled={isBusy} onClick={onAuditReport} data-testid="audit-report">
          {t("auditReport")}
        </Button>
        <Button
          icon={<DocumentTextRegular />}
          disabled={isBusy}
          onClick={() => reportInput.current?.click()}
          title={t("compareReportHint")}
          data-testid="compare-report"
        >
          {t("compareReport")}
        </Button>
        <input
          ref={reportInput}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          hidden
          tabIndex={-1}
          onChange={onReportChosen}
          data-testid="report-input"
        />
        {onSubmissionCopy && (
          <Button icon={<DocumentArrowDownRegular />} disabled={isBusy} onClick={onSubmission} data-testid="submission-copy">
            {t("submissionCopy")}
          </Button>
        )}
      </div>

      {report && (
        <div className={styles.report} data-testid="report-attached">
          <span>{t("reportAttached", { file: report.file })}</span>
          <Button appearance="subtle" size="small" icon={<DismissRegular />} disabled={isBusy} onClick={onReportDetach} data-testid="report-detach">
            {t("reportDetach")}
          </Button>
        </div>
      )}

      <div className={styles.status} aria-live="polite">
        {busy && <Spinner size="extra-tiny" label={busy} data-testid="busy" />}
      </div>

      {notice && (
        <MessageBar intent={notice.intent} data-testid="notice" data-intent={notice.intent}>
          <MessageBarBody>
            <MessageBarTitle>{t(titles[notice.intent])}</MessageBarTitle>
            <span className={styles.noticeText}>{notice.text}</span>
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label={t("dismiss")} icon={<DismissRegular />} onClick={() => setNotice(null)} />
            }
          />
        </MessageBar>
      )}

      <Suspense fallback={<Spinner size="tiny" />}>
        {view === "findings" && analysis && <FindingsView analysis={analysis} stale={stale} busy={isBusy} onSelect={onSelect} onSaveNote={onSaveNote} />}
        {view === "tables" && recognised && <TablesView analysis={recognised} />}
        {view === "templates" && (
          <TemplatesForm
            fields={templateFields}
            onChange={setTemplateFields}
            present={templateTables?.present ?? null}
            missing={templateTables?.missing ?? null}
            busy={isBusy}
            onInsert={onInsertTemplates}
          />
        )}
        {view === "import" && (
          <ImportPriorView
            plan={imported.plan}
            file={imported.file}
            ticked={imported.ticked}
            busy={isBusy}
            onFile={onImportFile}
            onTick={onTick}
            onApply={onApplyImport}
          />
        )}
      </Suspense>

      <Accordion collapsible multiple>
        {host.costs && host.costs.length > 0 && (
          <AccordionItem value="excel-version" data-testid="excel-version">
            <AccordionHeader as="h2" size="small">
              {t("excelVersionTitle")}
            </AccordionHeader>
            <AccordionPanel>
              <p>{t("excelVersionIntro")}</p>
              <ul className={styles.costs}>
                {host.costs.map((c, i) => (
                  <li key={i} data-requires={c.requires}>
                    {lang === "en" ? c.messageEn : c.message}
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        )}
        <AccordionItem value="settings">
          <AccordionHeader as="h2" size="small">
            {t("settings")}
          </AccordionHeader>
          <AccordionPanel>
            <Suspense fallback={<Spinner size="tiny" />}>
              <SettingsPanel threshold={threshold} onThreshold={setThreshold} ratioMode={ratioMode} onRatioMode={setRatioMode} />
            </Suspense>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      {pendingConfirm && (
        <Suspense fallback={null}>
          <RatioConfirmDialog items={pendingConfirm.items} onAnswer={answerConfirm} />
        </Suspense>
      )}
    </Root>
  );
}
