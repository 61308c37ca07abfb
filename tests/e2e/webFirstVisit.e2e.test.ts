/**
 * The web page's first visit and its reading path in chromium (issue 18): what a newcomer's browser
 * fetches before the page is ready (the pane and the sample's grid), that ExcelJS comes only with a
 * download and the download then works, and that a 校验 clicked right after choosing a file is never
 * lost (20 fresh pages in a row, each compared with `xzzf check --format json`).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import type { Severity } from "../../src/engine/findings";
import { AUDIT_SHEET } from "../../src/flows/auditReport";
import { countBySeverity, SEVERITIES } from "../../src/flows/severity";
import { seedXlsxBytes, withYearly } from "../helpers/xlsx";
import { BUILD_TIMEOUT_MS, productionBundle } from "./bundle";
import { CHROMIUM, currentFile, LAUNCH_ARGS, webSession } from "./browser";
import { serveDir, type StaticServer } from "./staticServer";

jest.setTimeout(600_000);

/** Issue 18: every script fetched until the page is ready, gzip. */
const FIRST_VISIT_BUDGET = 200 * 1024;
const FIXTURE_NAME = "湘潭县自然资源局-2024.xlsx";
const RUNS = 20;
/** ExcelJS's own chunk and the ExcelJS host's. */
const EXCELJS_SCRIPT = /\/(exceljs|xlsx-host)[.-][^/]*\.js$/;

interface JsonFinding {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  message: string;
}

async function xzzfCheck(file: string): Promise<JsonFinding[]> {
  let out = "";
  let err = "";
  const io: CliIO = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, now: () => new Date() };
  const code = await main(["check", file, "--format", "json"], io);
  if (code === 2) throw new Error(`xzzf check failed: ${err}`);
  const parsed = JSON.parse(out) as { files: Array<{ findings: JsonFinding[]; error: string | null }> };
  expect(parsed.files).toHaveLength(1);
  expect(parsed.files[0].error).toBeNull();
  return parsed.files[0].findings;
}

let tmp: string;
let dist: string;
let server: StaticServer;
let browser: Browser;
let fixture: string;
let cli: JsonFinding[];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xzzf-web-first-"));
  dist = productionBundle().dir;
  server = await serveDir(dist);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  fixture = path.join(tmp, FIXTURE_NAME);
  fs.writeFileSync(fixture, await seedXlsxBytes({ change: { A2: withYearly("penalty", [7, -9]) } }));
  cli = await xzzfCheck(fixture);
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const session = (block?: (url: string) => boolean) => webSession(browser, block);

/** Ready: the sample is open, its grid drawn, and the pane's 校验 can be clicked. */
async function sampleReady(page: Page): Promise<void> {
  await currentFile(page, "示例工作簿.xlsx");
  await page.locator('[data-testid="sheet-grid"] td').first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => {
    const b = document.querySelector<HTMLButtonElement>('[data-testid="validate"]');
    return !!b && !b.disabled;
  });
}

async function countsOnPage(page: Page): Promise<Record<Severity, number>> {
  const out = {} as Record<Severity, number>;
  for (const sev of SEVERITIES) out[sev] = Number(await page.getByTestId(`count-${sev}`).first().innerText());
  return out;
}

const gzipOf = new Map<string, number>();
function gzipSize(url: string): number {
  const file = path.join(dist, decodeURIComponent(new URL(url).pathname).replace(/^\/+/, ""));
  if (!gzipOf.has(file)) gzipOf.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length);
  return gzipOf.get(file)!;
}

