/**
 * OfficeHost against the fake Excel at ExcelApi 1.1 (Office 2016) and richer levels: what lands in the
 * workbook, the Chinese errors, and the number of round trips (context.sync calls) per operation.
 */
import { FakeRequestContext, FakeWorkbook } from "../../../tests/helpers/fakeExcel";
import { seedSnapshot } from "../../../tests/helpers/seedWorkbook";
import { readState, STATE_SHEET, stateRows, setNote, emptyState } from "../../engine/stateSheet";
import { rangeA1, type CellValue } from "../../grid/grid";
import { layoutFor, layoutToSnapshot } from "../../templates/layout";
import { SHEET_NAMES, TABLE_IDS } from "../../templates/tables";
import { MARK_FILLS, type CellMark } from "../types";
import { NOTE_PREFIX, OfficeHost } from "./officeHost";
import { OfficeHostError } from "./errors";

const syncSpy = jest.spyOn(FakeRequestContext.prototype, "sync");

/** Round trips an operation costs, counted on context.sync. */
async function syncsOf(f: () => Promise<unknown>): Promise<number> {
  const before = syncSpy.mock.calls.length;
  await f();
  return syncSpy.mock.calls.length - before;
}

function hostOn(book: FakeWorkbook): OfficeHost {
  return new OfficeHost({ run: book.run, isSetSupported: book.isSetSupported });
}

async function rejection(p: Promise<unknown>): Promise<OfficeHostError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(OfficeHostError);
    return e as OfficeHostError;
  }
  throw new Error("expected a rejection");
}

const A2 = SHEET_NAMES.A2;

// ---------------------------------------------------------------------------------------------

describe.each([1, 4, 13, 18])("readSnapshot at ExcelApi 1.%i", (level) => {
  test("values anchored at A1, dates as ISO text, errors as text, formulas kept, empty and hidden sheets", async () => {
    const book = new FakeWorkbook({ level });
    const s = book.addSheet("数据");
    s.setValue("C3", "单位");
    s.setValue("D4", 45356, "yyyy-mm-dd");
    s.setValue("E4", 0.25, "0.00%");
    s.setValue("F4", "#DIV/0!");
    s.ensure(3, 6).formula = "=D4+1";
    s.ensure(3, 6).value = 45357;
    s.setFill("Z40", "#FFFF00"); // formatting far beyond the values
    book.addSheet("空表");
    book.addSheet("隐藏").visibility = "VeryHidden";
    book.sheet("隐藏").setValue("A1", "x");

    const snap = await hostOn(book).readSnapshot();
    expect(snap.sheets.map((x) => [x.name, x.hidden ?? false])).toEqual([
      ["数据", false],
      ["空表", false],
      ["隐藏", true],
    ]);
    expect(snap.sheets[0].values).toEqual([[], [], [null, null, "单位"], [null, null, null, "2024-03-05", 0.25, "#DIV/0!", 45357]]);
    expect(snap.sheets[0].formulas).toEqual({ G4: "=D4+1" });
    expect(snap.sheets[1].values).toEqual([]);
    expect(snap.sheets[2].values).toEqual([["x"]]);
  });

  test("the seed tables read back as the fake holds them; merges only where ExcelApi 1.13 reads them", async () => {
    const seed = seedSnapshot();
    const book = FakeWorkbook.fromSnapshot(seed, { level });
    const snap = await hostOn(book).readSnapshot();
    expect(snap.sheets.map((x) => x.values)).toEqual(book.snapshot().sheets.map((x) => x.values));
    const sortKey = (m: { top: number; left: number }) => m.top * 1000 + m.left;
    snap.sheets.forEach((sheet, i) => {
      const expected = level >= 13 ? [...seed.sheets[i].merges].sort((a, b) => sortKey(a) - sortKey(b)) : [];
      expect([...sheet.merges].sort((a, b) => sortKey(a) - sortKey(b))).toEqual(expected);
    });
  });

  test("round trips: 2 the first time, 1 once the names are known, 2 after a sheet was added", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
    const host = hostOn(book);
    expect(await syncsOf(() => host.readSnapshot())).toBe(2);
    expect(await syncsOf(() => host.readSnapshot())).toBe(1);
    book.addSheet("新表").setValue("A1", "新");
    let snap = await host.readSnapshot();
    expect(snap.sheets.map((x) => x.name)).toContain("新表");
    expect(await syncsOf(() => host.readSnapshot())).toBe(1);
    book.sheet("新表").name = "改名";
    const n = await syncsOf(async () => {
      snap = await host.readSnapshot();
    });
    expect(snap.sheets.map((x) => x.name)).toEqual([...Object.values(SHEET_NAMES), "改名"]);
    // 1.1 cannot ask for a sheet that may be gone: the failed batch costs one more round trip.
    expect(n).toBe(level >= 4 ? 2 : 3);
  });
});

