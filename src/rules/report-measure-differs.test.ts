/** report-measure-differs: 罚款 stated in the body greater than the table's 罚没金额, which includes it. */
import * as fs from "fs";
import * as path from "path";
import rule from "./report-measure-differs";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { analyse } from "../check/analyse";
import type { WorkbookSnapshot } from "../grid/grid";
import { seedBook } from "../../tests/helpers/tableRuleCases";
import { a1, valueAt } from "../../tests/helpers/layoutCells";
import { TABLE_NAMES } from "../templates/tables";

const ID = "report-measure-differs";
const run = (body: string[] | undefined, workbook: WorkbookSnapshot = seedBook().workbook) => analyse(workbook, { body, rules: [ID] }).findings;
const seed = seedBook();
const fines = a1(valueAt(seed.layouts.A2, "fines", "current"));
const SEED_BODY = fs.readFileSync(path.join(__dirname, "../../tests/fixtures/report/seed-body.txt"), "utf8").split(/\r?\n/);

ruleTester(
  rule,
  { id: ID, severity: "warning" },
  {
    valid: [
      { name: "no body given: the rule does not run", workbook: seed.workbook },
      { name: "罚款 below 罚没金额 (a note, not this)", workbook: seed.workbook, options: { body: ["罚款400万元。"] } },
      { name: "约 lets the figure reach down to the cell", workbook: seed.workbook, options: { body: ["罚款约420万元。"] } },
      { name: "罚款 equal to 罚没金额", workbook: seed.workbook, options: { body: ["罚款4,005,196.42元。"] } },
      {
        name: "罚没金额 greater: the fines fit",
        workbook: seedBook({ A2: { values: { fines: [818000.7, 6000000] } } }).workbook,
        options: { body: ["罚款589万余元。"] },
      },
      { name: "a limit is no figure of the year", workbook: seed.workbook, options: { body: ["并处十万元以上一百万元以下罚款；罚款不超过500万元。"] } },
      { name: "罚款 of another year", workbook: seed.workbook, options: { body: ["2023年罚款589万元。"] } },
      {
        name: "罚没金额 unreadable: nothing to compare",
        workbook: seedBook({ A2: { values: { fines: [818000.7, "若干"] } } }).workbook,
        options: { body: ["罚款589万余元。"] },
      },
    ],
    invalid: [
      {
        name: "the seed: 罚款589万余元 beside 4,005,196.42 元",
        workbook: seed.workbook,
        options: { body: SEED_BODY },
        findings: [{ table: "A2", cell: fines, related: [], says: ["罚没金额（元）", "第10段", "罚款【589万余元】"] }],
      },
      {
        name: "罚款 in Chinese numerals",
        workbook: seed.workbook,
        options: { body: ["处罚款五百万元。"] },
        findings: [{ table: "A2", cell: fines, related: [], says: ["罚没金额（元）"] }],
      },
    ],
  },
);

describe(`${ID} (warning): the quoted sentence`, () => {
  describe("invalid", () => {
    test("the seed: 罚款589万余元 beside 4,005,196.42 元", () => {
      const got = run(SEED_BODY);
      expect(got.map((f) => [f.table, f.cell, f.severity])).toEqual([["A2", fines, "warning"]]);
      expect(got[0].message).toContain(TABLE_NAMES.A2);
      expect(got[0].message).toContain("罚没金额（元）");
      expect(got[0].message).toContain("第10段");
      expect(got[0].message).toContain("罚款【589万余元】");
      expect(got[0].message).toContain("4005196.42 元");
      expect(got[0].quote).toMatchObject({ paragraph: 10, figure: "589万余元" });
    });

    test("罚款 in Chinese numerals", () => {
      expect(run(["处罚款五百万元。"]).map((f) => f.cell)).toEqual([fines]);
    });
  });
});
