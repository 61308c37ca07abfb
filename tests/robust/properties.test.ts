/**
 * Properties that must hold for any input, checked with fast-check (seeded, bounded runs):
 * - reading values never throws, whatever a cell holds, and never gives a non-finite number;
 * - recognition gives the same findings (rule and cells, moved) wherever the tables stand, with or
 *   without merged cells, and whatever else is on the sheet away from them;
 * - marking then clearing marks (through saved files) leaves every cell exactly as it was;
 * - the annotated copy, the ratio copy and the submission copy keep every value the clerk typed.
 * Runs: FC_RUNS (default 200) for the pure properties, FC_FILE_RUNS (default 12) for those that
 * write and read .xlsx files through ExcelJS; FC_SEED reproduces a failure.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { analyse } from "../../src/check/analyse";
import type { Finding } from "../../src/engine/findings";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/grid/grid";
import { fromA1, toA1 } from "../../src/grid/grid";
import {
  decimalPlaces,
  explainsUnfiled,
  isRealExplanation,
  isZeroPlaceholder,
  normLabel,
  parseNumberText,
  parseValue,
  usable,
} from "../../src/engine/normalize";
import { computeRatio, ratioAgrees, readRatioCell } from "../../src/engine/ratio";
import { STATE_SHEET } from "../../src/engine/stateSheet";
import { AUDIT_SHEET } from "../../src/flows/auditReport";
import { ExcelJSHost } from "../../src/host/xlsx/exceljsHost";
import { renderLayout } from "../../src/host/xlsx/render";
import type { Severity } from "../../src/engine/findings";
import { layoutFor, layoutToSnapshot, type SheetLayout } from "../../src/templates/layout";
import type { ValueKind } from "../../src/templates/schema";
import { shift, unmerged } from "../helpers/sheetEdits";
import { cellOf } from "../helpers/xlsx";
import { anyCellValue, CLERK_WORDS, clerkText, randomTables } from "./arbitraries";

const RUNS = Number(process.env.FC_RUNS ?? 200);
const FILE_RUNS = Number(process.env.FC_FILE_RUNS ?? 12);
const SEED = process.env.FC_SEED === undefined ? 20240115 : Number(process.env.FC_SEED);
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, seed: SEED, endOnFailure: true });

const KINDS: ValueKind[] = ["count", "yuan", "wan", "text", "yesno", "transfer", "countOrText"];

// ---------------------------------------------------------------------------------------------
// Reading values

/** What reading a value must give for any input: a verdict, and only finite numbers for the rules to add up. */
function checkRead(v: CellValue, kind: ValueKind): void {
  const p = parseValue(v, kind);
  expect(typeof p.empty).toBe("boolean");
  expect([v, kind, p.num === null || Number.isFinite(p.num)]).toEqual([v, kind, true]);
  if (p.unfiled !== undefined && p.unfiled !== null) expect(Number.isFinite(p.unfiled)).toBe(true);
  const u = usable(p);
  expect(u === null || Number.isFinite(u)).toBe(true);
  expect(typeof isZeroPlaceholder(v)).toBe("boolean");
  expect(typeof normLabel(v)).toBe("string");
  expect(typeof isRealExplanation(v)).toBe("boolean");
  const r = readRatioCell(v);
  expect(r === null || r === "上年为0" || typeof r === "number").toBe(true);
}

