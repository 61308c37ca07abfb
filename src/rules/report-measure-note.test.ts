/** report-measure-note: a related but different measure in the body, shown beside its cell. */
import * as fs from "fs";
import * as path from "path";
import rule from "./report-measure-note";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { analyse } from "../check/analyse";
import type { WorkbookSnapshot } from "../grid/grid";
import { seedBook } from "../../tests/helpers/tableRuleCases";
import { a1, valueAt } from "../../tests/helpers/layoutCells";
import { TABLE_NAMES } from "../templates/tables";

const ID = "report-measure-note";
const run = (body: string[] | undefined, workbook: WorkbookSnapshot = seedBook().workbook) => analyse(workbook, { body, rules: [ID] }).findings;
const seed = seedBook();
const cell = (key: string) => a1(valueAt(seed.layouts.A2, key, "current"));
const SEED_BODY = fs.readFileSync(path.join(__dirname, "../../tests/fixtures/report/seed-body.txt"), "utf8").split(/\r?\n/);

ruleTester(
  rule,
  { id: ID, severity: "info" },
  {
    valid: [
      { name: "no body given: the rule does not run", workbook: seed.workbook },
      { name: "罚款 greater than 罚没金额 is report-measure-differs, not a note", workbook: seed.workbook, options: { body: ["罚款589万余元。"] } },
      { name: "a figure of the cell's own measure is no note", workbook: seed.workbook, options: { body: ["作出行政处罚决定9件，罚没款4,005,196.42元。"] } },
      { name: "刑事立案 is not 立案 of an administrative case", workbook: seed.workbook, options: { body: ["公安机关刑事立案3件。"] } },
      {
        name: "a limit in a sentence about 行政处罚 (the seed's paragraph 15)",
        workbook: seed.workbook,
        options: { body: ["委托文件已过有效期且行政处罚金额仅5000元，已不适应目前自然资源执法需求。"] },
      },
      { name: "a statement about a change", workbook: seed.workbook, options: { body: ["立案查处违法行为12件，比上年多5件。"] } },
    ],
    invalid: [
      {
        name: "the seed: 立案…12件 at 行政处罚, 已执收到位512万余元 at 罚没金额",
        workbook: seed.workbook,
        options: { body: SEED_BODY },
        findings: [
          { table: "A2", cell: cell("penalty"), related: [], says: ["行政处罚(件)", "【12件】", "第10段"] },
          { table: "A2", cell: cell("fines"), related: [], says: ["罚没金额（元）", "已执收到位【512万余元】"] },
        ],
      },
      {
        name: "罚款 no greater than 罚没金额",
        workbook: seed.workbook,
        options: { body: ["罚款400万元。"] },
        findings: [{ table: "A2", cell: cell("fines"), related: [], says: ["罚没金额包含罚款"] }],
      },
      {
        name: "收缴罚没款 is what was collected",
        workbook: seed.workbook,
        options: { body: ["收缴罚没款400万元。"] },
        findings: [{ table: "A2", cell: cell("fines"), related: [], says: ["罚没金额（元）"] }],
      },
    ],
  },
);

describe(`${ID} (info): the quoted sentence`, () => {
  describe("invalid", () => {
    test("the seed: 立案…12件 at 行政处罚, 已执收到位512万余元 at 罚没金额", () => {
      const got = run(SEED_BODY);
      expect(got.map((f) => [f.table, f.cell, f.severity, f.quote?.figure])).toEqual([
        ["A2", cell("penalty"), "info", "12件"],
        ["A2", cell("fines"), "info", "512万余元"],
      ]);
      expect(got[0].message).toContain(TABLE_NAMES.A2);
      expect(got[0].message).toContain("行政处罚(件)");
      expect(got[0].message).toContain("【12件】");
      expect(got[0].message).toContain("第10段");
      expect(got[1].message).toContain("罚没金额（元）");
      expect(got[1].message).toContain("已执收到位【512万余元】");
    });

    test("罚款 no greater than 罚没金额", () => {
      const got = run(["罚款400万元。"]);
      expect(got.map((f) => f.cell)).toEqual([cell("fines")]);
      expect(got[0].message).toContain("罚没金额包含罚款");
    });

    test("收缴罚没款 is what was collected", () => {
      expect(run(["收缴罚没款400万元。"]).map((f) => f.cell)).toEqual([cell("fines")]);
    });
  });
});
