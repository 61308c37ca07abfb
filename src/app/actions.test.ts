import { analyse } from "../check/analyse";
import type { RecognisedYearlyTable } from "../engine/model";
import { readState, STATE_SHEET } from "../engine/stateSheet";
import { AUDIT_SHEET, AUDIT_HEADER } from "../flows/auditReport";
import { cellId, type ImportPlan } from "../flows/importPrior";
import { countBySeverity } from "../flows/severity";
import { SHEET_NAMES } from "../templates/tables";
import { SEED_CONTACT, SEED_UNIT } from "../templates/sample";
import { MemoryHost } from "../../tests/helpers/memoryHost";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";
import {
  applyImportPrior,
  canExplain,
  defaultAccepted,
  fillRatios,
  insertTemplates,
  mergePriorFigures,
  previewImportPrior,
  saveNote,
  templateContext,
  validate,
  writeAuditReport,
} from "./actions";

function yearly(host: MemoryHost, id: "A2" | "A3"): RecognisedYearlyTable {
  const t = analyse(host.workbook).tables.find((x) => x.id === id);
  if (!t || t.shape !== "yearly") throw new Error(`${id} not recognised`);
  return t;
}

describe("validate", () => {
  test("marks every finding of the seed in one read and one mark (the mark replaces the old marks)", async () => {
    const host = new MemoryHost(seedSnapshot());
    const expected = analyse(seedSnapshot()).findings;
    const a = await validate(host);
    expect(countBySeverity(a.findings)).toEqual(countBySeverity(expected));
    expect(host.calls.map((c) => c.op)).toEqual(["readSnapshot", "mark"]);
    const marks = host.callsOf("mark")[0].marks;
    expect(marks).toHaveLength(expected.length);
    const zero = expected.find((f) => f.rule === "zero-unexplained");
    expect(marks).toContainEqual({ sheet: zero?.sheet, address: zero?.cell, severity: "warning", message: zero?.message });
  });

  test("a cell fixed since the last check is no longer marked", async () => {
    const host = new MemoryHost(seedSnapshot());
    await validate(host);
    const slots = yearly(host, "A2").blocks[0].categories.permit;
    const key = `${yearly(host, "A2").sheet}!${slots.current.address}`;
    expect(host.marked.has(key)).toBe(true);
    host.setCell(yearly(host, "A2").sheet, slots.explanation!.address, "本年度未受理行政许可申请");
    await validate(host);
    expect(host.marked.has(key)).toBe(false);
  });

  test("a workbook whose findings are all gone: the old marks are replaced by none, and the saved formats go with them", async () => {
    const host = new MemoryHost(seedSnapshot());
    await validate(host);
    expect(readState(host.workbook).marks.length).toBeGreaterThan(0);
    // Every table removed but the state sheet: nothing left to find.
    host.workbook.sheets = host.workbook.sheets.filter((s) => s.name === STATE_SHEET);
    const a = await validate(host);
    expect(a.findings).toEqual([]);
    expect(host.calls.slice(-2).map((c) => c.op)).toEqual(["readSnapshot", "mark"]);
    expect(host.callsOf("mark").at(-1)?.marks).toEqual([]);
    expect(host.marked.size).toBe(0);
    expect(readState(host.workbook).marks).toEqual([]);
  });

  test("a cell still marked keeps the format saved at its first mark", async () => {
    const host = new MemoryHost(seedSnapshot());
    await validate(host);
    const state = readState(host.workbook);
    const first = state.marks[0];
    // What a real host saved for a cell the user had filled green.
    const kept = JSON.stringify({ fill: "#00B050", note: null });
    host.workbook.sheets = host.workbook.sheets.map((s) =>
      s.name === STATE_SHEET ? { ...s, values: s.values.map((r) => r.map((v) => (v === first.format && r.includes(first.cell) ? kept : v))) } : s,
    );
    await validate(host);
    expect(readState(host.workbook).marks.find((m) => m.sheet === first.sheet && m.cell === first.cell)?.format).toBe(kept);
  });

  test("uses the change threshold it is given", async () => {
    // 罚没金额 grew by 389.63 %: without its explanation that is a large change at 30 %, not at 500 %.
    const host = new MemoryHost(seedSnapshot());
    const a2 = yearly(host, "A2");
    host.setCell(a2.sheet, a2.blocks[0].categories.fines.explanation!.address, null);
    const low = await validate(host, { changeThreshold: 0.3 });
    const high = await validate(host, { changeThreshold: 5 });
    const fines = (xs: typeof low.findings) => xs.filter((f) => f.rule === "change-unexplained" && f.cell === a2.blocks[0].categories.fines.current.address);
    expect(fines(low.findings)).toHaveLength(1);
    expect(fines(high.findings)).toHaveLength(0);
  });
});

