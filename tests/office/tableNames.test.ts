/**
 * Workbook names that remember the tables (ExcelApi 1.4+): 校验 and 识别 save `xzzf_A2` … `xzzf_A5`,
 * the next read loads only those ranges and the state sheet, with the same findings as a full read;
 * a renamed sheet, deleted rows, a broken or cut-off name, a table found twice: the full read again.
 */
import { analyse } from "../../src/check/analyse";
import type { Finding } from "../../src/engine/findings";
import { recognise } from "../../src/engine/recognize";
import { recogniseWorkbook, validate } from "../../src/app/actions";
import { OfficeHost } from "../../src/host/office/officeHost";
import { sheetsTag } from "../../src/host/office/tableNames";
import { SHEET_NAMES, TABLE_IDS } from "../../src/templates/tables";
import { FakeWorkbook } from "../helpers/fakeExcel";
import { seedSnapshot } from "../helpers/seedWorkbook";

const key = (f: Finding) => `${f.rule}@${f.sheet}!${f.cell}`;

/** The seed's four tables and a large working sheet holding no table. */
function bookWith(level: number): FakeWorkbook {
  const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
  const work = book.addSheet("底稿");
  for (let r = 0; r < 300; r++) for (let c = 0; c < 10; c++) work.ensure(r, c).value = r * 10 + c;
  return book;
}

const hostOn = (book: FakeWorkbook) => new OfficeHost({ run: book.run, isSetSupported: book.isSetSupported });

/** What the workbook really holds, read by the fake itself. */
const truth = (book: FakeWorkbook) => analyse(book.snapshot()).findings.map(key);

async function cost<T>(book: FakeWorkbook, f: () => Promise<T>): Promise<{ result: T; syncs: number; cells: number }> {
  const syncs = book.syncCount;
  const cells = book.valuesRead;
  const result = await f();
  return { result, syncs: book.syncCount - syncs, cells: book.valuesRead - cells };
}

const ours = (book: FakeWorkbook) => book.names.filter((n) => n.name.startsWith("xzzf_"));

