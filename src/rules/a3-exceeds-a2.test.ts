import rule from "./a3-exceeds-a2";
import { seedBook, seedTable, seedTwoUnits, type Pair } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { a1, valueAt, type At } from "../../tests/helpers/layoutCells";
import { book, stack } from "../../tests/helpers/sheetEdits";
import { SHEET_NAMES, tableDef } from "../templates/tables";
import type { SheetLayout } from "../templates/layout";

const A2_SHEET = SHEET_NAMES.A2;
const pairs = (A3: Record<string, Pair>, A2: Record<string, Pair> = {}, extra: { a2Year?: number; withoutMerges?: boolean } = {}) =>
  seedBook({ A2: { values: A2, year: extra.a2Year, withoutMerges: extra.withoutMerges }, A3: { values: A3, withoutMerges: extra.withoutMerges } });

/** 附件3 category `key` against its counterpart, the 附件2 cell named on its own sheet unless `sameSheet`. */
function expected(
  l3: SheetLayout,
  l2: SheetLayout,
  key: string,
  which: "prior" | "current",
  says: string[],
  o3: At = { row: 0, col: 0 },
  o2: At = { row: 0, col: 0 },
  sameSheet = false,
) {
  const counterpart = tableDef("A3").categories.find((c) => c.key === key)?.counterpart ?? "";
  const a2cell = a1(valueAt(l2, counterpart, which), o2);
  return { table: "A3" as const, cell: a1(valueAt(l3, key, which), o3), related: [sameSheet ? a2cell : `'${A2_SHEET}'!${a2cell}`], says };
}

const penalty = pairs({ penalty: [5, 10] });
const finesPrior = pairs({ fines: [900000, 907480] });
const everyPair = pairs({ penalty: [0, 10], coercion: [0, 1], inspection: [0, 1], fines: [0, 4005196.43], complaint: [0, "1件"], review: [0, 1] }, {});
const flat = pairs({ penalty: ["8", 6] }, {}, { withoutMerges: true });
const otherName = seedBook({ A3: { values: { penalty: [5, 10] }, rowUnit: "湘潭县自然资源和规划局" } });

// one sheet: 附件3 above 附件2, so the 附件2 cell is named without a sheet
const s3 = seedTable("A3", { values: { coercion: [0, 2] } });
const s2 = seedTable("A2");
const oneSheet = stack("汇总", [s3.sheet, s2.sheet], 2);

// two units in both tables, listed in different orders: each pairs with its own name
const a2Two = seedTwoUnits("A2", { unit: "湘潭县林业局", values: { penalty: [1, 2] } }, { unit: "湘潭县自然资源局", values: { penalty: [7, 9] } });
const a3Two = seedTwoUnits("A3", {}, { unit: "湘潭县林业局", values: { penalty: [0, 3] } });
const a3TwoFine = seedTwoUnits("A3", {}, { unit: "湘潭县林业局", values: { penalty: [0, 2] } });
const a3One = seedTable("A3", { unit: "湘潭县林业局", values: { penalty: [0, 2] } });
const a3Stranger = seedTable("A3", { unit: "湘潭县水利局", values: { penalty: [0, 9] } });

