/**
 * What a real spreadsheet program makes of our files, judged by LibreOffice (Debian's
 * libreoffice-calc-nogui, with poppler-utils for pdfinfo/pdftotext; .ci/run installs both):
 * - `xzzf template` printed to PDF is the four official forms, one landscape A4 page each, every
 *   label of the template on its page;
 * - a template and a filled report saved again by LibreOffice (as offices on LibreOffice do) read
 *   back cell for cell, merges included, and are checked exactly as before.
 * Without LibreOffice these tests are skipped on a developer's machine, and fail under CI.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readFileSync } from "fs";
import { join } from "path";
import { run, tempDir } from "./cli/run";
import { writeSeedXlsx } from "./helpers/xlsx";
import { readWorkbookFast } from "../src/host/xlsx/fastReader";
import { analyse } from "../src/check/analyse";
import type { WorkbookSnapshot } from "../src/grid/grid";
import { layoutFor, layoutToSnapshot } from "../src/templates/layout";
import { TABLE_IDS } from "../src/templates/tables";

function has(cmd: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const AVAILABLE = has("soffice") && has("pdfinfo") && has("pdftotext");
if (!AVAILABLE && process.env.CI) throw new Error("CI needs LibreOffice and poppler-utils (soffice, pdfinfo, pdftotext); .ci/run installs them");
if (!AVAILABLE) console.warn("libreoffice.test.ts skipped: install libreoffice-calc-nogui and poppler-utils to run it");
const maybe = AVAILABLE ? describe : describe.skip;

const tmp = tempDir("libreoffice");
afterAll(() => tmp.cleanup());

const YEAR = 2025;
const UNIT = "某某县自然资源局";

/** Converts with a profile of its own, so a desktop LibreOffice or a parallel run is not disturbed. */
function soffice(input: string, to: string, outDir: string): string {
  execFileSync("soffice", [`-env:UserInstallation=file://${tmp.path("profile")}`, "--headless", "--convert-to", to, "--outdir", outDir, input], {
    stdio: "pipe",
    timeout: 120_000,
  });
  const out = join(outDir, input.replace(/^.*\//, "").replace(/\.xlsx$/, `.${to.replace(/:.*$/, "")}`));
  if (!existsSync(out)) throw new Error(`soffice wrote no ${out}`);
  return out;
}

function read(path: string): WorkbookSnapshot {
  return readWorkbookFast(new Uint8Array(readFileSync(path)));
}

function findingKeys(s: WorkbookSnapshot): string[] {
  return analyse(s)
    .findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`)
    .sort();
}

/** Values and merged areas, sheet by sheet (merges in any order). */
function cellsAndMerges(s: WorkbookSnapshot) {
  return s.sheets.map((sh) => ({ name: sh.name, values: sh.values, merges: sh.merges.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).sort() }));
}

maybe("LibreOffice", () => {
  let template: string;
  beforeAll(async () => {
    template = tmp.path("模板.xlsx");
    const r = await run(["template", "--year", String(YEAR), "--unit", UNIT, "--out", template]);
    expect(r.code).toBe(0);
  }, 60_000);

  test("the template prints as the four forms: one landscape A4 page each, every label on its page", () => {
    const pdf = soffice(template, "pdf", tmp.dir);
    const info = execFileSync("pdfinfo", ["-f", "1", "-l", "99", pdf]).toString();
    expect(info).toMatch(/^Pages:\s+4$/m);
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(sizes).toHaveLength(4);
    for (const [w, h] of sizes) {
      expect(Math.round(w)).toBe(842); // A4 landscape: 297 × 210 mm
      expect(Math.round(h)).toBe(595);
    }
    TABLE_IDS.forEach((id, i) => {
      const page = execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), pdf, "-"])
        .toString()
        .replace(/\s+/g, "");
      const labels = layoutToSnapshot(layoutFor(id, { year: YEAR, unit: UNIT }))
        .values.flat()
        .filter((v): v is string => typeof v === "string")
        .map((v) => v.replace(/\s+/g, ""));
      expect(labels.length).toBeGreaterThan(15);
      expect(labels.filter((l) => !page.includes(l))).toEqual([]);
      expect(page).toContain(`${YEAR}年`);
    });
  }, 180_000);

  test("a template saved again by LibreOffice reads back cell for cell, and is checked the same", () => {
    const dir = tmp.path("resaved-template");
    mkdirSync(dir, { recursive: true });
    const resaved = soffice(template, "xlsx", dir);
    expect(cellsAndMerges(read(resaved))).toEqual(cellsAndMerges(read(template)));
    expect(findingKeys(read(resaved))).toEqual(findingKeys(read(template)));
    expect(analyse(read(resaved)).tables.map((t) => `${t.id}:${t.year}`)).toEqual(TABLE_IDS.map((id) => `${id}:${YEAR}`));
  }, 180_000);

  test("the seed report saved again by LibreOffice gives the same 46 findings", async () => {
    const seed = await writeSeedXlsx(tmp.path("种子.xlsx"));
    const dir = tmp.path("resaved-seed");
    mkdirSync(dir, { recursive: true });
    const resaved = soffice(seed, "xlsx", dir);
    const keys = findingKeys(read(resaved));
    expect(keys).toHaveLength(46);
    expect(keys).toEqual(findingKeys(read(seed)));
  }, 180_000);
});