// ---------------------------------------------------------------------------------------------

describe.each([1, 18])("writeValues at ExcelApi 1.%i", (level) => {
  test("ratio text stays text, numbers stay numbers, null empties, formulas are formulas; one round trip", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
    const host = hostOn(book);
    await host.readSnapshot();
    const n = await syncsOf(() =>
      host.writeValues([
        { sheet: A2, address: "M8", value: "+28.57%", numberFormat: "@" },
        { sheet: A2, address: "N8", value: "-50.00%" },
        { sheet: A2, address: "C8", value: 5 },
        { sheet: A2, address: "B7", value: null },
        { sheet: A2, address: "E8", value: "+0.00%", formula: '=IF(C7=0,"",D7/C7-1)' },
      ]),
    );
    expect(n).toBe(1);
    const s = book.sheet(A2);
    expect(s.value("M8")).toBe("+28.57%");
    expect(s.value("N8")).toBe("-50.00%");
    expect(s.value("C8")).toBe(5);
    expect(s.value("B7")).toBeNull();
    expect(s.cell("E8")?.formula).toBe('=IF(C7=0,"",D7/C7-1)');
  });

  test("a sheet that does not exist is named, and nothing is written", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
    const host = hostOn(book);
    const e = await rejection(
      host.writeValues([
        { sheet: A2, address: "C8", value: 1 },
        { sheet: "附件9", address: "D7", value: 2 },
      ]),
    );
    expect(e.message).toContain("找不到工作表「附件9」");
    expect(e.message).toContain("D7");
    expect(book.sheet(A2).value("C8")).toBeNull();
  });

  test("a protected sheet: the message names the sheet and the cell", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
    book.sheet(A2).isProtected = true;
    const host = hostOn(book);
    await host.readSnapshot();
    const e = await rejection(host.writeValues([{ sheet: A2, address: "D7", value: 3 }]));
    expect(e.message).toBe(`工作表「${A2}」受保护，无法写入 D7，请先撤销工作表保护（审阅 → 撤销工作表保护）。`);
    expect(e.sheet).toBe(A2);
    expect(e.cell).toBe("D7");
  });

  test("cell edit mode and a bad address get sentences a clerk can act on", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
    const host = hostOn(book);
    await host.readSnapshot();
    book.editMode = true;
    expect((await rejection(host.writeValues([{ sheet: A2, address: "D7", value: 3 }]))).message).toContain("请先按 Enter 或 Esc 结束编辑");
    expect((await rejection(host.writeValues([{ sheet: A2, address: "D7:E8", value: 3 }]))).message).toContain("「D7:E8」无效");
  });

  test("a sheet renamed since the last read: the old name is reported missing after the names are re-read; the new name works", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
    const host = hostOn(book);
    await host.readSnapshot();
    book.sheet(A2).name = "改名";
    const e = await rejection(host.writeValues([{ sheet: A2, address: "C8", value: 1 }]));
    expect(e.message).toContain(`找不到工作表「${A2}」`);
    await host.writeValues([{ sheet: "改名", address: "C8", value: 1 }]);
    expect(book.sheet("改名").value("C8")).toBe(1);
  });

  test("a sheet added since the last read is found (one more round trip for the names), not refused", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
    const host = hostOn(book);
    await host.readSnapshot();
    book.addSheet("新增");
    expect(await syncsOf(() => host.writeValues([{ sheet: "新增", address: "B2", value: "有" }]))).toBe(2);
    expect(book.sheet("新增").value("B2")).toBe("有");
  });
});

// ---------------------------------------------------------------------------------------------

