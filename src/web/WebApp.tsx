/**
 * The pane as a web page, for offices on WPS or LibreOffice and for reviewers without the add-in:
 * open an .xlsx (or the sample), use the same pane as in Excel, see the workbook in a read-only
 * grid, and download copies. Everything happens in this browser tab; nothing is uploaded.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type ChangeEvent, type DragEvent } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { FolderOpenRegular } from "@fluentui/react-icons";
import type { Finding } from "../engine/findings";
import { Pane } from "../taskpane/Pane";
import { annotatedCopy, copyName, finishRatioCopy, prepareRatioCopy, saveBytes, type CopyKind, type RatioCopy } from "./downloads";
import { openSample } from "./sampleWorkbook";
import { SheetGrid } from "./SheetGrid";
import { loadExcelJSFactory, WebHost, type HostFactory, type WebHostState } from "./webHost";

export const PRODUCT_NAME = "行政执法统计填报助手";
export const PRIVACY_LINE = "文件只在本机浏览器中处理，不会上传。";

const useStyles = makeStyles({
  app: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "12px 16px",
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dragging: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-6px" },
  header: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: "16px" },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold },
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
  fileInput: {
    position: "absolute",
    width: "1px",
    height: "1px",
    opacity: 0,
    overflow: "hidden",
  },
  hint: { color: tokens.colorNeutralForeground2 },
  current: { color: tokens.colorNeutralForeground2 },
  main: { display: "flex", flexWrap: "wrap", gap: "12px", alignItems: "flex-start" },
  pane: {
    flex: "0 0 360px",
    maxWidth: "100%",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  grid: { flex: "1 1 480px", minWidth: 0 },
  overwrites: { margin: 0, paddingLeft: "20px", maxHeight: "40vh", overflow: "auto" },
});

interface Notice {
  intent: "error" | "success" | "info";
  title?: string;
  text: string;
}

/** The Chinese message of a WorkbookReadError (or any error), told apart by name so no reader code is needed here. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

function isReadError(err: unknown): boolean {
  return err instanceof Error && err.name === "WorkbookReadError";
}

/** webpack's error when a lazily loaded chunk (here: ExcelJS) cannot be fetched. */
function isChunkLoadError(err: unknown): boolean {
  return err instanceof Error && err.name === "ChunkLoadError";
}

/** A picked file's bytes; FileReader where Blob.arrayBuffer is missing (older browsers and webviews). */
/** The browser could not read the chosen file (its message is already the sentence to show). */
class FileReadError extends Error {
  override name = "FileReadError";
}

export function readFileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error ?? new Error("读取文件失败"));
    r.readAsArrayBuffer(file);
  });
}

function useHostState(host: WebHost | null): WebHostState | null {
  const subscribe = useCallback((l: () => void) => (host ? host.subscribe(l) : () => undefined), [host]);
  const get = useCallback(() => (host ? host.getState() : null), [host]);
  return useSyncExternalStore(subscribe, get, get);
}

export interface WebAppViewProps {
  /** Where workbooks come from; ExcelJS by default, loaded on first use. */
  loadFactory?: () => Promise<HostFactory>;
  /** Open the sample when the page starts without a file (a newcomer sees the product work at once). */
  autoSample?: boolean;
}

