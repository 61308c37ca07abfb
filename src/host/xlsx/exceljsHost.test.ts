import ExcelJS from "exceljs";
import { analyse } from "../../check/analyse";
import type { WorkbookSnapshot } from "../../grid/grid";
import { readState, STATE_SHEET, stateRows, emptyState } from "../../engine/stateSheet";
import { layoutFor } from "../../templates/layout";
import { MARK_FILLS } from "../types";
import { AUDIT_SHEET } from "../../templates/tables";
import { cellOf, seedXlsxBytes } from "../../../tests/helpers/xlsx";
import { ExcelJSHost, HostError } from "./exceljsHost";
import { WorkbookReadError } from "./errors";
import { readWorkbookWithExcelJS } from "./exceljsSnapshot";

const A2 = "附件2 执法案件";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every cell's style and note, by sheet!address, for sheets other than the state sheet. */
function formats(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    if (ws.name === STATE_SHEET) continue;
    for (let r = 1; r <= ws.rowCount; r++) {
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = cellOf(ws, r, c);
        out.set(`${ws.name}!${cell.address}`, JSON.stringify({ style: cell.style, note: cell.note ?? null }));
      }
    }
  }
  return out;
}

function withoutState(s: WorkbookSnapshot): WorkbookSnapshot {
  return { sheets: s.sheets.filter((x) => x.name !== STATE_SHEET && x.name !== AUDIT_SHEET).map((x) => ({ ...x, formulas: undefined })) };
}

/** The seed with a cell that has a fill and a note of its own (A2's 行政处罚 current year, N7). */
function seedWithOwnFormat(): Promise<Uint8Array> {
  return seedXlsxBytes({}, (wb) => {
    const cell = wb.getWorksheet(A2)?.getCell("N7");
    if (!cell) throw new Error("no N7");
    cell.style = { ...cell.style, fill: { type: "pattern", pattern: "solid", fgColor: { theme: 4 } } };
    cell.note = "已与财务核对";
  });
}

