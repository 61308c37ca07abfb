/**
 * What both browser tests share: Debian's chromium and how it is launched, and which requests count
 * as staying on this machine (anything else fails a test: nothing may leave the machine).
 */
import type { Browser, BrowserContext, Page, Request } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function isLocal(url: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank") return true;
  const u = new URL(url);
  return (u.protocol === "http:" || u.protocol === "https:") && (u.hostname === "127.0.0.1" || u.hostname === "localhost");
}

/** A page of the web tests: what it asked for, what it tried to send off the machine, what went wrong in it. */
export interface WebSession {
  context: BrowserContext;
  page: Page;
  /** Every request, in order. */
  requests: string[];
  /** The scripts among them. */
  scripts: string[];
  /** Requests to anywhere but this machine (aborted). */
  outside: string[];
  /** Uncaught errors and console errors. */
  problems: string[];
}

/** A desktop-sized page, downloads allowed, whose requests leaving the machine (or matching `block`) are aborted. */
export async function webSession(browser: Browser, block: (url: string) => boolean = () => false): Promise<WebSession> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
  const s: WebSession = { context, page: await context.newPage(), requests: [], scripts: [], outside: [], problems: [] };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (!isLocal(url) || block(url)) return route.abort();
    return route.continue();
  });
  context.on("request", (r: Request) => {
    s.requests.push(r.url());
    if (!isLocal(r.url())) s.outside.push(r.url());
    if (r.resourceType() === "script" || /\.js(\?|$)/.test(r.url())) s.scripts.push(r.url());
  });
  s.page.on("pageerror", (e) => s.problems.push(`pageerror: ${e.message}`));
  s.page.on("console", (m) => {
    if (m.type() === "error") s.problems.push(`console: ${m.text()}`);
  });
  return s;
}

/** Waits until the page says it has `name` open. */
export async function currentFile(page: Page, name: string): Promise<void> {
  await page.locator('[data-testid="current-file"]', { hasText: name }).waitFor({ timeout: 60_000 });
}