describe("reading values never throws", () => {
  test("every word of the clerks' dictionary, and the awkward numbers, as every kind", () => {
    const numbers: CellValue[] = [0, -0, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, 0.1 + 0.2, 1e20, -3, true, false, null];
    for (const v of [...CLERK_WORDS, ...numbers]) for (const kind of KINDS) checkRead(v, kind);
  });

  test("parseValue, usable, isZeroPlaceholder, normLabel, readRatioCell on any cell value and kind", () => {
    fc.assert(
      fc.property(anyCellValue, fc.constantFrom(...KINDS), (v, kind) => checkRead(v, kind)),
      params(RUNS),
    );
  });

  test("parseNumberText on any text gives null or a finite number with its decimal places", () => {
    fc.assert(
      fc.property(fc.oneof(clerkText, fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" })), (s) => {
        const r = parseNumberText(s);
        if (r !== null) {
          expect(Number.isFinite(r.num)).toBe(true);
          expect(Number.isInteger(r.places) && r.places >= 0).toBe(true);
        }
      }),
      params(RUNS),
    );
  });

  test("readRatioCell, ratioAgrees and computeRatio on any value", () => {
    fc.assert(
      fc.property(anyCellValue, fc.option(fc.double(), { nil: null }), fc.option(fc.double(), { nil: null }), (v, prior, current) => {
        const read = readRatioCell(v);
        expect(read === null || read === "上年为0" || typeof read === "number").toBe(true);
        const ratio = computeRatio(prior, current);
        expect(typeof ratioAgrees(v, ratio)).toBe("boolean");
      }),
      params(RUNS),
    );
  });

  test("isRealExplanation, explainsUnfiled and decimalPlaces on anything", () => {
    fc.assert(
      fc.property(anyCellValue, fc.double(), (v, x) => {
        const real = isRealExplanation(v);
        expect(typeof real).toBe("boolean");
        // explaining unfiled cases is a kind of real explanation
        if (explainsUnfiled(v)) expect(real).toBe(true);
        const places = decimalPlaces(x);
        expect(Number.isInteger(places) && places >= 0).toBe(true);
      }),
      params(RUNS),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Recognition is invariant under where the tables stand

function snapshotOf(tables: Array<{ id: Parameters<typeof layoutFor>[0]; options: Parameters<typeof layoutFor>[1] }>): WorkbookSnapshot {
  return { sheets: tables.map((t) => layoutToSnapshot(layoutFor(t.id, t.options))) };
}

/** `D7`, `'附件2 执法案件'!D7` or `Sheet!D7`, moved by (rows, cols). */
function moveRef(ref: string, rows: number, cols: number): string {
  const bang = ref.lastIndexOf("!");
  const at = fromA1(ref.slice(bang + 1));
  if (!at) return ref;
  return `${ref.slice(0, bang + 1)}${toA1(at.row + rows, at.col + cols)}`;
}

interface Shown {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  related: string[];
}

function shown(findings: Finding[], rows = 0, cols = 0): Shown[] {
  return findings
    .map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: moveRef(f.cell, rows, cols),
      related: f.related.map((r) => moveRef(r, rows, cols)).sort(),
    }))
    .sort((a, b) => `${a.rule}|${a.sheet}|${a.cell}`.localeCompare(`${b.rule}|${b.sheet}|${b.cell}`));
}

function bottomRight(sheet: SheetSnapshot): { row: number; col: number } {
  let col = 0;
  for (const r of sheet.values) if (r) col = Math.max(col, r.length - 1);
  for (const m of sheet.merges) col = Math.max(col, m.right);
  return { row: sheet.values.length - 1, col };
}

/** Text or numbers placed around the table, at least one empty row or column away from it. */
const surroundings = fc.array(
  fc.record({ side: fc.constantFrom("above", "below", "left", "right"), along: fc.nat(40), away: fc.nat(6), value: fc.oneof(clerkText, fc.integer()) }),
  { minLength: 1, maxLength: 25 },
);

function surround(
  sheet: SheetSnapshot,
  top: number,
  left: number,
  cells: Array<{ side: string; along: number; away: number; value: CellValue }>,
): SheetSnapshot {
  const end = bottomRight(sheet);
  const values = sheet.values.map((r) => (r ? [...r] : []));
  const put = (row: number, col: number, v: CellValue) => {
    while (values.length <= row) values.push([]);
    const line = values[row];
    while (line.length <= col) line.push(null);
    line[col] = v;
  };
  for (const c of cells) {
    if (c.value === "" || c.value === null) continue;
    if (c.side === "above" && top >= 2) put(c.away % (top - 1), c.along, c.value);
    else if (c.side === "left" && left >= 2) put(c.along, c.away % (left - 1), c.value);
    else if (c.side === "below") put(end.row + 2 + c.away, c.along, c.value);
    else if (c.side === "right") put(c.along, end.col + 2 + c.away, c.value);
  }
  return { ...sheet, values };
}

describe("recognition does not depend on where the tables stand", () => {
  test("moved down and right: the same findings, moved", () => {
    fc.assert(
      fc.property(randomTables, fc.nat(30), fc.nat(12), (tables, rows, cols) => {
        const base = snapshotOf(tables);
        const moved: WorkbookSnapshot = { sheets: base.sheets.map((s) => shift(s, rows, cols)) };
        expect(shown(analyse(moved).findings)).toEqual(shown(analyse(base).findings, rows, cols));
      }),
      params(RUNS),
    );
  });

  test("without merged cells (pasted from Word): the same findings", () => {
    fc.assert(
      fc.property(randomTables, (tables) => {
        const base = snapshotOf(tables);
        const flat: WorkbookSnapshot = { sheets: base.sheets.map(unmerged) };
        expect(shown(analyse(flat).findings)).toEqual(shown(analyse(base).findings));
      }),
      params(RUNS),
    );
  });

  test("with other text and numbers around the table (an empty row or column between): the same findings, moved", () => {
    fc.assert(
      fc.property(randomTables, fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 8 }), surroundings, (tables, rows, cols, around) => {
        const base = snapshotOf(tables);
        const busy: WorkbookSnapshot = { sheets: base.sheets.map((s) => surround(shift(s, rows, cols), rows, cols, around)) };
        expect(shown(analyse(busy).findings)).toEqual(shown(analyse(base).findings, rows, cols));
      }),
      params(RUNS),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Files: marks, annotated, ratio and submission copies

const FIXED_DATE = new Date(Date.UTC(2025, 0, 20, 2, 0, 0));

async function xlsxOf(layouts: SheetLayout[], edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const l of layouts) renderLayout(wb.addWorksheet(l.sheetName), l);
  edit?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every cell of a sheet that exists in the file: value, fill, note and the rest of its style, as JSON. */
function cellsOf(ws: ExcelJS.Worksheet, what: (cell: ExcelJS.Cell) => unknown): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const shownValue = JSON.stringify(what(cell) ?? null);
      if (shownValue !== "null" && shownValue !== "{}") out.set(cell.address, shownValue);
    });
  });
  return out;
}

