/**
 * `xzzf check --format summary`: a line per file, the same as the web page's summary table says of
 * it (compared with the web batch's own reading and rows, in both languages).
 */
import { readFileSync, writeFileSync } from "fs";
import { run, tempDir } from "./run";
import { seedXlsxBytes, withYearly, writeSeedXlsx } from "../helpers/xlsx";
import { readWorkbookFast } from "../../src/host/xlsx/fastReader";
import { analyse } from "../../src/check/analyse";
import { emptyState, setNote, stateRows, STATE_SHEET } from "../../src/engine/stateSheet";
import { checkForBatch } from "../../src/web/batch/readForBatch";
import { summaryRows } from "../../src/web/batch/batchDownloads";
import { webTranslator } from "../../src/i18n/web";
import { csvCell } from "../../src/flows/csv";
import type { CellValue } from "../../src/grid/grid";

const tmp = tempDir("check-summary");
afterAll(() => tmp.cleanup());

/** The seed with a 审核说明 for every warning: nothing left to do. */
async function readyBytes(): Promise<Uint8Array> {
  const findings = analyse(readWorkbookFast(await seedXlsxBytes())).findings;
  let state = emptyState();
  for (const f of findings.filter((x) => x.severity === "warning")) {
    state = setNote(state, { rule: f.rule, sheet: f.sheet, cell: f.cell, text: "已核实，数据无误。", time: "2025-01-31 10:30" });
  }
  return seedXlsxBytes({}, (wb) => {
    const ws = wb.addWorksheet(STATE_SHEET, { state: "veryHidden" });
    for (const row of stateRows(state)) ws.addRow(row);
  });
}

test("a line per file, as the web page's summary table: ready, to fix, errors, no tables, unreadable; in Chinese and English", async () => {
  const seed = await writeSeedXlsx(tmp.path("seed.xlsx"));
  const ready = tmp.path("ready.xlsx");
  writeFileSync(ready, await readyBytes());
  const broken = await writeSeedXlsx(tmp.path("broken.xlsx"), { change: { A2: withYearly("penalty", [7, -9]) } });
  const noTables = await writeSeedXlsx(tmp.path("no-tables.xlsx"), { ids: [] }, (wb) => {
    wb.addWorksheet("Sheet1").getCell("A1").value = "会议纪要";
  });
  const csv = tmp.path("csv.xlsx");
  writeFileSync(csv, "序号,单位\n1,某局\n");
  const files = [seed, ready, broken, noTables, csv];

  const web = files.map((f, i) => checkForBatch(i, f, new Uint8Array(readFileSync(f))));
  expect(web.map((s) => s.state)).toEqual(["fix", "ready", "fix", "fix", "unreadable"]);
  const line = (cells: CellValue[]) => `${cells.map((c) => csvCell(c === null ? "" : String(c))).join(",")}\r\n`;

  const zh = await run(["check", ...files, "--format", "summary"]);
  expect(zh.code).toBe(2);
  expect(zh.stdout).toBe(`\ufeff${summaryRows(web).map(line).join("")}`);
  expect(zh.stdout).toContain(",可报送\r\n");

  const en = await run(["check", ...files, "--format", "summary", "--lang", "en"]);
  const enRows = summaryRows(web, webTranslator("en"));
  // the web's download words an unreadable row in Chinese; the CLI follows --lang, with the reader's English sentence
  enRows[5][8] = `Cannot be read: ${web[4].errorEn}`;
  expect(en.stdout).toBe(`\ufeff${enRows.map(line).join("")}`);
});
