import { decimalPlaces, explainsUnfiled, isRealExplanation, isZeroPlaceholder, normLabel, parseNumberText, parseValue, usable } from "./normalize";
import type { CellValue } from "../grid/grid";

describe("parseValue: numbers as clerks type them (rules.md)", () => {
  test("text `1,234.5` reads as 1234.5 in an amount column", () => {
    expect(parseValue("1,234.5", "yuan")).toEqual({ empty: false, num: 1234.5, note: "as-text", problem: undefined });
    expect(parseValue("1,234.5", "count")).toMatchObject({ num: 1234.5, problem: "not-integer" });
  });

  test.each<[CellValue, number]>([
    ["1,234", 1234],
    ["1,234,567", 1234567],
    ["１２", 12],
    ["１，２３４", 1234],
    ["9件", 9],
    ["3台", 3],
    ["26人次", 26],
    ["1600学时", 1600],
    [" 7 ", 7],
    ["7 件", 7],
    ["\u30007\u3000", 7],
    ["0", 0],
    ["+3", 3],
  ])("text %j reads as %d and is noted as text", (raw, num) => {
    const v = parseValue(raw, "count");
    expect(v).toMatchObject({ empty: false, num, note: "as-text" });
    expect(v.problem).toBeUndefined();
  });

  test("a real number cell carries no note", () => {
    expect(parseValue(9, "count")).toEqual({ empty: false, num: 9, problem: undefined });
    expect(parseValue(4005196.42, "yuan")).toEqual({ empty: false, num: 4005196.42, problem: undefined });
  });

  test.each<CellValue>([null, "", "   ", "\u3000"])("%j is empty", (raw) => {
    expect(parseValue(raw, "count")).toEqual({ empty: true, num: null });
  });

  test.each(["无", "/", "／", "-", "—", " 无 ", "——"])("the placeholder %j reads as 0", (raw) => {
    expect(parseValue(raw, "count")).toMatchObject({ empty: false, num: 0, note: "placeholder" });
    expect(parseValue(raw, "yuan").num).toBe(0);
    expect(isZeroPlaceholder(raw)).toBe(true);
  });

  test.each(["0", "无此", "N/A", "1"])("%j is not a zero placeholder", (raw) => {
    expect(isZeroPlaceholder(raw)).toBe(false);
  });

  test.each(["#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NAME?", " #NUM! "])("the Excel error %j is not a number", (raw) => {
    const v = parseValue(raw, "count");
    expect(v.problem).toBe("not-number");
    expect(usable(v)).toBeNull();
  });

  test("`1,2` is not read as 12 (nor as 1.2)", () => {
    expect(parseNumberText("1,2")).toBeNull();
    expect(parseValue("1,2", "count")).toMatchObject({ num: null, problem: "not-number" });
    expect(parseNumberText("12,34")).toBeNull();
  });

  test.each<CellValue>(["九", "约9件", "9件左右", "2024-03-05", "增长", "1e5", "NaN", "Infinity", "-Infinity"])("%j is not a number", (raw) => {
    expect(parseValue(raw, "count")).toMatchObject({ num: null, problem: "not-number" });
  });

  test("booleans are not numbers, but are text where text is allowed", () => {
    expect(parseValue(true, "count")).toMatchObject({ num: null, problem: "not-number" });
    expect(parseValue(false, "yuan")).toMatchObject({ num: null, problem: "not-number" });
    expect(parseValue(true, "countOrText")).toMatchObject({ num: null, text: "true" });
    expect(parseValue(true, "countOrText").problem).toBeUndefined();
  });

  test("NaN and Infinity as numbers are not numbers", () => {
    for (const raw of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(parseValue(raw, "count")).toMatchObject({ num: null, problem: "not-number" });
    }
  });

  test("huge numbers are read while finite, and are not a number beyond", () => {
    expect(parseValue(1e20, "count")).toMatchObject({ num: 1e20, problem: undefined });
    expect(parseValue("100000000000000000000", "count")).toMatchObject({ num: 1e20, problem: undefined });
    expect(parseValue(`1${"0".repeat(400)}`, "count")).toMatchObject({ num: null, problem: "not-number" });
    expect(parseValue(`1${"0".repeat(400)}(1)`, "transfer")).toMatchObject({ num: null, problem: "not-number" });
  });

  test("negative numbers, fractions of counts and too many decimals", () => {
    expect(parseValue(-1, "count").problem).toBe("negative");
    expect(parseValue("-3件", "count")).toMatchObject({ num: -3, problem: "negative" });
    expect(parseValue(9.5, "count").problem).toBe("not-integer");
    expect(parseValue("9.5", "count").problem).toBe("not-integer");
    expect(parseValue(2.5, "countOrText").problem).toBe("not-integer");
    expect(parseValue(1.005, "yuan").problem).toBe("precision");
    expect(parseValue("1,234.567", "yuan").problem).toBe("precision");
    expect(parseValue(1.25, "yuan").problem).toBeUndefined();
    expect(parseValue("12.50", "yuan").problem).toBeUndefined();
    expect(parseValue(0.12345, "wan").problem).toBe("precision");
    expect(parseValue(0.1234, "wan").problem).toBeUndefined();
    // float noise from a formula is not a third decimal
    expect(parseValue(0.1 + 0.2, "yuan").problem).toBeUndefined();
    expect(parseValue(4005196.4200000004, "yuan").problem).toBeUndefined();
  });

  test("a unit that does not fit the column is not dropped: 5万元 is not 5 元", () => {
    expect(parseValue("5万元", "yuan")).toMatchObject({ num: null, problem: "not-number" });
    expect(parseValue("5元", "yuan")).toMatchObject({ num: 5, note: "as-text" });
    expect(parseValue("5万元", "wan")).toMatchObject({ num: 5, note: "as-text" });
    expect(parseValue("5元", "wan")).toMatchObject({ num: null, problem: "not-number" });
    expect(parseValue("3件", "yuan")).toMatchObject({ num: null, problem: "not-number" });
    expect(parseValue("300元", "count")).toMatchObject({ num: null, problem: "not-number" });
  });

  test("decimal places survive float noise and exponent notation", () => {
    expect(decimalPlaces(0.1 + 0.2)).toBe(1);
    expect(decimalPlaces(1e-7)).toBe(7);
    expect(decimalPlaces(1.5e-7)).toBe(8);
    expect(decimalPlaces(4005196.42)).toBe(2);
    expect(decimalPlaces(-3.25)).toBe(2);
    expect(decimalPlaces(12)).toBe(0);
    expect(parseValue(1e-7, "yuan").problem).toBe("precision");
  });

  test("countOrText keeps text that is not a number", () => {
    expect(parseValue("执法记录仪2台", "countOrText")).toEqual({ empty: false, num: null, text: "执法记录仪2台" });
    expect(parseValue("2台", "countOrText")).toMatchObject({ num: 2, note: "as-text" });
    expect(parseValue("#REF!", "countOrText").problem).toBe("not-number");
  });

  test("text columns are kept as trimmed text", () => {
    expect(parseValue(" 自然资源执法股 ", "text")).toEqual({ empty: false, num: null, text: "自然资源执法股" });
    expect(parseValue(0, "text")).toEqual({ empty: false, num: null, text: "0" });
  });

  test("yes/no cells take only 是 and 否", () => {
    expect(parseValue("是", "yesno").problem).toBeUndefined();
    expect(parseValue(" 否 ", "yesno").problem).toBeUndefined();
    for (const raw of ["使用", "Y", "yes", 1, true, "是的"]) expect(parseValue(raw, "yesno").problem).toBe("yesno");
  });
});

