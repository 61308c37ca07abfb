/**
 * The web page's snapshot host against the ExcelJS host it stands in for: the same pane actions on
 * both give the same snapshots after every step, the same refusals, and a replayed download that is
 * the workbook ExcelJS would have made had it held the file all along (values, fills, notes, sheets).
 */
import { readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { readDocx } from "../host/docx/readDocx";
import { analyse } from "../check/analyse";
import type { WorkbookSnapshot } from "../grid/grid";
import { STATE_SHEET, readState } from "../engine/stateSheet";
import { clearMarks, fillRatios, insertTemplates, saveNote, validate, writeAuditReport } from "../app/actions";
import { AUDIT_SHEET } from "../flows/auditReport";
import type { WorkbookHost } from "../host/types";
import { ExcelJSHost } from "../host/xlsx/exceljsHost";
import { readWorkbookFast } from "../host/xlsx/fastReader";
import { SHEET_NAMES } from "../templates/tables";
import { layoutFor, layoutToSnapshot } from "../templates/layout";
import { seedLayoutOptions } from "../templates/sample";
import { seedXlsxBytes, withYearly } from "../../tests/helpers/xlsx";
import { sampleLayouts } from "./sampleWorkbook";
import { drawnLayout } from "./drawnLayout";
import { PLAIN_MARKED_FORMAT, SnapshotHost } from "./snapshotHost";
import type { HostFactory } from "./webHost";

jest.setTimeout(60_000);

const A2 = SHEET_NAMES.A2;
const factory: HostFactory = { fromBytes: (b) => ExcelJSHost.fromBytes(b), empty: async () => ExcelJSHost.empty() };
const NOW = new Date(Date.UTC(2025, 0, 31, 9, 5));

function snapshotHost(bytes: Uint8Array, load: () => Promise<HostFactory> = async () => factory): SnapshotHost {
  return new SnapshotHost(readWorkbookFast(bytes, { file: "x.xlsx" }), bytes, load);
}

/**
 * A snapshot as the engine sees it (holes and nulls alike, no empty formula maps). The saved formats
 * of marked cells are left out: a snapshot cannot know a styled cell's fill; the replay test below
 * shows the download gets the real one.
 */
function normal(s: WorkbookSnapshot) {
  return s.sheets.map((sheet) => {
    const cells: Record<string, unknown> = {};
    sheet.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const markFormat = sheet.name === STATE_SHEET && c === 3 && row[0] === "mark";
        cells[`${r},${c}`] = markFormat ? "(format)" : v;
      }),
    );
    return {
      name: sheet.name,
      hidden: sheet.hidden === true,
      cells,
      merges: [...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left),
      formulas: sheet.formulas ?? {},
    };
  });
}

/** What a spreadsheet shows of a workbook: sheets in order and visibility, every cell's value, fill, note and format, merges. */
async function model(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const note = c.note === undefined || typeof c.note === "string" ? c.note : (c.note.texts ?? []).map((x) => x.text).join("");
        const v = { value: c.value ?? null, fill: c.fill ?? null, note: note ?? null, numFmt: c.numFmt ?? null };
        if (v.value !== null || v.fill !== null || v.note !== null) cells[c.address] = v;
      }),
    );
    return { name: ws.name, state: ws.state, cells, merges: [...(ws.model.merges ?? [])].sort() };
  });
}

/** The seed with an error (a negative count) whose cell a user had filled red, and a warning cell with a note of their own. */
async function styledSeed(): Promise<{ bytes: Uint8Array; negative: string; noted: { sheet: string; cell: string; rule: string } }> {
  const change = { A2: withYearly("penalty", [7, -9]) };
  const plain = await seedXlsxBytes({ change, ids: ["A2", "A4"] });
  const findings = analyse(readWorkbookFast(plain)).findings;
  const negative = findings.find((f) => f.rule === "value-negative")!;
  const warning = findings.find((f) => f.severity === "warning" && f.table !== "A2" && f.table !== "A3") ?? findings.find((f) => f.severity === "warning")!;
  const bytes = await seedXlsxBytes({ change, ids: ["A2", "A4"] }, (wb) => {
    wb.getWorksheet(negative.sheet)!.getCell(negative.cell).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    wb.getWorksheet(warning.sheet)!.getCell(warning.cell).note = "填表人：已核对";
  });
  return { bytes, negative: negative.cell, noted: { sheet: warning.sheet, cell: warning.cell, rule: warning.rule } };
}

