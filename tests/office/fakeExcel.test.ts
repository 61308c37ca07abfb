/** The fake must behave like Office where the host's correctness depends on it, or the host tests prove nothing. */
/* eslint-disable office-addins/call-sync-after-load, office-addins/call-sync-before-read, office-addins/load-object-before-read -- these tests read before sync on purpose, to see the fake throw where Office throws */
import { FakeOfficeError, FakeWorkbook } from "../helpers/fakeExcel";

async function inRun<T>(book: FakeWorkbook, f: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return book.run(f);
}

function bookWith(level: number): FakeWorkbook {
  const book = new FakeWorkbook({ level });
  const s = book.addSheet("表1");
  s.setValue("B2", 7);
  s.setFill("B2", "#00B050");
  return book;
}

describe("load and sync discipline", () => {
  test("a loaded property can be read only after sync; one never loaded cannot be read at all", async () => {
    const book = bookWith(1);
    await inRun(book, async (context) => {
      const r = context.workbook.worksheets.getItem("表1").getRange("B2");
      r.load("values");
      expect(() => r.values).toThrow(/not available/);
      await context.sync();
      expect(r.values).toEqual([[7]]);
      expect(() => r.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("statements run in order at sync: a load queued before a set reads the old value", async () => {
    const book = bookWith(1);
    await inRun(book, async (context) => {
      const fill = context.workbook.worksheets.getItem("表1").getRange("B2").format.fill;
      fill.load("color");
      fill.color = "#FFC7CE";
      expect(book.sheet("表1").fill("B2")).toBe("#00B050");
      await context.sync();
      expect(fill.color).toBe("#00B050");
      expect(book.sheet("表1").fill("B2")).toBe("#FFC7CE");
    });
  });

  test("a failing statement: earlier ones took effect, later ones did not, and no load of the batch is filled", async () => {
    const book = bookWith(1);
    let failure: unknown;
    await inRun(book, async (context) => {
      const ws = context.workbook.worksheets.getItem("表1");
      const a = ws.getRange("A1");
      a.load("values");
      a.values = [["前"]];
      context.workbook.worksheets.getItem("不存在").getRange("A1").values = [["x"]];
      ws.getRange("C3").values = [["后"]];
      await context.sync().catch((e: unknown) => (failure = e));
      expect(() => a.values).toThrow(/not available/);
    });
    expect(failure).toBeInstanceOf(FakeOfficeError);
    expect((failure as FakeOfficeError).code).toBe("ItemNotFound");
    expect(book.sheet("表1").value("A1")).toBe("前");
    expect(book.sheet("表1").value("C3")).toBeNull();
  });

  test("Excel.run refuses to end with commands never synced", async () => {
    const book = bookWith(1);
    await expect(
      inRun(book, async (context) => {
        context.workbook.worksheets.getItem("表1").getRange("A1").values = [["x"]];
      }),
    ).rejects.toThrow(/never synced/);
  });

  test("a null object answers isNullObject after sync, and statements on it do nothing", async () => {
    const book = bookWith(4);
    await inRun(book, async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("没有");
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("values");
      await context.sync();
      expect(ws.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
    });
  });
});

describe("ExcelApi levels", () => {
  test("level 1 answers only ExcelApi 1.1 and its members beyond 1.1 throw", async () => {
    const book = bookWith(1);
    expect(book.isSetSupported("ExcelApi", "1.1")).toBe(true);
    expect(book.isSetSupported("ExcelApi", "1.2")).toBe(false);
    await inRun(book, async (context) => {
      const ws = context.workbook.worksheets.getItem("表1");
      const r = ws.getRange("A1:B1");
      expect(() => r.merge()).toThrow(/ExcelApi 1.2/);
      expect(() => (r.format.columnWidth = 40)).toThrow(/ExcelApi 1.2/);
      expect(() => (ws.visibility = "VeryHidden")).toThrow(/ExcelApi 1.2/);
      expect(() => ws.getUsedRange(true)).toThrow(/ExcelApi 1.2/);
      expect(() => ws.getUsedRangeOrNullObject()).toThrow(/ExcelApi 1.4/);
      expect(() => context.workbook.worksheets.getItemOrNullObject("表1")).toThrow(/ExcelApi 1.4/);
      expect(() => r.format.fill.load("tintAndShade")).toThrow(/ExcelApi 1.9/);
      expect(() => context.workbook.comments).toThrow(/ExcelApi 1.10/);
      expect(() => r.getMergedAreasOrNullObject()).toThrow(/ExcelApi 1.13/);
      expect(() => ws.notes).toThrow(/ExcelApi 1.18/);
    });
  });

  test("level 18 answers every set up to 1.18", () => {
    const book = bookWith(18);
    expect(book.isSetSupported("ExcelApi", "1.18")).toBe(true);
    expect(book.isSetSupported("ExcelApi", "1.19")).toBe(false);
  });
});

describe("what Excel makes of values and fills", () => {
  test("text typed into a General cell becomes a number; into an @ cell it stays text", async () => {
    const book = bookWith(1);
    await inRun(book, async (context) => {
      const ws = context.workbook.worksheets.getItem("表1");
      ws.getRange("A1:C1").values = [["+28.57%", "1,234", "2024-03-05"]];
      const text = ws.getRange("A2");
      text.numberFormat = [["@"]];
      text.values = [["+28.57%"]];
      await context.sync();
    });
    const s = book.sheet("表1");
    expect(s.value("A1")).toBeCloseTo(0.2857, 10);
    expect(s.value("B1")).toBe(1234);
    expect(typeof s.value("C1")).toBe("number");
    expect(s.value("A2")).toBe("+28.57%");
  });

  test("no fill reads #FFFFFF; tintAndShade (1.9) tells it from a white fill", async () => {
    const book = bookWith(9);
    book.sheet("表1").setFill("C1", "#FFFFFF");
    await inRun(book, async (context) => {
      const ws = context.workbook.worksheets.getItem("表1");
      const none = ws.getRange("A1").format.fill;
      const white = ws.getRange("C1").format.fill;
      none.load("color,tintAndShade");
      white.load("color,tintAndShade");
      await context.sync();
      expect(none.color).toBe("#FFFFFF");
      expect(white.color).toBe("#FFFFFF");
      expect(none.tintAndShade).toBeNull();
      expect(white.tintAndShade).toBe(0);
    });
  });
});

describe("names, deleted rows, new workbooks", () => {
  test("a name follows its sheet's new name, shrinks with deleted rows inside it, breaks when all go", async () => {
    const book = bookWith(4);
    await inRun(book, async (context) => {
      context.workbook.names.add("区域", context.workbook.worksheets.getItem("表1").getRange("A2:C6"), "说明");
      await context.sync();
    });
    book.sheet("表1").name = "新表";
    book.deleteRows("新表", 2, 2); // rows 3–4
    const read = await inRun(book, async (context) => {
      const names = context.workbook.names;
      names.load("items/name,items/type,items/value,items/comment");
      const range = names.getItem("区域").getRange();
      range.load("address");
      await context.sync();
      return { items: names.items.map((n) => [n.name, n.type, n.value, n.comment]), address: range.address };
    });
    expect(read).toEqual({ items: [["区域", "Range", "新表!$A$2:$C$4", "说明"]], address: "新表!A2:C4" });
    expect(book.sheet("新表").value("B2")).toBe(7);
    book.deleteRows("新表", 0, 10);
    const broken = await inRun(book, async (context) => {
      const item = context.workbook.names.getItem("区域");
      item.load("type,value");
      await context.sync();
      return [item.type, item.value];
    });
    expect(broken).toEqual(["Error", "#REF!"]);
    // Dereferencing it is what crashed Excel (office-js #263): the fake counts it and fails the batch.
    await expect(
      inRun(book, async (context) => {
        context.workbook.names.getItem("区域").getRangeOrNullObject().load("address");
        await context.sync();
      }),
    ).rejects.toThrow(/crashed/);
    expect(book.crashes).toBe(1);
  });

  test("names.add is ExcelApi 1.4; a taken name is refused; createWorkbook is 1.8 and records what it got", async () => {
    await expect(inRun(bookWith(3), async (context) => context.workbook.names.add("x", "=表1!A1"))).rejects.toThrow(/ExcelApi 1.4/);
    const book = bookWith(8);
    await expect(
      inRun(book, async (context) => {
        context.workbook.names.add("x", "=表1!A1");
        context.workbook.names.add("X", "=表1!B1");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(book.names.map((n) => n.name)).toEqual(["x"]);
    await book.createWorkbook("UEsDBA==");
    expect(book.createdWorkbooks).toEqual(["UEsDBA=="]);
    await expect(bookWith(7).createWorkbook("UEsDBA==")).rejects.toThrow(/ExcelApi 1.8/);
  });

  test("valuesRead counts the cells whose values were loaded", async () => {
    const book = bookWith(1);
    await inRun(book, async (context) => {
      const r = context.workbook.worksheets.getItem("表1").getRange("A1:C4");
      r.load("values");
      await context.sync();
    });
    expect(book.valuesRead).toBe(12);
  });
});
