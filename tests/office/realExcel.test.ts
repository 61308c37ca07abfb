/**
 * Issue 13: where the fake Excel was more permissive than real Excel, now made strict (see the comments
 * in tests/helpers/fakeExcel.ts, each with Microsoft's documentation), and the Office host on each:
 * (1) a 校验 meeting a protected sheet leaves no fill it has not recorded; (2) formulas are written into
 * General cells, never into `@` ones; (3) text Excel converts on entry is written as text; (5) a broken
 * (#REF!) name is never dereferenced; (6) every Office error code gets a Chinese sentence; (7) the
 * capability text says what the host does. At ExcelApi 1.1 (Office 2016) and 1.18.
 */
import { validate } from "../../src/app/actions";
import { analyse } from "../../src/check/analyse";
import type { Finding } from "../../src/engine/findings";
import { readState } from "../../src/engine/stateSheet";
import { detectCapabilities } from "../../src/host/office/capabilities";
import { toHostError } from "../../src/host/office/errors";
import { OfficeHost } from "../../src/host/office/officeHost";
import { MARK_FILLS, type CellMark } from "../../src/host/types";
import { SHEET_NAMES } from "../../src/templates/tables";
import { FakeOfficeError, FakeWorkbook } from "../helpers/fakeExcel";
import { seedSnapshot } from "../helpers/seedWorkbook";

const A2 = SHEET_NAMES.A2;
const A3 = SHEET_NAMES.A3;

const hostOn = (book: FakeWorkbook, copyIntoWorkbook = false) => new OfficeHost({ run: book.run, isSetSupported: book.isSetSupported, copyIntoWorkbook });

async function syncs(book: FakeWorkbook, f: () => Promise<unknown>): Promise<number> {
  const before = book.syncCount;
  await f();
  return book.syncCount - before;
}

/** Every fill in the workbook, by `sheet!row,col`. */
function fills(book: FakeWorkbook): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of book.sheets) for (const [k, c] of s.cells) if (c.fill !== null) out[`${s.name}!${k}`] = c.fill;
  return out;
}

/** Every fill that is not the user's is a recorded mark, which remembers the user's fill. */
function expectEveryMarkRecorded(book: FakeWorkbook, userFills: Record<string, string>): void {
  const recorded = new Map(readState(book.snapshot()).marks.map((m) => [`${m.sheet}!${m.cell}`, JSON.parse(m.format).fill as string | null]));
  for (const s of book.sheets) {
    for (const [k, c] of s.cells) {
      const user = userFills[`${s.name}!${k}`] ?? null;
      if (c.fill === user) continue;
      const [r, col] = k.split(",").map(Number);
      const a1 = `${String.fromCharCode(65 + col)}${r + 1}`;
      expect([`${s.name}!${a1}`, recorded.has(`${s.name}!${a1}`) ? recorded.get(`${s.name}!${a1}`) : "unrecorded"]).toEqual([`${s.name}!${a1}`, user]);
    }
  }
}

function bookWithFills(level: number): FakeWorkbook {
  const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
  book.sheet(A2).setFill("C7", "#00B050");
  book.sheet(A3).setFill("C7", "#FFFF00");
  return book;
}

const MARKS: CellMark[] = [
  { sheet: A2, address: "C7", severity: "error", message: "甲" },
  { sheet: A2, address: "D7", severity: "warning", message: "乙" },
  { sheet: A3, address: "C7", severity: "error", message: "丙" },
  { sheet: A3, address: "D7", severity: "info", message: "丁" },
];