describe("insertSheets", () => {
  const layouts = () => TABLE_IDS.map((id) => layoutFor(id, { year: 2024 }));

  test("ExcelApi 1.1: values as laid out, no merges, titles centred across, borders, bold headers; two round trips", async () => {
    const book = new FakeWorkbook({ level: 1 });
    book.addSheet("Sheet1");
    const host = hostOn(book);
    const ls = layouts();
    expect(await syncsOf(() => host.insertSheets(ls))).toBe(2);
    for (const l of ls) {
      const s = book.sheet(l.sheetName);
      expect(s.values()).toEqual(layoutToSnapshot(l).values.map((r) => trimRow(r)));
      expect(s.merges).toEqual([]);
      expect(s.colWidths.size).toBe(0);
      const title = l.cells.find((c) => c.role === "title");
      expect(s.cell(`A${(title?.row ?? 0) + 1}`)?.hAlign).toBe("CenterAcrossSelection");
      expect(s.cell(`A${(title?.row ?? 0) + 1}`)?.bold).toBe(true);
      expect(s.borders.map((b) => b.edge).sort()).toEqual(["EdgeBottom", "EdgeLeft", "EdgeRight", "EdgeTop", "InsideHorizontal", "InsideVertical"]);
      const header = l.cells.find((c) => c.role === "header");
      expect(s.cell(`A${(header?.row ?? 0) + 1}`)?.bold).toBe(true);
    }
    expect(book.activeSheet?.name).toBe(ls[0].sheetName);
  });

  test("ExcelApi 1.2+: merges, column widths and header heights as laid out", async () => {
    const book = new FakeWorkbook({ level: 18 });
    const host = hostOn(book);
    const ls = layouts();
    await host.insertSheets(ls);
    for (const l of ls) {
      const s = book.sheet(l.sheetName);
      const id = (m: { top: number; left: number; bottom: number; right: number }) => rangeA1(m.top, m.left, m.bottom, m.right);
      expect(new Set(s.merges.map(id))).toEqual(new Set(l.merges.map(id)));
      expect(s.colWidths.size).toBe(l.colWidths.length);
      expect((s.colWidths.get(1) ?? 0) > (s.colWidths.get(0) ?? 0)).toBe(l.colWidths[1] > l.colWidths[0]);
      for (const r of l.headerRows) expect(s.rowHeights.get(r)).toBeGreaterThan(15);
    }
  });

  test("a name already taken (in any case) is refused before anything is added", async () => {
    const book = new FakeWorkbook({ level: 1 });
    book.addSheet("附件3 涉企执法");
    const host = hostOn(book);
    const e = await rejection(host.insertSheets(layouts()));
    expect(e.message).toBe("工作表「附件3 涉企执法」已存在，未插入任何模板。请先重命名或删除同名工作表，再插入。");
    expect(book.sheets.map((s) => s.name)).toEqual(["附件3 涉企执法"]);
  });

  test("a protected workbook structure is named", async () => {
    const book = new FakeWorkbook({ level: 1 });
    book.addSheet("Sheet1");
    book.structureProtected = true;
    const e = await rejection(hostOn(book).insertSheets(layouts().slice(0, 1)));
    expect(e.message).toContain("工作簿结构受保护");
    expect(e.message).toContain(SHEET_NAMES.A2);
  });
});

function trimRow(r: CellValue[]): CellValue[] {
  const out = r.map((v) => (v === undefined ? null : v));
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
}

// ---------------------------------------------------------------------------------------------

/** Cells with fills of their own before any mark: green, yellow, none, white. */
const PRIOR_FILLS: Record<string, string | null> = { C7: "#00B050", D7: "#FFFF00", E7: null, F7: "#FFFFFF" };

function markAll(severities: CellMark["severity"][] = ["error", "warning", "info", "error"]): CellMark[] {
  return Object.keys(PRIOR_FILLS).map((address, i) => ({ sheet: A2, address, severity: severities[i], message: `问题${i + 1}` }));
}

function seededBook(level: number): FakeWorkbook {
  const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
  for (const [a, f] of Object.entries(PRIOR_FILLS)) book.sheet(A2).setFill(a, f);
  return book;
}

