/**
 * The web page end to end in Debian's chromium: the production bundle served from 127.0.0.1, a
 * workbook uploaded, 校验 compared with `xzzf check --format json` on the same file, a finding
 * clicked, the annotated copy downloaded and checked again by the CLI. Every request the page makes
 * is recorded; anything not to this machine fails the test.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import type { WorkbookSnapshot } from "../../src/grid/grid";
import { STATE_SHEET } from "../../src/engine/stateSheet";
import { AUDIT_SHEET } from "../../src/flows/auditReport";
import { countBySeverity, SEVERITIES } from "../../src/flows/severity";
import type { Severity } from "../../src/engine/findings";
import { MARK_FILLS } from "../../src/host/types";
import { readWorkbookWithExcelJS } from "../../src/host/xlsx/exceljsSnapshot";
import { seedXlsxBytes, withYearly } from "../helpers/xlsx";
import { BUILD_TIMEOUT_MS, productionBundle } from "./bundle";
import { CHROMIUM, currentFile, LAUNCH_ARGS, webSession } from "./browser";
import { serveDir, type StaticServer } from "./staticServer";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "..", "..");
const OUT = path.join(__dirname, "out");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const FIXTURE_NAME = "湘潭县自然资源局-2024.xlsx";

interface JsonFinding {
  rule: string;
  severity: Severity;
  table: string | null;
  sheet: string;
  cell: string;
  related: string[];
  message: string;
}
interface JsonFile {
  file: string;
  findings: JsonFinding[];
  error: string | null;
}

/** `xzzf <args>`, run in-process; exit 2 (could not run) fails the test. */
async function xzzf(args: string[]): Promise<string> {
  let out = "";
  let err = "";
  const io: CliIO = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, now: () => new Date() };
  const code = await main(args, io);
  if (code === 2) throw new Error(`xzzf ${args.join(" ")} failed: ${err}`);
  return out;
}

/** `xzzf check --format json <file>`. */
async function xzzfCheck(file: string): Promise<JsonFile> {
  const parsed = JSON.parse(await xzzf(["check", file, "--format", "json"])) as { files: JsonFile[] };
  expect(parsed.files).toHaveLength(1);
  expect(parsed.files[0].error).toBeNull();
  return parsed.files[0];
}

let tmp: string;
let server: StaticServer;
let browser: Browser;
let fixture: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xzzf-web-e2e-"));
  fs.mkdirSync(OUT, { recursive: true });
  const bundle = productionBundle();
  server = await serveDir(bundle.dir);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  // The seed's four tables, one error added: a negative count (附件2 行政处罚, current year).
  fixture = path.join(tmp, FIXTURE_NAME);
  fs.writeFileSync(fixture, await seedXlsxBytes({ change: { A2: withYearly("penalty", [7, -9]) } }));
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const session = (block?: (url: string) => boolean) => webSession(browser, block);

async function countsOnPage(page: Page): Promise<Record<Severity, number>> {
  const out = {} as Record<Severity, number>;
  for (const sev of SEVERITIES) out[sev] = Number(await page.getByTestId(`count-${sev}`).first().innerText());
  return out;
}

function tableSheets(s: WorkbookSnapshot) {
  return s.sheets.filter((x) => x.name !== STATE_SHEET && x.name !== AUDIT_SHEET);
}

const strip = (f: JsonFinding) => ({
  rule: f.rule,
  severity: f.severity,
  table: f.table,
  sheet: f.sheet,
  cell: f.cell,
  related: f.related,
  message: f.message,
});

