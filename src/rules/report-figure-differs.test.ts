/**
 * report-figure-differs: the body states a figure of exactly a table's measure, and the table's value
 * lies outside what the wording allows. Workbooks are the seed's tables with a figure changed; bodies
 * are a sentence or two.
 */
import rule from "./report-figure-differs";
import { RULES } from "./index";
import { analyse } from "../check/analyse";
import type { WorkbookSnapshot } from "../grid/grid";
import { seedBook, seedTwoUnits } from "../../tests/helpers/tableRuleCases";
import { a1, bodyAt, valueAt } from "../../tests/helpers/layoutCells";
import { book } from "../../tests/helpers/sheetEdits";
import { TABLE_NAMES } from "../templates/tables";

const ID = "report-figure-differs";
const run = (body: string[] | undefined, workbook: WorkbookSnapshot = seedBook().workbook) => analyse(workbook, { body, rules: [ID] }).findings;

const seed = seedBook();
const a2 = (key: string) => a1(valueAt(seed.layouts.A2, key, "current"));
const withInspections = seedBook({ A2: { values: { inspection: [0, 120] } } });
const inspectionEmpty = seedBook({ A2: { values: { inspection: [0, null] } } });
const twoUnits = seedTwoUnits("A2", { values: { inspection: [0, 60] } }, { unit: "湘潭县林业局", values: { inspection: [0, 60] } });
const twoUnitsCell = a1(valueAt(twoUnits.layout, "inspection", "current"));
const twoUnitsSecond = a1(valueAt(twoUnits.layout, "inspection", "current"), { row: 3, col: 0 });

describe(`${ID} (warning)`, () => {
  test("is in the catalogue with the id and severity of rules.md", () => {
    expect(rule.meta).toMatchObject({ id: ID, severity: "warning" });
    expect(RULES).toContain(rule);
    expect(rule.meta.description).toMatch(/[\u4e00-\u9fff]/);
  });

  describe("valid", () => {
    // every row gives a workbook: jest would hand a missing last element over as the `done` callback
    test.each<[string, string[] | undefined, WorkbookSnapshot]>([
      ["no body given: the rule does not run", undefined, withInspections.workbook],
      ["the figure agrees (行政检查120次 beside 120)", ["全年开展行政检查120次。"], withInspections.workbook],
      ["the seed's 9 decisions", ["作出行政处罚决定9件。"], seed.workbook],
      ["罚没款 in 万元 with a decimal: half its last digit allowed", ["收取罚没款400.52万元。"], seed.workbook],
      ["约 allows 5 %", ["罚没金额约400万元。"], seed.workbook],
      ["a change is skipped", ["行政检查120次，同比增长20次。"], seed.workbook],
      ["another year is skipped", ["2023年作出行政处罚决定7件。"], seed.workbook],
      ["a percentage is skipped", ["行政处罚12件，结案率100%。"], seed.workbook],
      ["a figure of no known measure", ["下发疑似违法图斑139宗。"], seed.workbook],
      ["a bound is no figure of the year", ["行政处罚不超过5件。"], seed.workbook],
      ["an empty cell reconciles nothing (value-missing reports it)", ["全年开展行政检查120次。"], inspectionEmpty.workbook],
      ["a summary table: the units' figures summed", ["全年开展行政检查120次。"], book(twoUnits.sheet)],
    ])("%s", (_name, body, workbook) => {
      expect(run(body, workbook)).toEqual([]);
    });
  });

  describe("invalid", () => {
    test("行政检查120次 beside 0", () => {
      const got = run(["全年开展行政检查120次。"]);
      expect(got.map((f) => [f.table, f.cell, f.severity])).toEqual([["A2", a2("inspection"), "warning"]]);
      expect(got[0].message).toContain(TABLE_NAMES.A2);
      expect(got[0].message).toContain("行政检查(次)");
      expect(got[0].message).toContain("第1段");
      expect(got[0].message).toContain("【120次】");
      expect(got[0].messageEn).toContain("Paragraph 1");
      expect(got[0].quote).toEqual({ paragraph: 1, sentence: "全年开展行政检查120次。", figure: "120次", start: 8 });
    });

    test("a Chinese numeral, in the second paragraph", () => {
      const got = run(["2024年行政执法工作报告", "作出行政处罚决定十二件。"]);
      expect(got.map((f) => f.cell)).toEqual([a2("penalty")]);
      expect(got[0].message).toContain("第2段");
      expect(got[0].message).toContain("行政处罚(件)");
      expect(got[0].quote?.paragraph).toBe(2);
    });

    test("近百件 beside 9", () => {
      expect(run(["全年作出行政处罚决定近百件。"]).map((f) => f.cell)).toEqual([a2("penalty")]);
    });

    test("罚没款 a cent off", () => {
      const got = run(["收取罚没款4,005,196.43元。"]);
      expect(got.map((f) => f.cell)).toEqual([a2("fines")]);
      expect(got[0].message).toContain("4005196.42 元");
    });

    test("移送司法机关: 附件2 移送 and 附件5 移送案件数", () => {
      const got = run(["移送司法机关案件2件。"]);
      expect(got.map((f) => [f.table, f.cell])).toEqual([
        ["A2", a2("transfer")],
        ["A5", a1(bodyAt(seed.layouts.A5, "transferred"))],
      ]);
      expect(got[1].message).toContain("正向衔接/移送案件数（件）");
    });

    test("a summary table: the first unit's cell, the others related", () => {
      const got = run(["全年开展行政检查100次。"], book(twoUnits.sheet));
      expect(got.map((f) => [f.cell, f.related])).toEqual([[twoUnitsCell, [twoUnitsSecond]]]);
      expect(got[0].message).toContain("2 个单位合计");
    });

    test("a long sentence is cut to 60 characters around the figure", () => {
      const long = `${"在局党委的坚强领导和各部门的鼎力支持下".repeat(3)}全年开展行政检查120次，${"切实加大了夜间和节假日巡查力度".repeat(3)}。`;
      const got = run([long]);
      const quoted = /「(.*)」：/.exec(got[0].message)?.[1] ?? "";
      expect(quoted.replace(/[【】…]/g, "").length).toBeLessThanOrEqual(60);
      expect(quoted).toContain("行政检查【120次】");
      expect(quoted.startsWith("…")).toBe(true);
      expect(quoted.endsWith("…")).toBe(true);
      expect(got[0].quote?.sentence).toBe(long);
    });
  });
});