describe.each([1, 18])("(1) 校验 on a protected sheet at ExcelApi 1.%i", (level) => {
  test("no fill is left that is not recorded; the clerk is told which sheet and what to do; unprotected, all comes back", async () => {
    const book = bookWithFills(level);
    book.sheet(A3).isProtected = true;
    const userFills = fills(book);
    const host = hostOn(book);
    await host.readSnapshot();
    if (level < 2) {
      // Protection cannot be read on 1.1: the refused batch is rolled back from the record.
      await expect(host.mark(MARKS)).rejects.toMatchObject({ message: expect.stringContaining("受保护") });
      expect(fills(book)).toEqual(userFills);
      expect(readState(book.snapshot()).marks).toEqual([]);
    } else {
      expect(await syncs(book, () => host.mark(MARKS))).toBe(2);
      expect(book.sheet(A2).fill("C7")).toBe(MARK_FILLS.error);
      expect(book.sheet(A2).fill("D7")).toBe(MARK_FILLS.warning);
      expect(book.sheet(A3).fill("C7")).toBe("#FFFF00");
      expect(readState(book.snapshot()).marks.map((m) => `${m.sheet}!${m.cell}`)).toEqual([`${A2}!C7`, `${A2}!D7`]);
      const told = host.takeWarnings().map((w) => w.message);
      expect(told).toHaveLength(1);
      expect(told[0]).toContain(`工作表「${A3}」受保护`);
      expect(told[0]).toContain("2 个问题单元格未标色");
      expect(told[0]).toContain("撤销工作表保护");
    }
    expectEveryMarkRecorded(book, userFills);

    book.sheet(A3).isProtected = false;
    await host.readSnapshot();
    await host.mark(MARKS);
    for (const m of MARKS) expect(book.sheet(m.sheet).fill(m.address)).toBe(MARK_FILLS[m.severity]);
    await host.clearMarks();
    expect(fills(book)).toEqual(userFills);
  });

  test("protected between the read and the marks, over marks of an earlier 校验: nothing unrecorded, and 清除标记 restores all once unprotected", async () => {
    const book = bookWithFills(level);
    const userFills = fills(book);
    const host = hostOn(book);
    await host.readSnapshot();
    await host.mark(MARKS.slice(0, 2));
    await host.readSnapshot();
    book.sheet(A3).isProtected = true; // after the read: the host cannot know
    await expect(
      host.mark([
        { sheet: A2, address: "E7", severity: "error", message: "新" },
        { sheet: A3, address: "E7", severity: "error", message: "新" },
      ]),
    ).rejects.toMatchObject({
      message: expect.stringContaining("受保护"),
    });
    expectEveryMarkRecorded(book, userFills);
    book.sheet(A3).isProtected = false;
    await host.clearMarks();
    expect(fills(book)).toEqual(userFills);
  });
});

test("(1) ExcelApi 1.18: a sheet protected with formatting and objects allowed is marked", async () => {
  const book = bookWithFills(18);
  book.sheet(A3).isProtected = true;
  book.sheet(A3).protectionOptions = { ...book.sheet(A3).protectionOptions, allowFormatCells: true, allowEditObjects: true };
  const host = hostOn(book);
  await host.readSnapshot();
  await host.mark(MARKS);
  expect(book.sheet(A3).fill("C7")).toBe(MARK_FILLS.error);
  expect(host.takeWarnings()).toEqual([]);
});

describe.each([1, 18])("(2) 计算同比 in formula mode at ExcelApi 1.%i", (level) => {
  test("a ratio cell formatted as text (values mode left `@`) gets a live formula, in one round trip", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
    const cell = book.sheet(A2).ensure(7, 12); // M8
    cell.numberFormat = "@";
    const host = hostOn(book);
    await host.readSnapshot();
    const formula = '=IF(M7=0,"上年为0",N7/M7-1)';
    expect(await syncs(book, () => host.writeValues([{ sheet: A2, address: "M8", value: "+28.57%", formula }]))).toBe(1);
    expect(book.sheet(A2).cell("M8")?.formula).toBe(formula);
    expect(book.sheet(A2).cell("M8")?.numberFormat).toBe("General");
  });
});

