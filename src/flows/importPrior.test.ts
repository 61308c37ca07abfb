import { analyse } from "../check/analyse";
import { layoutFor, layoutToSnapshot } from "../templates/layout";
import { SEED_UNIT, seedLayoutOptions } from "../templates/sample";
import { importWrites, planImportPrior, priorFiguresOf, cellId } from "./importPrior";
import type { CellValue } from "../grid/grid";

/** Last year's report: its {Y} column carries the figures this year's {Y-1} column should hold. */
function lastYearReport(currentA2: Record<string, CellValue>, year = 2023) {
  const values: Record<string, [CellValue, CellValue]> = {};
  for (const [k, v] of Object.entries(currentA2)) values[k] = [null, v];
  return analyse({ sheets: [layoutToSnapshot(layoutFor("A2", { year, unit: SEED_UNIT, yearly: { unit: SEED_UNIT, values } }))] }, { rules: [] });
}

function thisYear(prior: Record<string, CellValue>) {
  const opts = seedLayoutOptions("A2");
  const values = { ...opts.yearly!.values! };
  for (const [k, v] of Object.entries(prior)) values[k] = [v, values[k][1]];
  return analyse({ sheets: [layoutToSnapshot(layoutFor("A2", { ...opts, yearly: { ...opts.yearly, values } }))] }, { rules: [] });
}

describe("planImportPrior", () => {
  test("fills empty prior cells, keeps equal ones, and flags differing ones as conflicts", () => {
    const current = thisYear({ penalty: null, fines: 818000.7, permit: 3 });
    const last = lastYearReport({ penalty: 7, fines: "818,000.70", permit: 4, confirm: 0 });
    const plan = planImportPrior(current, last, "2023.xlsx");
    const row = (key: string) => plan.rows.find((r) => r.key === key)!;
    expect(plan.problems).toEqual([]);
    expect(row("penalty")).toMatchObject({ action: "fill", lastYear: 7, now: null });
    expect(row("fines").action).toBe("same");
    expect(row("permit")).toMatchObject({ action: "conflict", lastYear: 4, now: 3 });
    // the category not in last year's report body is missing there
    expect(row("ruling").action).toBe("missing");
    // the target is this year's prior-year cell of that category
    const slot = (current.tables[0] as import("../engine/model").RecognisedYearlyTable).blocks[0].categories.penalty.prior;
    expect(row("penalty").cell).toBe(slot.address);
    expect(plan.figures.find((f) => f.key === "penalty")).toMatchObject({ table: "A2", unit: SEED_UNIT, value: 7, source: "2023.xlsx" });
  });

  test("never writes a differing non-empty cell unless forced or ticked", () => {
    const plan = planImportPrior(thisYear({ penalty: null, permit: 3 }), lastYearReport({ penalty: 7, permit: 4 }));
    const cells = (w: ReturnType<typeof importWrites>) => w.map((x) => `${x.address}=${x.value}`);
    const penalty = plan.rows.find((r) => r.key === "penalty")!;
    const permit = plan.rows.find((r) => r.key === "permit")!;
    expect(cells(importWrites(plan))).toEqual([`${penalty.cell}=7`]);
    expect(cells(importWrites(plan, { force: true })).sort()).toEqual([`${penalty.cell}=7`, `${permit.cell}=4`].sort());
    expect(cells(importWrites(plan, { accept: new Set([cellId(permit)]) }))).toEqual([`${permit.cell}=4`]);
  });

  test("refuses a report of the wrong year", () => {
    const plan = planImportPrior(thisYear({}), lastYearReport({ penalty: 7 }, 2022));
    expect(plan.rows).toEqual([]);
    expect(plan.problems[0]).toContain("2022");
    expect(importWrites(plan, { force: true })).toEqual([]);
  });

  test("priorFiguresOf keeps every current-year figure of last year's report", () => {
    const figures = priorFiguresOf(lastYearReport({ penalty: 7, transfer: "2(1)" }), "x");
    expect(figures.map((f) => [f.key, f.value])).toEqual([
      ["penalty", 7],
      ["transfer", "2(1)"],
    ]);
  });
});