describe.each([1, 9, 10, 18])("mark and clearMarks at ExcelApi 1.%i", (level) => {
  test("marks fill by severity and clearing restores every cell's fill exactly", async () => {
    const book = seededBook(level);
    const host = hostOn(book);
    await host.readSnapshot();
    const marks = markAll();
    expect(await syncsOf(() => host.mark(marks))).toBe(2);
    for (const m of marks) expect(book.sheet(A2).fill(m.address)).toBe(MARK_FILLS[m.severity]);
    const saved = readState(book.snapshot()).marks;
    expect(saved.map((m) => m.cell).sort()).toEqual(Object.keys(PRIOR_FILLS).sort());
    // {fill, note}; an Excel that cannot see notes (below 1.18) says so, so no host drops a note it never saw.
    for (const m of saved) {
      const { fill: _fill, ...rest } = JSON.parse(m.format) as Record<string, unknown>;
      expect(rest).toEqual(level >= 18 ? { note: null } : { note: null, noteSeen: false });
    }
    expect(JSON.parse(saved.find((m) => m.cell === "C7")?.format ?? "{}").fill).toBe("#00B050");
    expect(JSON.parse(saved.find((m) => m.cell === "E7")?.format ?? "{}").fill).toBeNull();

    expect(await syncsOf(() => host.clearMarks())).toBe(level >= 10 ? 2 : 1);
    const expected = { ...PRIOR_FILLS, F7: level >= 9 ? "#FFFFFF" : null };
    for (const [a, f] of Object.entries(expected)) expect([a, book.sheet(A2).fill(a)]).toEqual([a, f]);
    expect(readState(book.snapshot()).marks).toEqual([]);
  });

  test("a second 校验 replaces the marks: a cell fixed since gets its own fill back; clearing then restores all", async () => {
    const book = seededBook(level);
    const host = hostOn(book);
    await host.readSnapshot();
    await host.mark(markAll());
    await host.readSnapshot();
    await host.mark([
      { sheet: A2, address: "D7", severity: "error", message: "仍有问题" },
      { sheet: A2, address: "G7", severity: "warning", message: "新问题" },
    ]);
    expect(book.sheet(A2).fill("C7")).toBe("#00B050");
    expect(book.sheet(A2).fill("D7")).toBe(MARK_FILLS.error);
    expect(book.sheet(A2).fill("G7")).toBe(MARK_FILLS.warning);
    await host.clearMarks();
    expect(book.sheet(A2).fill("D7")).toBe("#FFFF00");
    expect(book.sheet(A2).fill("G7")).toBeNull();
  });

  test("the marks survive a reload of the pane: a new host clears them from the state sheet", async () => {
    const book = seededBook(level);
    await hostOn(book).mark(markAll());
    const fresh = hostOn(book);
    await fresh.clearMarks();
    for (const [a, f] of Object.entries(PRIOR_FILLS)) expect(book.sheet(A2).fill(a)).toBe(level < 9 && f === "#FFFFFF" ? null : f);
  });

  test("several findings on one cell: the most severe fill, one note with every message", async () => {
    const book = seededBook(level);
    const host = hostOn(book);
    await host.mark([
      { sheet: A2, address: "E7", severity: "info", message: "甲" },
      { sheet: A2, address: "e7", severity: "error", message: "乙" },
    ]);
    expect(book.sheet(A2).fill("E7")).toBe(MARK_FILLS.error);
    expect(readState(book.snapshot()).marks).toHaveLength(1);
    const text = level >= 18 ? book.sheet(A2).notes.get("E7") : level >= 10 ? book.commentAt(A2, "E7")?.content : undefined;
    expect(text).toBe(level >= 10 ? `${NOTE_PREFIX}甲\n乙` : undefined);
  });

  test("the state sheet is very hidden where Excel can hide it (1.2), visible on 1.1", async () => {
    const book = seededBook(level);
    await hostOn(book).mark(markAll());
    expect(book.sheet(STATE_SHEET).visibility).toBe(level >= 2 ? "VeryHidden" : "Visible");
  });

  test("nothing to mark and nothing marked costs no round trip after a read", async () => {
    const book = seededBook(level);
    const host = hostOn(book);
    await host.readSnapshot();
    expect(await syncsOf(() => host.mark([]))).toBe(0);
    expect(await syncsOf(() => host.clearMarks())).toBe(0);
  });

  test("a protected sheet: 1.1 refuses naming it and the cell, leaving no fill; 1.2+ reads the protection, marks nothing there and says so", async () => {
    const book = seededBook(level);
    book.sheet(A2).isProtected = true;
    const host = hostOn(book);
    await host.readSnapshot();
    if (level < 2) {
      const e = await rejection(host.mark(markAll()));
      expect(e.message).toContain(`工作表「${A2}」受保护，无法写入 C7`);
    } else {
      expect(await syncsOf(() => host.mark(markAll()))).toBe(2);
      expect(
        host
          .takeWarnings()
          .map((w) => w.message)
          .join(),
      ).toContain(`工作表「${A2}」受保护`);
      expect(readState(book.snapshot()).marks).toEqual([]);
    }
    for (const [a, f] of Object.entries(PRIOR_FILLS)) expect(book.sheet(A2).fill(a)).toBe(f);
  });
});

