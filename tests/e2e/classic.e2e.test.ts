/**
 * The task pane as Office 2016/2019 shows it, in Debian's chromium made to look like the old engines:
 * tests/e2e/ie11.ts removes what Trident (IE11) or EdgeHTML 18 lack before any script runs and sets
 * their user agents, and tests/e2e/fakeOffice/office.ts, served at office.js's CDN URL, is Excel 2016
 * (ExcelApi 1.1) over the strict fake object model of tests/helpers/fakeExcel.ts.
 *
 * - The classic pane is chosen, runs without an uncaught error, 校验 gives the CLI's counts in 4 round
 *   trips, a finding selects its cell, 清除标记 gives every fill back (the clerk's own included).
 * - Without the init script (today's Chromium) the modern pane is chosen over the same fake.
 * - office.js: the CDN unreachable → this server's copy (office-js/office.js) is loaded; both
 *   unreachable → the page says so in Chinese instead of "正在加载…"; index.html in IE11 → the 极速模式
 *   advice.
 *
 * Every request is logged; anything not to this machine fails the test, except office.js's CDN URL,
 * which the test itself answers (or refuses). Page state is read through CDP `Runtime.evaluate` in the
 * page's main world: Playwright's `page.evaluate` needs globals (globalThis) that IE11 lacks.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Request } from "playwright-core";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { analyse } from "../../src/check/analyse";
import { SEVERITY_ORDER, type Severity } from "../../src/engine/findings";
import { countBySeverity, SEVERITIES } from "../../src/flows/severity";
import { MARK_FILLS } from "../../src/host/types";
import { SHEET_NAMES } from "../../src/templates/tables";
import { seedSnapshot } from "../helpers/seedWorkbook";
import { seedXlsxBytes } from "../helpers/xlsx";
import { BUILD_TIMEOUT_MS, productionBundle } from "./bundle";
import { buildFakeOffice } from "./fakeOffice/build";
import { EDGE18_GONE, EDGE18_INIT, EDGE18_KEPT, EDGE18_UA, IE11_GONE, IE11_INIT, IE11_UA } from "./ie11";
import { CHROMIUM, isLocal, LAUNCH_ARGS } from "./browser";
import { serveDir, type StaticServer } from "./staticServer";

jest.setTimeout(180_000);

const OUT = path.join(__dirname, "out");
const CDN = "https://appsforoffice.microsoft.com/";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** How Excel on Windows opens the pane: it appends its host info to the manifest's URL. */
const HOSTED = "/taskpane.html?_host_Info=Excel|Win32|16.01|zh-CN";
/** A task pane's size in Excel on Windows at 100 %. */
const PANE_VIEWPORT = { width: 350, height: 760 };
/** The clerk's own highlights, which 清除标记 must give back exactly. */
const CLERK_FILLS: Array<[string, string, string]> = [
  [SHEET_NAMES.A2, "C7", "#92D050"],
  [SHEET_NAMES.A5, "D6", "#FFFF00"],
];

// Local runs without Debian's chromium skip; CI installs it (.ci/run), so there a missing one fails.
const haveBrowser = fs.existsSync(CHROMIUM) || !!process.env.CI;
const describeInBrowser = haveBrowser ? describe : describe.skip;

/** `xzzf check --format json <file>`, in-process: the counts by severity. */
async function cliCounts(file: string): Promise<Record<Severity, number>> {
  let out = "";
  let err = "";
  const io: CliIO = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, now: () => new Date() };
  const code = await main(["check", file, "--format", "json"], io);
  if (code === 2) throw new Error(`xzzf check failed: ${err}`);
  const parsed = JSON.parse(out) as { files: Array<{ error: string | null; findings: Array<{ severity: Severity }> }> };
  expect(parsed.files).toHaveLength(1);
  expect(parsed.files[0].error).toBeNull();
  return countBySeverity(parsed.files[0].findings);
}

/** The fill each finding's cell must have after 校验: its most severe finding's mark. */
function expectedMarks(): Record<string, string> {
  const worst = new Map<string, Severity>();
  for (const f of analyse(seedSnapshot()).findings) {
    if (f.explanation) continue;
    const k = `${f.sheet}!${f.cell}`;
    const had = worst.get(k);
    if (!had || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[had]) worst.set(k, f.severity);
  }
  const out: Record<string, string> = {};
  for (const [k, sev] of worst) out[k] = MARK_FILLS[sev];
  return out;
}

