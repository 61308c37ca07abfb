/**
 * Entry of the modern pane (the only code in the "taskpane" entry chunk). src/boot/boot.js, the
 * pages' first script, loads it once it has chosen the modern pane and the page is parsed (and, on
 * taskpane.html, once office.js from the CDN or this server is there). Decides whether we run inside
 * Excel ("excel") or as a plain web page ("web": taskpane.html opened in a browser, where
 * Office.onReady says host null, or index.html), then loads the real UI from the lazily loaded
 * "pane" chunk.
 *
 * Keep this file tiny and free of React/Fluent/ExcelJS imports: everything heavy lives behind
 * `import("./main")`.
 */

export type PaneMode = "excel" | "web";

/** How long to wait for Office.onReady() before assuming we are not in Office. */
export const OFFICE_READY_TIMEOUT_MS = 3000;
/** Longer wait when the URL says Office opened us (a slow Excel start must not fall back to web mode). */
export const OFFICE_HOSTED_TIMEOUT_MS = 10000;

/** The part of office.js that boot needs. */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform?: unknown }>;
  HostType?: { Excel?: unknown };
}

/** Office appends `_host_Info=Excel|Win32|…` to the task-pane URL it opens. */
export function openedByOffice(search: string): boolean {
  return /[?&]_host_Info=/i.test(search);
}

export async function detectMode(
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
  timeoutMs: number = OFFICE_READY_TIMEOUT_MS,
): Promise<PaneMode> {
  if (!office || typeof office.onReady !== "function") return "web";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    const info = await Promise.race([Promise.resolve(office.onReady()), timeout]);
    const excel = office.HostType?.Excel ?? "Excel";
    return info != null && info.host != null && info.host === excel ? "excel" : "web";
  } catch {
    return "web";
  } finally {
    clearTimeout(timer);
  }
}

/** The failure path uses only DOM Level 2 calls: it must work wherever the page got this far. */
function showFailure(root: HTMLElement, err: unknown): void {
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent = `页面加载失败，请刷新重试。The page failed to load; please reload. (${err instanceof Error ? err.message : String(err)})`;
  while (root.firstChild) root.removeChild(root.firstChild);
  root.appendChild(p);
}

export async function boot(root: HTMLElement): Promise<PaneMode> {
  const hosted = typeof location !== "undefined" && openedByOffice(location.search);
  const mode = await detectMode(undefined, hosted ? OFFICE_HOSTED_TIMEOUT_MS : OFFICE_READY_TIMEOUT_MS);
  document.documentElement.setAttribute("data-mode", mode);
  try {
    const { mount } = await import(/* webpackChunkName: "pane" */ "./main");
    await mount(root, mode); // mount may be sync or async; a rejection still reaches showFailure
  } catch (err) {
    showFailure(root, err);
  }
  return mode;
}

const rootElement = typeof document !== "undefined" ? document.getElementById("root") : null;
if (rootElement) void boot(rootElement);