export function WebAppView({ loadFactory = loadExcelJSFactory, autoSample = true }: WebAppViewProps) {
  const styles = useStyles();
  const [host, setHost] = useState<WebHost | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [activeSheet, setActiveSheet] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [ratioCopy, setRatioCopy] = useState<RatioCopy | null>(null);
  const [finding, setFinding] = useState<Finding | null>(null);
  const state = useHostState(host);
  const factory = useRef<Promise<HostFactory> | null>(null);
  // Only the last open request wins: a file dropped while the sample is still loading replaces it.
  const openSeq = useRef(0);

  const getFactory = useCallback((): Promise<HostFactory> => {
    if (!factory.current) {
      factory.current = loadFactory().catch((err) => {
        factory.current = null;
        throw err;
      });
    }
    return factory.current;
  }, [loadFactory]);

  const open = useCallback(
    async (label: string, make: (f: HostFactory) => Promise<WebHost>, failTitle: string) => {
      const seq = ++openSeq.current;
      setBusy(`正在打开“${label}”…`);
      try {
        const next = await make(await getFactory());
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
          title: failTitle,
          text: isReadError(err) || err instanceof FileReadError
            ? errorText(err)
            : isChunkLoadError(err)
              ? "读取工作簿所需的程序没有加载成功（网络中断或页面已更新），请刷新页面后重试。"
              : `无法打开“${label}”：${errorText(err)}`,
        });
      } finally {
        if (seq === openSeq.current) setBusy(null);
      }
    },
    [getFactory],
  );

  // Busy from the moment the file is chosen, not once its bytes are in: a 校验 clicked while the file
  // is still being read would otherwise run on the workbook about to be replaced, and vanish with it.
  const openFile = useCallback(
    (file: File) =>
      open(
        file.name,
        async (f) => {
          let bytes: Uint8Array;
          try {
            bytes = await readFileBytes(file);
          } catch (err) {
            throw new FileReadError(`无法读取所选文件：${errorText(err)}`);
          }
          return WebHost.open(await f.fromBytes(bytes), file.name);
        },
        `“${file.name}”无法打开`,
      ),
    [open],
  );

  const openSampleWorkbook = useCallback(() => open("示例工作簿", (f) => openSample(f), "示例工作簿无法打开"), [open]);

  const started = useRef(false);
  useEffect(() => {
    if (started.current || !autoSample) return;
    started.current = true;
    void openSampleWorkbook();
  }, [autoSample, openSampleWorkbook]);

  const onFileInput = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) fires change again.
    e.target.value = "";
    if (file) void openFile(file);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files?.[0];
    if (file) void openFile(file);
  };

  // The pane has already selected the cell through the host (which scrolls the grid); the finding
  // itself is kept to show its message, also for a warning answered by a note and so not marked.
  const onFindingClick = useCallback((f: Finding) => setFinding(f), []);

  const download = useCallback(
    async (kind: CopyKind, make: () => Promise<Uint8Array | null>) => {
      if (!host) return;
      const name = copyName(host.fileName, kind);
      setBusy(`正在生成“${name}”…`);
      try {
        const bytes = await make();
        if (bytes) {
          saveBytes(bytes, name);
          setNotice({ intent: "success", text: `已生成“${name}”，请在浏览器的下载中查看。` });
        }
      } catch (err) {
        setNotice({ intent: "error", title: "下载失败", text: errorText(err) });
      } finally {
        setBusy(null);
      }
    },
    [host],
  );

  const downloadAnnotated = () =>
    download("annotated", async () => (await annotatedCopy(host!, await getFactory(), { file: host!.fileName, checkedAt: new Date() })).bytes);

  const downloadRatios = () =>
    download("ratios", async () => {
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
    if (prepared) void download("ratios", () => finishRatioCopy(prepared, overwrite));
  };

  const downloadSubmission = useCallback(() => download("submission", () => host!.submissionCopy()), [download, host]);


  return (
    <FluentProvider theme={webLightTheme}>
      <div
        className={mergeClasses(styles.app, dragging && styles.dragging)}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <header className={styles.header}>
          <h1 className={styles.title}>{PRODUCT_NAME}</h1>
          <Text>{PRIVACY_LINE}</Text>
        </header>

        <section className={styles.toolbar} aria-label="工作簿">
          <label className={styles.upload}>
            <FolderOpenRegular aria-hidden="true" />
            打开 .xlsx 工作簿…
            <input type="file" accept=".xlsx" data-testid="file-input" className={styles.fileInput} onChange={onFileInput} />
          </label>
          <Text className={styles.hint}>也可把文件拖放到本页</Text>
          <Button onClick={() => void openSampleWorkbook()} data-testid="open-sample">
            打开示例工作簿
          </Button>
          {host && (
            <Text className={styles.current} data-testid="current-file">
              当前：{host.fileName}
            </Text>
          )}
        </section>

        {host && (
          <section className={styles.toolbar} aria-label="下载">
            <Button onClick={() => void downloadAnnotated()} disabledFocusable={!!busy} data-testid="download-annotated">
              下载标注副本
            </Button>
            <Button onClick={() => void downloadRatios()} disabledFocusable={!!busy} data-testid="download-ratios">
              下载已填同比副本
            </Button>
            <Button onClick={() => void downloadSubmission()} disabledFocusable={!!busy} data-testid="download-submission">
              下载报送副本
            </Button>
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
                关闭
              </Button>
            </MessageBarActions>
          </MessageBar>
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
                onSubmissionCopy={downloadSubmission}
                blocked={busy !== null}
              />
            </div>
            <section className={styles.grid} aria-label="工作簿内容">
              <SheetGrid state={state} activeSheet={activeSheet} onActiveSheetChange={setActiveSheet} finding={finding} />
            </section>
          </main>
        )}

        <Dialog open={!!ratioCopy} modalType="alert" onOpenChange={(_, d) => !d.open && setRatioCopy(null)}>
          <DialogSurface aria-describedby="xzzf-overwrites" data-testid="ratio-overwrites">
            <DialogBody>
              <DialogTitle>这些同比单元格已有内容</DialogTitle>
              <DialogContent id="xzzf-overwrites">
                <p>以下 {ratioCopy?.plan.overwrites.length ?? 0} 个单元格已填写的内容与计算结果不同。只改下载的副本，不改当前工作簿。</p>
                <ul className={styles.overwrites}>
                  {ratioCopy?.plan.overwrites.map((i) => (
                    <li key={`${i.sheet}!${i.cell}`}>
                      {i.sheet}!{i.cell} {i.category}：“{i.old === null ? "" : String(i.old)}” → “{i.next ?? "（清空）"}”
                    </li>
                  ))}
                </ul>
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => finishRatios(true)}>
                  改写这些单元格并下载
                </Button>
                <Button onClick={() => finishRatios(false)}>保留原内容，只填空白</Button>
                <Button appearance="subtle" onClick={() => setRatioCopy(null)}>
                  取消
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </div>
    </FluentProvider>
  );
}

/** The page, as main.tsx mounts it in web mode (no props). */
export default function WebApp() {
  return <WebAppView />;
}
