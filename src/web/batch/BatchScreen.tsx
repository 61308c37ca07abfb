/**
 * The page while it shows a batch: the summary table of a BatchSession and its downloads. Loaded
 * only when many files are chosen (its own chunk), so the first visit does not pay for it.
 */
import { useCallback, useMemo, useState, useSyncExternalStore, type ChangeEvent, type ComponentType } from "react";
import {
  Button,
  Field,
  FluentProvider,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { usePageStyles } from "../pageStyles";
import { webTranslator, type WebTranslate } from "../../i18n/web";
import { loadLang } from "../../pane/storage";
import { BatchView } from "./BatchView";
import { BatchSession } from "./session";
import {
  aggregateReport,
  AGGREGATE_FILE,
  ANNOTATED_ZIP,
  annotatedOne,
  annotatedZip,
  loadBatchFactory,
  SUMMARY_FILE,
  summaryWorkbook,
  type NamedFile,
} from "./batchDownloads";
import { saveFile, XLSX_MIME, ZIP_MIME } from "../save";
import type { FileSummary } from "./types";
import { REPORT_EXTENSIONS } from "../../flows/inputFiles";
import { csvText } from "../../flows/csv";
import type { Comparison } from "../../flows/compare";
import type { FolderPair } from "../../flows/folderComparison";
import type { CompareViewProps } from "../CompareView";

export { BatchSession };

const useStyles = makeStyles({
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: "8px 12px",
  },
  pick: {
    position: "relative",
    display: "inline-flex",
    alignItems: "center",
    cursor: "pointer",
    color: tokens.colorBrandForegroundLink,
  },
  lines: { margin: 0, paddingLeft: "20px" },
  round: { display: "flex", flexDirection: "column", gap: "8px" },
  roundScroll: { maxHeight: "40vh", overflow: "auto" },
  roundTable: {
    borderCollapse: "collapse",
    "& th, & td": { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 8px", textAlign: "left", whiteSpace: "nowrap" },
  },
});

/** 与退回的上一批对比: its rows (header first, as `xzzf compare --format summary`) and the line above them. */
interface RoundView {
  rows: string[][];
  summary: string;
  /** The pairs, which are the first rows after the header, in order. */
  pairs: FolderPair[];
}

/** One pair's changes, shown under the table by 与旧版对比's own view. */
interface PairDetail {
  View: ComponentType<CompareViewProps>;
  comparison: Comparison;
  oldName: string;
}

/** The comparison's file, the same bytes as `xzzf compare <旧版> <新版> --format summary`. */
const ROUND_FILE = "批次对比.csv";
const CSV_MIME = "text/csv;charset=utf-8";
const loadRoundCompare = () => import(/* webpackChunkName: "batch-compare" */ "./roundCompare");
const loadCompareView = () => import(/* webpackChunkName: "compare" */ "../CompareView");

interface Notice {
  intent: "error" | "success" | "warning";
  title?: string;
  lines: string[];
}

/** What the page says while a task runs, when it fails, and when the code it needs could not be fetched. */
interface TaskWords {
  busy: string;
  failed: string;
  missing: string;
}

export interface BatchScreenProps {
  session: BatchSession;
  onOpen(index: number): void;
  /** A new batch from the files chosen here. */
  onManyFiles(files: File[]): void;
  /** Why the row last clicked could not be opened. */
  openError?: string | null;
}

function saved(t: WebTranslate, name: string, extra: string[] = []): Notice {
  return { intent: extra.length ? "warning" : "success", lines: [t("batchSaved", { name }), ...extra] };
}

export default function BatchScreen({ session, onOpen, onManyFiles, openError }: BatchScreenProps) {
  const styles = useStyles();
  const page = usePageStyles();
  // the language last chosen in the pane (remembered on this machine)
  const lang = useMemo(() => loadLang() ?? "zh", []);
  const t = useMemo(() => webTranslator(lang), [lang]);
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [unit, setUnit] = useState("");
  // kept with its batch: a new batch on this screen shows no comparison of the last one
  const [roundOf, setRoundOf] = useState<{ session: BatchSession; view: RoundView } | null>(null);
  const round = roundOf?.session === session ? roundOf.view : null;
  const setRound = (view: RoundView | null) => {
    setRoundOf(view ? { session, view } : null);
    setDetail(null);
  };
  const [detail, setDetail] = useState<PairDetail | null>(null);
  const files: NamedFile[] = useMemo(() => session.files.map((f) => ({ name: f.name, file: f })), [session]);
  const checked = snapshot.results;
  const blocked = busy !== null || snapshot.running || checked.length === 0;

  const run = useCallback(async (words: TaskWords, work: () => Promise<Notice | null>) => {
    setBusy(words.busy);
    try {
      setNotice(await work());
    } catch (err) {
      // a chunk could not be fetched (network gone, or the page was updated meanwhile): say what to do
      const chunkMissing = err instanceof Error && err.name === "ChunkLoadError";
      setNotice({
        intent: "error",
        title: words.failed,
        lines: [chunkMissing ? words.missing : err instanceof Error ? err.message : String(err)],
      });
    } finally {
      setBusy(null);
    }
  }, []);

  /** A file made for download (ExcelJS's chunk, the CSV). */
  const download = useCallback(
    (name: string, work: () => Promise<Notice | null>) =>
      run({ busy: t("batchWorking", { name }), failed: t("batchDownloadFailed"), missing: t("webWriterMissing") }, work),
    [run, t],
  );
  /** 与退回的上一批对比 and a pair's changes. */
  const comparing: TaskWords = { busy: t("batchComparing"), failed: t("batchCompareFailed"), missing: t("batchCompareMissing") };

  const downloadSummary = () =>
    download(SUMMARY_FILE, async () => {
      saveFile(await summaryWorkbook(checked, await loadBatchFactory()), SUMMARY_FILE, XLSX_MIME);
      return saved(t, SUMMARY_FILE);
    });

  // an annotated copy is a workbook's: reports (.docx) have none
  const readable = (rows: readonly FileSummary[]) => rows.filter((r) => r.kind === "xlsx").map((r) => files[r.index]);

  const downloadAnnotatedAll = () =>
    download(ANNOTATED_ZIP, async () => {
      const list = readable(checked);
      if (list.length === 0)
        return {
          intent: "error",
          title: t("batchDownloadFailed"),
          lines: [t("batchNothingReadable")],
        };
      saveFile(await annotatedZip(list, await loadBatchFactory(), new Date()), ANNOTATED_ZIP, ZIP_MIME);
      return saved(t, ANNOTATED_ZIP);
    });

  const downloadAnnotatedOne = useCallback(
    (row: FileSummary) =>
      download(files[row.index].name, async () => {
        const one = await annotatedOne(files[row.index], await loadBatchFactory(), new Date());
        saveFile(one.bytes, one.name, XLSX_MIME);
        return saved(t, one.name);
      }),
    [files, download, t],
  );

  // A row's copy needs only that row's file, so the batch running does not hold it back: only another
  // download does. Stable while the batch runs and when it ends, so no result redraws every row.
  const downloading = busy !== null;
  const rowAction = useCallback(
    (row: FileSummary) =>
      row.kind !== "xlsx" ? null : (
        <Button
          size="small"
          appearance="subtle"
          disabledFocusable={downloading}
          onClick={() => void downloadAnnotatedOne(row)}
          data-testid="batch-row-annotated"
        >
          {t("batchDownloadOneAnnotated")}
        </Button>
      ),
    [downloading, downloadAnnotatedOne, t],
  );

  const downloadAggregate = () =>
    download(AGGREGATE_FILE, async () => {
      const out = await aggregateReport(files, checked, loadBatchFactory, {
        unit,
      });
      const leftOut = out.leftOut.length ? [t("batchAggregateLeftOut", { files: out.leftOut.join("、") })] : [];
      if (!out.ok)
        return {
          intent: "error",
          title: t("batchAggregateRefused"),
          lines: [...out.problems, ...leftOut],
        };
      saveFile(out.bytes, AGGREGATE_FILE, XLSX_MIME);
      return saved(t, AGGREGATE_FILE, [...leftOut, ...out.warnings]);
    });

  const compareWithOld = (old: File[]) =>
    run(comparing, async () => {
      setRound(null);
      const { compareWithSentBack, roundRows, roundTotals } = await loadRoundCompare();
      const c = await compareWithSentBack(old, session.files, lang, (done, total) => {
        // a redraw per few files: the batch table below is large
        if (done % 8 === 0 || done === total) setBusy(t("batchCompareReading", { done, total }));
      });
      const n = roundTotals(c);
      setRound({
        pairs: c.pairs,
        rows: roundRows(c, lang),
        summary: t("batchCompareSummary", {
          compared: n.compared,
          errors: n.withErrors,
          resolved: n.resolved,
          added: n.added,
          onlyNew: c.onlyAfter.length,
          missing: c.onlyBefore.length,
        }),
      });
      return null;
    });

  const showPair = (pair: FolderPair) =>
    run(comparing, async () => {
      const { CompareView } = await loadCompareView();
      if (pair.comparison) setDetail({ View: CompareView, comparison: pair.comparison, oldName: pair.before.file });
      return null;
    });

  const downloadRound = (rows: string[][]) =>
    download(ROUND_FILE, async () => {
      saveFile(new TextEncoder().encode(csvText(rows)), ROUND_FILE, CSV_MIME);
      return saved(t, ROUND_FILE);
    });

  const onPickOld = (e: ChangeEvent<HTMLInputElement>) => {
    const picked = e.target.files ? Array.from(e.target.files) : [];
    e.target.value = "";
    if (picked.length) void compareWithOld(picked);
  };

  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    const picked = e.target.files ? Array.from(e.target.files) : [];
    e.target.value = "";
    if (picked.length) onManyFiles(picked);
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={page.app}>
        <header className={page.header}>
          <h1 className={page.title}>{t("appTitle")}</h1>
          <Text>{t("webPrivacy")}</Text>
        </header>
        <section className={styles.toolbar} aria-label={t("batchTitle", { total: snapshot.total })}>
          <Text weight="semibold">{t("batchTitle", { total: snapshot.total })}</Text>
          <label className={styles.pick}>
            {t("batchNewFiles")}
            <input type="file" multiple accept={REPORT_EXTENSIONS.join(",")} data-testid="batch-file-input" className={page.fileInput} onChange={onPick} />
          </label>
          {!blocked && (
            <label className={styles.pick}>
              {t("batchCompareOld")}
              <input
                type="file"
                multiple
                accept={REPORT_EXTENSIONS.join(",")}
                data-testid="batch-compare-input"
                className={page.fileInput}
                onChange={onPickOld}
              />
            </label>
          )}
        </section>

        {notice && (
          <MessageBar intent={notice.intent} data-testid="batch-notice" role={notice.intent === "error" ? "alert" : "status"}>
            <MessageBarBody>
              {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
              {notice.lines.length === 1 ? (
                notice.lines[0]
              ) : (
                <ul className={styles.lines}>
                  {notice.lines.map((l, i) => (
                    <li key={i}>{l}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" appearance="transparent" onClick={() => setNotice(null)}>
                {t("webClose")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {snapshot.onMainThread && snapshot.running && (
          <MessageBar intent="info" data-testid="batch-main-thread">
            <MessageBarBody>{t("batchMainThread")}</MessageBarBody>
          </MessageBar>
        )}
        {openError && (
          <MessageBar intent="error" role="alert" data-testid="batch-open-error">
            <MessageBarBody>{openError}</MessageBarBody>
          </MessageBar>
        )}
        {busy && <Spinner size="tiny" label={busy} labelPosition="after" data-testid="batch-busy" />}
        {round && (
          <section className={styles.round} aria-label={t("batchCompareTitle")} data-testid="batch-compare">
            <Text weight="semibold">{t("batchCompareTitle")}</Text>
            <Text data-testid="batch-compare-summary">{round.summary}</Text>
            <div className={styles.roundScroll}>
              <table className={styles.roundTable}>
                <thead>
                  <tr>
                    {round.rows[0].map((h, i) => (
                      <th key={i}>{h}</th>
                    ))}
                    <th data-action="" />
                  </tr>
                </thead>
                <tbody>
                  {round.rows.slice(1).map((r, i) => (
                    <tr key={i} data-testid="batch-compare-row">
                      {r.map((c, j) => (
                        <td key={j}>{c}</td>
                      ))}
                      <td data-action="">
                        {round.pairs[i]?.comparison && (
                          <Button size="small" appearance="subtle" onClick={() => void showPair(round.pairs[i])} data-testid="batch-compare-show">
                            {t("batchCompareShow")}
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {detail && <detail.View comparison={detail.comparison} oldName={detail.oldName} t={t} lang={lang} onClose={() => setDetail(null)} />}
            <div className={styles.toolbar}>
              <Button disabledFocusable={busy !== null} onClick={() => void downloadRound(round.rows)} data-testid="batch-compare-download">
                {t("batchCompareDownload")}
              </Button>
              <Button appearance="subtle" onClick={() => setRound(null)}>
                {t("webClose")}
              </Button>
            </div>
          </section>
        )}

        <BatchView
          snapshot={snapshot}
          onOpen={onOpen}
          onStop={() => session.stop()}
          t={t}
          lang={lang}
          rowAction={rowAction}
          actions={
            <>
              <Button appearance="primary" disabledFocusable={blocked} onClick={() => void downloadSummary()} data-testid="batch-summary-download">
                {t("batchDownloadSummary")}
              </Button>
              <Button disabledFocusable={blocked} onClick={() => void downloadAnnotatedAll()} data-testid="batch-annotated-download">
                {t("batchDownloadAnnotated")}
              </Button>
              <Field label={t("batchAggregateUnit")} orientation="horizontal">
                <Input value={unit} onChange={(_, d) => setUnit(d.value)} placeholder="汇总" data-testid="batch-aggregate-unit" />
              </Field>
              <Button disabledFocusable={blocked} onClick={() => void downloadAggregate()} data-testid="batch-aggregate-download">
                {t("batchDownloadAggregate")}
              </Button>
            </>
          }
        />
      </div>
    </FluentProvider>
  );
}
