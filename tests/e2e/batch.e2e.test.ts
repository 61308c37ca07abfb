/**
 * The web page's batch in Debian's chromium, on the production bundle: 30 files chosen at once
 * (the seed, planted-error copies of other units, an empty file, a renamed .xls, random bytes, a CSV)
 * give 30 summary rows whose counts are `xzzf check --format json`'s; a row opens its grid and
 * 返回汇总 comes back; 审核汇总.xlsx lists every finding; the 汇总 download is `xzzf aggregate` on
 * the readable files; 与退回的上一批对比 gives `xzzf compare`'s summary of a round of corrections,
 * its files read in the batch's worker, not on the page;
 * clicks are answered while a long batch runs. Nothing leaves the machine.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import type { Severity } from "../../src/engine/findings";
import { countBySeverity } from "../../src/flows/severity";
import { WorkbookReadError } from "../../src/host/xlsx/errors";
import { readWorkbookFast } from "../../src/host/xlsx/fastReader";
import type { LayoutOptions } from "../../src/templates/layout";
import { seedXlsxBytes, withRow, withUnit, withYearly } from "../helpers/xlsx";
import { filesIn, summaryCsvRows, writeRound } from "../helpers/round";
import { BUILD_TIMEOUT_MS, productionBundle } from "./bundle";
import { CHROMIUM, isLocal, LAUNCH_ARGS } from "./browser";
import { serveDir, type StaticServer } from "./staticServer";

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, "..", "..");
const OUT = path.join(__dirname, "out");

interface JsonFinding {
  rule: string;
  severity: Severity;
  table: string | null;
  sheet: string;
  cell: string;
  message: string;
}
interface JsonFile {
  file: string;
  year: number | null;
  findings: JsonFinding[];
  error: string | null;
}

/** `xzzf <args>` in-process; returns stdout and the exit code. */
async function xzzf(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, now: () => new Date() };
  const code = await main(args, io);
  return { code, out, err };
}

/** Planted problems, one per copy, in turn: errors (negative, not a number, not whole) and warnings (a big change). */
const PLANTS: Array<(n: number) => Partial<Record<"A2" | "A3" | "A4" | "A5", (o: LayoutOptions) => LayoutOptions>>> = [
  (n) => ({ A2: withYearly("penalty", [7, -n]) }),
  () => ({ A2: withYearly("penalty", [7, "七件"]) }),
  (n) => ({ A2: withYearly("penalty", [7, 9 + n / 10]) }),
  (n) => ({ A2: withYearly("penalty", [7, 700 + n]) }),
  (n) => ({ A4: withRow({ staffAdmin: -n }) }),
  () => ({}),
];

let tmp: string;
let server: StaticServer;
let browser: Browser;
let paths: string[];
const UNREADABLE = ["空文件.xlsx", "旧版表格.xlsx", "随机内容.xlsx", "导出的表格.xlsx"];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xzzf-batch-e2e-"));
  fs.mkdirSync(OUT, { recursive: true });
  const bundle = productionBundle();
  server = await serveDir(bundle.dir);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });

  const files: Array<[string, Uint8Array]> = [["seed.xlsx", new Uint8Array(fs.readFileSync(path.join(ROOT, "tests/fixtures/files/seed.xlsx")))]];
  for (let i = 1; i <= 24; i++) {
    const unit = `第${i}县市场监督管理局`;
    const plant = PLANTS[i % PLANTS.length](i);
    const change: Partial<Record<"A2" | "A3" | "A4" | "A5", (o: LayoutOptions) => LayoutOptions>> = {};
    for (const id of ["A2", "A3", "A4", "A5"] as const) {
      const p = plant[id];
      change[id] = p ? (o) => p(withUnit(unit)(o)) : withUnit(unit);
    }
    files.push([`${String(i).padStart(2, "0")}-${unit}.xlsx`, await seedXlsxBytes({ change })]);
  }
  files.push([
    "另一县自然资源局.xlsx",
    await seedXlsxBytes({
      change: { A2: withUnit("另一县自然资源局"), A3: withUnit("另一县自然资源局"), A4: withUnit("另一县自然资源局"), A5: withUnit("另一县自然资源局") },
    }),
  ]);
  files.push([UNREADABLE[0], new Uint8Array(0)]);
  // An OLE2 compound file (what Excel 97–2003 writes) given an .xlsx name.
  files.push([UNREADABLE[1], Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(2048).fill(0)])]);
  let s = 12345;
  files.push([UNREADABLE[2], Uint8Array.from({ length: 4096 }, () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff)]);
  files.push([UNREADABLE[3], new TextEncoder().encode("序号,单位,行政处罚\n1,湘潭县,7\n")]);
  expect(files).toHaveLength(30);
  paths = files.map(([name, bytes]) => {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, bytes);
    return p;
  });
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function newPage(): Promise<{ page: Page; outside: string[]; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
  const outside: string[] = [];
  const problems: string[] = [];
  await context.route("**/*", (route) => (isLocal(route.request().url()) ? route.continue() : (outside.push(route.request().url()), route.abort())));
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  return { page, outside, problems, close: () => context.close() };
}

