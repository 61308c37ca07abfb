import { sentencesOf, skipReason, wordsBefore, yearsIn } from "./sentences";

describe("sentences of a body", () => {
  test("split at 。；！？ and line ends, numbered by paragraph (1-based), empty ones dropped", () => {
    expect(sentencesOf(["第一句。第二句；第三句！", "", "  问句？ 答句\n下一行。。", "无句号"])).toEqual([
      { paragraph: 1, text: "第一句。" },
      { paragraph: 1, text: "第二句；" },
      { paragraph: 1, text: "第三句！" },
      { paragraph: 3, text: "问句？" },
      { paragraph: 3, text: "答句" },
      { paragraph: 3, text: "下一行。。" },
      { paragraph: 4, text: "无句号" },
    ]);
  });

  test("a decimal point or a numbered heading does not end a sentence", () => {
    expect(sentencesOf(["1.省卫片工作。面积976.32亩。"]).map((s) => s.text)).toEqual(["1.省卫片工作。", "面积976.32亩。"]);
  });
});

describe("which sentences state figures of the report year", () => {
  test.each([
    ["立案查处自然资源违法行为12件，罚款589万余元。", undefined],
    ["2024年作出行政处罚决定9件。", undefined],
    ["2024年度行政检查120次。", undefined],
    ["二〇二四年行政检查120次。", undefined],
    ["行政处罚9件，同比增加2件。", "change"],
    ["罚没款较上年增长389.63%。", "change"],
    ["比去年多3件。", "change"],
    ["累计查处案件100件。", "change"],
    ["机构改革以来查处案件50件。", "change"],
    ["近三年罚款120万元。", "change"],
    ["耕地整改率 91%。", "percent"],
    ["占比达３５％。", "percent"],
    ["2018—2023年存量部卫片任务共计661宗。", "other-year"],
    ["2023年行政处罚7件。", "other-year"],
    ["力争实现2025年年底前存量问题清零。", "other-year"],
    ["抓好2024年度卫片问题整改，力争实现2025年年底前清零。", "other-year"],
    ["２０２３年行政处罚7件。", "other-year"],
  ])("%s", (text, reason) => {
    expect(skipReason(text, 2024)).toBe(reason);
  });

  test("without a report year, any sentence naming a year is skipped", () => {
    expect(skipReason("2024年行政处罚9件。", null)).toBe("other-year");
    expect(skipReason("行政处罚9件。", null)).toBeUndefined();
  });

  test("years: digits around them are no year, each end of a range is one", () => {
    expect(yearsIn("2018—2023年")).toEqual([2018, 2023]);
    expect(yearsIn("面积12024年")).toEqual([]);
    expect(yearsIn("下发2996宗")).toEqual([]);
    expect(yearsIn("二〇二五年工作计划")).toEqual([2025]);
  });
});

describe("the words that may name a figure", () => {
  const s = "立案查处自然资源违法行为12件，罚款589万余元，已执收到位512万余元。";
  test("from the clause start, or the figure before it, to the figure", () => {
    expect(wordsBefore(s, s.indexOf("12件"), 0)).toBe("立案查处自然资源违法行为");
    expect(wordsBefore(s, s.indexOf("589"), s.indexOf("12件") + 3)).toBe("罚款");
    expect(wordsBefore("行政检查120次行政处罚9件", 12, 8)).toBe("行政处罚");
  });
});