function formatOf(cell: ExcelJS.Cell): unknown {
  const note = cell.note === undefined ? null : cell.note;
  return { value: cell.value ?? null, style: cell.style ?? {}, note };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function sheetsByName(wb: ExcelJS.Workbook, skip: string[] = []): Map<string, ExcelJS.Worksheet> {
  return new Map(wb.worksheets.filter((w) => !skip.includes(w.name)).map((w) => [w.name, w]));
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const address = fc.tuple(fc.nat(25), fc.nat(14)).map(([c, r]) => toA1(r, c));
const argb = fc.constantFrom("FFFF0000", "FF00B050", "FFFFFF00", "FFDDEBF7", "FFFFC7CE", "FF92D050");
const preFormat = fc.record({
  address,
  fill: fc.option(
    fc.oneof(
      argb.map((c): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: c } })),
      fc.constant<ExcelJS.Fill>({ type: "pattern", pattern: "darkGrid", fgColor: { theme: 4 }, bgColor: { argb: "FFFFFFFF" } }),
    ),
    { nil: undefined },
  ),
  note: fc.option(fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constant("已核实：与台账一致")), { nil: undefined }),
});
const markArb = fc.record({ address, severity: fc.constantFrom(...SEVERITIES), message: fc.string({ minLength: 1, maxLength: 30 }) });

describe("marks come off without a trace", () => {
  test("mark, save, open, clear, save: every cell's value, fill, note and style as before (also when marked twice)", async () => {
    const layouts = ["A2", "A4"].map((id) => layoutFor(id as "A2" | "A4", { year: 2024, unit: "某县局", contact: "张三 13800000000" }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ sheet: fc.nat(1), format: preFormat }), { maxLength: 12 }),
        fc.array(fc.record({ sheet: fc.nat(1), mark: markArb }), { minLength: 1, maxLength: 15 }),
        fc.array(fc.record({ sheet: fc.nat(1), mark: markArb }), { maxLength: 6 }),
        async (pre, marks, again) => {
          const original = await xlsxOf(layouts, (wb) => {
            for (const { sheet, format } of pre) {
              const cell = cellOf(wb.worksheets[sheet], format.address);
              if (format.fill) cell.style = { ...cell.style, fill: format.fill };
              if (format.note) cell.note = format.note;
            }
          });
          const toMark = (list: typeof marks) => list.map(({ sheet, mark }) => ({ ...mark, sheet: layouts[sheet].sheetName }));
          const host = await ExcelJSHost.fromBytes(original);
          await host.mark(toMark(marks));
          let bytes = await host.toBytes();
          if (again.length) {
            const second = await ExcelJSHost.fromBytes(bytes);
            await second.mark(toMark(again));
            bytes = await second.toBytes();
          }
          const reopened = await ExcelJSHost.fromBytes(bytes);
          await reopened.clearMarks();
          const cleared = await load(await reopened.toBytes());
          const before = sheetsByName(await load(original));
          const after = sheetsByName(cleared, [STATE_SHEET]);
          expect([...after.keys()]).toEqual([...before.keys()]);
          for (const [name, ws] of before) expect(cellsOf(after.get(name)!, formatOf)).toEqual(cellsOf(ws, formatOf));
        },
      ),
      params(FILE_RUNS),
    );
  }, 600_000);
});

