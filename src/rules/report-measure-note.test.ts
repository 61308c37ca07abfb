/** report-measure-note: a related but different measure in the body, shown beside its cell. */
import * as fs from "fs";
import * as path from "path";
import rule from "./report-measure-note";
import { RULES } from "./index";
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

describe(`${ID} (info)`, () => {
  test("is in the catalogue with the id and severity of rules.md", () => {
    expect(rule.meta).toMatchObject({ id: ID, severity: "info" });
    expect(RULES).toContain(rule);
    expect(rule.meta.description).toMatch(/[\u4e00-\u9fff]/);
  });

  describe("valid", () => {
    // every row gives a workbook: jest would hand a missing last element over as the `done` callback
    test.each<[string, string[] | undefined, WorkbookSnapshot]>([
      ["no body given: the rule does not run", undefined, seed.workbook],
      ["罚款 greater than 罚没金额 is report-measure-differs, not a note", ["罚款589万余元。"], seed.workbook],
      ["a figure of the cell's own measure is no note", ["作出行政处罚决定9件，罚没款4,005,196.42元。"], seed.workbook],
      ["刑事立案 is not 立案 of an administrative case", ["公安机关刑事立案3件。"], seed.workbook],
      ["a limit in a sentence about 行政处罚 (the seed's paragraph 15)", ["委托文件已过有效期且行政处罚金额仅5000元，已不适应目前自然资源执法需求。"], seed.workbook],
      ["a statement about a change", ["立案查处违法行为12件，比上年多5件。"], seed.workbook],
    ])("%s", (_name, body, workbook) => {
      expect(run(body, workbook)).toEqual([]);
    });
  });

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