describe.each([4, 18])("ExcelApi 1.%i", (level) => {
  test("校验 saves a name per table with its marks; the next 校验 reads only those and finds the same", async () => {
    const book = bookWith(level);
    const host = hostOn(book);
    await host.readSnapshot();
    const first = await cost(book, () => validate(host));
    expect(first.syncs).toBe(3);
    expect(ours(book).map((n) => [n.name, n.sheet?.name])).toEqual(TABLE_IDS.map((id) => [`xzzf_${id}`, SHEET_NAMES[id]]));
    for (const t of recognise(book.snapshot()).filter((x) => x.sheet !== "底稿")) {
      const area = book.findName(`xzzf_${t.id}`)?.area;
      expect(area && area.top <= t.top && area.bottom > t.bottom && area.right > t.right).toBe(true);
    }
    expect(book.findName("xzzf_A2")?.comment).toContain(sheetsTag(book.sheets));

    // What the named read loads: the named ranges and the state sheet's used range, nothing else.
    const size = (a: { top: number; left: number; bottom: number; right: number } | null | undefined) =>
      a ? (a.bottom - a.top + 1) * (a.right - a.left + 1) : 0;
    const expectedCells = ours(book).reduce((n, x) => n + size(x.area), 0) + size(book.sheet("_xzzf").usedArea(true));
    const second = await cost(book, () => validate(host));
    expect(second.syncs).toBe(3);
    expect(second.result.findings.map(key)).toEqual(first.result.findings.map(key));
    expect(second.result.findings.map(key)).toEqual(truth(book));
    expect(second.cells).toBe(expectedCells);
    // The working sheet alone is 3000 cells, read the first time and skipped the second.
    expect(first.cells).toBeGreaterThan(3000);
    expect(second.cells).toBeLessThan(first.cells - 2000);
    // Nothing to change: no name was rewritten.
    const again = await cost(book, () => host.keepTables());
    expect(again.syncs).toBe(0);
  });

  test("a pane opened later uses the names: names first, then only the named ranges", async () => {
    const book = bookWith(level);
    await validate(hostOn(book));
    const fresh = hostOn(book);
    const read = await cost(book, () => fresh.readSnapshot());
    expect(read.syncs).toBe(2);
    expect(read.cells).toBeLessThan(3000);
    expect(analyse(read.result).findings.map(key)).toEqual(truth(book));
    // Same shape as a full read: every sheet, in order; the tables' values anchored at A1.
    expect(read.result.sheets.map((s) => s.name)).toEqual(book.sheets.map((s) => s.name));
    const a2 = read.result.sheets.find((s) => s.name === SHEET_NAMES.A2);
    expect(a2?.values.slice(0, 9)).toEqual(book.sheet(SHEET_NAMES.A2).values().slice(0, 9));
  });

  test("a renamed sheet: the full read again, the same findings as the workbook holds, names follow", async () => {
    const book = bookWith(level);
    const host = hostOn(book);
    await validate(host);
    book.sheet(SHEET_NAMES.A3).name = "附件3（改名）";
    const after = await cost(book, () => validate(host));
    expect(after.result.findings.map(key)).toEqual(truth(book));
    expect(after.result.findings.some((f) => f.sheet === "附件3（改名）")).toBe(true);
    expect(after.cells).toBeGreaterThan(3000);
    expect(book.findName("xzzf_A3")?.sheet?.name).toBe("附件3（改名）");
    expect(book.findName("xzzf_A3")?.comment).toContain(sheetsTag(book.sheets));
    // …and the pane opened afterwards trusts them again.
    expect((await cost(book, () => hostOn(book).readSnapshot())).cells).toBeLessThan(3000);
  });

  test("a sheet renamed while the pane was closed: the tag differs, so everything is read", async () => {
    const book = bookWith(level);
    await validate(hostOn(book));
    book.sheet("底稿").name = "底稿2";
    const read = await cost(book, () => hostOn(book).readSnapshot());
    expect(read.cells).toBeGreaterThan(3000);
    expect(analyse(read.result).findings.map(key)).toEqual(truth(book));
  });

  test("rows deleted inside a table: the name shrinks with it and the findings are the workbook's", async () => {
    const book = bookWith(level);
    const host = hostOn(book);
    await validate(host);
    const before = book.findName("xzzf_A4")?.area;
    book.deleteRows(SHEET_NAMES.A4, 6, 1); // one of 附件4's body rows
    expect(book.findName("xzzf_A4")?.area?.bottom).toBe((before?.bottom ?? 0) - 1);
    const after = await validate(host);
    expect(after.findings.map(key)).toEqual(truth(book));
  });

  test("a broken name (#REF!) over a table still there: the full read, the same findings, the name made afresh", async () => {
    const book = bookWith(level);
    const host = hostOn(book);
    await validate(host);
    const name = book.findName("xzzf_A3");
    if (!name) throw new Error("setup");
    name.area = null;
    const after = await cost(book, () => validate(hostOn(book)));
    expect(after.result.findings.map(key)).toEqual(truth(book));
    expect(after.cells).toBeGreaterThan(3000);
    expect(book.findName("xzzf_A3")?.area).not.toBeNull();
    expect(book.findName("xzzf_A3")?.sheet?.name).toBe(SHEET_NAMES.A3);
  });

  test("every row of a name deleted (#REF!): the full read, the same findings, the name removed with its table", async () => {
    const book = bookWith(level);
    const host = hostOn(book);
    await validate(host);
    // The whole of 附件5 and its margin go.
    const area = book.findName("xzzf_A5")?.area;
    book.deleteRows(SHEET_NAMES.A5, 0, (area?.bottom ?? 0) + 1);
    expect(book.findName("xzzf_A5")?.area).toBeNull();
    const after = await cost(book, () => validate(host));
    expect(after.result.findings.map(key)).toEqual(truth(book));
    expect(after.result.tables.map((t) => t.id)).toEqual(["A2", "A3", "A4"]);
    expect(after.cells).toBeGreaterThan(3000);
    expect(book.findName("xzzf_A5")).toBeUndefined();
  });

  test("a name that cuts its table off (edited by hand): the full read", async () => {
    const book = bookWith(level);
    const host = hostOn(book);
    await validate(host);
    const a2 = recognise(book.snapshot()).find((t) => t.id === "A2");
    const name = book.findName("xzzf_A2");
    if (!a2 || !name?.area) throw new Error("setup");
    name.area = { ...name.area, bottom: a2.bottom - 1 };
    const fresh = hostOn(book);
    const read = await cost(book, () => fresh.readSnapshot());
    expect(read.syncs).toBe(3); // names, the named read found wanting, the full read
    expect(read.cells).toBeGreaterThan(3000);
    expect(analyse(read.result).findings.map(key)).toEqual(truth(book));
  });

  test("a table found twice: no names (a named read would miss one), and the user's own name stays", async () => {
    const book = bookWith(level);
    const copy = book.addSheet("附件2（副本）");
    book
      .sheet(SHEET_NAMES.A2)
      .values()
      .forEach((row, r) => row.forEach((v, c) => v !== null && (copy.ensure(r, c).value = v)));
    book.names.push({ name: "我的区域", sheet: book.sheet("底稿"), area: { top: 0, left: 0, bottom: 9, right: 1 }, comment: "" });
    const host = hostOn(book);
    await validate(host);
    expect(book.names.map((n) => n.name)).toEqual(["我的区域"]);
    expect((await cost(book, () => validate(host))).cells).toBeGreaterThan(3000);
  });

  test("识别 reads every sheet and saves the names in one round trip, only when they changed", async () => {
    const book = bookWith(level);
    const host = hostOn(book);
    await host.readSnapshot();
    expect((await cost(book, () => recogniseWorkbook(host))).syncs).toBe(2);
    expect(ours(book)).toHaveLength(4);
    const again = await cost(book, () => recogniseWorkbook(host));
    expect(again.syncs).toBe(1);
    expect(again.cells).toBeGreaterThan(3000);
  });

  test("a table pasted into a sheet the names do not cover: 识别 finds it, and 校验 then reads it too", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot({}, ["A2", "A3", "A4"]), { level });
    const work = book.addSheet("底稿");
    for (let r = 0; r < 300; r++) for (let c = 0; c < 10; c++) work.ensure(r, c).value = r * 10 + c;
    const host = hostOn(book);
    await validate(host);
    expect(ours(book).map((n) => n.name)).toEqual(["xzzf_A2", "xzzf_A3", "xzzf_A4"]);
    // 附件5 pasted below the working figures.
    seedSnapshot({}, ["A5"]).sheets[0].values.forEach((row, r) => row.forEach((v, c) => v !== null && (work.ensure(400 + r, c).value = v)));
    const found = await recogniseWorkbook(host);
    expect(found.tables.map((t) => `${t.id}@${t.sheet}`)).toContain("A5@底稿");
    expect(book.findName("xzzf_A5")?.sheet?.name).toBe("底稿");
    const checked = await cost(book, () => validate(host));
    expect(checked.result.findings.map(key)).toEqual(truth(book));
    expect(checked.result.findings.some((f) => f.table === "A5")).toBe(true);
    expect(checked.cells).toBeLessThan(3000);
  });
});

test("ExcelApi 1.1–1.3 have no names.add: nothing is named, every read is the full one", async () => {
  const book = bookWith(3);
  const host = hostOn(book);
  await validate(host);
  await recogniseWorkbook(host);
  expect(book.names).toEqual([]);
  expect((await cost(book, () => validate(host))).cells).toBeGreaterThan(3000);
});
