/**
 * 生成报送副本 in Excel. From ExcelApi 1.8 a new workbook is opened from an .xlsx built in the pane;
 * below, sheets `报送-附件2` … are added to the current workbook. Either way: the recognised tables'
 * values exactly as the workbook shows them, formulas turned into their values, and none of the marks,
 * notes, helper names, state sheet or 审核报告.
 */
import { unzipSync, strFromU8 } from "fflate";
import { recogniseWorkbook, validate, writeAuditReport } from "../../src/app/actions";
import { analyse } from "../../src/check/analyse";
import { rangeA1, type CellValue, type MergeArea, type WorkbookSnapshot } from "../../src/grid/grid";
import { recognise } from "../../src/engine/recognize";
import { STATE_SHEET } from "../../src/engine/stateSheet";
import { AUDIT_SHEET } from "../../src/flows/auditReport";
import { OfficeHost } from "../../src/host/office/officeHost";
import { OfficeHostError } from "../../src/host/office/errors";
import { readWorkbookFast } from "../../src/host/xlsx/fastReader";
import { SHEET_NAMES, TABLE_IDS } from "../../src/templates/tables";
import { FakeWorkbook } from "../helpers/fakeExcel";
import { seedSnapshot } from "../helpers/seedWorkbook";

const A2 = SHEET_NAMES.A2;

/**
 * The seed, finished the way a clerk finishes it: a ratio as a formula showing its value, the clerk's own
 * fill, a working sheet, maybe a hidden old copy of 附件2; then 校验 (marks, state, names where no table
 * is there twice) and the 审核报告.
 */
async function finishedBook(level: number, hiddenCopy = false): Promise<{ book: FakeWorkbook; host: OfficeHost; original: WorkbookSnapshot }> {
  const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
  const ratio = book.sheet(A2).ensure(7, 12); // M8: 行政处罚's 同比
  ratio.formula = '=IF(M7=0,"上年为0",N7/M7-1)';
  ratio.value = 0.2857142857;
  ratio.numberFormat = "0.00%";
  book.sheet(A2).setFill("C7", "#92D050");
  if (hiddenCopy) {
    const old = book.addSheet("旧附件2");
    book
      .sheet(A2)
      .values()
      .forEach((row, r) => row.forEach((v, c) => v !== null && (old.ensure(r, c).value = v)));
    old.visibility = "Hidden";
  }
  book.addSheet("底稿").setValue("A1", "草稿");
  const host = new OfficeHost({ run: book.run, isSetSupported: book.isSetSupported, createWorkbook: book.createWorkbook });
  await validate(host);
  await writeAuditReport(host, { now: new Date("2025-01-02T03:04:05Z") });
  return { book, host, original: book.snapshot() };
}

/** Every cell of every visible recognised table, by `sheet!A1`. */
function tableCells(snapshot: WorkbookSnapshot): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  const hidden = new Set(snapshot.sheets.filter((s) => s.hidden).map((s) => s.name));
  for (const t of recognise(snapshot)) {
    if (hidden.has(t.sheet) || t.sheet === STATE_SHEET || t.sheet === AUDIT_SHEET) continue;
    const sheet = snapshot.sheets.find((s) => s.name === t.sheet);
    for (let r = t.top; r <= t.bottom; r++) for (let c = t.left; c <= t.right; c++) out.set(`${t.sheet}!${rangeA1(r, c, r, c)}`, sheet?.values[r]?.[c] ?? null);
  }
  return out;
}