/** Every kind of change the pane makes, in an order that rewrites the state sheet over marks. */
function steps(noted: { sheet: string; cell: string; rule: string }): Array<[string, (h: WorkbookHost) => Promise<unknown>]> {
  return [
    ["校验", (h) => validate(h)],
    ["审核说明", (h) => saveNote(h, noted, "已向执法科核实", NOW)],
    ["计算同比 (formulas)", (h) => fillRatios(h, "formulas", async () => true)],
    ["插入模板", (h) => insertTemplates(h, { year: 2024, unit: "湘潭县" })],
    ["审核报告", (h) => writeAuditReport(h, { file: "x.xlsx", now: NOW })],
    ["校验 again", (h) => validate(h)],
    ["清除标记", (h) => clearMarks(h)],
    ["校验 once more", (h) => validate(h)],
    ["审核说明 removed", (h) => saveNote(h, noted, "", NOW)],
    ["计算同比 (values)", (h) => fillRatios(h, "values", async () => true)],
  ];
}

describe("SnapshotHost, step by step beside ExcelJSHost", () => {
  it("gives the snapshot ExcelJS gives after every pane action", async () => {
    const { bytes, noted } = await styledSeed();
    const snap = snapshotHost(bytes);
    const direct = await ExcelJSHost.fromBytes(bytes);
    expect(normal(await snap.readSnapshot())).toEqual(normal(await direct.readSnapshot()));
    for (const [name, step] of steps(noted)) {
      await step(snap);
      await step(direct);
      expect({ step: name, snapshot: normal(await snap.readSnapshot()) }).toEqual({ step: name, snapshot: normal(await direct.readSnapshot()) });
      expect(readState(await snap.readSnapshot()).marks.map((m) => `${m.sheet}!${m.cell}`)).toEqual(
        readState(await direct.readSnapshot()).marks.map((m) => `${m.sheet}!${m.cell}`),
      );
    }
    expect(snap.log.map((c) => c.op)).toEqual(expect.arrayContaining(["mark", "writeState", "writeValues", "insertSheets", "writeSheet", "clearMarks"]));
  });

  it("replays its log into the workbook ExcelJS makes directly: values, fills, notes, hidden state sheet", async () => {
    const { bytes, negative, noted } = await styledSeed();
    const snap = snapshotHost(bytes);
    const direct = await ExcelJSHost.fromBytes(bytes);
    for (const [, step] of steps(noted)) {
      await step(snap);
      await step(direct);
    }
    const replayed = await snap.toBytes();
    const made = await direct.toBytes();
    expect(await model(replayed)).toEqual(await model(made));
    // The red cell is marked now; clearing the marks in the download restores the user's red and note,
    // though the state rows the pane wrote after marking came from a snapshot that knew neither.
    const cleared = async (b: Uint8Array) => {
      const h = await ExcelJSHost.fromBytes(b);
      await h.clearMarks();
      return model(await h.toBytes());
    };
    const afterClear = await cleared(replayed);
    expect(afterClear).toEqual(await cleared(made));
    const a2 = afterClear.find((s) => s.name === A2)!;
    expect(a2.cells[negative]).toMatchObject({ fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } } });
    const notedSheet = afterClear.find((s) => s.name === noted.sheet)!;
    expect(notedSheet.cells[noted.cell]).toMatchObject({ note: "填表人：已核对" });
  });

  it("replays the sample's tables on an empty workbook as ExcelJS writes them", async () => {
    const snap = SnapshotHost.empty(async () => factory);
    const direct = ExcelJSHost.empty();
    for (const h of [snap, direct] as WorkbookHost[]) {
      await h.insertSheets(sampleLayouts());
      await validate(h);
    }
    expect(normal(await snap.readSnapshot())).toEqual(normal(await direct.readSnapshot()));
    expect(await model(await snap.toBytes())).toEqual(await model(await direct.toBytes()));
    expect(await model(await snap.submissionCopy())).toEqual(await model(await direct.submissionCopy()));
  });
});