test("upload, 校验 as the CLI, click a finding, download the annotated copy; nothing leaves the machine", async () => {
  const s = await session();
  const { page } = s;
  try {
    await page.goto(`${server.origin}/index.html`);
    await page.getByRole("heading", { level: 1, name: "行政执法统计填报助手" }).waitFor();
    await page.getByText("文件只在本机浏览器中处理，不会上传").waitFor();
    // A newcomer sees the sample at once.
    await currentFile(page, "示例工作簿.xlsx");

    await page.getByTestId("file-input").setInputFiles(fixture);
    await currentFile(page, FIXTURE_NAME);
    await page.getByTestId("validate").click();
    await page.getByTestId("count-error").first().waitFor({ timeout: 60_000 });

    const cli = await xzzfCheck(fixture);
    const expected = countBySeverity(cli.findings);
    expect(expected.error).toBeGreaterThan(0);
    expect(await countsOnPage(page)).toEqual(expected);
    // The listed (unfolded) findings are the CLI's errors and warnings, cell for cell.
    const rows = await page
      .getByTestId("finding")
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset).map((d) => `${d.rule}|${d.sheet}|${d.cell}`));
    expect([...rows].sort()).toEqual(
      cli.findings
        .filter((f) => f.severity !== "info")
        .map((f) => `${f.rule}|${f.sheet}|${f.cell}`)
        .sort(),
    );

    // Marks in the grid: the negative count is filled as an error with its message.
    const negative = cli.findings.find((f) => f.rule === "value-negative")!;
    const target = page.locator(`[data-testid="sheet-grid"] td[data-address="${negative.cell}"]`);
    await expect(target.getAttribute("data-severity")).resolves.toBe("error");
    expect(await target.getAttribute("title")).toContain(negative.message);

    // Clicking the finding focuses its cell, in view, with the focus ring.
    const other = cli.findings.find((f) => f.severity === "warning" && f.sheet !== negative.sheet)!;
    await page.locator(`[data-testid="finding"][data-sheet="${other.sheet}"][data-cell="${other.cell}"]`).first().locator("button").first().click();
    await page.locator(`[data-testid="sheet-grid"][data-sheet="${other.sheet}"]`).waitFor();
    await page.locator(`[data-testid="finding"][data-rule="value-negative"]`).locator("button").first().click();
    await page.locator(`[data-testid="sheet-grid"][data-sheet="${negative.sheet}"] td[data-selected="true"]`).waitFor();
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const scroller = el.closest('[data-testid="grid-scroller"]') as HTMLElement;
      const a = el.getBoundingClientRect();
      const b = scroller.getBoundingClientRect();
      return {
        address: el.dataset.address,
        selected: el.dataset.selected,
        outline: getComputedStyle(el).outlineStyle,
        inView: a.top >= b.top - 1 && a.bottom <= b.bottom + 1 && a.left >= b.left - 1 && a.right <= b.right + 1,
      };
    });
    expect(focused).toEqual({ address: negative.cell, selected: "true", outline: "solid", inView: true });
    await page.screenshot({ path: path.join(OUT, "web.png"), fullPage: false });
    if (process.env.XZZF_DOCS_SCREENSHOT) {
      fs.mkdirSync(path.join(ROOT, "docs"), { recursive: true });
      await page.screenshot({ path: path.join(ROOT, "docs", "web-page.png"), fullPage: false });
    }

    // The annotated copy: same values, same findings by the CLI, marks and the 审核报告 in place.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-annotated").click()]);
    expect(download.suggestedFilename()).toBe("湘潭县自然资源局-2024-标注.xlsx");
    const annotated = path.join(tmp, download.suggestedFilename());
    await download.saveAs(annotated);

    const before = await readWorkbookWithExcelJS(fs.readFileSync(fixture));
    const after = await readWorkbookWithExcelJS(fs.readFileSync(annotated));
    expect(tableSheets(after)).toEqual(tableSheets(before));
    const again = await xzzfCheck(annotated);
    expect(again.findings.map(strip)).toEqual(cli.findings.map(strip));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(annotated);
    expect(wb.getWorksheet(AUDIT_SHEET)).toBeDefined();
    const worst = new Map<string, Severity>();
    for (const f of cli.findings) {
      const k = `${f.sheet}!${f.cell}`;
      const w = worst.get(k);
      if (!w || SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(w)) worst.set(k, f.severity);
    }
    for (const f of cli.findings) {
      const mark = markOf(wb, f.sheet, f.cell);
      expect(mark.argb).toBe(`FF${MARK_FILLS[worst.get(`${f.sheet}!${f.cell}`)!].slice(1)}`);
      expect(mark.note).toContain(f.message);
    }

    // …and the same marks as `xzzf annotate` puts in its copy of the same file.
    const byCli = path.join(tmp, "cli-annotated.xlsx");
    await xzzf(["annotate", fixture, "--out", byCli]);
    const cliWb = new ExcelJS.Workbook();
    await cliWb.xlsx.readFile(byCli);
    for (const f of cli.findings) expect(markOf(wb, f.sheet, f.cell)).toEqual(markOf(cliWb, f.sheet, f.cell));

    fs.writeFileSync(path.join(OUT, "requests.json"), JSON.stringify({ requests: s.requests, outside: s.outside }, null, 2));
    expect(s.problems).toEqual([]);
    expect(s.requests.length).toBeGreaterThan(0);
    expect(s.outside).toEqual([]);
  } finally {
    await s.context.close();
  }
});

