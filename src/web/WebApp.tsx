/**
 * The pane as a web page, for offices on WPS or LibreOffice and for reviewers without the add-in:
 * open an .xlsx (or the sample), use the same pane as in Excel, see the workbook in a read-only
 * grid, and download copies. Everything happens in this browser tab; nothing is uploaded.
 *
 * What loads when: the sample is built from the template data, so the first visit needs neither
 * reader; a chosen file is read with the fast reader (its chunk fetched then); ExcelJS is fetched
 * only for a download, which replays the page's changes on the original file (snapshotHost.ts).
 *
 * A 工作报告 (.docx) opens like a workbook: its tables are the sheets 表1…表N, and the pane checks
 * its body against them at every 校验. Its one download is a new .xlsx of the tables, marked, with
 * the 审核报告 (the .docx cannot be rewritten by ExcelJS, and the fixes belong in Word anyway).
 */
import type { Comparison } from "../flows/compare";
import type { CompareView as CompareViewType } from "./CompareView";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ChangeEvent, type DragEvent } from "react";
import {
  Button,
  FluentProvider,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { usePageStyles } from "./pageStyles";
import { FolderOpenRegular } from "@fluentui/react-icons";
import type { ReportBody } from "../app/actions";
import { thresholdSettings } from "../app/threshold";
import type { Finding } from "../engine/findings";
import { webTranslator } from "../i18n/web";
import { translator, type Lang } from "../i18n";
import { I18nContext } from "../pane/i18nContext";
import { loadLang } from "../pane/storage";
import { fileBytes } from "../pane/fileBytes";
import { errorText } from "../errors";
import type { SheetLayout } from "../templates/layout";
import { Pane } from "../pane/Pane";
import { copyName, type CopyKind } from "../flows/copyName";
import { folderOrder, REPORT_EXTENSIONS } from "../flows/inputFiles";
import type { RatioCopy } from "./downloads";
import { openSample, sampleLayouts } from "./sampleWorkbook";
import { SheetGrid } from "./SheetGrid";
import { loadExcelJSFactory, openWorkbookBytes, readWithFastReader, WebHost, type HostFactory, type WebHostState, type WorkbookReader } from "./webHost";

/** The page's words in Chinese, for what is said before a language is chosen; the page itself follows the pane's language. */
const zh = webTranslator("zh");

export const PRODUCT_NAME = zh("appTitle");
export const PRIVACY_LINE = zh("webPrivacy");

/** What this page opens: a workbook, or a 工作报告 shown as its tables (表1…表N). */
const OPENABLE = /\.(xlsx|docx)$/i;

/**
 * A report's download: a new .xlsx of its tables, marked, with the 审核报告 (`工作报告.docx` →
 * `工作报告-审核.xlsx`); the .docx itself is never rewritten.
 */
export function reportCopyName(fileName: string): string {
  const base = fileName.replace(/\.(docx?|xlsx)$/i, "").trim() || "工作报告";
  return `${base}-审核.xlsx`;
}

/** The copies are made with ExcelJS: their code comes with it, on the first download. */
const loadDownloads = () => import(/* webpackChunkName: "xlsx-host" */ "./downloads");

/** 与旧版对比: the engine's comparison and its view, fetched on first use. */
const loadCompare = () => import(/* webpackChunkName: "compare" */ "./CompareView");

/** The pane's overwrite question (one dialog for both faces), fetched only when a ratio copy needs it. */
const RatioConfirmDialog = lazy(() =>
  import(/* webpackChunkName: "pane-views" */ "../pane/RatioConfirmDialog").then((m) => ({ default: m.RatioConfirmDialog })),
);

const useStyles = makeStyles({
  dragging: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-6px" },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "8px 12px" },
  /** The upload control: a label drawn as a primary button around a native file input kept focusable. */
  upload: {
    position: "relative",
    display: "inline-flex",
    alignItems: "center",
    gap: "6px",
    padding: "5px 12px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorBrandBackgroundHover },
    ":focus-within": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  /** Fluent's body text, without its Text component (one module fewer on the first visit). */
  text: { fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  hint: { color: tokens.colorNeutralForeground2 },
  main: { display: "flex", flexWrap: "wrap", gap: "12px", alignItems: "flex-start" },
  pane: {
    flex: "0 0 360px",
    maxWidth: "100%",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  grid: { flex: "1 1 480px", minWidth: 0 },
});

interface Notice {
  intent: "error" | "success" | "info";
  title?: string;
  text: string;
}

function isReadError(err: unknown): boolean {
  return err instanceof Error && (err.name === "WorkbookReadError" || err.name === "HostError");
}

/** webpack's error when a lazily loaded chunk (the reader, ExcelJS) cannot be fetched. */
function isChunkLoadError(err: unknown): boolean {
  return err instanceof Error && err.name === "ChunkLoadError";
}

/** The browser could not read the chosen file (its message is already the sentence to show). */
class FileReadError extends Error {
  override name = "FileReadError";
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function directoryBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

/**
 * The files of dropped entries: a dropped file as it is; inside a folder only the kinds a many-files
 * view reads, lock and hidden files left out (a folder's Thumbs.db or `~$报表.xlsx` does not become a
 * row), each folder's files in natural order before its subfolders, as `xzzf check <folder>` takes them.
 */
export async function filesOfEntries(entries: readonly FileSystemEntry[]): Promise<File[]> {
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    const children: FileSystemEntry[] = [];
    // readEntries hands a folder over in batches (100 at a time in Chromium) until an empty one.
    for (let batch = await directoryBatch(reader); batch.length > 0; batch = await directoryBatch(reader)) children.push(...batch);
    const { files, folders } = folderOrder(
      children,
      (e) => e.name,
      (e) => e.isDirectory,
    );
    for (const f of files) if (f.isFile) out.push(await entryFile(f as FileSystemFileEntry));
    for (const d of folders) await walk(d);
  };
  for (const e of entries) {
    if (e.isFile) out.push(await entryFile(e as FileSystemFileEntry));
    else if (e.isDirectory) await walk(e);
  }
  return out;
}

function useHostState(host: WebHost | null): WebHostState | null {
  const subscribe = useCallback((l: () => void) => (host ? host.subscribe(l) : () => undefined), [host]);
  const get = useCallback(() => (host ? host.getState() : null), [host]);
  return useSyncExternalStore(subscribe, get, get);
}

/** What the many-files view (src/web/batch) passes to the single-workbook page. */
export interface WebAppProps {
  /** Called instead of opening when more than one file is picked or dropped, or a folder is dropped. */
  onManyFiles?: (files: File[]) => void;
  /** Opened instead of the sample (a row of the summary); a new object opens again. */
  initialFile?: { name: string; bytes: Uint8Array };
  /** Shows 返回汇总 in the toolbar. */
  onBack?: () => void;
}

export interface WebAppViewProps extends WebAppProps {
  /** ExcelJS's hosts, for downloads only; loaded on the first download. */
  loadFactory?: () => Promise<HostFactory>;
  /** Reads a chosen file; the fast reader by default, loaded on the first file. */
  readWorkbook?: WorkbookReader;
  /** The sample's tables; the seed's by default. */
  loadSample?: () => Promise<SheetLayout[]>;
  /** Open the sample when the page starts without a file (a newcomer sees the product work at once). */
  autoSample?: boolean;
}

const defaultSample = async () => sampleLayouts();

export function WebAppView({
  loadFactory = loadExcelJSFactory,
  readWorkbook = readWithFastReader,
  loadSample = defaultSample,
  autoSample = true,
  onManyFiles,
  initialFile,
  onBack,
}: WebAppViewProps) {
  const styles = useStyles();
  const page = usePageStyles();
  // the pane's language (the pane remembers it on this machine): the page's own words follow it
  const [lang, setLang] = useState<Lang>(() => loadLang() ?? "zh");
  const t = useMemo(() => webTranslator(lang), [lang]);
  const paneWords = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  const [host, setHost] = useState<WebHost | null>(null);
  // Everything the page is doing, newest last: a download ending must not unblock a file still being read.
  const [tasks, setTasks] = useState<Array<{ id: number; label: string }>>([]);
  const taskSeq = useRef(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [activeSheet, setActiveSheet] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [ratioCopy, setRatioCopy] = useState<RatioCopy | null>(null);
  const [finding, setFinding] = useState<Finding | null>(null);
  // the last comparison with an older version, for the workbook it was made on
  const [compared, setCompared] = useState<{ hostId: number; oldName: string; comparison: Comparison; View: typeof CompareViewType } | null>(null);
  // the report the user attached in the pane (对照工作报告), for the host it was attached to
  const [attached, setAttached] = useState<{ hostId: number; report: ReportBody } | null>(null);
  /** The body a download checks against: an opened report's own, or the one attached to this workbook. */
  const reportBody = (h: WebHost) => h.report?.paragraphs ?? (attached?.hostId === h.id ? attached.report.paragraphs : undefined);
  const state = useHostState(host);
  const factory = useRef<Promise<HostFactory> | null>(null);
  // Only the last open request wins: a file chosen while the sample (or another file) is still loading replaces it.
  const openSeq = useRef(0);
  const busy = tasks.length > 0 ? tasks[tasks.length - 1].label : null;

  const begin = useCallback((label: string): (() => void) => {
    const id = ++taskSeq.current;
    setTasks((ts) => [...ts, { id, label }]);
    return () => setTasks((ts) => (ts.some((x) => x.id === id) ? ts.filter((x) => x.id !== id) : ts));
  }, []);
  const openEnd = useRef<(() => void) | null>(null);

  const getFactory = useCallback((): Promise<HostFactory> => {
    if (!factory.current) {
      factory.current = loadFactory().catch((err) => {
        factory.current = null;
        throw err;
      });
    }
    return factory.current;
  }, [loadFactory]);

  // Busy from the moment the file is chosen, not once its bytes are in: 校验 clicked while the file is
  // still being read would otherwise run on the workbook about to be replaced, and vanish with it.
  const open = useCallback(
    async (label: string, make: () => Promise<WebHost>) => {
      const seq = ++openSeq.current;
      // A superseded open (the sample, when a file was chosen) no longer keeps the page busy.
      openEnd.current?.();
      const end = begin(t("webOpening", { name: label }));
      openEnd.current = end;
      try {
        const next = await make();
        if (seq !== openSeq.current) return;
        setHost(next);
        setActiveSheet(null);
        setFinding(null);
        setNotice(null);
      } catch (err) {
        if (seq !== openSeq.current) return;
        // The workbook open before stays open: a bad upload must not cost the user their work.
        setNotice({
          intent: "error",
          title: t("webCannotOpen", { name: label }),
          text:
            isReadError(err) || err instanceof FileReadError
              ? errorText(err, lang)
              : isChunkLoadError(err)
                ? t("webReaderMissing")
                : t("webOpenFailed", { name: label, reason: errorText(err, lang) }),
        });
      } finally {
        end();
      }
    },
    [begin, t, lang],
  );

  const openBytes = useCallback(
    (name: string, bytes: Uint8Array) => open(name, () => openWorkbookBytes(bytes, name, readWorkbook, getFactory)),
    [open, readWorkbook, getFactory],
  );

  const openFile = useCallback(
    (file: File) =>
      open(file.name, async () => {
        let bytes: Uint8Array;
        try {
          bytes = await fileBytes(file);
        } catch (err) {
          throw new FileReadError(t("webFileUnreadable", { reason: errorText(err, lang) }));
        }
        return openWorkbookBytes(bytes, file.name, readWorkbook, getFactory);
      }),
    [open, readWorkbook, getFactory, t, lang],
  );

  const openSampleWorkbook = useCallback(() => open(t("webSample"), async () => openSample(getFactory, await loadSample())), [open, getFactory, loadSample, t]);

  const started = useRef(false);
  const openedInitial = useRef<WebAppProps["initialFile"]>(undefined);
  useEffect(() => {
    if (initialFile) {
      if (openedInitial.current === initialFile) return;
      openedInitial.current = initialFile;
      started.current = true;
      void openBytes(initialFile.name, initialFile.bytes);
      return;
    }
    if (started.current || !autoSample) return;
    started.current = true;
    void openSampleWorkbook();
  }, [autoSample, initialFile, openBytes, openSampleWorkbook]);

  /** One file is opened here; several go to the many-files view when there is one (else the first is opened). */
  const takeFiles = (files: File[], folder: boolean) => {
    if (onManyFiles && (files.length > 1 || (folder && files.length > 0))) {
      onManyFiles(files);
      return;
    }
    const first = folder ? files.find((f) => OPENABLE.test(f.name)) : files[0];
    if (first) void openFile(first);
    else if (folder) setNotice({ intent: "info", text: t("webFolderEmpty") });
  };

  const onFileInput = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    // Cleared so that choosing the same file again (after fixing it) fires change again.
    e.target.value = "";
    takeFiles(files, false);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const dt = e.dataTransfer;
    // Entries must be taken during the event: the drop's items are gone once it returns.
    const entries: FileSystemEntry[] = [];
    for (const item of Array.from(dt.items ?? [])) {
      if (item.kind !== "file" || typeof item.webkitGetAsEntry !== "function") continue;
      const entry = item.webkitGetAsEntry();
      if (entry) entries.push(entry);
    }
    if (entries.some((en) => en.isDirectory)) {
      const end = begin(t("webOpening", { name: entries.map((en) => en.name).join("、") }));
      filesOfEntries(entries)
        .then(
          (files) => takeFiles(files, true),
          (err: unknown) => setNotice({ intent: "error", text: t("webFileUnreadable", { reason: errorText(err, lang) }) }),
        )
        .finally(end);
      return;
    }
    takeFiles(Array.from(dt.files ?? []), false);
  };

  // The pane has already selected the cell through the host (which scrolls the grid); the finding
  // itself is kept to show its message, also for a warning answered by a note and so not marked.
  const onFindingClick = useCallback((f: Finding) => setFinding(f), []);

  const download = useCallback(
    async (kind: CopyKind, make: () => Promise<Uint8Array | null>) => {
      if (!host) return;
      const name = host.report ? reportCopyName(host.fileName) : copyName(host.fileName, kind);
      const end = begin(t("webDownloading", { name }));
      try {
        const bytes = await make();
        if (bytes) {
          (await loadDownloads()).saveBytes(bytes, name);
          setNotice({ intent: "success", text: t("webDownloaded", { name }) });
        }
      } catch (err) {
        setNotice({ intent: "error", title: t("webDownloadFailed"), text: isChunkLoadError(err) ? t("webWriterMissing") : errorText(err, lang) });
      } finally {
        end();
      }
    },
    [host, begin, t, lang],
  );

  const downloadAnnotated = () =>
    download("annotated", async () => {
      const { annotatedCopy } = await loadDownloads();
      return (await annotatedCopy(host!, await getFactory(), { file: host!.fileName, checkedAt: new Date(), body: reportBody(host!) })).bytes;
    });

  const downloadRatios = () =>
    download("ratios", async () => {
      const { prepareRatioCopy, finishRatioCopy } = await loadDownloads();
      const prepared = await prepareRatioCopy(host!, await getFactory());
      if (prepared.plan.overwrites.length > 0) {
        // The dialog decides; its buttons finish the download.
        setRatioCopy(prepared);
        return null;
      }
      return finishRatioCopy(prepared, false);
    });

  const finishRatios = (overwrite: boolean) => {
    const prepared = ratioCopy;
    setRatioCopy(null);
    if (prepared) void download("ratios", async () => (await loadDownloads()).finishRatioCopy(prepared, overwrite));
  };

  const threshold = useRef("");
  const onThresholdChange = useCallback((value: string) => {
    threshold.current = value;
  }, []);

  const compareWith = (file: File) => {
    if (!host) return;
    const current = host;
    // judged as the pane's 校验 judges: by the 变化幅度阈值 the pane shows now
    const settings = thresholdSettings(threshold.current);
    if (!settings) {
      setNotice({ intent: "error", text: t("webCompareThreshold", { value: threshold.current }) });
      return;
    }
    const end = begin(t("webOpening", { name: file.name }));
    (async () => {
      const [mod, bytes] = await Promise.all([loadCompare(), fileBytes(file)]);
      const old = await openWorkbookBytes(bytes, file.name, readWorkbook, getFactory);
      const comparison = mod.compareVersions(
        { snapshot: await old.readSnapshot(), body: old.report?.paragraphs },
        { snapshot: await current.readSnapshot(), body: reportBody(current) },
        settings,
      );
      setCompared({ hostId: current.id, oldName: file.name, comparison, View: mod.CompareView });
    })()
      .catch((err: unknown) => setNotice({ intent: "error", text: t("webCompareFailed", { name: file.name, reason: errorText(err, lang) }) }))
      .finally(end);
  };

  const onCompareInput = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file) compareWith(file);
  };

  const downloadSubmission = useCallback(() => download("submission", () => host!.submissionCopy()), [download, host]);

  return (
    <FluentProvider theme={webLightTheme}>
      <div
        lang={lang === "zh" ? "zh-CN" : "en"}
        className={mergeClasses(page.app, dragging && styles.dragging)}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <header className={page.header}>
          <h1 className={page.title}>{t("appTitle")}</h1>
          <span className={styles.text}>{t("webPrivacy")}</span>
        </header>

        <section className={styles.toolbar} aria-label={t("webWorkbookBar")}>
          {onBack && (
            <Button onClick={onBack} data-testid="back-to-summary">
              {t("webBack")}
            </Button>
          )}
          <label className={styles.upload}>
            <FolderOpenRegular aria-hidden="true" />
            {t("webOpenAny")}
            <input
              type="file"
              accept={onManyFiles ? REPORT_EXTENSIONS.join(",") : ".xlsx,.docx"}
              multiple
              data-testid="file-input"
              className={page.fileInput}
              onChange={onFileInput}
            />
          </label>
          <span className={mergeClasses(styles.text, styles.hint)}>{t("webDropHint")}</span>
          <Button onClick={() => void openSampleWorkbook()} data-testid="open-sample">
            {t("webOpenSample")}
          </Button>
          {host && (
            <span className={mergeClasses(styles.text, styles.hint)} data-testid="current-file">
              {t("webCurrent", { name: host.fileName })}
            </span>
          )}
        </section>

        {host && (
          <section className={styles.toolbar} aria-label={t("webDownloadsBar")}>
            <Button onClick={() => void downloadAnnotated()} disabledFocusable={!!busy} data-testid="download-annotated">
              {t("webDownloadAnnotated")}
            </Button>
            {/* A report is corrected and submitted as the .docx: a copy with ratios filled, or a "submission"
                .xlsx of tables read out of Word, would be a file nobody should send. Its fixes go into Word. */}
            {!host.report && (
              <>
                <Button onClick={() => void downloadRatios()} disabledFocusable={!!busy} data-testid="download-ratios">
                  {t("webDownloadRatios")}
                </Button>
                <Button onClick={() => void downloadSubmission()} disabledFocusable={!!busy} data-testid="download-submission">
                  {t("webDownloadSubmission")}
                </Button>
              </>
            )}
            <label className={styles.upload}>
              {t("webCompare")}
              <input
                type="file"
                accept=".xlsx,.xlsm,.docx"
                data-testid="compare-input"
                className={page.fileInput}
                disabled={!!busy}
                onChange={onCompareInput}
              />
            </label>
          </section>
        )}

        {notice && (
          <MessageBar intent={notice.intent} data-testid="notice" role={notice.intent === "error" ? "alert" : "status"}>
            <MessageBarBody>
              {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
              {notice.text}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" appearance="transparent" onClick={() => setNotice(null)}>
                {t("webClose")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}

        {host && compared?.hostId === host.id && (
          <compared.View comparison={compared.comparison} oldName={compared.oldName} t={t} lang={lang} onClose={() => setCompared(null)} />
        )}

        {busy && <Spinner size="tiny" label={busy} labelPosition="after" data-testid="busy" />}

        {host && state && (
          <main className={styles.main}>
            <div className={styles.pane}>
              <Pane
                key={host.id}
                host={host}
                mode="web"
                fileName={host.fileName}
                onFindingClick={onFindingClick}
                onSubmissionCopy={host.report ? undefined : downloadSubmission}
                initialReport={host.report}
                lang={lang}
                onLangChange={setLang}
                onReportChange={(report) => setAttached(report ? { hostId: host.id, report } : null)}
                blocked={busy !== null}
                onThresholdChange={onThresholdChange}
              />
            </div>
            <section className={styles.grid} aria-label={t("webContent")}>
              <SheetGrid state={state} activeSheet={activeSheet} onActiveSheetChange={setActiveSheet} finding={finding} lang={lang} />
            </section>
          </main>
        )}

        {ratioCopy && (
          <Suspense fallback={null}>
            {/* outside the pane, in the pane's language */}
            <I18nContext.Provider value={paneWords}>
              <RatioConfirmDialog
                items={ratioCopy.plan.overwrites}
                copyOnly
                onAnswer={(ok) => (ok ? finishRatios(true) : setRatioCopy(null))}
                onKeep={() => finishRatios(false)}
              />
            </I18nContext.Provider>
          </Suspense>
        )}
      </div>
    </FluentProvider>
  );
}

/** The page, as main.tsx mounts it in web mode (no props), or as the many-files view shows one file. */
export default function WebApp(props: WebAppProps) {
  return <WebAppView {...props} />;
}