/** Rows as plain dense arrays, trailing empties dropped (readers differ in holes and padding). */
function dense(rows: CellValue[][] | undefined): CellValue[][] {
  const out = (rows ?? []).map((r) => {
    const line = Array.from(r ?? [], (v) => v ?? null);
    while (line.length > 0 && line[line.length - 1] === null) line.pop();
    return line;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

function decode(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, "base64"));
}

const sortAreas = (xs: MergeArea[]) => [...xs].sort((a, b) => a.top - b.top || a.left - b.left);

describe.each([8, 13, 18])("ExcelApi 1.%i: a new workbook", (level) => {
  test("the tables' values only, formulas as values, no marks, notes, names, state or report", async () => {
    const { book, host, original } = await finishedBook(level);
    expect(book.names.length).toBe(4); // the helper names exist in the working workbook
    const syncs = book.syncCount;
    const made = await host.submissionCopy();
    expect(book.syncCount - syncs).toBe(1); // one read; the workbook is created outside the batch
    expect(made).toEqual({ kind: "workbook", sheets: TABLE_IDS.map((id) => SHEET_NAMES[id]), tables: [...TABLE_IDS] });
    expect(book.createdWorkbooks).toHaveLength(1);

    const bytes = decode(book.createdWorkbooks[0]);
    const copy = readWorkbookFast(bytes);
    expect(copy.sheets.map((s) => s.name)).toEqual(TABLE_IDS.map((id) => SHEET_NAMES[id]));
    expect(copy.sheets.some((s) => s.hidden)).toBe(false);
    for (const s of copy.sheets) expect(s.formulas ?? {}).toEqual({});

    // Every value of every recognised table, exactly; the formula's value included.
    const want = tableCells(original);
    expect(want.get(`${A2}!M8`)).toBeCloseTo(0.2857142857, 10);
    const got = tableCells(copy);
    expect([...got.keys()]).toEqual([...want.keys()]);
    for (const [k, v] of want) expect([k, got.get(k)]).toEqual([k, v]);
    // The notes under the tables come along too.
    for (const id of TABLE_IDS) {
      expect(dense(copy.sheets.find((s) => s.name === SHEET_NAMES[id])?.values)).toEqual(
        dense(original.sheets.find((s) => s.name === SHEET_NAMES[id])?.values),
      );
    }

    // The same findings on the copy as on the workbook (but for what the state sheet added).
    const key = (f: { rule: string; sheet: string; cell: string }) => `${f.rule}@${f.sheet}!${f.cell}`;
    const withoutExtras: WorkbookSnapshot = { sheets: original.sheets.filter((s) => !s.hidden && s.name !== "底稿" && s.name !== AUDIT_SHEET) };
    expect(analyse(copy).findings.map(key)).toEqual(analyse(withoutExtras).findings.map(key));

    // Nothing of ours in the file: no names, comments, notes or fills of the marks.
    const files = unzipSync(bytes);
    const workbookXml = strFromU8(files["xl/workbook.xml"]);
    expect(workbookXml).not.toContain("definedName");
    expect(Object.keys(files).filter((f) => /comments|vmlDrawing/i.test(f))).toEqual([]);
    for (const f of Object.keys(files).filter((x) => x.startsWith("xl/worksheets/"))) expect(strFromU8(files[f])).not.toMatch(/<f[ >]/);
    const styles = strFromU8(files["xl/styles.xml"]);
    for (const fill of ["FFC7CE", "FFEB9C", "DDEBF7", "92D050"]) expect(styles).not.toContain(fill);
    // The ratio keeps its percentage format (0.00% is Excel's built-in format 10).
    expect(styles).toMatch(/numFmtId="10"|formatCode="0\.00%"/);

    // Merges: as read where Excel reads them (1.13), else the official layout's title and ratio spans.
    const a2Copy = copy.sheets.find((s) => s.name === A2);
    const a2Original = original.sheets.find((s) => s.name === A2);
    if (level >= 13) expect(sortAreas(a2Copy?.merges ?? [])).toEqual(sortAreas(a2Original?.merges ?? []));
    else {
      const t = recognise(original).find((x) => x.id === "A2");
      expect(a2Copy?.merges).toContainEqual({ top: 1, left: 0, bottom: 1, right: t?.right });
      expect(a2Copy?.merges).toContainEqual({ top: 7, left: 12, bottom: 7, right: 13 });
    }

    // The working workbook is as it was.
    expect(book.snapshot()).toEqual(original);
    expect(book.names.length).toBe(4);
  });
});

describe.each([1, 4])("ExcelApi 1.%i: sheets in this workbook", (level) => {
  test("报送-附件2 … hold the values only, in one write; the user's sheets are untouched", async () => {
    const { book, host, original } = await finishedBook(level);
    const syncs = book.syncCount;
    const made = await host.submissionCopy();
    expect(book.syncCount - syncs).toBe(2); // the read, then every sheet in one batch
    const names = ["报送-附件2", "报送-附件3", "报送-附件4", "报送-附件5"];
    expect(made).toEqual({ kind: "sheets", sheets: names, tables: [...TABLE_IDS] });
    expect(book.createdWorkbooks).toEqual([]);
    expect(book.sheets.map((s) => s.name)).toEqual([...original.sheets.map((s) => s.name), ...names]);

    TABLE_IDS.forEach((id, i) => {
      const from = book.sheet(SHEET_NAMES[id]);
      const to = book.sheet(names[i]);
      expect(to.values()).toEqual(from.values());
      for (const c of to.cells.values()) {
        expect(c.formula).toBeUndefined();
        expect(c.fill).toBeNull();
      }
      expect(to.notes.size).toBe(0);
    });
    expect(book.sheet("报送-附件2").cell("M8")?.value).toBeCloseTo(0.2857142857, 10);
    expect(book.sheet("报送-附件2").cell("M8")?.numberFormat).toBe("0.00%");
    expect(book.comments.filter((c) => c.sheet.name.startsWith("报送-"))).toEqual([]);
    expect(book.names.filter((n) => n.sheet?.name.startsWith("报送-"))).toEqual([]);

    // The working sheets are as they were (the marks stay there; the copy has none).
    for (const s of original.sheets) expect(book.snapshot().sheets.find((x) => x.name === s.name)).toEqual(s);

    // A second copy never overwrites the first.
    const again = await host.submissionCopy();
    expect(again.sheets).toEqual(names.map((n) => `${n} (2)`));
  });
});

test.each([1, 18])("ExcelApi 1.%i: a hidden old copy of a table is left out of the copy", async (level) => {
  const { book, host } = await finishedBook(level, true);
  const made = await host.submissionCopy();
  expect(made.sheets).toHaveLength(4);
  const names = level >= 8 ? readWorkbookFast(decode(book.createdWorkbooks[0])).sheets.map((s) => s.name) : made.sheets;
  expect(names.some((n) => n.includes("旧附件2"))).toBe(false);
  expect(made.tables).toEqual([...TABLE_IDS]);
});

test("no table: a Chinese error, nothing made", async () => {
  for (const level of [1, 18]) {
    const book = new FakeWorkbook({ level });
    book.addSheet("Sheet1").setValue("A1", "随便写的");
    const host = new OfficeHost({ run: book.run, isSetSupported: book.isSetSupported, createWorkbook: book.createWorkbook });
    const err = await host.submissionCopy().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeHostError);
    expect((err as OfficeHostError).message).toContain("没有识别到附件2–5 的统计表");
    expect(book.createdWorkbooks).toEqual([]);
    expect(book.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  }
});

test("Excel refusing the new workbook is named in Chinese", async () => {
  const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level: 18 });
  const refuse = async () => {
    throw Object.assign(new Error("This operation is not allowed due to the extension hardening policy."), { code: "GeneralException" });
  };
  const host = new OfficeHost({ run: book.run, isSetSupported: book.isSetSupported, createWorkbook: refuse });
  await recogniseWorkbook(host);
  await expect(host.submissionCopy()).rejects.toMatchObject({ message: expect.stringContaining("Excel 无法新建报送副本工作簿") });
});

test("the classic pane's host (copyIntoWorkbook) adds the copy's sheets even at ExcelApi 1.8+, no new workbook", async () => {
  const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level: 8 });
  const host = new OfficeHost({ run: book.run, isSetSupported: book.isSetSupported, createWorkbook: book.createWorkbook, copyIntoWorkbook: true });
  const made = await host.submissionCopy();
  expect(made.kind).toBe("sheets");
  expect(book.createdWorkbooks).toEqual([]);
  expect(made.sheets.every((n) => book.find(n) !== undefined)).toBe(true);
  expect(made.tables).toEqual([...TABLE_IDS]);
});