function markOf(wb: ExcelJS.Workbook, sheet: string, address: string): { argb: string | undefined; note: string | undefined } {
  return describeCell(wb.getWorksheet(sheet)!.getCell(address));
}

function describeCell(c: ExcelJS.Cell): { argb: string | undefined; note: string | undefined } {
  const argb = (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
  const n = c.note;
  return { argb, note: n === undefined || typeof n === "string" ? n : (n.texts ?? []).map((t) => t.text).join("") };
}

test("下载已填同比副本 asks before replacing a typed ratio, and keeps it when the user says so", async () => {
  const s = await session();
  const { page } = s;
  try {
    const typed = path.join(tmp, "已填同比.xlsx");
    fs.writeFileSync(typed, await seedXlsxBytes({ change: { A2: (o) => ({ ...o, yearly: { ...o.yearly, ratios: { penalty: "30%" } } }) } }));
    await page.goto(`${server.origin}/index.html`);
    await currentFile(page, "示例工作簿.xlsx");
    await page.getByTestId("file-input").setInputFiles(typed);
    await currentFile(page, "已填同比.xlsx");
    await page.getByTestId("download-ratios").click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor({ timeout: 60_000 });
    // the pane's question, one row per cell: old content, then the ratio computed
    expect(await dialog.getByTestId("overwrite").first().innerText()).toMatch(/30%\s+\+28\.57%/);
    // The modal has the focus, so a keyboard or screen-reader user is in it.
    await page.waitForFunction(() => !!document.activeElement?.closest('[role="alertdialog"]'));
    const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "保留原内容，只填空白" }).click()]);
    expect(download.suggestedFilename()).toBe("已填同比-同比.xlsx");
    const out = path.join(tmp, download.suggestedFilename());
    await download.saveAs(out);
    const a2 = (await readWorkbookWithExcelJS(fs.readFileSync(out))).sheets.find((x) => x.name === "附件2 执法案件")!;
    // Row 8 of 附件2, one merged cell per category from column C: rules.md gives 行政处罚 +28.57% (kept
    // as typed here), 罚没金额 +389.63%, the other eight 0.00%.
    const ratios = Array.from({ length: 10 }, (_, i) => a2.values[7][2 + 2 * i]);
    expect(ratios).toEqual(["0.00%", "0.00%", "0.00%", "0.00%", "0.00%", "30%", "0.00%", "0.00%", "+389.63%", "0.00%"]);
    expect(s.outside).toEqual([]);
  } finally {
    await s.context.close();
  }
});

test("与旧版对比 in the production bundle gives what xzzf compare gives", async () => {
  const s = await session();
  const { page } = s;
  try {
    const resubmitted = path.join(tmp, "重新报送.xlsx");
    fs.writeFileSync(resubmitted, await seedXlsxBytes());
    await page.goto(`${server.origin}/index.html`);
    await currentFile(page, "示例工作簿.xlsx");
    await page.getByTestId("file-input").setInputFiles(resubmitted);
    await currentFile(page, "重新报送.xlsx");
    // the version sent back: the seed with its negative count
    await page.getByTestId("compare-input").setInputFiles(fixture);
    const region = page.getByRole("region", { name: `与旧版“${FIXTURE_NAME}”对比` });
    await region.waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(OUT, "web-compare.png") });

    const text = await xzzf(["compare", fixture, resubmitted]);
    const cliCells = text
      .split("\n")
      .filter((l) => /^ {2}附件\d/.test(l) && l.includes("→"))
      .map((l) => l.trim());
    expect(cliCells.length).toBeGreaterThan(0);
    expect((await region.getByTestId("compare-cell").allInnerTexts()).map((x) => x.trim())).toEqual(cliCells);
    const json = JSON.parse(await xzzf(["compare", fixture, resubmitted, "--format", "json"])) as {
      findings: Record<"resolved" | "added" | "remaining", JsonFinding[]>;
    };
    const { resolved, added, remaining } = json.findings;
    expect(await region.getByTestId("compare-findings").innerText()).toContain(
      `已消除 ${resolved.length} 条，新出现 ${added.length} 条，仍有 ${remaining.length} 条`,
    );
    expect(await region.getByTestId("compare-resolved").count()).toBe(resolved.length);
    expect(await region.getByTestId("compare-added").count()).toBe(added.length);
    await region.getByTestId("compare-close").click();
    expect(await page.getByTestId("compare").count()).toBe(0);
    expect(await page.getByTestId("current-file").innerText()).toContain("重新报送.xlsx");
    expect(s.outside).toEqual([]);
  } finally {
    await s.context.close();
  }
});

