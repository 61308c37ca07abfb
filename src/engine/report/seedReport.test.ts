/**
 * The seed report: its four tables with its own body (tests/fixtures/report/seed-body.txt, one body
 * paragraph a line) give the 46 table findings of the workbook and exactly the three body findings
 * rules.md lists.
 */
import * as fs from "fs";
import * as path from "path";
import { analyse } from "../../check/analyse";
import { seedSnapshot } from "../../../tests/helpers/seedWorkbook";
import { reconcileBody } from "./reconcile";

const BODY = fs
  .readFileSync(path.join(__dirname, "../../../tests/fixtures/report/seed-body.txt"), "utf8")
  .split(/\r?\n/)
  .filter((l) => l.trim() !== "");

describe("the seed's body against the seed's tables", () => {
  for (const withoutMerges of [false, true]) {
    test(`three body findings, and the same 46 table findings ${withoutMerges ? "(pasted without merges)" : ""}`, () => {
      const snapshot = seedSnapshot({ withoutMerges });
      const without = analyse(snapshot);
      const a = analyse(snapshot, { body: BODY });
      const body = a.findings.filter((f) => f.rule.startsWith("report-"));
      const tables = a.findings.filter((f) => !f.rule.startsWith("report-"));
      expect(tables).toEqual(without.findings);
      expect(tables).toHaveLength(46);

      const a2 = a.tables.find((t) => t.id === "A2");
      if (!a2 || a2.shape !== "yearly") throw new Error("no 附件2");
      const penalty = a2.blocks[0].categories.penalty.current.address;
      const fines = a2.blocks[0].categories.fines.current.address;
      expect(
        body.map((f) => ({ rule: f.rule, severity: f.severity, table: f.table, cell: f.cell, figure: f.quote?.figure, paragraph: f.quote?.paragraph })),
      ).toEqual(
        expect.arrayContaining([
          { rule: "report-measure-note", severity: "info", table: "A2", cell: penalty, figure: "12件", paragraph: 10 },
          { rule: "report-measure-differs", severity: "warning", table: "A2", cell: fines, figure: "589万余元", paragraph: 10 },
          { rule: "report-measure-note", severity: "info", table: "A2", cell: fines, figure: "512万余元", paragraph: 10 },
        ]),
      );
      expect(body).toHaveLength(3);
      const differs = body.find((f) => f.rule === "report-measure-differs");
      expect(differs?.message).toContain("第10段");
      expect(differs?.message).toContain("【589万余元】");
      expect(differs?.message).toContain("4005196.42");
      expect(differs?.message).toContain("罚没金额（元）");
      expect(differs?.messageEn).toContain("Paragraph 10");
    });
  }

  test("every figure the body states of a table measure: the three, none agreeing", () => {
    const list = reconcileBody(analyse(seedSnapshot()).tables, BODY);
    expect(list.map((r) => [r.statement.figure.text, r.statement.measure.id, r.outcome])).toEqual([
      ["12件", "filed", "note"],
      ["589万余元", "fine", "measure-differs"],
      ["512万余元", "collected", "note"],
    ]);
  });

  test("no body, no body finding", () => {
    expect(analyse(seedSnapshot(), { body: [] }).findings).toEqual(analyse(seedSnapshot()).findings);
  });
});