async function rowData(page: Page) {
  return page.getByTestId("batch-row").evaluateAll((els) => els.map((e) => ({ ...(e as HTMLElement).dataset })));
}

/** The fast reader's sentence for a file it refuses; null when it reads it. */
function readerRefusal(file: string): string | null {
  try {
    readWorkbookFast(new Uint8Array(fs.readFileSync(file)), { file: path.basename(file) });
    return null;
  } catch (e) {
    if (e instanceof WorkbookReadError) return e.message;
    throw e;
  }
}

function sheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const vals = (row.values as unknown[]).slice(1).map((v) => (v === undefined ? null : v));
    while (vals.length && vals[vals.length - 1] === null) vals.pop();
    out[n - 1] = vals;
  });
  return out;
}

test("30 files at once: rows as `xzzf check`, a row opens and comes back, 审核汇总 and 汇总 as the CLI makes them", async () => {
  const { page, outside, problems, close } = await newPage();
  try {
    await page.goto(`${server.origin}/index.html`);
    await page.locator('[data-testid="current-file"]', { hasText: "示例工作簿" }).waitFor({ timeout: 60_000 });
    const before = server.requests.length;
    await page.getByTestId("file-input").setInputFiles(paths);
    await page.getByTestId("batch-count").filter({ hasText: "已检查 30 个文件" }).waitFor({ timeout: 120_000 });
    // checked in the worker, whose chunk came from this server
    expect(server.requests.slice(before).some((r) => /check-worker/.test(r))).toBe(true);
    expect(await page.getByTestId("batch-progress").getAttribute("data-thread")).toBe("worker");

    const rows = await rowData(page);
    expect(rows.map((r) => r.file)).toEqual(paths.map((p) => path.basename(p)));

    const cli = await xzzf(["check", ...paths, "--format", "json"]);
    expect(cli.code).toBeGreaterThan(0);
    const json = (JSON.parse(cli.out) as { files: JsonFile[] }).files;
    expect(json).toHaveLength(30);
    let errorsSeen = 0;
    for (const [i, f] of json.entries()) {
      const row = rows[i];
      expect(row.file).toBe(path.basename(f.file));
      const refused = readerRefusal(paths[i]);
      if (refused !== null) {
        // The page has the fast reader's sentence. (The CLI may convert a legacy file the page cannot.)
        expect(UNREADABLE).toContain(row.file);
        expect(row.error).toBe(refused);
        expect(row.errors).toBeUndefined();
        continue;
      }
      expect(f.error).toBeNull();
      const c = countBySeverity(f.findings);
      errorsSeen += c.error;
      expect([row.file, Number(row.errors), Number(row.warnings), Number(row.infos)]).toEqual([row.file, c.error, c.warning, c.info]);
    }
    expect(errorsSeen).toBeGreaterThan(10);
    expect(rows.filter((r) => r.error !== undefined).map((r) => r.file)).toEqual(UNREADABLE);
    await page.screenshot({ path: path.join(OUT, "batch.png"), fullPage: false });

    // A row opens its file in the grid; 返回汇总 brings the same summary back.
    const planted = rows.find((r) => Number(r.errors) > 0)!;
    await page.locator(`[data-testid="batch-row"][data-file="${planted.file}"]`).click();
    await page.locator('[data-testid="current-file"]', { hasText: planted.file! }).waitFor({ timeout: 60_000 });
    await page.getByTestId("sheet-grid").first().waitFor();
    expect(await page.getByTestId("batch-row").count()).toBe(0);
    await page.getByTestId("back-to-summary").click();
    await page.getByTestId("batch-row").first().waitFor();
    expect(await rowData(page)).toEqual(rows);

    // 审核汇总.xlsx: 30 rows, every finding of the CLI.
    const [summaryDl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("batch-summary-download").click()]);
    expect(summaryDl.suggestedFilename()).toBe("审核汇总.xlsx");
    const summaryPath = path.join(tmp, "审核汇总.xlsx");
    await summaryDl.saveAs(summaryPath);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summaryPath);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "问题清单"]);
    const summary = sheetValues(wb.getWorksheet("汇总")!);
    expect(summary).toHaveLength(31);
    expect(summary.slice(1).map((r) => r[0])).toEqual(rows.map((r) => r.file));
    const listed = sheetValues(wb.getWorksheet("问题清单")!)
      .slice(1)
      .filter((r) => r[5])
      .map((r) => `${r[0]}|${r[3]}|${r[4]}|${r[5]}|${r[7]}`);
    const expected = json.flatMap((f) => f.findings.map((x) => `${path.basename(f.file)}|${x.sheet}|${x.cell}|${x.rule}|${x.message}`));
    expect(listed).toEqual(expected);

    // The 汇总 report: what `xzzf aggregate` makes of the 26 readable files; the others are named.
    const [aggDl] = await Promise.all([page.waitForEvent("download"), page.getByTestId("batch-aggregate-download").click()]);
    expect(aggDl.suggestedFilename()).toBe("汇总.xlsx");
    const aggPath = path.join(tmp, "web-汇总.xlsx");
    await aggDl.saveAs(aggPath);
    // the page says so once the file is handed to the browser, a moment after the download starts:
    // until then the notice is still 审核汇总's
    await page.getByTestId("batch-notice").getByText("已生成“汇总.xlsx”").waitFor();
    const notice = await page.getByTestId("batch-notice").innerText();
    for (const name of UNREADABLE) expect(notice).toContain(name);
    const readable = paths.filter((p) => !UNREADABLE.includes(path.basename(p)));
    const cliAgg = path.join(tmp, "cli-汇总.xlsx");
    const agg = await xzzf(["aggregate", ...readable, "--out", cliAgg]);
    expect(agg.code).toBe(0);
    // the CLI's warnings (figures left out of the sums) are the page's too, by file name
    const warned = agg.err.split("\n").filter(Boolean);
    expect(warned.length).toBeGreaterThan(0);
    for (const w of warned) expect(notice).toContain(w.replace(tmp + path.sep, ""));
    const mine = new ExcelJS.Workbook();
    await mine.xlsx.readFile(aggPath);
    const theirs = new ExcelJS.Workbook();
    await theirs.xlsx.readFile(cliAgg);
    expect(mine.worksheets.map((w) => w.name)).toEqual(theirs.worksheets.map((w) => w.name));
    for (const ws of theirs.worksheets) expect(sheetValues(mine.getWorksheet(ws.name)!)).toEqual(sheetValues(ws));

    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
  } finally {
    await close();
  }
});