describe("fillRatios", () => {
  test("writes the seed's ratios as text, 行政处罚 +28.57%", async () => {
    const host = new MemoryHost(seedSnapshot());
    const a2 = yearly(host, "A2");
    const confirm = jest.fn(async () => true);
    const r = await fillRatios(host, "values", confirm);
    expect(confirm).not.toHaveBeenCalled();
    expect(r.written).toBe(21);
    expect(host.cell(a2.sheet, a2.blocks[0].categories.penalty.ratio!.address)).toBe("+28.57%");
    expect(host.cell(a2.sheet, a2.blocks[0].categories.fines.ratio!.address)).toBe("+389.63%");
    expect(host.cell(a2.sheet, a2.blocks[0].categories.permit.ratio!.address)).toBe("0.00%");
    expect(analyse(host.workbook).findings.filter((f) => f.rule === "ratio-missing")).toEqual([]);
  });

  test("asks before replacing a differing ratio, and writes nothing when declined", async () => {
    const host = new MemoryHost(seedSnapshot());
    const a2 = yearly(host, "A2");
    const cell = a2.blocks[0].categories.penalty.ratio!.address;
    host.setCell(a2.sheet, cell, "+30.00%");
    const confirm = jest.fn(async () => false);
    const r = await fillRatios(host, "values", confirm);
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm.mock.calls[0]).toEqual([[expect.objectContaining({ sheet: a2.sheet, cell, old: "+30.00%", next: "+28.57%" })]]);
    expect(r.cancelled).toBe(true);
    expect(host.callsOf("writeValues")).toEqual([]);
    expect(host.cell(a2.sheet, cell)).toBe("+30.00%");
  });

  test("replaces it once confirmed", async () => {
    const host = new MemoryHost(seedSnapshot());
    const a2 = yearly(host, "A2");
    const cell = a2.blocks[0].categories.penalty.ratio!.address;
    host.setCell(a2.sheet, cell, "+30.00%");
    const r = await fillRatios(host, "values", async () => true);
    expect(r.cancelled).toBe(false);
    expect(host.cell(a2.sheet, cell)).toBe("+28.57%");
  });

  test("formulas mode writes formulas over the year cells", async () => {
    const host = new MemoryHost(seedSnapshot());
    const a2 = yearly(host, "A2");
    const slots = a2.blocks[0].categories.penalty;
    await fillRatios(host, "formulas", async () => true);
    const formula = host.sheet(a2.sheet).formulas?.[slots.ratio!.address] ?? "";
    expect(formula.startsWith("=")).toBe(true);
    expect(formula).toContain(slots.prior.address);
    expect(formula).toContain(slots.current.address);
  });
});