let server: StaticServer;
let browser: Browser;
let fakeOffice: string;
let expectedCounts: Record<Severity, number>;
let tmp: string;

interface SessionOptions {
  /** An init script from ./ie11.ts; none is today's Chromium. */
  init?: string;
  userAgent?: string;
  /** What office.js's CDN URL answers: the fake Office host, or nothing (unreachable). */
  cdn: "fake" | "unreachable";
  /** Local requests to refuse as well (as if this server did not have them). */
  block?: (url: string) => boolean;
}

interface Session {
  context: BrowserContext;
  page: Page;
  /** Every request the page made, in order. */
  requests: string[];
  /** Requests to anywhere but this machine and office.js's CDN URL. */
  outside: string[];
  /** Uncaught errors and console errors. */
  pageErrors: string[];
  consoleErrors: string[];
  /** `expr` evaluated in the page's main world, through JSON. */
  main<T>(expr: string): Promise<T>;
}

async function session(opts: SessionOptions): Promise<Session> {
  const context = await browser.newContext({ viewport: PANE_VIEWPORT, locale: "zh-CN", ...(opts.userAgent ? { userAgent: opts.userAgent } : {}) });
  if (opts.init) await context.addInitScript(opts.init);
  const page = await context.newPage();
  let cdp: CDPSession | null = null;
  const s: Session = {
    context,
    page,
    requests: [],
    outside: [],
    pageErrors: [],
    consoleErrors: [],
    async main<T>(expr: string): Promise<T> {
      cdp ??= await context.newCDPSession(page);
      const r = await cdp.send("Runtime.evaluate", { expression: `JSON.stringify(${expr})`, returnByValue: true });
      if (r.exceptionDetails) throw new Error(`${expr}: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
      return (r.result.value === undefined ? undefined : JSON.parse(r.result.value as string)) as T;
    },
  };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(CDN)) {
      if (opts.cdn === "fake" && url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: fakeOffice });
      return route.abort("internetdisconnected");
    }
    if (!isLocal(url) || opts.block?.(url)) return route.abort();
    return route.continue();
  });
  context.on("request", (r: Request) => {
    s.requests.push(r.url());
    if (!isLocal(r.url()) && r.url() !== OFFICE_JS) s.outside.push(r.url());
  });
  page.on("pageerror", (e) => s.pageErrors.push(e.stack ?? e.message));
  page.on("console", (m) => {
    if (m.type() === "error") s.consoleErrors.push(`${m.text()} @ ${m.location().url}:${m.location().lineNumber}`);
  });
  return s;
}

/** Polls `expr` in the main world until `ok` holds; the last value is returned either way. */
async function poll<T>(s: Session, expr: string, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let v = await s.main<T>(expr);
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    v = await s.main<T>(expr);
  }
  return v;
}

const paneOf = (page: Page) => page.locator("html").getAttribute("data-pane");

/** Waits until no action runs and the pane has settled (the sync count stays put). */
async function idle(s: Session): Promise<void> {
  await s.page.getByTestId("busy").waitFor({ state: "detached", timeout: 60_000 });
  let last = -1;
  for (;;) {
    const n = await s.main<number>("__fake.syncCount()");
    if (n === last) return;
    last = n;
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function countsOnPage(page: Page): Promise<Record<Severity, number>> {
  const out = {} as Record<Severity, number>;
  for (const sev of SEVERITIES) out[sev] = Number(await page.getByTestId(`count-${sev}`).first().innerText());
  return out;
}

/** Opens the pane as Excel does and waits for it to be ready (Office ready, the 校验 button enabled). */
async function openPane(s: Session, expectedPane: "classic" | "modern"): Promise<void> {
  await s.page.goto(`${server.origin}${HOSTED}`);
  try {
    await s.page.locator(`html[data-pane="${expectedPane}"]`).waitFor({ state: "attached", timeout: 30_000 });
    // The pane, or the words it puts up when it cannot start (then fail at once, saying them).
    const validate = s.page.locator('[data-testid="validate"]:enabled');
    await validate.or(s.page.getByRole("alert")).first().waitFor({ timeout: 30_000 });
    if (!(await validate.isVisible())) throw new Error("the pane did not start");
  } catch (e) {
    // Say what the page shows and what went wrong in it, not only that a button never came.
    const shown = await s.page
      .locator("#root")
      .innerText({ timeout: 1000 })
      .catch(() => "(no #root)");
    throw new Error(
      `${(e as Error).message}\n data-pane=${await paneOf(s.page)}\n #root: ${shown.slice(0, 600)}\n page errors: ${JSON.stringify(s.pageErrors)}\n console errors: ${JSON.stringify(s.consoleErrors)}\n fake: ${JSON.stringify(await s.main("__fake && __fake.calls()").catch(() => null))}`,
    );
  }
  expect(await s.main<boolean>("__fake.ready()")).toBe(true);
}

/**
 * 校验 from a pane that has not read the workbook: the CLI's counts, 4 round trips, the marks in
 * the cells; then 清除标记 gives back every fill as it was.
 */
async function validateAndClear(s: Session): Promise<void> {
  const { page } = s;
  const before = await s.main<Record<string, string>>("__fake.fills()");
  expect(before).toEqual(Object.fromEntries(CLERK_FILLS.map(([sheet, cell, color]) => [`${sheet}!${cell}`, color])));
  await idle(s);
  const syncsBefore = await s.main<number>("__fake.syncCount()");

  await page.getByTestId("validate").click();
  await page.getByTestId("count-error").first().waitFor({ timeout: 60_000 });
  await idle(s);
  expect(await countsOnPage(page)).toEqual(expectedCounts);
  // Cold (the sheet names not yet known): read names, read values, mark, and the state with the marks.
  expect((await s.main<number>("__fake.syncCount()")) - syncsBefore).toBe(4);
  const marked = await s.main<Record<string, string>>("__fake.fills()");
  const marks = expectedMarks();
  for (const [k, fill] of Object.entries(marks)) expect([k, marked[k]]).toEqual([k, fill]);

  await page.getByTestId("clear-marks").click();
  await page.getByTestId("notice").filter({ hasText: "已清除" }).waitFor({ timeout: 60_000 });
  await idle(s);
  expect(await s.main<Record<string, string>>("__fake.fills()")).toEqual(before);
  expect(await s.main<string[]>("__fake.runErrors()")).toEqual([]);
}

describeInBrowser("the task pane in Office 2016/2019's engines", () => {
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xzzf-classic-e2e-"));
    fs.mkdirSync(OUT, { recursive: true });
    // The fake's build (a child process) runs while the production bundle builds or is found.
    const fake = buildFakeOffice({ seed: seedSnapshot(), level: 1, fills: CLERK_FILLS });
    const bundle = productionBundle();
    fakeOffice = await fake;
    server = await serveDir(bundle.dir);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
    const seed = path.join(tmp, "湘潭县自然资源局-2024.xlsx");
    fs.writeFileSync(seed, await seedXlsxBytes());
    expectedCounts = await cliCounts(seed);
    // The pane's workbook is the CLI's file: the seed report, as seedSnapshot() lays it out.
    expect(countBySeverity(analyse(seedSnapshot()).findings)).toEqual(expectedCounts);
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test.each([
    ["IE11 (Trident)", IE11_INIT, IE11_GONE, []],
    ["EdgeHTML 18", EDGE18_INIT, EDGE18_GONE, EDGE18_KEPT],
  ])("the %s emulation removes all it lists; the fake office.js adds only Office, Excel, OfficeExtension and __fake", async (_name, init, gone, kept) => {
    const s = await session({ init, cdn: "fake" });
    try {
      // A page of this server's origin, made up here: its inline script lists the globals first.
      const blank = `${server.origin}/__blank.html`;
      await s.page.route(blank, (r) =>
        r.fulfill({
          contentType: "text/html; charset=utf-8",
          body: `<!doctype html><script>window.__before = Object.getOwnPropertyNames(window);</script><script src="${OFFICE_JS}"></script>`,
        }),
      );
      await s.page.goto(blank);
      expect(await s.main<string[]>("__engineEmulation.notRemoved")).toEqual([]);
      const added = await s.main<string[]>(
        "Object.getOwnPropertyNames(window).filter(function (k) { return k !== '__before' && window.__before.indexOf(k) < 0; }).sort()",
      );
      expect(added).toEqual(["Excel", "Office", "OfficeExtension", "__fake"]);
      const typeOf = async (exprs: string[]) => Object.fromEntries(await Promise.all(exprs.map(async (e) => [e, await s.main<string>(e)] as const)));
      expect(await typeOf(gone)).toEqual(Object.fromEntries(gone.map((e) => [e, "undefined"])));
      expect(await typeOf(kept)).toEqual(Object.fromEntries(kept.map((e) => [e, "function"])));
      await s.main("(function () { Office.onReady().then(function (i) { window.__ready = i; }); })()");
      expect(await poll(s, "window.__ready || null", (v) => v !== null)).toEqual({ host: "Excel", platform: "PC" });
      expect(s.pageErrors).toEqual([]);
      expect(s.consoleErrors).toEqual([]);
    } finally {
      await s.context.close();
    }
  });

  test("IE11 (Trident), ExcelApi 1.1: the classic pane; 校验 as the CLI in 4 round trips; a finding selects its cell; 清除标记 restores every fill", async () => {
    const s = await session({ init: IE11_INIT, userAgent: IE11_UA, cdn: "fake" });
    const { page } = s;
    try {
      await openPane(s, "classic");
      expect(await page.locator("#root").getAttribute("data-pane")).toBe("classic");
      expect(await s.main<string[]>("__engineEmulation.notRemoved")).toEqual([]);
      // ExcelApi 1.1 lacks what later versions add: the pane says what that costs.
      expect(await page.getByTestId("excel-version").count()).toBe(1);
      await validateAndClear(s);

      // 校验 again (warm), then a finding: its row selects its cell in Excel.
      const syncs = await s.main<number>("__fake.syncCount()");
      await page.getByTestId("validate").click();
      await page.getByTestId("count-error").first().waitFor({ timeout: 60_000 });
      await idle(s);
      expect((await s.main<number>("__fake.syncCount()")) - syncs).toBe(3);
      const rows = page.locator('[data-testid="finding"]:visible');
      expect(await rows.count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(OUT, "classic-pane.png"), fullPage: false });
      const row = rows.nth(Math.min(2, (await rows.count()) - 1));
      const target = { sheet: await row.getAttribute("data-sheet"), address: await row.getAttribute("data-cell") };
      await row.locator("button").first().click();
      expect(await poll(s, "__fake.selection()", (v) => JSON.stringify(v) === JSON.stringify(target))).toEqual(target);
      // The keyboard does the same: a finding's button, Enter.
      const other = rows.first();
      const target2 = { sheet: await other.getAttribute("data-sheet"), address: await other.getAttribute("data-cell") };
      expect(target2).not.toEqual(target);
      await other.locator("button").first().focus();
      await page.keyboard.press("Enter");
      expect(await poll(s, "__fake.selection()", (v) => JSON.stringify(v) === JSON.stringify(target2))).toEqual(target2);
      // A task pane is narrow: nothing may push it into a horizontal scrollbar.
      expect(await s.main<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth")).toBeLessThanOrEqual(0);

      // 导入上年数: last year's file read in the page (FileReader, the reader chunk, the ES5 text
      // codec and NFKC table), previewed row by row; nothing written until 写入.
      const lastYear = path.join(tmp, "湘潭县自然资源局-2023.xlsx");
      fs.writeFileSync(lastYear, await seedXlsxBytes({ extra: { year: 2023 } }));
      const syncsBeforeImport = await s.main<number>("__fake.syncCount()");
      const fillsBeforeImport = await s.main<Record<string, string>>("__fake.fills()");
      await page.getByTestId("import-prior").click();
      await page.getByTestId("import-file").setInputFiles(lastYear);
      await page.getByTestId("import-preview").waitFor({ timeout: 60_000 });
      await idle(s);
      expect(await page.getByTestId("import-row").count()).toBeGreaterThan(10);
      expect(await s.main<Record<string, string>>("__fake.fills()")).toEqual(fillsBeforeImport);
      expect((await s.main<number>("__fake.syncCount()")) - syncsBeforeImport).toBeLessThanOrEqual(2);

      expect(s.pageErrors).toEqual([]);
      expect(s.consoleErrors).toEqual([]);
      expect(s.outside).toEqual([]);
      expect(s.requests.filter((u) => u.startsWith(CDN))).toEqual([OFFICE_JS]);
      // Only the classic bundle was loaded: none of the modern pane's scripts.
      expect(s.requests.filter((u) => /\/classic\.[0-9a-f]{8}\.js$/.test(u))).toHaveLength(1);
      const scripts = s.requests.filter((u) => u.startsWith(server.origin) && u.endsWith(".js")).map((u) => new URL(u).pathname.slice(1));
      expect(scripts.filter((f) => !/^(?:boot|office-fallback|classic)\./.test(f))).toEqual([]);
    } finally {
      await s.context.close();
    }
  });

  test("EdgeHTML 18: the classic pane; 校验 as the CLI in 4 round trips; 清除标记 restores every fill; English and back", async () => {
    const s = await session({ init: EDGE18_INIT, userAgent: EDGE18_UA, cdn: "fake" });
    try {
      await openPane(s, "classic");
      await validateAndClear(s);
      // English, and back.
      await s.page.getByTestId("lang-en").click();
      await s.page.locator('[data-testid="lang-en"][aria-pressed="true"]').waitFor();
      expect(await s.page.getByTestId("validate").innerText()).toBe("Check");
      expect(await countsOnPage(s.page)).toEqual(expectedCounts);
      await s.page.getByTestId("lang-zh").click();
      expect(await s.page.getByTestId("validate").innerText()).toBe("校验");
      expect(s.pageErrors).toEqual([]);
      expect(s.consoleErrors).toEqual([]);
      expect(s.outside).toEqual([]);
    } finally {
      await s.context.close();
    }
  });

  test("today's Chromium: the modern pane over the same fake Excel, 校验 as the CLI in 4 round trips", async () => {
    const s = await session({ cdn: "fake" });
    try {
      await openPane(s, "modern");
      expect(await s.main<string>("document.documentElement.dataset.mode")).toBe("excel");
      expect(s.requests.filter((u) => /\/classic[.][^/]*\.js$/.test(u))).toEqual([]);
      await validateAndClear(s);
      expect(s.pageErrors).toEqual([]);
      expect(s.consoleErrors).toEqual([]);
      expect(s.outside).toEqual([]);
    } finally {
      await s.context.close();
    }
  });

  // office.js: the CDN, this server's copy, or a message.
  test("the CDN unreachable: this server's office-js/office.js loads, and takes Excel's files from this server too", async () => {
    const s = await session({ cdn: "unreachable" });
    try {
      await s.page.goto(`${server.origin}${HOSTED}`);
      expect(await poll<string>(s, "typeof window.Office", (v) => v !== "undefined", 15_000)).toBe("object");
      const local = `${server.origin}/office-js/office.js`;
      expect(s.requests).toContain(OFFICE_JS);
      expect(s.requests).toContain(local);
      expect(s.requests.indexOf(local)).toBeGreaterThan(s.requests.indexOf(OFFICE_JS));
      // office.js then loads the host's own file and its strings (from _host_Info=Excel|Win32|16.01|zh-CN).
      // It takes their base from the first <script> whose src ends in office.js: if that is still the
      // CDN's tag, it asks the unreachable CDN for them, and the fallback is no fallback.
      await poll<number>(s, "0", () => s.requests.some((u) => /excel-win32-16\.01\.js$/.test(u)), 15_000);
      expect(s.outside).toEqual([]);
      expect(s.requests).toContain(`${server.origin}/office-js/excel-win32-16.01.js`);
      expect(s.requests).toContain(`${server.origin}/office-js/zh-cn/office_strings.js`);
      // (Outside Office, office.js itself throws once it finds no host; page errors are not asserted here.)
    } finally {
      await s.context.close();
    }
  });

  test("the CDN and this server's copy both unreachable: within 15 s a Chinese message about office.js, not 正在加载…", async () => {
    const s = await session({ cdn: "unreachable", block: (url) => new URL(url).pathname.startsWith("/office-js/") });
    try {
      await s.page.goto(`${server.origin}${HOSTED}`);
      const alert = s.page.getByRole("alert").filter({ hasText: "office.js" });
      await alert.waitFor({ timeout: 15_000 });
      expect(await alert.innerText()).toMatch(/[\u4e00-\u9fff].*office\.js|office\.js.*[\u4e00-\u9fff]/s);
      expect(await s.page.locator("#root").innerText()).not.toContain("正在加载");
      expect(await paneOf(s.page)).toBe("no-office");
      expect(s.requests).toContain(`${server.origin}/office-js/office.js`);
      expect(s.outside).toEqual([]);
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.context.close();
    }
  });

  test("index.html in IE11: the 极速模式 advice, data-pane unsupported, and no request off this machine", async () => {
    const s = await session({ init: IE11_INIT, userAgent: IE11_UA, cdn: "unreachable" });
    try {
      await s.page.goto(`${server.origin}/index.html`);
      await s.page.getByText("极速模式", { exact: false }).first().waitFor({ timeout: 15_000 });
      expect(await paneOf(s.page)).toBe("unsupported");
      expect(await s.page.locator("#root").innerText()).not.toContain("正在加载");
      expect(s.requests.every(isLocal)).toBe(true);
      expect(s.pageErrors).toEqual([]);
      expect(s.consoleErrors).toEqual([]);
    } finally {
      await s.context.close();
    }
  });
});
