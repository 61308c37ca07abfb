/**
 * How the classic bundle starts, apart from entry.ts so tests can drive it with a fake Office: wait
 * for Office, mount the pane inside Excel, and otherwise say where this page belongs. Every outcome
 * puts words in the pane: a blank pane is the one thing a clerk cannot act on.
 */
import type { WorkbookHost } from "../host/types";
import { STRINGS } from "../i18n";
import { add, clear, el, installStyles } from "./dom";
import { mountClassic, type ClassicOptions, type ClassicPane } from "./pane";
import { CLASSIC_CSS } from "./styles";

/** How long Office may take to say where we run before the page says it is not in Excel (a slow Excel start still mounts afterwards). */
export const OFFICE_WAIT_MS = 10000;

export interface ReadyInfo {
  host?: unknown;
  platform?: unknown;
}

/** The part of office.js the start needs; Office 2016's older office.js may lack onReady. */
export interface OfficeLike {
  onReady?: (callback?: (info: ReadyInfo) => void) => unknown;
  initialize?: (reason?: unknown) => void;
  HostType?: { Excel?: unknown };
  context?: { host?: unknown; requirements?: { isSetSupported?(name: string, version?: string): boolean } };
}

function excelType(office: OfficeLike): unknown {
  return office.HostType && office.HostType.Excel !== undefined ? office.HostType.Excel : "Excel";
}

/** Compared as boot.ts detectMode does: the host Office names, against its own HostType.Excel. */
export function isExcel(office: OfficeLike, info: ReadyInfo | null | undefined): boolean {
  return !!info && info.host !== undefined && info.host !== null && info.host === excelType(office);
}

/**
 * Calls `onExcel` once Office says it is Excel, `onElsewhere` when there is no Office, Office says it
 * is another host, or it has not answered within `timeoutMs`. An Excel answer after the timeout still
 * calls `onExcel`. Returns a cancel function.
 */
export function waitForExcel(office: OfficeLike | undefined, timeoutMs: number, onExcel: () => void, onElsewhere: () => void): () => void {
  let answered = false;
  let toldElsewhere = false;
  const elsewhere = () => {
    if (toldElsewhere) return;
    toldElsewhere = true;
    onElsewhere();
  };
  if (!office) {
    elsewhere();
    return () => undefined;
  }
  const timer = setTimeout(() => {
    if (!answered) elsewhere();
  }, timeoutMs);
  const answer = (info: ReadyInfo | null | undefined) => {
    if (answered) return;
    answered = true;
    clearTimeout(timer);
    if (isExcel(office, info)) onExcel();
    else elsewhere();
  };
  if (typeof office.onReady === "function") {
    try {
      const p = office.onReady(answer) as { then?: (ok: (i: ReadyInfo) => void, no: (e: unknown) => void) => unknown } | undefined;
      if (p && typeof p.then === "function") p.then(answer, () => answer(null));
    } catch {
      answer(null);
    }
  } else {
    // An office.js without onReady calls initialize once it is ready; it tells the host through context.
    office.initialize = () => {
      const ctx = office.context;
      let host = ctx && ctx.host;
      if (host === undefined || host === null) {
        const req = ctx && ctx.requirements;
        host = req && typeof req.isSetSupported === "function" && req.isSetSupported("ExcelApi", "1.1") ? excelType(office) : undefined;
      }
      answer({ host });
    };
  }
  return () => {
    answered = true;
    clearTimeout(timer);
  };
}

function messageBox(root: HTMLElement, role: "alert" | "status", zh: string, en: string, extra: Array<Node | null> = []): void {
  installStyles(CLASSIC_CSS);
  clear(root);
  const box = el("div", { class: "xc-pane", role }, [el("p", { lang: "zh-CN" }, zh), el("p", { lang: "en" }, en)]);
  add(box, extra);
  root.appendChild(box);
}

/** Opened outside Excel (a browser, Word, or Office that never answered). */
export function showOutsideExcel(root: HTMLElement): void {
  messageBox(root, "status", STRINGS.zh.classicOutsideExcel, STRINGS.en.classicOutsideExcel, [el("p", null, [el("a", { href: "index.html" }, "index.html")])]);
}

/** Mounting failed: a Chinese sentence first, then English and the error's own text, never a blank pane. */
export function showMountFailure(root: HTMLElement, err: unknown): void {
  const detail = err instanceof Error ? err.message || err.name : String(err);
  messageBox(root, "alert", STRINGS.zh.classicLoadFailed, STRINGS.en.classicLoadFailed, [el("p", { class: "xc-hint" }, detail)]);
}

export interface StartOptions {
  office: OfficeLike | undefined;
  /** The Office host; entry.ts passes `() => new OfficeHost()`. */
  createHost(): WorkbookHost;
  timeoutMs?: number;
  /** Tests pass more options (a reader for 导入上年数). */
  paneOptions?: ClassicOptions;
}

/** Starts the classic pane in `root`; resolves with the mounted pane, or null when it is not in Excel or failed. */
export function startClassic(root: HTMLElement, opts: StartOptions): Promise<ClassicPane | null> {
  document.documentElement.setAttribute("data-pane", "classic");
  return new Promise((resolve) => {
    let pane: ClassicPane | null = null;
    waitForExcel(
      opts.office,
      opts.timeoutMs ?? OFFICE_WAIT_MS,
      () => {
        try {
          const host = opts.createHost();
          // The Office host answers what it made (a new workbook, or sheets to move); the pane words it.
          const copy = typeof host.submissionCopy === "function" ? () => (host.submissionCopy as () => Promise<unknown>).call(host) : undefined;
          pane = mountClassic(root, host, { onSubmissionCopy: copy, ...opts.paneOptions });
        } catch (err) {
          showMountFailure(root, err);
        }
        resolve(pane);
      },
      () => {
        showOutsideExcel(root);
        resolve(null);
      },
    );
  });
}