describe("ExcelJSHost", () => {
  test("reads the same snapshot as readWorkbookWithExcelJS, and the seed gives its 46 findings", async () => {
    const bytes = await seedXlsxBytes();
    const host = await ExcelJSHost.fromBytes(bytes);
    const snap = await host.readSnapshot();
    expect(snap).toEqual(await readWorkbookWithExcelJS(bytes));
    expect(analyse(snap).findings).toHaveLength(46);
  });

  test("bytes that are no workbook fail with the reader's Chinese message", async () => {
    await expect(ExcelJSHost.fromBytes(new Uint8Array(0), { file: "x.xlsx" })).rejects.toMatchObject({ code: "empty", file: "x.xlsx" });
    const csv = new TextEncoder().encode("序号,单位\n1,湘潭县\n");
    const err = await ExcelJSHost.fromBytes(csv).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as WorkbookReadError).message).toMatch(/CSV/);
  });

  test("writeValues: values, text format, formulas with their result, merged cells through their top-left", async () => {
    const host = await ExcelJSHost.fromBytes(await seedXlsxBytes());
    await host.writeValues([
      { sheet: A2, address: "N8", value: "+28.57%", numberFormat: "@" }, // inside the merged M8:N8
      { sheet: A2, address: "C8", value: "0.00%", formula: '=IF(C7=0,"0.00%","x")' },
      { sheet: A2, address: "C7", value: 5 },
    ]);
    const wb = await load(await host.toBytes());
    const ws = wb.getWorksheet(A2);
    expect(ws?.getCell("M8").value).toBe("+28.57%");
    expect(ws?.getCell("M8").numFmt).toBe("@");
    expect(ws?.getCell("C8").value).toEqual({ formula: 'IF(C7=0,"0.00%","x")', result: "0.00%" });
    expect(ws?.getCell("C7").value).toBe(5);
    // the style shared with other value cells was not changed in place
    expect(ws?.getCell("D7").numFmt === undefined || ws?.getCell("D7").numFmt === "General").toBe(true);
    const snap = await (await ExcelJSHost.fromBytes(await host.toBytes())).readSnapshot();
    expect(snap.sheets[0].formulas).toEqual({ C8: '=IF(C7=0,"0.00%","x")' });
  });

  test("writeValues refuses a missing sheet with a clear message", async () => {
    const host = await ExcelJSHost.fromBytes(await seedXlsxBytes());
    await expect(host.writeValues([{ sheet: "没有", address: "A1", value: 1 }])).rejects.toThrow(/没有名为“没有”的工作表/);
  });

  test("mark: fill per severity and the message as a note; values and unmarked cells' formats unchanged", async () => {
    const original = await seedWithOwnFormat();
    const host = await ExcelJSHost.fromBytes(original);
    await host.mark([
      { sheet: A2, address: "C7", severity: "warning", message: "行政许可为 0" },
      { sheet: A2, address: "N7", severity: "error", message: "数值有误" },
      { sheet: A2, address: "N7", severity: "info", message: "提示一下" },
      { sheet: A2, address: "N8", severity: "warning", message: "同比未填" }, // merged M8:N8 → M8
    ]);
    const marked = await host.toBytes();
    const before = await load(original);
    const after = await load(marked);
    const ws = after.getWorksheet(A2);
    expect(ws?.getCell("C7").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: `FF${MARK_FILLS.warning.slice(1)}` } });
    expect(ws?.getCell("N7").fill).toMatchObject({ fgColor: { argb: `FF${MARK_FILLS.error.slice(1)}` } });
    expect(ws?.getCell("N7").note).toBe("数值有误\n提示一下");
    expect(ws?.getCell("M8").note).toBe("同比未填");
    expect(after.getWorksheet(STATE_SHEET)?.state).toBe("veryHidden");

    expect(withoutState(await readWorkbookWithExcelJS(marked))).toEqual(withoutState(await readWorkbookWithExcelJS(original)));
    const f0 = formats(before);
    const f1 = formats(after);
    const markedCells = new Set([`${A2}!C7`, `${A2}!N7`, `${A2}!M8`]);
    let compared = 0;
    for (const [k, v] of f0) {
      if (markedCells.has(k)) continue;
      expect([k, f1.get(k)]).toEqual([k, v]);
      compared++;
    }
    expect(compared).toBeGreaterThan(500);

    const state = readState(await readWorkbookWithExcelJS(marked));
    expect(state.marks.map((m) => m.cell).sort()).toEqual(["C7", "M8", "N7"]);
    const n7 = JSON.parse(state.marks.find((m) => m.cell === "N7")?.format ?? "{}");
    expect(n7).toMatchObject({ fill: null, note: "已与财务核对" }); // a theme colour has no #RRGGBB
  });

  test("clearMarks restores every format exactly, also after marking twice and through a saved file", async () => {
    const original = await seedWithOwnFormat();
    const host = await ExcelJSHost.fromBytes(original);
    await host.mark([{ sheet: A2, address: "N7", severity: "error", message: "第一次" }]);
    await host.mark([
      { sheet: A2, address: "N7", severity: "warning", message: "第二次" },
      { sheet: A2, address: "C7", severity: "info", message: "x" },
    ]);
    const reopened = await ExcelJSHost.fromBytes(await host.toBytes());
    await reopened.clearMarks();
    const cleared = await reopened.toBytes();
    const f0 = formats(await load(original));
    const f1 = formats(await load(cleared));
    expect(f1.size).toBe(f0.size);
    for (const [k, v] of f0) expect([k, f1.get(k)]).toEqual([k, v]);
    expect(readState(await readWorkbookWithExcelJS(cleared)).marks).toEqual([]);
  });

  test("clearMarks understands a mark saved by another host ({fill, note} only)", async () => {
    const host = await ExcelJSHost.fromBytes(await seedXlsxBytes());
    const ws = host.workbook.getWorksheet(A2);
    const cell = ws?.getCell("C7");
    if (!cell) throw new Error("no C7");
    cell.style = { ...cell.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } } };
    cell.note = "office mark";
    await host.writeState(stateRows({ ...emptyState(), marks: [{ sheet: A2, cell: "C7", format: JSON.stringify({ fill: "#00FF00", note: null }) }] }));
    await host.clearMarks();
    const after = (await load(await host.toBytes())).getWorksheet(A2)?.getCell("C7");
    expect(after?.fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FF00FF00" } });
    expect(after?.note).toBeUndefined();
  });

  test("clearMarks leaves a note alone when the marking host could not see notes (noteSeen: false)", async () => {
    const host = await ExcelJSHost.fromBytes(await seedXlsxBytes());
    const cell = host.workbook.getWorksheet(A2)?.getCell("C7");
    if (!cell) throw new Error("no C7");
    cell.note = "办事员自己的批注";
    await host.writeState(
      stateRows({ ...emptyState(), marks: [{ sheet: A2, cell: "C7", format: JSON.stringify({ fill: null, note: null, noteSeen: false }) }] }),
    );
    await host.clearMarks();
    const after = (await load(await host.toBytes())).getWorksheet(A2);
    if (!after) throw new Error("no A2");
    expect(cellOf(after, "C7").note).toBe("办事员自己的批注");
  });

  test("insertSheets renders the layouts and refuses a name that exists, inserting nothing", async () => {
    const host = ExcelJSHost.empty();
    await host.insertSheets([layoutFor("A4", { year: 2025 }), layoutFor("A5", { year: 2025 })]);
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual(["附件4 执法保障", "附件5 两法衔接"]);
    const err = await host.insertSheets([layoutFor("A2", { year: 2025 }), layoutFor("A4", { year: 2025 })]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as Error).message).toMatch(/已有名为“附件4 执法保障”的工作表/);
    expect(host.workbook.worksheets).toHaveLength(2);
    expect(analyse(await host.readSnapshot()).tables.map((t) => [t.id, t.year])).toEqual([
      ["A4", 2025],
      ["A5", 2025],
    ]);
  });

  test("writeSheet replaces a sheet of the same name", async () => {
    const host = ExcelJSHost.empty();
    await host.writeSheet(AUDIT_SHEET, [
      ["a", "b"],
      [1, 2],
    ]);
    await host.writeSheet(AUDIT_SHEET, [["序号"], [1]]);
    const snap = await host.readSnapshot();
    expect(snap.sheets).toEqual([expect.objectContaining({ name: AUDIT_SHEET, values: [["序号"], [1]] })]);
  });

  test("submissionCopy: marks cleared, state and report gone, formulas as values, names and stray hidden sheets removed", async () => {
    const original = await seedXlsxBytes({}, (wb) => {
      const ws = wb.getWorksheet(A2);
      if (!ws) throw new Error("no A2 sheet");
      ws.getCell("M8").value = { formula: 'IF(M7=0,"0.00%",TEXT((N7-M7)/M7,"+0.00%;-0.00%"))', result: "+28.57%" };
      ws.getRow(7).hidden = true; // the value row, inside the table
      ws.getColumn(30).hidden = true; // far outside the table
      wb.definedNames.add(`'${A2}'!$N$7`, "本年处罚");
      const scratch = wb.addWorksheet("草稿", { state: "hidden" });
      scratch.getCell("A1").value = "临时计算";
      const hiddenTable = wb.addWorksheet("隐藏附件5", { state: "hidden" });
      hiddenTable.getCell("A1").value = "x";
    });
    const host = await ExcelJSHost.fromBytes(original);
    // a hidden copy of a table: rendered from the layout so it is recognised
    const copyLayout = { ...layoutFor("A5", { year: 2024 }), sheetName: "隐藏附件5 副本" };
    await host.insertSheets([copyLayout]);
    const hiddenCopy = host.workbook.getWorksheet("隐藏附件5 副本");
    if (hiddenCopy) hiddenCopy.state = "hidden";
    await host.mark([{ sheet: A2, address: "N7", severity: "error", message: "x" }]);
    await host.writeSheet(AUDIT_SHEET, [["序号"]]);

    const clean = await host.submissionCopy();
    const wb = await load(clean);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["附件2 执法案件", "附件3 涉企执法", "附件4 执法保障", "附件5 两法衔接", "隐藏附件5 副本"]);
    const ws = wb.getWorksheet(A2);
    expect(ws?.getCell("M8").value).toBe("+28.57%");
    expect(ws?.getCell("N7").note).toBeUndefined();
    expect(ws?.getRow(7).hidden).toBe(false);
    expect(ws?.getColumn(30).hidden).toBe(true);
    expect(wb.definedNames.model).toEqual([]);
    // values of the tables unchanged (M8's formula became its value)
    const a = (await readWorkbookWithExcelJS(original)).sheets.slice(0, 4);
    const b = (await readWorkbookWithExcelJS(clean)).sheets.slice(0, 4);
    expect(b.map((s) => s.values)).toEqual(a.map((s) => s.values));
    expect(b[0].formulas).toEqual({});
    // the host's own workbook is untouched by making the copy
    expect(host.workbook.getWorksheet(STATE_SHEET)).toBeDefined();
  });
});