/** Text zh-CN Excel turns into numbers, dates, errors or formulas in a General cell. */
const CONVERTED = ["(12)", "1e5", "¥100", "1 1/2", "3月5日", "2024年3月", "#N/A", "25%", "-其他", "+备注", "3/5"];

describe.each([1, 18])("(3) text Excel converts on entry, at ExcelApi 1.%i", (level) => {
  test("导入上年数 and 计算同比 (writeValues) keep it as typed", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
    const host = hostOn(book);
    await host.readSnapshot();
    const writes = CONVERTED.map((value, i) => ({ sheet: A2, address: `Z${i + 1}`, value }));
    expect(await syncs(book, () => host.writeValues(writes))).toBe(1);
    for (const w of writes) {
      const c = book.sheet(A2).cell(w.address);
      expect([w.value, c?.value, c?.error ?? false, c?.formula]).toEqual([w.value, w.value, false, undefined]);
    }
  });

  test("the submission copy's sheets keep the text as the clerk's sheet shows it", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
    CONVERTED.forEach((v, i) => book.sheet(A2).setValue(`Z${i + 1}`, v, "@"));
    const host = hostOn(book, true);
    const made = await host.submissionCopy();
    const copy = book.sheet(made.sheets[0]);
    CONVERTED.forEach((v, i) => expect([v, copy.value(`Z${i + 1}`)]).toEqual([v, v]));
  });
});

const key = (f: Finding) => `${f.rule}@${f.sheet}!${f.cell}`;

/** The seed on Excel on the web, with a working sheet of long texts: 30 000 cells, over 12 MB as values and formulas. */
function bigWebBook(level: number): FakeWorkbook {
  const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level, platform: "web" });
  const work = book.addSheet("底稿");
  const text = "x".repeat(200);
  for (let r = 0; r < 3000; r++) for (let c = 0; c < 10; c++) work.ensure(r, c).value = `${r}-${c}${text}`;
  return book;
}

describe.each([1, 18])("(4) Excel on the web's 5 MB per response, at ExcelApi 1.%i", (level) => {
  test("校验 reads a workbook whose working sheet alone is over the limit, in parts, and finds what it holds", async () => {
    const book = bigWebBook(level);
    const host = hostOn(book);
    const result = await validate(host);
    expect(result.findings.map(key)).toEqual(analyse(book.snapshot()).findings.map(key));
    const snap = await host.readSnapshotFull();
    expect(snap.sheets.find((x) => x.name === "底稿")?.values).toEqual(book.sheet("底稿").values());
  });

  test("the submission copy reads it too", async () => {
    const book = bigWebBook(level);
    const made = await hostOn(book, true).submissionCopy();
    expect(book.sheet(made.sheets[0]).values()).toEqual(book.sheet(A2).values());
  });

  test("a workbook within the limit costs what it did: 4 round trips cold, 3 warm", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level, platform: "web" });
    const host = hostOn(book);
    expect(await syncs(book, () => validate(host))).toBe(4);
    expect(await syncs(book, () => validate(host))).toBe(3);
  });
});

describe.each([1, 4, 18])("(5) a sheet holding a named table deleted, at ExcelApi 1.%i", (level) => {
  test("the next 校验 never dereferences the broken (#REF!) name, and finds what the workbook holds", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
    const host = hostOn(book);
    await validate(host);
    book.deleteSheet(A3);
    if (level >= 4) expect(book.findName("xzzf_A3")?.area).toBeNull();
    const after = await validate(host);
    expect(book.crashes).toBe(0);
    expect(after.findings.map(key)).toEqual(analyse(book.snapshot()).findings.map(key));
    // A pane opened afterwards too.
    await validate(hostOn(book));
    expect(book.crashes).toBe(0);
  });
});