test("与退回的上一批对比: the rows and the CSV of `xzzf compare <旧版> <新版> --format summary`", async () => {
  const { before, after } = await writeRound(path.join(tmp, "round"));
  const { page, outside, problems, close } = await newPage();
  try {
    await page.goto(`${server.origin}/index.html`);
    await page.locator('[data-testid="current-file"]', { hasText: "示例工作簿" }).waitFor({ timeout: 60_000 });
    // the resubmissions, without Excel's lock file, as the batch
    const resubmitted = filesIn(after).filter((p) => !path.basename(p).startsWith("~$"));
    await page.getByTestId("file-input").setInputFiles(resubmitted);
    await page
      .getByTestId("batch-count")
      .filter({ hasText: `已检查 ${resubmitted.length} 个文件` })
      .waitFor({ timeout: 120_000 });
    const requested = server.requests.length;
    // Every read of a chosen file's bytes in the page's own realm (a worker has its own Blob), and the workers started.
    await page.evaluate(() => {
      const w = window as unknown as { pageReads: number };
      w.pageReads = 0;
      const blobBytes = Blob.prototype.arrayBuffer;
      Blob.prototype.arrayBuffer = function (this: Blob) {
        w.pageReads++;
        return blobBytes.call(this);
      };
      const readerBytes = FileReader.prototype.readAsArrayBuffer;
      FileReader.prototype.readAsArrayBuffer = function (this: FileReader, blob: Blob) {
        w.pageReads++;
        readerBytes.call(this, blob);
      };
    });
    const pageReads = () => page.evaluate(() => (window as unknown as { pageReads: number }).pageReads);
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await page.getByTestId("batch-compare-input").setInputFiles(filesIn(before));
    const summary = await page.getByTestId("batch-compare-summary").innerText({ timeout: 60_000 });
    // its own chunk, from this server
    expect(server.requests.slice(requested).some((r) => /batch-compare/.test(r))).toBe(true);
    // the files of both sides were read in the batch's worker: not one on the page
    expect(workers).toEqual([expect.stringMatching(/\/check-worker\.[0-9a-f]+\.js$/)]);
    expect(await pageReads()).toBe(0);

    const cli = await xzzf(["compare", before, after, "--format", "summary"]);
    expect(cli.code).toBe(2);
    // files chosen one by one are known by their names; the CLI names them by path
    const expected = summaryCsvRows(cli.out, (p) => path.basename(p));
    const rows = await page
      .getByTestId("batch-compare-row")
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td:not([data-action])")).map((td) => td.textContent ?? "")));
    expect(rows).toEqual(expected.slice(1));
    expect(summary).toBe("对比了 2 份，新版仍有错误的 1 份；问题已消除 1 条，新出现 1 条；只有本批的 2 份，退回后未重新报送的 1 份。");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("batch-compare-download").click()]);
    expect(download.suggestedFilename()).toBe("批次对比.csv");
    const saved = path.join(tmp, "批次对比.csv");
    await download.saveAs(saved);
    expect(fs.readFileSync(saved, "utf8")).toBe(`\ufeff${expected.map((r) => r.join(",")).join("\r\n")}\r\n`);
    // a pair's changed cells, as `xzzf compare <旧版> <新版>` lists them for that pair
    await page.getByTestId("batch-compare-show").first().click();
    // the view comes with its chunk: wait for it before reading
    await page.getByTestId("compare-cell").first().waitFor({ timeout: 60_000 });
    const cells = await page.getByTestId("compare-cell").allInnerTexts();
    const pair = await xzzf(["compare", path.join(before, "林业局.xlsx"), path.join(after, "林业局（修改后）.xlsx")]);
    expect(cells.length).toBeGreaterThan(0);
    for (const line of cells) expect(pair.out).toContain(`  ${line}\n`);
    await page.getByTestId("batch-compare").screenshot({ path: path.join(OUT, "batch-compare.png") });
    // what counts the page's reads sees them: a row opened is read here
    await page.locator('[data-testid="batch-row"][data-file="文旅局.xlsx"]').click();
    await page.locator('[data-testid="current-file"]', { hasText: "文旅局.xlsx" }).waitFor({ timeout: 60_000 });
    expect(await pageReads()).toBe(1);
    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
  } finally {
    await close();
  }
});

