import { allows, readFigures, type Figure } from "./numbers";

/** [phrase, figure text, unit, low, high, high open]: intervals worked out by hand from rules.md. */
type Row = [string, string, string, number, number, boolean];

const ROWS: Row[] = [
  // Arabic, as clerks type it
  ["12件", "12件", "件", 12, 12, false],
  ["12 件", "12 件", "件", 12, 12, false],
  ["１２件", "１２件", "件", 12, 12, false],
  ["罚没金额4,005,196.42元", "4,005,196.42元", "元", 4005196.42, 4005196.42, false],
  ["行政检查120次", "120次", "次", 120, 120, false],
  ["完成整改销号 335 宗", "335 宗", "宗", 335, 335, false],
  ["培训1600人次", "1600人次", "人次", 1600, 1600, false],
  ["拆除违法建筑400余平方米", "400余平方米", "平方米", 400, 500, true],
  ["400余", "400余", "", 400, 500, true],
  ["12余件", "12余件", "件", 12, 13, true],
  ["10余件", "10余件", "件", 10, 20, true],
  ["5000多元", "5000多元", "元", 5000, 6000, true],
  // 万 and 亿
  ["罚款589万余元", "589万余元", "元", 5890000, 5900000, true],
  ["已执收到位512万余元", "512万余元", "元", 5120000, 5130000, true],
  ["30余万元", "30余万元", "元", 300000, 400000, true],
  ["589万元", "589万元", "元", 5890000, 5890000, false],
  ["400.52万元", "400.52万元", "元", 4005150, 4005250, false],
  ["1.2亿元", "1.2亿元", "元", 115000000, 125000000, false],
  ["1.2亿余元", "1.2亿余元", "元", 120000000, 130000000, true],
  ["3千元", "3千元", "元", 3000, 3000, false],
  ["４．５万元", "４．５万元", "元", 44500, 45500, false],
  // Chinese numerals
  ["十二件", "十二件", "件", 12, 12, false],
  ["十件", "十件", "件", 10, 10, false],
  ["二十三次", "二十三次", "次", 23, 23, false],
  ["一百零五件", "一百零五件", "件", 105, 105, false],
  ["两千次", "两千次", "次", 2000, 2000, false],
  ["两千余次", "两千余次", "次", 2000, 3000, true],
  ["两百余件", "两百余件", "件", 200, 300, true],
  ["十多件", "十多件", "件", 10, 20, true],
  ["三百多人", "三百多人", "人", 300, 400, true],
  ["百余件", "百余件", "件", 100, 200, true],
  ["十万元", "十万元", "元", 100000, 100000, false],
  ["三万五千元", "三万五千元", "元", 35000, 35000, false],
  ["五十万余元", "五十万余元", "元", 500000, 600000, true],
  ["三亿五千万元", "三亿五千万元", "元", 350000000, 350000000, false],
  ["〇件", "〇件", "件", 0, 0, false],
  ["壹拾贰件", "壹拾贰件", "件", 12, 12, false],
  // 约/左右 (±5 %), 近 ([0.9·X, X])
  ["约30次", "约30次", "次", 28.5, 31.5, false],
  ["大约200人", "大约200人", "人", 190, 210, false],
  ["30次左右", "30次左右", "次", 28.5, 31.5, false],
  ["约 30 次", "约 30 次", "次", 28.5, 31.5, false],
  ["约589万余元", "约589万余元", "元", 5595500, 6195000, true],
  ["近百件", "近百件", "件", 90, 100, false],
  ["近5000元", "近5000元", "元", 4500, 5000, false],
  ["将近两千次", "将近两千次", "次", 1800, 2000, false],
  ["最近3次", "3次", "次", 3, 3, false],
];

function only(phrase: string): Figure {
  const figures = readFigures(phrase).filter((f) => f.unit !== "" || /[余多]$/.test(f.text));
  expect(figures).toHaveLength(1);
  return figures[0];
}

describe("a figure as written: span, unit and the interval the wording allows", () => {
  test.each(ROWS)("%s", (phrase, text, unit, low, high, highOpen) => {
    const f = only(phrase);
    expect(f.text).toBe(text);
    expect(phrase.slice(f.start, f.end)).toBe(text);
    expect(f.unit).toBe(unit);
    expect(f.low).toBeCloseTo(low, 6);
    expect(f.high).toBeCloseTo(high, 6);
    expect(f.highOpen).toBe(highOpen);
  });

  test("there are at least 40 phrases", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
  });
});

describe("what is not one figure of the year", () => {
  test.each([
    ["增补2-4名持证人员", "2-4名"],
    ["2018—2023年存量", "2018—2023年"],
    ["三四次", "三四次"],
    ["三到五次", "三到五次"],
  ])("a range: %s", (phrase, text) => {
    const f = readFigures(phrase).find((x) => x.text === text);
    expect(f?.range).toBe(true);
  });

  test.each([
    ["并处十万元以上一百万元以下罚款", ["十万元", "一百万元"]],
    ["罚款不超过5000元", ["5000元"]],
    ["检查超过100次", ["100次"]],
  ])("a bound: %s", (phrase, texts) => {
    const bounds = readFigures(phrase)
      .filter((f) => f.bound)
      .map((f) => f.text);
    expect(bounds).toEqual(texts);
  });

  test("a percentage carries the unit %", () => {
    expect(readFigures("耕地整改率 91%").map((f) => f.unit)).toEqual(["%"]);
    expect(readFigures("占比达３５％").map((f) => f.unit)).toEqual(["%"]);
    expect(readFigures("百分之三十").map((f) => f.unit)).toEqual(["%"]);
  });

  test("words made of numerals are not figures (千方百计), and digits inside a code are not read", () => {
    expect(readFigures("千方百计")).toEqual([]);
    expect(readFigures("G107国道").map((f) => f.text)).toEqual([]);
  });

  test("a year written digit by digit", () => {
    const f = readFigures("二〇二四年")[0];
    expect(f.value).toBe(2024);
    expect(f.unit).toBe("年");
    expect(f.range).toBeUndefined();
  });

  test("the seed's sentence gives its three figures in order", () => {
    const s = "立案查处自然资源违法行为12件，罚款589万余元，已执收到位512万余元。";
    expect(readFigures(s).map((f) => [f.text, f.value])).toEqual([
      ["12件", 12],
      ["589万余元", 5890000],
      ["512万余元", 5120000],
    ]);
  });
});

describe("allows", () => {
  const yu = only("589万余元");
  test("余 is half open", () => {
    expect(allows(yu, 5890000)).toBe(true);
    expect(allows(yu, 5899999.99)).toBe(true);
    expect(allows(yu, 5900000)).toBe(false);
    expect(allows(yu, 4005196.42)).toBe(false);
  });
  test("an exact figure allows only itself, float noise forgiven", () => {
    const f = only("罚没款4005196.42元");
    expect(allows(f, 4005196.42)).toBe(true);
    expect(allows(f, 0.1 + 0.2 + 4005196.12)).toBe(true);
    expect(allows(f, 4005196.43)).toBe(false);
  });
});