/** Codes of OfficeExtension.ErrorCodes and Excel.ErrorCodes the host can meet. */
const CODES = [
  "AccessDenied",
  "ActivityLimitReached",
  "ApiNotFound",
  "Conflict",
  "FilteredRangeConflict",
  "GeneralException",
  "InactiveWorkbook",
  "InsertDeleteConflict",
  "InvalidArgument",
  "InvalidBinding",
  "InvalidOperation",
  "InvalidOperationInCellEditMode",
  "InvalidReference",
  "InvalidRequest",
  "InvalidSelection",
  "ItemAlreadyExists",
  "ItemNotFound",
  "MemoryLimitReached",
  "MergedRangeConflict",
  "NonBlankCellOffSheet",
  "NotImplemented",
  "PivotTableRangeConflict",
  "PropertyNotLoaded",
  "RangeExceedsLimit",
  "RequestAborted",
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "ServiceNotAvailable",
  "Unauthenticated",
  "UnsupportedFeature",
  "UnsupportedOperation",
  "UnsupportedSheet",
];

describe("(6) Office error codes in Chinese", () => {
  test.each(CODES)("%s: a Chinese sentence with what to do, never Office's English alone", (code) => {
    const english = "An English message from Office that a clerk cannot read.";
    for (const ctx of [
      { action: "标记单元格", actionEn: "mark cells", targets: [{ sheet: A2, cell: "C7" }] },
      { action: "读取工作簿", actionEn: "read the workbook" },
    ]) {
      const e = toHostError(new FakeOfficeError(code, english), ctx);
      expect(e.message).toMatch(/[\u4e00-\u9fff]{6}/);
      expect(e.message).not.toContain(english);
    }
  });

  test.each([1, 18])("ExcelApi 1.%i: RangeExceedsLimit, InactiveWorkbook, MemoryLimitReached met in a real operation", async (level) => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
    const host = hostOn(book);
    await host.readSnapshot();
    for (const code of ["RangeExceedsLimit", "InactiveWorkbook", "MemoryLimitReached"]) {
      book.failNextSync = code;
      const e = (await host.writeValues([{ sheet: A2, address: "C8", value: 1 }]).catch((x: unknown) => x)) as Error;
      expect(e.message).toContain(`错误代码 ${code}`);
      expect(e.message).not.toContain("Simulated");
    }
  });

  test("ExcelApi 1.18: a workbook open for viewing is not reported as a protected sheet", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level: 18 });
    const host = hostOn(book);
    await host.readSnapshot();
    book.readOnly = true;
    const e = (await host.writeValues([{ sheet: A2, address: "C8", value: 1 }]).catch((x: unknown) => x)) as Error;
    expect(e.message).toContain("工作簿当前不能编辑");
    expect(e.message).not.toContain("受保护");
  });

  test.each([10, 14])("ExcelApi 1.%i: a note the comment cannot go on, whatever code Excel gives: a warning, the fills and state stand", async (level) => {
    for (const code of ["InvalidArgument", "GeneralException", "ItemAlreadyExists"]) {
      const book = bookWithFills(level);
      book.annotationRefusal = code;
      book.sheet(A2).notes.set("C7", "旧式批注");
      const host = hostOn(book);
      await host.readSnapshot();
      await host.mark(MARKS);
      expect(host.takeWarnings()).toHaveLength(1);
      expect(book.sheet(A2).fill("C7")).toBe(MARK_FILLS.error);
      expect(readState(book.snapshot()).marks).toHaveLength(4);
    }
  });
});

describe("(7) the capability text is true", () => {
  test.each([1, 4, 8, 10, 13, 14, 18])("ExcelApi 1.%i: templates are written cell by cell everywhere; no sentence says otherwise", (level) => {
    const d = detectCapabilities((name, version) => name === "ExcelApi" && Number((version ?? "1.1").split(".")[1]) <= level);
    for (const c of d.costs) {
      expect(c.message).not.toMatch(/模板文件|insertWorksheetsFromBase64|模板插入到/);
      expect(c.messageEn).not.toMatch(/template file|insertWorksheetsFromBase64|templates are inserted/i);
    }
  });
});