describe("SnapshotHost on its own", () => {
  it("refuses what ExcelJSHost refuses, in the same words, and then has changed and logged nothing", async () => {
    const bytes = await seedXlsxBytes({ ids: ["A2", "A4"] });
    const snap = snapshotHost(bytes);
    const direct = await ExcelJSHost.fromBytes(bytes);
    const before = await snap.readSnapshot();
    const cases: Array<[string, (h: WorkbookHost) => Promise<unknown>]> = [
      [
        "unknown sheet",
        (h) =>
          h.writeValues([
            { sheet: A2, address: "C8", value: 1 },
            { sheet: "没有这张表", address: "A1", value: 1 },
          ]),
      ],
      ["not an address", (h) => h.writeValues([{ sheet: A2, address: "第8行", value: 1 }])],
      ["mark on an unknown sheet", (h) => h.mark([{ sheet: "没有这张表", address: "A1", severity: "error", message: "x" }])],
      ["a template whose sheet is there", (h) => h.insertSheets([layoutFor("A3", seedLayoutOptions("A3")), layoutFor("A2", seedLayoutOptions("A2"))])],
    ];
    for (const [name, call] of cases) {
      const mine = await call(snap).then(
        () => null,
        (e: Error & { messageEn?: string; code?: string }) => ({ name: e.name, code: e.code, message: e.message, messageEn: e.messageEn }),
      );
      const theirs = await call(direct).then(
        () => null,
        (e: Error & { messageEn?: string; code?: string }) => ({ name: e.name, code: e.code, message: e.message, messageEn: e.messageEn }),
      );
      expect({ name, refusal: mine }).toEqual({ name, refusal: theirs });
      expect(mine).not.toBeNull();
    }
    expect(await snap.readSnapshot()).toBe(before);
    expect(snap.log).toEqual([]);
  });

  it("refuses a template whose name is taken in another case (ExcelJS would fail in English)", async () => {
    const snap = SnapshotHost.empty(async () => factory);
    await snap.writeSheet("Report", [["x"]]);
    await expect(snap.writeSheet("REPORT", [["y"]])).rejects.toMatchObject({ name: "HostError", message: expect.stringContaining("“Report”") });
    await expect(snap.insertSheets([{ ...layoutFor("A2", seedLayoutOptions("A2")), sheetName: "report" }])).rejects.toMatchObject({
      name: "HostError",
      message: expect.stringContaining("未插入任何模板"),
    });
    expect(snap.log.map((c) => c.op)).toEqual(["writeSheet"]);
  });

  it("writes to the top-left cell of a merged area, keeps formulas with their =, and never changes a snapshot it handed out", async () => {
    const snap = snapshotHost(await seedXlsxBytes({ ids: ["A2"] }));
    const first = await snap.readSnapshot();
    const frozen = JSON.stringify(first);
    const sheet = first.sheets[0];
    const m = sheet.merges.find((x) => x.right > x.left)!;
    const inside = `${String.fromCharCode(65 + m.left + 1)}${m.top + 1}`;

    await snap.writeValues([
      { sheet: A2, address: inside, value: "改" },
      { sheet: A2, address: "Z40", value: 3, formula: "SUM(A1:A2)" },
    ]);
    const after = (await snap.readSnapshot()).sheets[0];
    expect(after.values[m.top][m.left]).toBe("改");
    expect(after.values[m.top][m.left + 1]).toBeUndefined();
    expect(after.values[39][25]).toBe(3);
    expect(after.formulas).toMatchObject({ Z40: "=SUM(A1:A2)" });
    expect(snap.log).toEqual([{ op: "writeValues", writes: [expect.objectContaining({ address: inside }), expect.objectContaining({ address: "Z40" })] }]);
    await snap.writeValues([{ sheet: A2, address: "Z40", value: null }]);
    const cleared = (await snap.readSnapshot()).sheets[0];
    expect(cleared.values[39]).toBeUndefined();
    expect(cleared.formulas).not.toHaveProperty("Z40");
    expect(JSON.stringify(first)).toBe(frozen);
    // Row 0 is no row: refused like any other non-address, not written to row -1.
    await expect(snap.writeValues([{ sheet: A2, address: "A0", value: 1 }])).rejects.toMatchObject({
      name: "HostError",
      message: expect.stringContaining("不是单元格地址"),
    });
  });

  it("keeps a cell's format from before its first mark in the very hidden state sheet, put last", async () => {
    const snap = snapshotHost(await seedXlsxBytes({ ids: ["A2", "A4"] }));
    await snap.mark([
      { sheet: A2, address: "c8", severity: "warning", message: "一" },
      { sheet: A2, address: "C8", severity: "error", message: "二" },
    ]);
    await snap.writeSheet(AUDIT_SHEET, [["序号"]]);
    // D8 lies in C8's merged ratio cell: the same cell, saved once; Z40 is a new one.
    await snap.mark([
      { sheet: A2, address: "D8", severity: "info", message: "三" },
      { sheet: A2, address: "Z40", severity: "info", message: "四" },
    ]);
    const s = await snap.readSnapshot();
    expect(s.sheets[s.sheets.length - 1]).toMatchObject({ name: STATE_SHEET, hidden: true });
    expect(readState(s).marks).toEqual([
      { sheet: A2, cell: "C8", format: PLAIN_MARKED_FORMAT },
      { sheet: A2, cell: "Z40", format: PLAIN_MARKED_FORMAT },
    ]);
    await snap.clearMarks();
    expect(readState(await snap.readSnapshot()).marks).toEqual([]);
    const logged = snap.log.length;
    await snap.clearMarks(); // nothing marked: nothing to write, as ExcelJSHost
    await snap.mark([]);
    expect(snap.log).toHaveLength(logged);
  });

  it("loads ExcelJS only when bytes are asked for, and once per download", async () => {
    const load = jest.fn(async () => factory);
    const snap = snapshotHost(await seedXlsxBytes({ ids: ["A2"] }), load);
    await validate(snap);
    await writeAuditReport(snap, { now: NOW });
    expect(load).not.toHaveBeenCalled();
    const bytes = await snap.toBytes();
    expect(load).toHaveBeenCalledTimes(1);
    expect((await model(bytes)).map((s) => s.name)).toEqual([A2, STATE_SHEET, AUDIT_SHEET]);
  });
});

