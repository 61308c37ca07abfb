import { readFileSync } from "fs";
import { join } from "path";
import { analyse } from "../check/analyse";
import { readWorkbookFast } from "../host/xlsx/fastReader";
import { zipParts } from "../../tests/robust/bytes";
import { ExcelJSHost } from "../host/xlsx/exceljsHost";
import { SHEET_NAMES } from "../templates/tables";
import { seedXlsxBytes, withYearly } from "../../tests/helpers/xlsx";
import { markKey } from "../flows/marks";
import { mayBeReport, openWorkbookBytes, WebHost, type HostFactory } from "./webHost";
import { openSample, sampleLayouts, SAMPLE_FILE_NAME } from "./sampleWorkbook";

const A2 = SHEET_NAMES.A2;
const factory: HostFactory = { fromBytes: (b) => ExcelJSHost.fromBytes(b), empty: async () => ExcelJSHost.empty() };

async function seedHost(): Promise<WebHost> {
  return WebHost.open(await ExcelJSHost.fromBytes(await seedXlsxBytes()), "seed.xlsx");
}

describe("WebHost", () => {
  it("tells the grid about every write, with the snapshot read again", async () => {
    const host = await seedHost();
    const seen: unknown[] = [];
    const stop = host.subscribe(() => seen.push(host.getState().snapshot));
    const before = host.getState();
    await host.writeValues([{ sheet: A2, address: "C8", value: "+1.00%" }]);
    expect(seen).toHaveLength(1);
    const after = host.getState();
    expect(after).not.toBe(before);
    const sheet = after.snapshot.sheets.find((s) => s.name === A2)!;
    expect(sheet.values[7][2]).toBe("+1.00%");
    stop();
    await host.writeSheet("备注", [["a"]]);
    expect(seen).toHaveLength(1);
    expect(host.getState().snapshot.sheets.map((s) => s.name)).toContain("备注");
  });

  it("keeps the state object stable while nothing changes (useSyncExternalStore needs that)", async () => {
    const host = await seedHost();
    expect(host.getState()).toBe(host.getState());
  });

  it("remembers marks for the grid, one per cell, and forgets them on clearMarks", async () => {
    const host = await seedHost();
    await host.mark([
      { sheet: A2, address: "C7", severity: "info", message: "一" },
      { sheet: A2, address: "C7", severity: "error", message: "二" },
      { sheet: A2, address: "D7", severity: "warning", message: "三" },
    ]);
    const marks = host.getState().marks;
    expect(marks.size).toBe(2);
    expect(marks.get(markKey(A2, "C7"))).toMatchObject({ severity: "error", message: "一\n二" });
    await host.clearMarks();
    expect(host.getState().marks.size).toBe(0);
  });

  it("select() hands the grid a new selection each time, even for the same cell", async () => {
    const host = await seedHost();
    await host.select(A2, "$m$7");
    const first = host.getState().selection!;
    await host.select(A2, "M7");
    const second = host.getState().selection!;
    expect(first).toMatchObject({ sheet: A2, address: "M7" });
    expect(second.address).toBe("M7");
    expect(second.seq).toBeGreaterThan(first.seq);
  });

  it("shows the marks an annotated file kept, with the severity of the findings at those cells", async () => {
    const bytes = await seedXlsxBytes({ change: { A2: withYearly("penalty", [7, -9]) } });
    const plain = await ExcelJSHost.fromBytes(bytes);
    const findings = analyse(await plain.readSnapshot()).findings;
    const negative = findings.find((f) => f.rule === "value-negative")!;
    await plain.mark([{ sheet: negative.sheet, address: negative.cell, severity: "info", message: "任意" }]);
    const reopened = await WebHost.open(await ExcelJSHost.fromBytes(await plain.toBytes()), "x.xlsx");
    const marks = [...reopened.getState().marks.values()];
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ sheet: negative.sheet, address: negative.cell, severity: "error" });
  });

  it("opens nothing marked from a file without marks", async () => {
    expect((await seedHost()).getState().marks.size).toBe(0);
  });

  it("passes the optional parts of a host through: costs, warnings, a full read, keeping tables", async () => {
    const inner = await ExcelJSHost.fromBytes(await seedXlsxBytes());
    const notice = { message: "提示", messageEn: "note" };
    let kept = 0;
    const extended = Object.assign(inner, {
      costs: [{ ...notice, requires: "ExcelApi 1.18" }],
      takeWarnings: () => [notice],
      keepTables: async () => {
        kept++;
      },
    });
    const host = await WebHost.open(extended, "x.xlsx");
    expect(host.costs).toEqual([{ ...notice, requires: "ExcelApi 1.18" }]);
    expect(host.takeWarnings()).toEqual([notice]);
    expect((await host.readSnapshotFull()).sheets).toHaveLength(4);
    let told = 0;
    host.subscribe(() => told++);
    await host.keepTables();
    expect([kept, told]).toEqual([1, 1]);
  });
});