describe("parseValue: transfers N or N(M)", () => {
  test.each<[CellValue, number, number]>([
    [0, 0, 0],
    [3, 3, 0],
    ["3", 3, 0],
    ["3(1)", 3, 1],
    ["3（1）", 3, 1],
    [" 3 ( 1 ) ", 3, 1],
    ["3件(1件)", 3, 1],
    ["２(２)", 2, 2],
    ["无", 0, 0],
  ])("%j reads as N=%d, M=%d", (raw, n, m) => {
    const v = parseValue(raw, "transfer");
    expect(v.num).toBe(n);
    expect(v.unfiled).toBe(m);
    expect(v.problem).toBeUndefined();
  });

  test("M > N and other shapes are transfer-format problems", () => {
    expect(parseValue("1(3)", "transfer")).toMatchObject({ num: 1, unfiled: 3, problem: "transfer-format" });
    for (const raw of ["3(其中1)", "三件", "3/1", "(1)", 2.5]) expect(parseValue(raw, "transfer").problem).toBe("transfer-format");
  });

  test("negative transfers and Excel errors", () => {
    expect(parseValue(-2, "transfer").problem).toBe("negative");
    expect(parseValue("-2(1)", "transfer").problem).toBe("negative");
    expect(parseValue("#REF!", "transfer").problem).toBe("not-number");
  });

  test("a plain N typed as text is noted as text; N(M) is the template's own shape", () => {
    expect(parseValue("3", "transfer").note).toBe("as-text");
    expect(parseValue("3(1)", "transfer").note).toBeUndefined();
  });
});