describe("a report's tables", () => {
  const report = () =>
    readDocx(new Uint8Array(readFileSync(join(__dirname, "..", "..", "tests", "fixtures", "report", "seed-report.docx"))), { file: "r.docx" });

  it("drawnLayout: the table rows bordered, frame lines above and notes below as lines, merges kept", () => {
    const sheet = report().snapshot.sheets[0];
    const l = drawnLayout(sheet);
    expect(l.sheetName).toBe("表1");
    expect(l.merges).toEqual(sheet.merges);
    // 附件2, the title and the unit line stand above the table (column A only)
    expect(l.gridTop).toBeGreaterThan(0);
    expect(l.cells.filter((c) => c.row < l.gridTop).every((c) => c.col === 0 && (c.role === "attachment" || c.role === "meta"))).toBe(true);
    expect(l.cells.find((c) => c.row === 0)!.role).toBe("attachment");
    expect(l.cells.filter((c) => c.row > l.gridBottom).every((c) => c.role === "note")).toBe(true);
    expect(l.cells.filter((c) => typeof c.value === "number").every((c) => c.role === "value")).toBe(true);
    expect(layoutToSnapshot(l).values.map((r) => r.map((v) => v ?? undefined))).toEqual(sheet.values.map((r) => (r ? [...r].map((v) => v ?? undefined) : [])));
  });

  it("a download draws them on a new workbook, then replays the pane's changes: the findings are the report's", async () => {
    const r = report();
    const host = SnapshotHost.ofTables(r.snapshot, async () => factory);
    await validate(host, {}, { file: "r.docx", paragraphs: r.paragraphs });
    const copy = await ExcelJSHost.fromBytes(await host.toBytes());
    const snap = await copy.readSnapshot();
    expect(snap.sheets.filter((s) => !s.hidden).map((s) => s.name)).toEqual(["表1", "表2", "表3", "表4"]);
    const expected = analyse(r.snapshot, { body: r.paragraphs });
    const again = analyse(snap, { body: r.paragraphs });
    expect(again.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(expected.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`));
    expect(readState(snap).marks.length).toBeGreaterThan(0);
  });
});
