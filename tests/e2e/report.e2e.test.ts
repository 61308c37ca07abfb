/**
 * The web page and a 工作报告 (.docx) in Debian's chromium (issue 14), on the production bundle served
 * from 127.0.0.1: the report opened like a workbook (its tables in the grid, 校验 listing the body
 * finding with its sentence), 对照工作报告 beside the sample workbook, and the report's download
 * opened with ExcelJS. Every request is recorded; anything not to this machine fails the test.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";
import { AUDIT_SHEET } from "../../src/flows/auditReport";
import { BUILD_TIMEOUT_MS, productionBundle } from "./bundle";
import { CHROMIUM, currentFile, LAUNCH_ARGS, webSession } from "./browser";
import { serveDir, type StaticServer } from "./staticServer";

jest.setTimeout(180_000);

const REPORT = path.resolve(__dirname, "..", "fixtures", "report", "seed-report.docx");

let tmp: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xzzf-report-e2e-"));
  server = await serveDir(productionBundle().dir);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const session = (block?: (url: string) => boolean) => webSession(browser, block);

/** The findings on the body, 提示 unfolded (two of the three are 提示). */
async function bodyFindings(page: Page): Promise<Array<{ rule: string; quote: string; figure: string }>> {
  await page.getByTestId("count-info").first().waitFor({ timeout: 60_000 });
  await page.getByRole("button", { name: /^提示/ }).click();
  await page.locator('[data-testid="finding"][data-severity="info"]').first().waitFor();
  return page.locator('[data-testid="finding"][data-rule^="report-"]').evaluateAll((els) =>
    els.map((e) => ({
      rule: (e as HTMLElement).dataset.rule ?? "",
      quote: e.querySelector('[data-testid="finding-quote"]')?.textContent ?? "",
      figure: e.querySelector('[data-testid="finding-quote"] mark')?.textContent ?? "",
    })),
  );
}

test("a report opens like a workbook, 校验 lists its body finding, its copy downloads; 对照工作报告 beside the sample", async () => {
  const s = await session();
  const { page } = s;
  try {
    await page.goto(`${server.origin}/index.html`);
    await currentFile(page, "示例工作簿.xlsx");

    // 对照工作报告 beside the sample workbook (the seed's four tables): the three body findings.
    await page.getByTestId("report-input").setInputFiles(REPORT);
    await page.getByTestId("report-attached").waitFor({ timeout: 60_000 });
    const beside = await bodyFindings(page);
    expect(beside.map((f) => f.rule).sort()).toEqual(["report-measure-differs", "report-measure-note", "report-measure-note"]);

    // The report itself, opened like a workbook.
    await page.getByTestId("file-input").setInputFiles(REPORT);
    await currentFile(page, "seed-report.docx");
    const tabs = await page.getByRole("tablist", { name: "工作表" }).getByRole("tab").allInnerTexts();
    expect(tabs).toEqual(["表1", "表2", "表3", "表4"]);
    await page.locator('[data-testid="sheet-grid"][data-sheet="表1"]').waitFor();
    await page.getByTestId("validate").click();
    const own = await bodyFindings(page);
    expect(own.map((f) => f.rule).sort()).toEqual(beside.map((f) => f.rule).sort());
    const fine = own.find((f) => f.rule === "report-measure-differs")!;
    expect(fine.figure).toBe("589万余元");
    expect(fine.quote).toContain("罚款589万余元");
    await page.screenshot({ path: path.join(__dirname, "out", "report.png"), fullPage: false }).catch(() => undefined);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-annotated").click()]);
    expect(download.suggestedFilename()).toBe("seed-report-审核.xlsx");
    const saved = path.join(tmp, download.suggestedFilename());
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual(["表1", "表2", "表3", "表4", AUDIT_SHEET]);
    const audit = wb.getWorksheet(AUDIT_SHEET)!;
    const rules: string[] = [];
    audit.eachRow((row, n) => {
      const v = row.getCell(2).value;
      if (n > 1 && typeof v === "string" && v) rules.push(v);
    });
    expect(rules.filter((r) => r.startsWith("report-")).sort()).toEqual(["report-measure-differs", "report-measure-note", "report-measure-note"]);

    expect(s.problems).toEqual([]);
    expect(s.outside).toEqual([]);
  } finally {
    await s.context.close();
  }
});