describe("the copies keep every value the clerk typed", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "xzzf-props-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function io(): CliIO {
    const none = { write: () => true };
    return { stdout: none, stderr: none, now: () => FIXED_DATE };
  }

  /** A cell's own value; a cell covered by a merged area has none (ExcelJS shows the top-left's there). */
  function valueOf(cell: ExcelJS.Cell): unknown {
    if (cell.type === ExcelJS.ValueType.Merge) return null;
    return cell.value ?? null;
  }

  /** A formula's value as a recipient sees it: its cached result (the submission copy keeps only that). */
  function resultOf(cell: ExcelJS.Cell): unknown {
    if (cell.type === ExcelJS.ValueType.Merge) return null;
    const v = cell.value as unknown;
    if (v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) return (v as { result?: unknown }).result ?? null;
    return v ?? null;
  }

  /** The 同比变化 cells, from the layouts' own roles (not from recognition). */
  function ratioCells(layouts: SheetLayout[]): Set<string> {
    const out = new Set<string>();
    for (const l of layouts) for (const c of l.cells) if (c.role === "ratio") out.add(`${l.sheetName}!${toA1(c.row, c.col)}`);
    return out;
  }

  test("annotate changes no value; ratios changes only 同比变化 cells; the submission copy keeps every value (formulas as their results)", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(randomTables, fc.array(fc.tuple(address, clerkText), { maxLength: 5 }), async (tables, extra) => {
        run++;
        const layouts = tables.map((t) => layoutFor(t.id, t.options));
        const input = join(dir, `in-${run}.xlsx`);
        const bytes = await xlsxOf(layouts, (wb) => {
          // a sheet of the clerk's own, and a formula in a table, must come through too
          const own = wb.addWorksheet("说明");
          for (const [a, v] of extra) cellOf(own, a).value = v;
          cellOf(own, "A20").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
        });
        writeFileSync(input, bytes);
        const annotated = join(dir, `annotated-${run}.xlsx`);
        const ratios = join(dir, `ratios-${run}.xlsx`);
        expect([0, 1]).toContain(await main(["annotate", input, "--out", annotated], io()));
        const ratioCode = await main(["ratios", input, "--out", ratios], io());

        const before = sheetsByName(await load(bytes));
        const annotatedBook = await load(new Uint8Array(readFileSync(annotated)));
        const afterAnnotate = sheetsByName(annotatedBook, [STATE_SHEET, AUDIT_SHEET]);
        expect([...afterAnnotate.keys()]).toEqual([...before.keys()]);
        for (const [name, ws] of before) expect(cellsOf(afterAnnotate.get(name)!, valueOf)).toEqual(cellsOf(ws, valueOf));

        if (ratioCode === 0) {
          const afterRatios = sheetsByName(await load(new Uint8Array(readFileSync(ratios))));
          const allowed = ratioCells(layouts);
          expect([...afterRatios.keys()]).toEqual([...before.keys()]);
          for (const [name, ws] of before) {
            const a = cellsOf(afterRatios.get(name)!, valueOf);
            const b = cellsOf(ws, valueOf);
            for (const key of new Set([...a.keys(), ...b.keys()])) {
              if (allowed.has(`${name}!${key}`)) continue;
              expect([name, key, a.get(key)]).toEqual([name, key, b.get(key)]);
            }
          }
        }

        const host = await ExcelJSHost.fromBytes(new Uint8Array(readFileSync(annotated)));
        const submission = sheetsByName(await load(await host.submissionCopy()));
        expect([...submission.keys()]).toEqual([...before.keys()]);
        for (const [name, ws] of before) expect(cellsOf(submission.get(name)!, resultOf)).toEqual(cellsOf(ws, resultOf));
      }),
      params(FILE_RUNS),
    );
  }, 900_000);
});
