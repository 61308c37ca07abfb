/**
 * The pane's flows end to end on the Office 2016 double (ExcelApi 1.1 members only) and on a current
 * Excel (1.18): insert the templates, type the figures, recognise, write the ratios, 校验 with marks,
 * clear the marks. And the round-trip budget of 校验: the same few syncs for 4 tables and for 40.
 */
import { FakeRequestContext, FakeWorkbook } from "../../../tests/helpers/fakeExcel";
import { analyse } from "../../check/analyse";
import { toA1, type WorkbookSnapshot } from "../../grid/grid";
import type { RecognisedYearlyTable } from "../../engine/model";
import { readState } from "../../engine/stateSheet";
import { planRatios } from "../../flows/ratios";
import { layoutFor, layoutToSnapshot } from "../../templates/layout";
import { seedLayoutOptions } from "../../templates/sample";
import { SHEET_NAMES, TABLE_IDS } from "../../templates/tables";
import { MARK_FILLS } from "../types";
import { OfficeHost } from "./officeHost";
import { validateAndMark } from "./validate";

const syncSpy = jest.spyOn(FakeRequestContext.prototype, "sync");

async function syncsOf(f: () => Promise<unknown>): Promise<number> {
  const before = syncSpy.mock.calls.length;
  await f();
  return syncSpy.mock.calls.length - before;
}

function hostOn(book: FakeWorkbook): OfficeHost {
  return new OfficeHost({ run: book.run, isSetSupported: book.isSetSupported });
}

/** Every cell's fill in the workbook, by `sheet!A1`. */
function fills(book: FakeWorkbook): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const s of book.sheets) for (const [k, c] of s.cells) if (c.fill !== null) out[`${s.name}!${k}`] = c.fill;
  return out;
}

describe.each([1, 18])("the pane's flows at ExcelApi 1.%i", (level) => {
  test("insert templates → type figures → recognise → ratios → 校验 with marks → clear marks restores every fill", async () => {
    const book = new FakeWorkbook({ level });
    book.addSheet("Sheet1");
    const host = hostOn(book);

    // 插入模板: the four blank tables of the 2024 report.
    await host.insertSheets(TABLE_IDS.map((id) => layoutFor(id, { year: 2024 })));

    // The clerk types the seed report's figures, unit and contact into the inserted tables.
    for (const id of TABLE_IDS) {
      const blank = layoutFor(id, { year: 2024 });
      const filled = layoutFor(id, seedLayoutOptions(id));
      const sheet = book.sheet(SHEET_NAMES[id]);
      filled.cells.forEach((cell, i) => {
        if (cell.value !== blank.cells[i].value) sheet.setValue(toA1(cell.row, cell.col), cell.value);
      });
    }
    // …and highlights a few cells of their own, which the marks must give back exactly.
    book.sheet(SHEET_NAMES.A2).setFill("C7", "#92D050");
    book.sheet(SHEET_NAMES.A5).setFill("D6", "#FFFF00");
    book.sheet(SHEET_NAMES.A3).setFill("B7", "#D9D9D9");

    // 识别: the four tables, the year, and the findings the engine gives on what the workbook really holds.
    const read = await host.readSnapshot();
    const first = analyse(read);
    expect(first.tables.map((t) => t.id)).toEqual(["A2", "A3", "A4", "A5"]);
    expect(first.year).toBe(2024);
    const reference = analyse(book.snapshot());
    expect(first.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`)).toEqual(reference.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`));
    expect(first.findings.some((f) => f.rule === "ratio-missing")).toBe(true);

    // 计算同比 as values: the figures rules.md gives for the seed.
    const plan = planRatios(first, "values");
    await host.writeValues(plan.writes);
    const after = analyse(await host.readSnapshot());
    const a2 = after.tables.find((t): t is RecognisedYearlyTable => t.id === "A2" && t.shape === "yearly");
    const a3 = after.tables.find((t): t is RecognisedYearlyTable => t.id === "A3" && t.shape === "yearly");
    expect(a2?.blocks[0].categories.penalty.ratio?.raw).toBe("+28.57%");
    expect(a2?.blocks[0].categories.fines.ratio?.raw).toBe("+389.63%");
    expect(a2?.blocks[0].categories.permit.ratio?.raw).toBe("0.00%");
    expect(a3?.blocks[0].categories.penalty.ratio?.raw).toBe("+20.00%");
    expect(a3?.blocks[0].categories.fines.ratio?.raw).toBe("+233.04%");
    expect(after.findings.filter((f) => f.rule === "ratio-missing" || f.rule === "ratio-wrong")).toEqual([]);

    // 校验 with marks, in three round trips.
    const userFills = fills(book);
    let result: Awaited<ReturnType<typeof validateAndMark>> | undefined;
    expect(await syncsOf(async () => (result = await validateAndMark(host, (s) => analyse(s))))).toBeLessThanOrEqual(3);
    const marks = result?.marks ?? [];
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(book.sheet(m.sheet).fill(m.address)).toBe(MARK_FILLS[m.severity]);
    expect(readState(book.snapshot()).marks.length).toBe(new Set(marks.map((m) => `${m.sheet}!${m.address}`)).size);

    // 清除标记: the workbook's fills are exactly what the clerk had.
    await host.clearMarks();
    expect(fills(book)).toEqual(userFills);
    expect(readState(book.snapshot()).marks).toEqual([]);
  });
});

function manyTables(copies: number): WorkbookSnapshot {
  const sheets = [];
  for (let k = 0; k < copies; k++) {
    for (const id of TABLE_IDS) {
      const sheetName = copies === 1 ? SHEET_NAMES[id] : `${SHEET_NAMES[id]}-${k + 1}`;
      sheets.push(layoutToSnapshot(layoutFor(id, { ...seedLayoutOptions(id), sheetName })));
    }
  }
  return { sheets };
}

describe.each([1, 18])("校验 round trips at ExcelApi 1.%i", (level) => {
  test("read + mark + state: at most 3 syncs, the same for 4 tables and for 40", async () => {
    const counts: number[] = [];
    const marked: number[] = [];
    for (const copies of [1, 10]) {
      const book = FakeWorkbook.fromSnapshot(manyTables(copies), { level });
      const host = hostOn(book);
      await host.readSnapshot(); // the pane read the workbook when it opened
      let n = 0;
      let markCount = 0;
      n = await syncsOf(async () => {
        markCount = (await validateAndMark(host, (s) => analyse(s))).marks.length;
      });
      counts.push(n);
      marked.push(markCount);
      // A second 校验 (old marks replaced in the same batch) costs the same.
      expect(await syncsOf(() => validateAndMark(host, (s) => analyse(s)))).toBe(n);
    }
    expect(counts[0]).toBeLessThanOrEqual(3);
    expect(counts[1]).toBe(counts[0]);
    // The nine further copies of each appendix get one table-duplicate mark each and nothing else (rules.md).
    expect(marked[1]).toBe(marked[0] + 9 * TABLE_IDS.length);
  });

  test("a pane opened cold: one more round trip to learn the sheet names", async () => {
    const book = FakeWorkbook.fromSnapshot(manyTables(1), { level });
    expect(await syncsOf(() => validateAndMark(hostOn(book), (s) => analyse(s)))).toBe(4);
  });
});