describe("insertTemplates", () => {
  test("an empty workbook gets all four tables for the given year, unit and contact", async () => {
    const host = new MemoryHost();
    const r = await insertTemplates(host, { year: 2025, unit: " 某县司法局 ", contact: "李四 13800000000" });
    expect(r.inserted).toEqual(["A2", "A3", "A4", "A5"]);
    const layouts = host.callsOf("insertSheets")[0].layouts;
    expect(layouts.map((l) => l.sheetName)).toEqual([SHEET_NAMES.A2, SHEET_NAMES.A3, SHEET_NAMES.A4, SHEET_NAMES.A5]);
    const a = analyse(host.workbook);
    expect(a.tables.map((t) => [t.id, t.year])).toEqual([
      ["A2", 2025],
      ["A3", 2025],
      ["A4", 2025],
      ["A5", 2025],
    ]);
    expect(a.tables[0].unitFromLine).toBe("某县司法局");
    expect(a.tables[0].contactText).toBe("李四 13800000000");
  });

  test("a complete workbook is left alone", async () => {
    const host = new MemoryHost(seedSnapshot());
    const r = await insertTemplates(host, { year: 2024 });
    expect(r.inserted).toEqual([]);
    expect(r.present).toEqual(["A2", "A3", "A4", "A5"]);
    expect(host.callsOf("insertSheets")).toEqual([]);
  });

  test("only missing tables are added, under a free sheet name", async () => {
    const wb = seedSnapshot({}, ["A2", "A3"]);
    wb.sheets.push({ name: SHEET_NAMES.A4, values: [["草稿"]], merges: [] });
    const host = new MemoryHost(wb);
    const r = await insertTemplates(host, { year: 2024 });
    expect(r.inserted).toEqual(["A4", "A5"]);
    expect(r.layouts.map((l) => l.sheetName)).toEqual([`${SHEET_NAMES.A4} (2)`, SHEET_NAMES.A5]);
    expect(host.cell(SHEET_NAMES.A4, "A1")).toBe("草稿");
  });

  test("refuses a year that is not a year, in Chinese, inserting nothing", async () => {
    const host = new MemoryHost();
    await expect(insertTemplates(host, { year: 24 })).rejects.toThrow(/报告年度.*24/);
    expect(host.callsOf("insertSheets")).toEqual([]);
  });

  test("the form starts from the workbook's year, unit and contact", async () => {
    const c = await templateContext(new MemoryHost(seedSnapshot({}, ["A2"])), new Date(2030, 1, 1));
    expect(c).toMatchObject({ present: ["A2"], missing: ["A3", "A4", "A5"], year: 2024, unit: SEED_UNIT });
    expect(c.contact).toBe(SEED_CONTACT);
    const empty = await templateContext(new MemoryHost(), new Date(2030, 1, 1));
    expect(empty).toMatchObject({ present: [], year: 2029, unit: "", contact: "" });
  });
});

describe("saveNote", () => {
  test("keeps the note and the saved formats of marked cells", async () => {
    const host = new MemoryHost(seedSnapshot());
    await validate(host);
    const savedMarks = readState(host.workbook).marks;
    expect(savedMarks.length).toBeGreaterThan(0);
    const target = { rule: "a4-certified-exceeds-staff", sheet: SHEET_NAMES.A4, cell: "G6" };
    await saveNote(host, target, "  含借调人员三名  ", new Date("2025-01-02T03:04:05Z"));
    const state = readState(host.workbook);
    expect(state.notes).toEqual([{ ...target, text: "含借调人员三名", time: "2025-01-02T03:04:05.000Z" }]);
    expect(state.marks).toEqual(savedMarks);
    expect(host.workbook.sheets.find((s) => s.name === STATE_SHEET)?.hidden).toBe(true);
    await saveNote(host, target, "   ");
    expect(readState(host.workbook).notes).toEqual([]);
  });

  test("only warnings outside 附件2/3 take a note", () => {
    const base = { sheet: "s", cell: "A1", related: [], message: "", messageEn: "", rule: "r" };
    expect(canExplain({ ...base, severity: "warning", table: "A4" })).toBe(true);
    expect(canExplain({ ...base, severity: "warning" })).toBe(true);
    expect(canExplain({ ...base, severity: "warning", table: "A2" })).toBe(false);
    expect(canExplain({ ...base, severity: "warning", table: "A3" })).toBe(false);
    expect(canExplain({ ...base, severity: "error", table: "A4" })).toBe(false);
    expect(canExplain({ ...base, severity: "info", table: "A5" })).toBe(false);
  });
});