describe("notes and comments keep the user's own", () => {
  test("ExcelApi 1.18: a user's note stays (and is saved as the cell's note); ours go on clear", async () => {
    const book = seededBook(18);
    book.sheet(A2).notes.set("D7", "填报人的备注");
    book.addComment(A2, "E7", "同事的批注");
    const host = hostOn(book);
    await host.readSnapshot();
    await host.mark(markAll());
    expect(book.sheet(A2).notes.get("C7")).toBe(`${NOTE_PREFIX}问题1`);
    expect(book.sheet(A2).notes.get("D7")).toBe("填报人的备注");
    expect(book.sheet(A2).notes.has("E7")).toBe(false);
    const saved = Object.fromEntries(readState(book.snapshot()).marks.map((m) => [m.cell, JSON.parse(m.format)]));
    expect(saved.D7).toEqual({ fill: "#FFFF00", note: "填报人的备注" });
    expect(saved.C7).toEqual({ fill: "#00B050", note: null });
    await host.clearMarks();
    expect([...book.sheet(A2).notes.entries()]).toEqual([["D7", "填报人的备注"]]);
    expect(book.comments.map((c) => c.content)).toEqual(["同事的批注"]);
  });

  test("ExcelApi 1.18 restores the notes another host's marks replaced, and removes the notes it added", async () => {
    const book = seededBook(18);
    const s = book.sheet(A2);
    // Marked in the web page or the CLI: their notes carry the message; the state keeps what was there.
    s.setFill("C7", MARK_FILLS.error);
    s.notes.set("C7", "数值有误");
    s.setFill("D7", MARK_FILLS.warning);
    s.notes.set("D7", "同比未填");
    s.notes.set("E7", "填报人的备注");
    const marks = [
      { sheet: A2, cell: "C7", format: JSON.stringify({ fill: "#00B050", note: "已与财务核对" }) },
      { sheet: A2, cell: "D7", format: JSON.stringify({ fill: "#FFFF00", note: null }) },
      // Marked on Office 2016, which could not see E7's note: it must stay.
      { sheet: A2, cell: "E7", format: JSON.stringify({ fill: null, note: null, noteSeen: false }) },
    ];
    const stateSheet = book.addSheet(STATE_SHEET);
    stateRows({ ...emptyState(), marks }).forEach((row, r) => row.forEach((v, c) => stateSheet.setValue(rangeA1(r, c, r, c), v)));

    const fresh = hostOn(book);
    await fresh.readSnapshot();
    await fresh.mark([{ sheet: A2, address: "C7", severity: "warning", message: "再次提示" }]);
    // C7 had its own note before the first mark: it comes back and stays; D7 is no longer marked.
    expect(s.notes.get("C7")).toBe("已与财务核对");
    expect(s.notes.has("D7")).toBe(false);
    expect(s.fill("D7")).toBe("#FFFF00");
    expect(s.notes.get("E7")).toBe("填报人的备注");
    expect(JSON.parse(readState(book.snapshot()).marks[0].format)).toEqual({ fill: "#00B050", note: "已与财务核对" });
    await fresh.clearMarks();
    expect(s.fill("C7")).toBe("#00B050");
    expect(s.notes.get("C7")).toBe("已与财务核对");
  });

  test("ExcelApi 1.10: comments carry the messages; the user's comment stays; ours go on clear", async () => {
    const book = seededBook(10);
    book.addComment(A2, "D7", "同事的批注");
    const host = hostOn(book);
    await host.readSnapshot();
    expect(await syncsOf(() => host.mark(markAll()))).toBe(2);
    expect(book.commentAt(A2, "C7")?.content).toBe(`${NOTE_PREFIX}问题1`);
    expect(book.commentAt(A2, "D7")?.content).toBe("同事的批注");
    await host.readSnapshot();
    await host.mark(markAll());
    expect(book.comments.filter((c) => c.content.startsWith(NOTE_PREFIX))).toHaveLength(3);
    await host.clearMarks();
    expect(book.comments.map((c) => c.content)).toEqual(["同事的批注"]);
  });

  test("ExcelApi 1.10 cannot see notes: where one blocks a comment, the fills and state stand and a warning says so", async () => {
    const book = seededBook(10);
    book.sheet(A2).notes.set("C7", "旧式批注");
    const host = hostOn(book);
    await host.readSnapshot();
    await host.mark(markAll());
    expect(host.warnings).toHaveLength(1);
    expect(book.sheet(A2).fill("C7")).toBe(MARK_FILLS.error);
    expect(readState(book.snapshot()).marks).toHaveLength(4);
    await host.clearMarks();
    for (const [a, f] of Object.entries(PRIOR_FILLS)) expect(book.sheet(A2).fill(a)).toBe(f);
    expect(book.sheet(A2).notes.get("C7")).toBe("旧式批注");
  });
});