/** Enough copies of a small workbook that the batch is still running after five clicks. */
const MANY = 400;

/** Chromium's trace events of the page's renderer main thread: each task it ran, with its wall and thread (CPU) time. */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** The main-thread tasks of the traced renderer, as [wall ms, CPU ms]. */
function mainThreadTasks(trace: { traceEvents: TraceEvent[] }): Array<{ wallMs: number; cpuMs: number }> {
  const mains = trace.traceEvents.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const isMain = (e: TraceEvent) => mains.some((m) => m.pid === e.pid && m.tid === e.tid);
  return trace.traceEvents
    .filter((e) => e.ph === "X" && e.name === "RunTask" && e.tdur !== undefined && isMain(e))
    .map((e) => ({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 }));
}

/**
 * The page keeps its main thread free while a long batch runs (issue 18: a click answered within 200 ms).
 * What is asserted is the page's own share: the CPU time of each task on its main thread, which is a
 * click's longest wait on an idle machine. The wall-clock delay of the clicks themselves depends on
 * whatever else the machine runs (here, on two cores, another browser test in the other jest worker:
 * 538 ms was seen once), so it is recorded in tests/e2e/out/batch-clicks.json and not asserted.
 */
test("the page's main thread stays free to answer clicks while a long batch runs", async () => {
  const { page, outside, close } = await newPage();
  try {
    await page.goto(`${server.origin}/index.html`);
    await page.locator('[data-testid="current-file"]', { hasText: "示例工作簿" }).waitFor({ timeout: 60_000 });
    const seed = fs.readFileSync(paths[1]);
    const many = Array.from({ length: MANY }, (_, i) => ({ name: `copy-${i}.xlsx`, mimeType: "application/octet-stream", buffer: seed }));
    await page.evaluate(() => {
      const w = window as unknown as { clickDelays: number[] };
      w.clickDelays = [];
      // From the input event's own time stamp to the handler: how long the page kept the click waiting.
      document.addEventListener("click", (e) => {
        if ((e.target as Element).closest('[data-testid="batch-progress"]')) w.clickDelays.push(performance.now() - e.timeStamp);
      });
    });
    await page.getByTestId("file-input").setInputFiles(many);
    const bar = page.locator('[data-testid="batch-progress"] [role="progressbar"]');
    await bar.waitFor({ timeout: 60_000 });
    const box = (await bar.boundingBox())!;
    await browser.startTracing(page, { categories: ["disabled-by-default-devtools.timeline"] });
    for (let i = 0; i < 5; i++) {
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForTimeout(60);
    }
    // the clicks fell while files were still being checked (asked before the trace is stopped, which takes a while)
    expect(await bar.count()).toBe(1);
    expect(await page.getByTestId("batch-row").count()).toBeLessThan(MANY);
    const tasks = mainThreadTasks(JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: TraceEvent[] });
    const delays = await page.evaluate(() => (window as unknown as { clickDelays: number[] }).clickDelays);
    const longest = tasks.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a), { wallMs: 0, cpuMs: 0 });
    fs.writeFileSync(path.join(OUT, "batch-clicks.json"), JSON.stringify({ files: MANY, delaysMs: delays, tasks: tasks.length, longestTask: longest }));
    // every click reached the page's handler
    expect(delays).toHaveLength(5);
    // the batch kept running on the main thread meanwhile (a trace without its tasks would prove nothing)
    expect(tasks.length).toBeGreaterThan(20);
    expect(longest.cpuMs).toBeLessThan(200);
    // the measure itself: one task of a fixed amount of script (about 0.6 s of CPU here, whatever else
    // runs: a loop timed by the clock would get less CPU on a busy machine) shows as such
    await browser.startTracing(page, { categories: ["disabled-by-default-devtools.timeline"] });
    await page.evaluate(() => {
      const o = { a: [1, 2, 3], b: "文字".repeat(20), c: { d: 1.5 } };
      let n = 0;
      for (let i = 0; i < 1_500_000; i++) n += JSON.stringify(o).length;
      return n;
    });
    const busy = mainThreadTasks(JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: TraceEvent[] });
    expect(Math.max(...busy.map((t) => t.cpuMs))).toBeGreaterThanOrEqual(200);
    await page
      .getByTestId("batch-count")
      .filter({ hasText: `已检查 ${MANY} 个文件` })
      .waitFor({ timeout: 240_000 });
    expect(outside).toEqual([]);
  } finally {
    await close();
  }
});