describe("writeAuditReport", () => {
  test("writes one row per finding under the header", async () => {
    const host = new MemoryHost(seedSnapshot());
    const r = await writeAuditReport(host, { file: "seed.xlsx", now: new Date(2025, 0, 31, 14, 5) });
    const written = host.callsOf("writeSheet")[0];
    expect(written.name).toBe(AUDIT_SHEET);
    expect(written.rows[0]).toEqual([...AUDIT_HEADER]);
    expect(written.rows.filter((row) => typeof row[0] === "number")).toHaveLength(analyse(seedSnapshot()).findings.length);
    expect(r.analysis.findings).toHaveLength(analyse(seedSnapshot()).findings.length);
  });
});

describe("import of last year's figures", () => {
  /** Last year's report: the seed's 2024 tables are last year's for a 2025 report. */
  const lastYear = seedSnapshot();
  const read = async () => lastYear;

  test("previews fills and conflicts, writes the ticked cells and keeps last year's figures", async () => {
    const current = seedSnapshot({ year: 2025, yearly: { unit: SEED_UNIT } });
    const host = new MemoryHost(current);
    const a2 = yearly(host, "A2");
    const penaltyPrior = a2.blocks[0].categories.penalty.prior.address;
    const permitPrior = a2.blocks[0].categories.permit.prior.address;
    host.setCell(a2.sheet, penaltyPrior, 8);
    const plan = await previewImportPrior(host, new Uint8Array(), read, "2024.xlsx");
    expect(host.calls.filter((c) => c.op !== "readSnapshot")).toEqual([]);
    const penalty = plan.rows.find((r) => r.sheet === a2.sheet && r.cell === penaltyPrior);
    expect(penalty).toMatchObject({ action: "conflict", lastYear: 9, now: 8 });
    const accept = defaultAccepted(plan);
    expect(accept.has(cellId({ sheet: a2.sheet, cell: penaltyPrior }))).toBe(false);
    expect(accept.has(cellId({ sheet: a2.sheet, cell: permitPrior }))).toBe(true);

    const r = await applyImportPrior(host, plan, accept);
    expect(r.written).toBe(accept.size);
    expect(host.cell(a2.sheet, penaltyPrior)).toBe(8);
    expect(host.cell(a2.sheet, permitPrior)).toBe(0);
    const kept = readState(host.workbook).prior;
    expect(kept).toContainEqual(expect.objectContaining({ table: "A2", key: "penalty", value: 9 }));
    expect(kept).toHaveLength(plan.figures.length);
  });

  test("a ticked conflict is replaced", async () => {
    const host = new MemoryHost(seedSnapshot({ year: 2025 }));
    const a2 = yearly(host, "A2");
    const cell = a2.blocks[0].categories.penalty.prior.address;
    host.setCell(a2.sheet, cell, 8);
    const plan = await previewImportPrior(host, new Uint8Array(), read);
    await applyImportPrior(host, plan, new Set([cellId({ sheet: a2.sheet, cell })]));
    expect(host.callsOf("writeValues")[0].writes).toEqual([{ sheet: a2.sheet, address: cell, value: 9 }]);
  });

  test("a hand-written plan: nothing ticked writes no cell but still keeps the figures", async () => {
    const host = new MemoryHost(seedSnapshot());
    const plan: ImportPlan = {
      rows: [
        { table: "A2", sheet: "附件2 执法案件", cell: "C7", unit: SEED_UNIT, key: "permit", label: "行政许可(件)", lastYear: 3, now: null, action: "fill" },
      ],
      problems: [],
      figures: [{ table: "A2", unit: SEED_UNIT, key: "permit", value: 3, source: "x.xlsx" }],
    };
    const r = await applyImportPrior(host, plan, new Set());
    expect(r.written).toBe(0);
    expect(host.callsOf("writeValues")).toEqual([]);
    expect(readState(host.workbook).prior).toEqual(plan.figures);
  });

  test("newer figures replace older ones of the same table, unit and category", () => {
    const old = [
      { table: "A2" as const, unit: "甲", key: "permit", value: 1, source: "a" },
      { table: "A2" as const, unit: "甲", key: "penalty", value: 2, source: "a" },
    ];
    const fresh = [{ table: "A2" as const, unit: "甲 ", key: "permit", value: 5, source: "b" }];
    expect(mergePriorFigures(old, fresh)).toEqual([old[1], fresh[0]]);
  });
});
