import { analyse } from "../check/analyse";
import { layoutFor, layoutToSnapshot, type LayoutOptions } from "../templates/layout";
import { seedLayoutOptions } from "../templates/sample";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";
import { planRatios } from "./ratios";

function a2With(change: (o: LayoutOptions) => LayoutOptions) {
  return analyse({ sheets: [layoutToSnapshot(layoutFor("A2", change(seedLayoutOptions("A2"))))] });
}

function setValue(key: string, pair: [string | number | null, string | number | null]) {
  return (o: LayoutOptions): LayoutOptions => ({ ...o, yearly: { ...o.yearly, values: { ...o.yearly?.values, [key]: pair } } });
}

describe("planRatios", () => {
  test("the seed gives the ratios rules.md lists, as text, overwriting nothing", () => {
    const plan = planRatios(analyse(seedSnapshot()), "values");
    const byTable = (id: string) => Object.fromEntries(plan.items.filter((i) => i.table === id).map((i) => [i.category, i.next]));
    const a2 = byTable("A2");
    expect(Object.keys(a2)).toHaveLength(10);
    expect(a2["行政处罚(件)"]).toBe("+28.57%");
    expect(a2["罚没金额（元）"]).toBe("+389.63%");
    expect(Object.entries(a2).filter(([, v]) => v === "0.00%")).toHaveLength(8);
    const a3 = byTable("A3");
    expect(Object.keys(a3)).toHaveLength(11);
    expect(a3["涉企行政处罚(件)"]).toBe("+20.00%");
    expect(a3["罚没金额（元）"]).toBe("+233.04%");
    expect(Object.entries(a3).filter(([, v]) => v === "0.00%")).toHaveLength(9);
    expect(plan.overwrites).toEqual([]);
    expect(plan.writes).toHaveLength(21);
    for (const w of plan.writes) {
      expect(typeof w.value).toBe("string");
      expect(w.numberFormat).toBe("@");
      expect(w.formula).toBeUndefined();
    }
  });

  test("writes go to the ratio row under the two year columns (official layout: M8 for 行政处罚)", () => {
    const plan = planRatios(
      a2With((o) => o),
      "values",
    );
    const penalty = plan.writes.find((w) => w.value === "+28.57%");
    expect(penalty).toMatchObject({ sheet: "附件2 执法案件", address: "M8" });
  });

  test("prior 0 → current > 0 gives 上年为0; transfer N(M) uses N; a decrease is signed", () => {
    const a = a2With((o) => setValue("transfer", ["2(1)", "3(2)"])(setValue("permit", [0, 4])(setValue("penalty", [10, 5])(o))));
    const next = Object.fromEntries(planRatios(a, "values").items.map((i) => [i.category, i.next]));
    expect(next["行政许可(件)"]).toBe("上年为0");
    expect(next["移送司法机关刑事案件件数(其中未立案数)"]).toBe("+50.00%");
    expect(next["行政处罚(件)"]).toBe("-50.00%");
  });

  test("a different value in a ratio cell is listed as an overwrite; an equal one is not", () => {
    const a = a2With((o) => ({ ...o, yearly: { ...o.yearly, ratios: { penalty: "+30.00%", fines: "+389.63%" } } }));
    const plan = planRatios(a, "values");
    expect(plan.overwrites.map((i) => [i.category, i.old, i.next])).toEqual([["行政处罚(件)", "+30.00%", "+28.57%"]]);
  });

  test("a missing year leaves an empty ratio cell alone and empties a filled one (listed as an overwrite)", () => {
    const a = a2With((o) => {
      const changed = setValue("penalty", [null, 9])(setValue("permit", [null, 0])(o));
      return { ...changed, yearly: { ...changed.yearly, ratios: { penalty: "+28.57%" } } };
    });
    const plan = planRatios(a, "values");
    expect(plan.items.find((i) => i.category === "行政许可(件)")).toBeUndefined();
    const penalty = plan.items.find((i) => i.category === "行政处罚(件)");
    expect(penalty).toMatchObject({ old: "+28.57%", next: null });
    expect(plan.overwrites).toContain(penalty);
    expect(plan.writes.find((w) => w.address === penalty?.cell)?.value).toBeNull();
  });

  test("formulas mode writes ratioFormula over the two year cells, keeping the text as cached result", () => {
    const plan = planRatios(
      a2With((o) => o),
      "formulas",
    );
    const penalty = plan.writes.find((w) => w.address === "M8");
    expect(penalty?.value).toBe("+28.57%");
    expect(penalty?.formula).toMatch(/^=IF\(OR\(M7="",N7=""\)/);
    expect(penalty?.formula).toContain("(N7-M7)/M7");
  });

  test("formulas mode falls back to the value where a year cell holds text Excel cannot compute", () => {
    const plan = planRatios(a2With(setValue("penalty", ["7件", 9])), "formulas");
    const penalty = plan.writes.find((w) => w.address === "M8");
    expect(penalty).toMatchObject({ value: "+28.57%", numberFormat: "@" });
    expect(penalty?.formula).toBeUndefined();
    expect(plan.writes.filter((w) => w.formula)).toHaveLength(9);
  });
});