test("the first visit (pane and sample grid) fetches at most 200 KiB of script, gzip, and no ExcelJS; a download fetches it and works", async () => {
  const s = await session();
  const { page } = s;
  try {
    await page.goto(`${server.origin}/index.html`);
    await sampleReady(page);
    const first = [...new Set(s.scripts)];
    const sizes = first.map((u) => ({ script: new URL(u).pathname.slice(1), gzip: gzipSize(u) }));
    const total = sizes.reduce((n, x) => n + x.gzip, 0);
    console.log(
      `First visit, scripts fetched until the page is ready (gzip -9):\n${sizes.map((x) => `  ${x.script.padEnd(48)} ${(x.gzip / 1024).toFixed(1).padStart(7)} KiB`).join("\n")}\n  total ${(total / 1024).toFixed(1)} KiB of ${FIRST_VISIT_BUDGET / 1024} KiB`,
    );
    expect(first.filter((u) => EXCELJS_SCRIPT.test(u))).toEqual([]);
    expect(total).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);

    // Checking the sample, then opening and checking a file: still no ExcelJS (the fast reader reads it).
    await page.getByTestId("validate").click();
    await page.getByTestId("count-error").first().waitFor({ timeout: 60_000 });
    await page.getByTestId("file-input").setInputFiles(fixture);
    await currentFile(page, FIXTURE_NAME);
    await page.getByTestId("validate").click();
    await page.locator('[data-testid="finding"][data-rule="value-negative"]').first().waitFor({ timeout: 60_000 });
    expect(await countsOnPage(page)).toEqual(countBySeverity(cli));
    expect(s.scripts.filter((u) => EXCELJS_SCRIPT.test(u))).toEqual([]);

    // The download asks for ExcelJS, and the copy is the file with every finding marked and the 审核报告.
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.getByTestId("download-annotated").click()]);
    expect(s.scripts.filter((u) => /\/exceljs[.-][^/]*\.js$/.test(u))).toHaveLength(1);
    expect(download.suggestedFilename()).toBe("湘潭县自然资源局-2024-标注.xlsx");
    const saved = path.join(tmp, download.suggestedFilename());
    await download.saveAs(saved);
    const again = await xzzfCheck(saved);
    const key = (f: JsonFinding) => `${f.rule}|${f.severity}|${f.sheet}|${f.cell}|${f.message}`;
    expect(again.map(key)).toEqual(cli.map(key));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.getWorksheet(AUDIT_SHEET)).toBeDefined();
    const negative = cli.find((f) => f.rule === "value-negative")!;
    const fill = wb.getWorksheet(negative.sheet)!.getCell(negative.cell).fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe("FFFFC7CE");
    expect(s.problems).toEqual([]);
    expect(s.outside).toEqual([]);
  } finally {
    await s.context.close();
  }
});

test(`choose a workbook and click 校验 at once, ${RUNS} times with fresh pages: the file's findings appear every time`, async () => {
  const expected = countBySeverity(cli);
  expect(expected.error).toBeGreaterThan(0);
  const listed = cli
    .filter((f) => f.severity !== "info")
    .map((f) => `${f.rule}|${f.sheet}|${f.cell}`)
    .sort();
  let sawBusy = 0;
  for (let run = 0; run < RUNS; run++) {
    const s = await session();
    const { page } = s;
    try {
      await page.goto(`${server.origin}/index.html`);
      // Half the runs choose the file while the sample is still coming: the chosen file must win.
      if (run % 2 === 0) await sampleReady(page);
      else await page.getByTestId("file-input").waitFor({ state: "attached" });
      await page.getByTestId("file-input").setInputFiles(fixture);
      if (
        await page
          .getByTestId("validate")
          .isDisabled()
          .catch(() => false)
      )
        sawBusy++;
      await page.getByTestId("validate").click({ timeout: 60_000 });
      await page.getByTestId("count-error").first().waitFor({ timeout: 60_000 });
      expect({ run, file: await page.getByTestId("current-file").innerText() }).toEqual({ run, file: `当前：${FIXTURE_NAME}` });
      expect({ run, counts: await countsOnPage(page) }).toEqual({ run, counts: expected });
      const rows = await page
        .getByTestId("finding")
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset).map((d) => `${d.rule}|${d.sheet}|${d.cell}`));
      expect({ run, rows: [...rows].sort() }).toEqual({ run, rows: listed });
      expect({ run, problems: s.problems, outside: s.outside }).toEqual({ run, problems: [], outside: [] });
    } finally {
      await s.context.close();
    }
  }
  console.log(
    `校验 clicked right after choosing the file: findings shown in ${RUNS} of ${RUNS} runs; 校验 was visibly busy (disabled) at the click in ${sawBusy}.`,
  );
});