describe("isRealExplanation (rules.md, 'Real explanation')", () => {
  test.each<CellValue>([
    "强化日常监管，提升巡查质量",
    "本年度未受理行政许可申请",
    "说明：本年度无此类案件",
    "No applications were received this year",
    "本年未发生移送案件和未立案的主要原因)",
    "本年度未发生此类案件",
    "辖区内无矿山企业",
    "本年无变化，未发生此类案件",
  ])("%j is a real explanation", (v) => {
    expect(isRealExplanation(v)).toBe(true);
  });

  test.each<CellValue>([
    null,
    "",
    "   ",
    "无",
    "/",
    "—",
    "-",
    "0",
    0,
    12,
    "和未立案的主要原因)",
    "和未立案的主要原因）",
    "（和未立案的主要原因）",
    "(说明数据变化的原因)",
    "（填写数据变化原因分析）",
    "（说明数据变化原因",
    "说明数据变化原因）",
    "无变化",
    "正常",
    "no data",
    // filler words only (rules.md): nothing is left once they are removed
    "暂无说明",
    "无变化原因",
    "待补充",
    "同上",
    "数据无变化",
    "暂无，详见上表",
    "其他情况说明",
    "原因分析：待定",
    "略",
    "（说明数据变化原因）暂无",
  ])("%j is not a real explanation", (v) => {
    expect(isRealExplanation(v)).toBe(false);
  });

  test("bracketed instructions are dropped before counting", () => {
    expect(isRealExplanation("（说明数据变化原因）无变化")).toBe(false);
    expect(isRealExplanation("（说明数据变化原因）本年未发生")).toBe(true);
  });

  test("verdicts are remembered by text, and stay right once the memo has been cleared", () => {
    const texts = Array.from({ length: 12_000 }, (_, i) => (i % 2 ? `第${i}号说明：加强巡查执法` : `无${"x".repeat(i % 7)}`));
    const first = texts.map(isRealExplanation);
    expect(first.filter(Boolean).length).toBe(6000);
    expect(texts.map(isRealExplanation)).toEqual(first);
    expect(isRealExplanation("强化日常监管，提升巡查质量")).toBe(true);
    expect(isRealExplanation("无变化")).toBe(false);
  });
});

describe("explainsUnfiled", () => {
  test("gives the reasons for transfers not placed on file", () => {
    expect(explainsUnfiled("移送的1件因公安机关认为不构成犯罪，未立案")).toBe(true);
    expect(explainsUnfiled("公安机关经审查决定不予立案")).toBe(true);
    expect(explainsUnfiled("公安机关未予立案，证据不足")).toBe(true);
  });

  test("the template fragment, or an explanation that does not mention filing, is not enough", () => {
    expect(explainsUnfiled("和未立案的主要原因)")).toBe(false);
    expect(explainsUnfiled("（和未立案的主要原因）")).toBe(false);
    expect(explainsUnfiled("本年移送3件涉嫌犯罪案件和未立案的主要原因)")).toBe(false);
    expect(explainsUnfiled("加大打击力度，移送案件增加")).toBe(false);
    expect(explainsUnfiled(null)).toBe(false);
  });
});

describe("normLabel", () => {
  test("folds line breaks, spaces, bracket widths and case", () => {
    expect(normLabel("刑事\n\n立案数")).toBe("刑事立案数");
    expect(normLabel("罚没金额（元）")).toBe(normLabel("罚没金额(元)"));
    expect(normLabel(" 行政 许可 (件) ")).toBe("行政许可(件)");
    expect(normLabel(null)).toBe("");
  });
});