ruleTester(
  rule,
  { id: "a3-exceeds-a2", severity: "error" },
  {
    valid: [
      { name: "附件3 equal to 附件2", workbook: pairs({ penalty: [7, 9], fines: [818000.7, 4005196.42] }).workbook },
      {
        name: "categories without a counterpart (免罚…) are not compared",
        workbook: pairs({ exemptCases: [9, 99], exemptAmount: [1e7, 1e7], prudentCoercion: [5, 5] }).workbook,
      },
      { name: "tables of different report years are not compared", workbook: pairs({ penalty: [50, 60] }, {}, { a2Year: 2023 }).workbook },
      { name: "an empty or unreadable figure is not compared", workbook: pairs({ penalty: [null, "若干"] }, {}).workbook },
      { name: "附件2 cell empty", workbook: pairs({ penalty: [5, 6] }, { penalty: [null, null] }).workbook },
      { name: "a negative 附件2 figure is value-negative's alone: not compared", workbook: pairs({ penalty: [5, 6] }, { penalty: [-7, -9] }).workbook },
      { name: "no 附件2 at all", workbook: seedBook({ A3: { values: { penalty: [50, 60] } } }, ["A3", "A4", "A5"]).workbook },
      { name: "several units pair by name (林业局 2 ≤ 2, though 2 > 0 would not hold against another unit)", workbook: book(a2Two.sheet, a3TwoFine.sheet) },
      { name: "one 附件3 unit among two 附件2 units pairs by name", workbook: book(a2Two.sheet, a3One.sheet) },
      {
        name: "one 附件3 unit named like no 附件2 unit among several: not paired (unit-name-differs reports it)",
        workbook: book(a2Two.sheet, a3Stranger.sheet),
      },
    ],
    invalid: [
      {
        name: "涉企行政处罚 this year above 行政处罚",
        workbook: penalty.workbook,
        findings: [expected(penalty.layouts.A3, penalty.layouts.A2, "penalty", "current", ["涉企行政处罚(件)", "行政处罚(件)", "10", "9", "2024年"])],
      },
      {
        name: "罚没金额 last year above 附件2's",
        workbook: finesPrior.workbook,
        findings: [expected(finesPrior.layouts.A3, finesPrior.layouts.A2, "fines", "prior", ["罚没金额（元）", "2023年", "900000", "818000.7"])],
      },
      {
        name: "every pair of templates.md (one cent above for 罚没金额)",
        workbook: everyPair.workbook,
        findings: [
          expected(everyPair.layouts.A3, everyPair.layouts.A2, "penalty", "current", ["涉企行政处罚(件)", "行政处罚(件)"]),
          expected(everyPair.layouts.A3, everyPair.layouts.A2, "coercion", "current", ["涉企行政强制(件)", "行政强制(件)"]),
          expected(everyPair.layouts.A3, everyPair.layouts.A2, "inspection", "current", ["涉企行政检查(次)", "行政检查(次)"]),
          expected(everyPair.layouts.A3, everyPair.layouts.A2, "fines", "current", ["罚没金额（元）", "4005196.43"]),
          expected(everyPair.layouts.A3, everyPair.layouts.A2, "complaint", "current", ["投诉举报为线索来源办案数(件)"]),
          expected(everyPair.layouts.A3, everyPair.layouts.A2, "review", "current", ["重大执法决定法制审核案件(件)"]),
        ],
      },
      {
        name: "text figures, without merges",
        workbook: flat.workbook,
        findings: [expected(flat.layouts.A3, flat.layouts.A2, "penalty", "prior", ["涉企行政处罚(件)"])],
      },
      {
        name: "one unit each: compared although the names differ",
        workbook: otherName.workbook,
        findings: [expected(otherName.layouts.A3, otherName.layouts.A2, "penalty", "current", ["涉企行政处罚(件)"])],
      },
      {
        name: "both tables on one sheet: the 附件2 cell needs no sheet name",
        workbook: book(oneSheet.sheet),
        findings: [
          {
            ...expected(
              s3.layout,
              s2.layout,
              "coercion",
              "current",
              ["涉企行政强制(件)", "行政强制(件)"],
              { row: oneSheet.offsets[0], col: 0 },
              { row: oneSheet.offsets[1], col: 0 },
              true,
            ),
            sheet: "汇总",
          },
        ],
      },
      {
        name: "several units in both tables: the 林业局 rows compared with each other",
        workbook: book(a2Two.sheet, a3Two.sheet),
        findings: [
          {
            table: "A3",
            cell: a1(valueAt(a3Two.layout, "penalty", "current"), { row: 3, col: 0 }),
            related: [`'${A2_SHEET}'!${a1(valueAt(a2Two.layout, "penalty", "current"))}`],
            says: ["涉企行政处罚(件)", "湘潭县林业局", "3", "2"],
          },
        ],
      },
    ],
  },
);