describe("the sample workbook", () => {
  it("is the seed's four tables, built through insertSheets, and gives the seed's findings", async () => {
    const load = jest.fn(async () => factory);
    const host = await openSample(load);
    expect(host.fileName).toBe(SAMPLE_FILE_NAME);
    const snapshot = await host.readSnapshot();
    expect(snapshot.sheets.map((s) => s.name)).toEqual(sampleLayouts().map((l) => l.sheetName));
    const fromFile = analyse(await (await ExcelJSHost.fromBytes(await seedXlsxBytes())).readSnapshot());
    const fromSample = analyse(snapshot);
    expect(fromSample.tables.map((t) => t.id)).toEqual(["A2", "A3", "A4", "A5"]);
    expect(fromSample.findings).toEqual(fromFile.findings);
    // Shown and checked without ExcelJS.
    expect(load).not.toHaveBeenCalled();
  });
});

describe("a chosen file, told apart by what it holds", () => {
  const report = () => new Uint8Array(readFileSync(join(__dirname, "..", "..", "tests", "fixtures", "report", "seed-report.docx")));

  it("mayBeReport: a name ending .docx/.doc, or a zip naming word/document.xml in any case or slashes", async () => {
    expect(mayBeReport(report(), "工作报告.xlsx")).toBe(true);
    expect(mayBeReport(new Uint8Array(10), "工作报告.DOCX ")).toBe(true);
    expect(mayBeReport(new Uint8Array(10), "旧报告.doc")).toBe(true);
    expect(mayBeReport(await seedXlsxBytes(), "seed.xlsx")).toBe(false);
    expect(mayBeReport(zipParts({ "Word\\Document.XML": "<w:document/>" }), "x.bin")).toBe(true);
    expect(mayBeReport(zipParts({ "xl/word/document.xml": "x" }), "x.bin")).toBe(true); // only a hint: the reader decides
    expect(mayBeReport(zipParts({ "word/doc.xml": "x" }), "x.bin")).toBe(false);
  });

  it("a report opens as its tables with its body; the workbook reader is not asked", async () => {
    const read = jest.fn(() => Promise.reject(new Error("not expected")));
    const host = await openWorkbookBytes(report(), "工作报告.xlsx", read, async () => factory);
    expect(read).not.toHaveBeenCalled();
    expect(host.report?.file).toBe("工作报告.xlsx");
    expect(host.report?.paragraphs.some((p) => p.includes("589万余元"))).toBe(true);
    expect((await host.readSnapshot()).sheets.map((s) => s.name)).toEqual(["表1", "表2", "表3", "表4"]);
  });

  it("a zip the report reader finds no document in goes to the workbook reader; a workbook has no report", async () => {
    const odd = zipParts({ "xl/word/document.xml": "x", "xl/workbook.xml": "<workbook/>" });
    const read = jest.fn(async () => ({ sheets: [] }));
    const host = await openWorkbookBytes(odd, "odd.xlsx", read, async () => factory);
    expect(read).toHaveBeenCalledTimes(1);
    expect(host.report).toBeNull();
    const seed = await openWorkbookBytes(
      await seedXlsxBytes(),
      "seed.xlsx",
      async (b, f) => readWorkbookFast(b, { file: f }),
      async () => factory,
    );
    expect(seed.report).toBeNull();
  });
});