// ---------------------------------------------------------------------------------------------

describe.each([1, 18])("writeState, writeSheet, select at ExcelApi 1.%i", (level) => {
  test("writeState writes the notes and keeps the marks the workbook holds; one round trip", async () => {
    const book = seededBook(level);
    const host = hostOn(book);
    await host.readSnapshot();
    await host.mark(markAll());
    const note = { rule: "a4-over-establishment", sheet: SHEET_NAMES.A4, cell: "C5", text: "编制已调整，正在办理手续", time: "2025-01-02T03:04:05Z" };
    // A caller's state from before the marks: the host must not drop them.
    const rows = stateRows(setNote(emptyState(), note));
    expect(await syncsOf(() => host.writeState(rows))).toBe(1);
    const state = readState(book.snapshot());
    expect(state.notes).toEqual([note]);
    expect(state.marks).toHaveLength(4);
    await host.clearMarks();
    expect(book.sheet(A2).fill("C7")).toBe("#00B050");
  });

  test("writeState creates the state sheet when missing, and refuses rows that are not state rows", async () => {
    const book = seededBook(level);
    const host = hostOn(book);
    await host.writeState(stateRows(emptyState()));
    expect(book.find(STATE_SHEET)).toBeDefined();
    expect((await rejection(host.writeState([["x"]]))).code).toBe("BadStateRows");
  });

  test("writeSheet creates, then replaces a sheet; text that looks like a formula or number stays text", async () => {
    const book = seededBook(level);
    const host = hostOn(book);
    await host.readSnapshot();
    expect(
      await syncsOf(() =>
        host.writeSheet("审核报告", [
          ["序号", "说明"],
          [1, "=A1"],
          [2, "+5%"],
          [3, "很长的说明"],
        ]),
      ),
    ).toBe(1);
    await host.writeSheet("审核报告", [
      ["序号", "说明"],
      [1, "只剩一条"],
    ]);
    const s = book.sheet("审核报告");
    expect(s.values()).toEqual([
      ["序号", "说明"],
      [1, "只剩一条"],
    ]);
    expect(s.cell("A1")?.bold).toBe(true);
    await host.writeSheet("审核报告", [["x", "=A1", "+5%"]]);
    expect(s.values()).toEqual([["x", "=A1", "+5%"]]);
  });

  test("select activates the sheet and selects the cell in one round trip; hidden and missing sheets are named", async () => {
    const book = seededBook(level);
    const host = hostOn(book);
    await host.readSnapshot();
    expect(await syncsOf(() => host.select(SHEET_NAMES.A4, "C5"))).toBe(1);
    expect(book.activeSheet?.name).toBe(SHEET_NAMES.A4);
    expect(book.selection).toEqual({ sheet: SHEET_NAMES.A4, address: "C5" });
    book.sheet(A2).visibility = "Hidden";
    await host.readSnapshot();
    expect((await rejection(host.select(A2, "D7"))).message).toContain(`工作表「${A2}」已隐藏，无法定位到 D7`);
    expect((await rejection(host.select("附件9", "D7"))).message).toContain("找不到工作表「附件9」");
  });
});

test("by default the host uses the global Excel.run and Office.context.requirements", async () => {
  const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level: 13 });
  const uninstall = book.install();
  try {
    const host = new OfficeHost();
    expect(host.api.level).toBe(13);
    expect(host.api.mergedAreas).toBe(true);
    const snap = await host.readSnapshot();
    expect(snap.sheets).toHaveLength(4);
  } finally {
    uninstall();
  }
});
