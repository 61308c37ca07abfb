/**
 * The web page's top: the single-workbook page (WebApp) until the user picks or drops several files
 * (or a folder); then the batch's summary table. A summary row opens its file in WebApp, read again
 * from the chosen file, with 返回汇总 back to the same summary (it and its findings are kept; the
 * grids are not). The batch code is its own chunk, fetched only when a batch starts.
 */
import { useCallback, useEffect, useRef, useState, type ComponentType } from "react";
import { errorText } from "../errors";
import { webTranslator } from "../i18n/web";
import { loadLang } from "../pane/storage";
import WebApp from "./WebApp";
import type { BatchScreenProps } from "./batch/BatchScreen";
import { fileBytes } from "../pane/fileBytes";
import type { BatchSession } from "./batch/session";

/** Shown when the batch's own chunk cannot be fetched (network gone, or the page was updated meanwhile). */

interface Batch {
  session: BatchSession;
  Screen: ComponentType<BatchScreenProps>;
}

interface Opened {
  /** A new key per opening, so WebApp starts afresh on the file. */
  key: number;
  /** One object per opening: WebApp opens the file again whenever it gets a new one. */
  file: { name: string; bytes: Uint8Array };
}

const loadBatch = () => import(/* webpackChunkName: "batch" */ "./batch/BatchScreen");

/** The language last chosen in the pane (the pane keeps it on this machine); read when a sentence is needed. */
const storedLang = () => loadLang() ?? "zh";
const words = () => webTranslator(storedLang());

export default function WebPage() {
  const [batch, setBatch] = useState<Batch | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const seq = useRef(0);
  const current = useRef<BatchSession | null>(null);

  useEffect(() => () => current.current?.stop(), []);

  const onManyFiles = useCallback((files: File[]) => {
    const mine = ++seq.current;
    current.current?.stop();
    current.current = null;
    setLoadFailed(false);
    loadBatch().then(
      (mod) => {
        if (mine !== seq.current) return;
        const session = new mod.BatchSession(files);
        current.current = session;
        setOpened(null);
        setBatch({ session, Screen: mod.default });
        void session.start();
      },
      () => {
        if (mine === seq.current) setLoadFailed(true);
      },
    );
  }, []);

  const open = useCallback(
    (index: number) => {
      const file = batch?.session.files[index];
      if (!file) return;
      const mine = ++seq.current;
      setOpenError(null);
      fileBytes(file).then(
        (bytes) => {
          if (mine !== seq.current) return;
          setOpened({ key: mine, file: { name: file.name, bytes } });
        },
        // e.g. the file was moved or deleted since it was chosen
        (err: unknown) => {
          if (mine === seq.current) setOpenError(words()("webReopenFailed", { name: file.name, reason: errorText(err, storedLang()) }));
        },
      );
    },
    [batch],
  );

  const back = useCallback(() => {
    ++seq.current;
    setOpened(null);
  }, []);

  const failed = loadFailed && (
    <p role="alert" data-testid="batch-load-error">
      {words()("webBatchLoadFailed")}
    </p>
  );
  if (!batch)
    return (
      <>
        {failed}
        <WebApp onManyFiles={onManyFiles} />
      </>
    );
  if (opened) return <WebApp key={opened.key} initialFile={opened.file} onBack={back} onManyFiles={onManyFiles} />;
  const { Screen, session } = batch;
  return <Screen session={session} onOpen={open} onManyFiles={onManyFiles} openError={openError} />;
}
