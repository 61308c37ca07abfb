import { computeRatio, formatPercent, PRIOR_ZERO, ratioAgrees, ratioFormula, readRatioCell } from "./ratio";

/** The text of a ratio that exists (fails the test when there is none). */
function textOf(prior: number, current: number): string {
  const r = computeRatio(prior, current);
  if (r.kind === "none") throw new Error(`no ratio for ${prior} → ${current}`);
  return r.text;
}

describe("computeRatio (rules.md, 'Change ratios')", () => {
  // The seed's figures, checked by hand in rules.md.
  test.each<[number, number, string, number]>([
    [7, 9, "+28.57%", 0.2857],
    [818000.7, 4005196.42, "+389.63%", 3.8963],
    [5, 6, "+20.00%", 0.2],
    [272485, 907480, "+233.04%", 2.3304],
    [0, 0, "0.00%", 0],
    [10, 5, "-50.00%", -0.5],
    [4, 0, "-100.00%", -1],
    [3, 3, "0.00%", 0],
    [10, 13, "+30.00%", 0.3],
  ])("%d → %d gives %s", (prior, current, text, value) => {
    const r = computeRatio(prior, current);
    expect(r).toEqual({ kind: "percent", value, text });
  });

  test("prior 0 and current > 0 gives 上年为0", () => {
    expect(computeRatio(0, 5)).toEqual({ kind: "prior-zero", text: "上年为0" });
    expect(PRIOR_ZERO).toBe("上年为0");
  });

  test("a missing year gives no ratio", () => {
    expect(computeRatio(null, 5)).toEqual({ kind: "none" });
    expect(computeRatio(5, null)).toEqual({ kind: "none" });
    expect(computeRatio(null, null)).toEqual({ kind: "none" });
  });

  test("rounds half away from zero at 2 decimals despite float noise", () => {
    // 1/8 = 12.5 % exactly; 1/3 = 33.333…; 2/3 of a fall
    expect(textOf(8, 9)).toBe("+12.50%");
    expect(textOf(3, 4)).toBe("+33.33%");
    expect(textOf(3, 1)).toBe("-66.67%");
    // (1.0000500 - 1) / 1 = 0.005 % → 0.01 % when rounded half up, not 0.00 %
    expect(textOf(200000, 200010)).toBe("+0.01%");
  });

  test("a change too small to show is 0.00%, not -0.00%", () => {
    expect(textOf(1000000, 999999)).toBe("0.00%");
    expect(textOf(1000000, 1000001)).toBe("0.00%");
  });
});

describe("formatPercent", () => {
  test("signed, 2 decimals, no sign on zero", () => {
    expect(formatPercent(28.57)).toBe("+28.57%");
    expect(formatPercent(-50)).toBe("-50.00%");
    expect(formatPercent(0)).toBe("0.00%");
    expect(formatPercent(-0)).toBe("0.00%");
  });
});

describe("readRatioCell", () => {
  test("`+28.57%`, `28.57%` and 0.2857 formatted as % read the same", () => {
    expect(readRatioCell("+28.57%")).toBeCloseTo(28.57, 10);
    expect(readRatioCell("28.57%")).toBeCloseTo(28.57, 10);
    expect(readRatioCell(0.2857)).toBeCloseTo(28.57, 10);
    expect(readRatioCell(" ＋28.57％ ")).toBeCloseTo(28.57, 10);
    expect(readRatioCell("增长28.57%")).toBeCloseTo(28.57, 10);
  });

  test("negative ratios in their spellings", () => {
    expect(readRatioCell("-50.00%")).toBe(-50);
    expect(readRatioCell("\u221250.00%")).toBe(-50);
    expect(readRatioCell("－50%")).toBe(-50);
    expect(readRatioCell("下降50%")).toBe(-50);
    expect(readRatioCell(-0.5)).toBe(-50);
  });

  test("上年为0 and its spellings", () => {
    for (const s of ["上年为0", "上年为0。", "上年为零", "上年是0", " 上年为 0 "]) expect(readRatioCell(s)).toBe(PRIOR_ZERO);
  });

  test("unreadable text is null", () => {
    for (const s of ["增长很多", "28.57", "/", "无", "#DIV/0!", "abc%"]) expect(readRatioCell(s)).toBeNull();
    expect(readRatioCell(null)).toBeNull();
    expect(readRatioCell(true)).toBeNull();
    expect(readRatioCell(Number.NaN)).toBeNull();
  });
});

describe("ratioAgrees (compared at 2 decimals)", () => {
  const r = computeRatio(7, 9);
  test("the same ratio in any spelling agrees", () => {
    for (const cell of ["+28.57%", "28.57%", 0.2857, 0.285714285714, "增长28.57%"]) expect(ratioAgrees(cell, r)).toBe(true);
  });

  test("a different ratio, unreadable text or 上年为0 disagrees", () => {
    for (const cell of ["+28.58%", "+28.5%", "28%", "-28.57%", 0.28, "增长很多", "上年为0"]) expect(ratioAgrees(cell, r)).toBe(false);
  });

  test("上年为0 agrees only with a prior of 0", () => {
    const pz = computeRatio(0, 3);
    expect(ratioAgrees("上年为0", pz)).toBe(true);
    expect(ratioAgrees("0.00%", pz)).toBe(false);
    expect(ratioAgrees("+100.00%", pz)).toBe(false);
    expect(ratioAgrees("上年为0", computeRatio(0, 0))).toBe(false);
    expect(ratioAgrees("0.00%", computeRatio(0, 0))).toBe(true);
    expect(ratioAgrees(0, computeRatio(0, 0))).toBe(true);
  });

  test("with a year missing there is nothing to disagree with", () => {
    expect(ratioAgrees("增长很多", computeRatio(null, 3))).toBe(true);
  });
});

describe("ratioFormula", () => {
  const f = ratioFormula("C7", "D7");
  test("is a formula over the two cells with the product's conventions", () => {
    expect(f.startsWith("=")).toBe(true);
    expect(f).toContain('OR(C7="",D7="")');
    expect(f).toContain(`"${PRIOR_ZERO}"`);
    expect(f).toContain("(D7-C7)/C7");
    expect(f).toContain('"+0.00%;-0.00%"');
    // a change that rounds to nothing reads 0.00%, as formatPercent writes it
    expect(f).toContain('ROUND((D7-C7)/C7,4)=0,"0.00%"');
  });

  test("brackets balance and quotes pair up", () => {
    let depth = 0;
    for (const ch of f.replace(/"[^"]*"/g, '""')) {
      if (ch === "(") depth++;
      if (ch === ")") depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect((f.match(/"/g) ?? []).length % 2).toBe(0);
  });

  test("names the cells it is given", () => {
    const g = ratioFormula("$M$7", "$N$7");
    expect(g).toContain("($N$7-$M$7)/$M$7");
    expect(g).not.toContain("C7");
  });
});
