/**
 * A workbook marked in Excel and cleared from the file (CLI or web page): the marks' saved formats
 * come from the Office host itself. Excel below ExcelApi 1.18 cannot see notes, so it saves
 * `"noteSeen": false`; the file host must then leave the cell's note alone rather than delete a note
 * nobody looked at. Where Excel did see the notes (1.18), its "no note before" is trusted.
 */
import { FakeWorkbook } from "../../../tests/helpers/fakeExcel";
import { seedSnapshot } from "../../../tests/helpers/seedWorkbook";
import { cellOf, seedXlsxBytes } from "../../../tests/helpers/xlsx";
import { readState, stateRows } from "../../engine/stateSheet";
import { NOTE_PREFIX, OfficeHost } from "../office/officeHost";
import { SHEET_NAMES } from "../../templates/tables";
import { ExcelJSHost } from "./exceljsHost";

const A2 = SHEET_NAMES.A2;
const MARKS = [
  { sheet: A2, address: "C7", severity: "error" as const, message: "问题1" },
  { sheet: A2, address: "D7", severity: "warning" as const, message: "问题2" },
];

/** The state rows Excel at this level saves when it marks C7 and D7 (C7 filled green by the clerk). */
async function officeState(level: number) {
  const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
  book.sheet(A2).setFill("C7", "#92D050");
  await new OfficeHost({ run: book.run, isSetSupported: book.isSetSupported }).mark(MARKS);
  return readState(book.snapshot());
}

/** The same workbook as a file: the Office marks' fills, the notes given, and Excel's state sheet. */
async function fileWith(level: number, notes: Record<string, string>): Promise<ExcelJSHost> {
  const state = await officeState(level);
  const host = await ExcelJSHost.fromBytes(await seedXlsxBytes());
  const ws = host.workbook.getWorksheet(A2);
  if (!ws) throw new Error("no A2");
  for (const m of MARKS)
    ws.getCell(m.address).style = { ...ws.getCell(m.address).style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } } };
  for (const [a, text] of Object.entries(notes)) ws.getCell(a).note = text;
  await host.writeState(stateRows(state));
  return host;
}

test("Excel below 1.18 saved noteSeen:false: clearing in the file keeps the clerk's note and restores the fill", async () => {
  const state = await officeState(10);
  expect(state.marks.map((m) => JSON.parse(m.format))).toEqual([
    { fill: "#92D050", note: null, noteSeen: false },
    { fill: null, note: null, noteSeen: false },
  ]);
  const host = await fileWith(10, { C7: "办事员自己的备注" });
  await host.clearMarks();
  const ws = host.workbook.getWorksheet(A2);
  if (!ws) throw new Error("no A2");
  expect(cellOf(ws, "C7").note).toBe("办事员自己的备注");
  expect(cellOf(ws, "C7").fill).toMatchObject({ fgColor: { argb: "FF92D050" } });
  expect(cellOf(ws, "D7").fill).toBeUndefined();
  expect(readState(await host.readSnapshot()).marks).toEqual([]);
});

test("Excel 1.18 saw no note before its mark: clearing in the file removes the finding's note", async () => {
  const state = await officeState(18);
  expect(JSON.parse(state.marks[0].format)).toEqual({ fill: "#92D050", note: null });
  const host = await fileWith(18, { C7: `${NOTE_PREFIX}问题1` });
  await host.clearMarks();
  const ws = host.workbook.getWorksheet(A2);
  if (!ws) throw new Error("no A2");
  expect(cellOf(ws, "C7").note).toBeUndefined();
  expect(cellOf(ws, "C7").fill).toMatchObject({ fgColor: { argb: "FF92D050" } });
});
