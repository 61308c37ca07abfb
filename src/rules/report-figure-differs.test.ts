/**
 * report-figure-differs: the body states a figure of exactly a table's measure, and the table's value
 * lies outside what the wording allows. Workbooks are the seed's tables with a figure changed; bodies
 * are a sentence or two.
 */
import rule from "./report-figure-differs";
import { ruleTester } from "../../tests/helpers/ruleTester";
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

ruleTester(
  rule,
  { id: ID, severity: "warning" },
  {
    valid: [
      { name: "no body given: the rule does not run", workbook: withInspections.workbook },
      { name: "the figure agrees (行政检查120次 beside 120)", workbook: withInspections.workbook, options: { body: ["全年开展行政检查120次。"] } },
      { name: "the seed's 9 decisions", workbook: seed.workbook, options: { body: ["作出行政处罚决定9件。"] } },
      { name: "罚没款 in 万元 with a decimal: half its last digit allowed", workbook: seed.workbook, options: { body: ["收取罚没款400.52万元。"] } },
      { name: "约 allows 5 %", workbook: seed.workbook, options: { body: ["罚没金额约400万元。"] } },
      { name: "a change is skipped", workbook: seed.workbook, options: { body: ["行政检查120次，同比增长20次。"] } },
      { name: "another year is skipped", workbook: seed.workbook, options: { body: ["2023年作出行政处罚决定7件。"] } },
      { name: "a percentage is skipped", workbook: seed.workbook, options: { body: ["行政处罚12件，结案率100%。"] } },
      { name: "a figure of no known measure", workbook: seed.workbook, options: { body: ["下发疑似违法图斑139宗。"] } },
      { name: "a bound is no figure of the year", workbook: seed.workbook, options: { body: ["行政处罚不超过5件。"] } },
      {
        name: "an empty cell reconciles nothing (value-missing reports it)",
        workbook: inspectionEmpty.workbook,
        options: { body: ["全年开展行政检查120次。"] },
      },
      { name: "a summary table: the units' figures summed", workbook: book(twoUnits.sheet), options: { body: ["全年开展行政检查120次。"] } },
    ],
    invalid: [
      {
        name: "行政检查120次 beside 0",
        workbook: seed.workbook,
        options: { body: ["全年开展行政检查120次。"] },
        findings: [{ table: "A2", cell: a2("inspection"), related: [], says: ["行政检查(次)", "第1段", "【120次】"] }],
      },
      {
        name: "a Chinese numeral, in the second paragraph",
        workbook: seed.workbook,
        options: { body: ["2024年行政执法工作报告", "作出行政处罚决定十二件。"] },
        findings: [{ table: "A2", cell: a2("penalty"), related: [], says: ["第2段", "行政处罚(件)"] }],
      },
      {
        name: "近百件 beside 9",
        workbook: seed.workbook,
        options: { body: ["全年作出行政处罚决定近百件。"] },
        findings: [{ table: "A2", cell: a2("penalty"), related: [], says: ["行政处罚(件)"] }],
      },
      {
        name: "罚没款 a cent off",
        workbook: seed.workbook,
        options: { body: ["收取罚没款4,005,196.43元。"] },
        findings: [{ table: "A2", cell: a2("fines"), related: [], says: ["4005196.42 元"] }],
      },
      {
        name: "移送司法机关: 附件2 移送 and 附件5 移送案件数",
        workbook: seed.workbook,
        options: { body: ["移送司法机关案件2件。"] },
        findings: [
          { table: "A2", cell: a2("transfer"), related: [], says: ["移送"] },
          { table: "A5", cell: a1(bodyAt(seed.layouts.A5, "transferred")), related: [], says: ["正向衔接/移送案件数（件）"] },
        ],
      },
      {
        name: "a summary table: the first unit's cell, the others related",
        workbook: book(twoUnits.sheet),
        options: { body: ["全年开展行政检查100次。"] },
        findings: [{ table: "A2", cell: twoUnitsCell, related: [twoUnitsSecond], says: ["2 个单位合计"] }],
      },
    ],
  },
);

describe(`${ID} (warning): the quoted sentence`, () => {
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
