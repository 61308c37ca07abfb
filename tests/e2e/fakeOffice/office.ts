/**
 * A fake office.js for the browser test of the task pane: served by the test at Microsoft's CDN URL
 * (page.route), it puts the strict fake Excel object model of tests/helpers/fakeExcel.ts behind
 * `window.Office` / `window.Excel`, as Office 2016 (ExcelApi 1.1) would.
 *
 * Built by ./build.ts with Babel to ES5, core-js imported privately (@babel/runtime-corejs3), so it
 * runs in a page whose IE11 globals are gone and lends the page under test no polyfill. Its only
 * globals are `Office`, `Excel`, `OfficeExtension` and `__fake` (the test's window into the workbook):
 * the two that its runtime helpers leave behind are removed at the end.
 *
 * The workbook (the seed report's four tables, as `seedSnapshot()` makes them) and the level come from
 * the build (DefinePlugin), so the bundle carries no template code or zod.
 */
import type { WorkbookSnapshot } from "../../../src/grid/grid";
import { toA1 } from "../../../src/grid/grid";
import { FakeOfficeError, FakeWorkbook } from "../../helpers/fakeExcel";

declare const __XZZF_FAKE_SEED__: WorkbookSnapshot;
declare const __XZZF_FAKE_LEVEL__: number;
/** The clerk's own highlights, set before the pane opens: [sheet, A1, colour]. */
declare const __XZZF_FAKE_FILLS__: Array<[string, string, string]>;

const book = FakeWorkbook.fromSnapshot(__XZZF_FAKE_SEED__, { level: __XZZF_FAKE_LEVEL__ });
for (const [sheet, cell, color] of __XZZF_FAKE_FILLS__) book.sheet(sheet).setFill(cell, color);

interface ReadyInfo {
  host: string;
  platform: string;
}
type ReadyCallback = (info: ReadyInfo) => void;

const info: ReadyInfo = { host: "Excel", platform: "PC" };
let ready = false;
const waiting: ReadyCallback[] = [];
/** Every call the page made into the fake's Office namespace, for the test. */
const calls: string[] = [];
/** Errors thrown inside Excel.run batches, as the page would see them. */
const runErrors: string[] = [];

const win = window as unknown as Record<string, unknown>;

const Office = {
  HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
  PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
  context: {
    requirements: { isSetSupported: book.isSetSupported },
    displayLanguage: "zh-CN",
    contentLanguage: "zh-CN",
    diagnostics: { host: "Excel", platform: "PC", version: "16.0.4266.1001" },
    host: "Excel",
    platform: "PC",
  },
  /** Set by a page that uses the old entry point; called once Office is ready. */
  initialize: undefined as undefined | ((reason: string) => void),
  onReady(callback?: ReadyCallback): Promise<ReadyInfo> {
    calls.push("Office.onReady");
    return new Promise<ReadyInfo>((resolve) => {
      const done = (i: ReadyInfo) => {
        if (callback) callback(i);
        resolve(i);
      };
      if (ready) done(info);
      else waiting.push(done);
    });
  },
};

const Excel = {
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    calls.push("Excel.run");
    return book.run(batch).catch((e: unknown) => {
      runErrors.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
      throw e;
    });
  },
  createWorkbook: book.createWorkbook,
};

const OfficeExtension = { Error: FakeOfficeError, Promise };

/** Office is "ready" once the page has loaded, so a deferred or dynamically added bundle has run. */
function becomeReady(): void {
  if (ready) return;
  ready = true;
  if (typeof Office.initialize === "function") {
    calls.push("Office.initialize");
    Office.initialize("");
  }
  for (const w of waiting.splice(0)) w(info);
}
if (document.readyState === "complete") setTimeout(becomeReady, 0);
else window.addEventListener("load", () => setTimeout(becomeReady, 0), false);

function fills(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of book.sheets) {
    for (const [k, c] of s.cells) {
      if (c.fill === null) continue;
      const [r, col] = k.split(",");
      out[`${s.name}!${toA1(Number(r), Number(col))}`] = c.fill;
    }
  }
  return out;
}

// Babel's regenerator runtime assigns a global `regeneratorRuntime`, and core-js-pure keeps its
// shared store on `__core-js_shared__`; this bundle holds both by reference, so they go again here.
// Left in place, they would hide a classic bundle that relied on a global regenerator, and make the
// page's core-js share the fake's well-known symbols.
for (const leaked of ["regeneratorRuntime", "__core-js_shared__"]) {
  if (leaked in win) delete win[leaked];
}

win.Office = Office;
win.Excel = Excel;
win.OfficeExtension = OfficeExtension;
win.__fake = {
  level: book.level,
  syncCount: () => book.syncCount,
  selection: () => book.selection,
  fills,
  sheetNames: () => book.sheets.map((s) => s.name),
  calls: () => calls.slice(),
  runErrors: () => runErrors.slice(),
  ready: () => ready,
};
