import { analyse, type Analysis } from "../check/analyse";
import type { CellValue } from "../grid/grid";
import type { RecognisedYearlyTable } from "../engine/model";
import { layoutFor, layoutToSnapshot } from "../templates/layout";
import { seedLayoutOptions } from "../templates/sample";
import { TABLE_IDS } from "../templates/tables";
import { planAggregate, reportUnit } from "./aggregate";

/** A unit's four-table report: the seed's tables under another unit name, with some 附件2 figures replaced. */
function unitReport(unit: string, a2: Record<string, [CellValue, CellValue]> = {}, year = 2024, explain?: string): Analysis {
  const sheets = TABLE_IDS.map((id) => {
    const o = seedLayoutOptions(id);
    const opts = { ...o, year, unit };
    if (id === "A2")
      opts.yearly = {
        ...o.yearly,
        unit,
        values: { ...o.yearly!.values, ...a2 },
        explanations: { ...o.yearly!.explanations, ...(explain ? { transfer: explain } : {}) },
      };
    if (id === "A3") opts.yearly = { ...o.yearly, unit };
    if (id === "A5") opts.columns = { rows: [{ ...o.columns!.rows![0], name: unit }] };
    return layoutToSnapshot(layoutFor(id, opts));
  });
  return analyse({ sheets }, { rules: [] });
}

describe("planAggregate", () => {
  test("sums 附件2/3 per category and year, transfers part by part, money without float noise, and recomputes ratios", () => {
    const a = unitReport("甲局", { penalty: [7, 9], fines: [0.1, 100.2], transfer: ["1", "3(1)"] }, 2024, "移送3件，1件因证据不足公安未立案");
    const b = unitReport("乙局", { penalty: [3, 1], fines: [0.2, 0.1], transfer: [0, "2(2)"] });
    const plan = planAggregate(
      [
        { file: "a.xlsx", analysis: a },
        { file: "b.xlsx", analysis: b },
      ],
      { unit: "县汇总" },
    );
    if (!plan.ok) throw new Error(plan.problems.join());
    const a2 = plan.tables.A2!.yearly!;
    expect(a2.values!.penalty).toEqual([10, 10]);
    expect(a2.values!.fines).toEqual([0.3, 100.3]);
    expect(a2.values!.transfer).toEqual([1, "5(3)"]);
    expect(a2.ratios!.penalty).toBe("0.00%");
    expect(a2.ratios!.transfer).toBe("+400.00%");
    expect(String(a2.explanations!.transfer)).toContain("甲局：移送3件");
    expect(String(a2.explanations!.penalty)).toMatch(/甲局：.*；乙局：/);
    // 附件5 lists one row per unit
    expect(plan.tables.A5!.columns!.rows!.map((r) => r.name)).toEqual(["甲局", "乙局"]);
    // 附件4 keeps the unit with the department
    expect(plan.tables.A4!.columns!.rows!.map((r) => r.name)).toEqual(["甲局 自然资源执法股", "乙局 自然资源执法股"]);
    expect(plan.units).toEqual(["甲局", "乙局"]);
  });

  test("the aggregate, laid out, reads back with the summed figures", () => {
    const plan = planAggregate([
      { file: "a", analysis: unitReport("甲局", { penalty: [7, 9] }) },
      { file: "b", analysis: unitReport("乙局", { penalty: [1, 2] }) },
    ]);
    if (!plan.ok) throw new Error(plan.problems.join());
    const sheets = Object.entries(plan.tables).map(([id, o]) => layoutToSnapshot(layoutFor(id as "A2", o!)));
    const back = analyse({ sheets });
    const a2 = back.tables.find((t) => t.id === "A2") as RecognisedYearlyTable;
    expect(a2.blocks[0].categories.penalty.current.raw).toBe(11);
    expect(back.findings.filter((f) => f.rule === "ratio-missing")).toEqual([]);
    expect(reportUnit(back)).toBe("汇总");
  });

  test("refuses mixed report years", () => {
    const plan = planAggregate([
      { file: "a", analysis: unitReport("甲局", {}, 2024) },
      { file: "b", analysis: unitReport("乙局", {}, 2023) },
    ]);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.problems[0]).toMatch(/2023：b.*|2024：a/);
  });

  test("refuses a unit reported twice unless told which file to keep", () => {
    const inputs = [
      { file: "dir/a.xlsx", analysis: unitReport("甲局", { penalty: [1, 1] }) },
      { file: "dir/a-copy.xlsx", analysis: unitReport(" 甲局 ", { penalty: [5, 5] }) },
      { file: "dir/b.xlsx", analysis: unitReport("乙局", { penalty: [2, 2] }) },
    ];
    const refused = planAggregate(inputs);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.join()).toContain("甲局");
    const kept = planAggregate(inputs, { keep: { 甲局: "a-copy.xlsx" } });
    if (!kept.ok) throw new Error(kept.problems.join());
    expect(kept.tables.A2!.yearly!.values!.penalty).toEqual([7, 7]);
    expect(kept.skipped).toEqual(["dir/a.xlsx"]);
  });
});