test("Tab walks from the upload to the sample, 校验 and the findings", async () => {
  const s = await session();
  const { page } = s;
  try {
    await page.goto(`${server.origin}/index.html`);
    await currentFile(page, "示例工作簿.xlsx");
    await page.getByTestId("validate").click();
    await page.getByTestId("finding").first().waitFor({ timeout: 60_000 });
    // A click on the page's heading moves the start of Tab navigation back to the top, as a user would.
    await page.getByRole("heading", { level: 1 }).click();
    const stops: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return "";
        if (el.dataset.testid) return el.dataset.testid;
        return el.closest('[data-testid="finding"]') ? "finding" : el.tagName.toLowerCase();
      });
      stops.push(id);
      if (id === "finding") break;
    }
    const at = (id: string) => stops.indexOf(id);
    expect(at("file-input")).toBeGreaterThanOrEqual(0);
    expect(at("open-sample")).toBeGreaterThan(at("file-input"));
    expect(at("validate")).toBeGreaterThan(at("open-sample"));
    expect(at("finding")).toBeGreaterThan(at("validate"));
    expect(s.outside).toEqual([]);
  } finally {
    await s.context.close();
  }
});

test("a bad upload shows the reader's message and keeps the open workbook", async () => {
  const s = await session();
  const { page } = s;
  try {
    await page.goto(`${server.origin}/index.html`);
    await currentFile(page, "示例工作簿.xlsx");
    const cells = await page.locator('[data-testid="sheet-grid"] td').count();
    await page.getByTestId("file-input").setInputFiles({
      name: "报表.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from("序号,单位\n1,湘潭县\n"),
    });
    const alert = page.getByRole("alert").filter({ hasText: "报表.xlsx" });
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.innerText()).toContain("不是 Excel 工作簿");
    expect(await page.getByTestId("current-file").innerText()).toContain("示例工作簿.xlsx");
    expect(await page.locator('[data-testid="sheet-grid"] td').count()).toBe(cells);
    expect(s.outside).toEqual([]);
  } finally {
    await s.context.close();
  }
});

test("the page needs ExcelJS only for downloads: with its chunk blocked the sample comes up and checks, and a download says why it failed", async () => {
  const s = await session((url) => /\/exceljs[.-][^/]*\.js$/.test(url));
  const { page } = s;
  try {
    await page.goto(`${server.origin}/index.html`);
    await page.getByRole("heading", { level: 1, name: "行政执法统计填报助手" }).waitFor();
    await currentFile(page, "示例工作簿.xlsx");
    await page.getByTestId("validate").click();
    await page.getByTestId("count-error").first().waitFor({ timeout: 60_000 });
    expect(s.requests.some((u) => /\/exceljs[.-][^/]*\.js$/.test(u))).toBe(false);
    await page.getByTestId("download-annotated").click();
    const alert = page.getByRole("alert").filter({ hasText: "下载失败" });
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.innerText()).toContain("请刷新页面后重试");
    expect(s.requests.some((u) => /\/exceljs[.-][^/]*\.js$/.test(u))).toBe(true);
    expect(await page.getByTestId("current-file").innerText()).toContain("示例工作簿.xlsx");
    expect(s.outside).toEqual([]);
  } finally {
    await s.context.close();
  }
});

test("taskpane.html outside Office: office.js is the only outside request, and it is blocked without breaking the page", async () => {
  const s = await session();
  const { page } = s;
  try {
    await page.goto(`${server.origin}/taskpane.html`);
    await currentFile(page, "示例工作簿.xlsx");
    expect(await page.evaluate(() => document.documentElement.dataset.mode)).toBe("web");
    expect(s.outside).toEqual([OFFICE_JS]);
  } finally {
    await s.context.close();
  }
});
