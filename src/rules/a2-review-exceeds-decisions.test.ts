import rule from "./a2-review-exceeds-decisions";
import { seedBook, seedTable, seedTwoUnits, type Pair } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { a1, valueAt } from "../../tests/helpers/layoutCells";
import { book } from "../../tests/helpers/sheetEdits";
import type { SheetLayout } from "../templates/layout";

const A2 = (values: Record<string, Pair>, withoutMerges = false) => seedBook({ A2: { values, withoutMerges } });
const DECISIONS = ["permit", "confirm", "coercion", "ruling", "penalty"];
const SAYS = ["重大执法决定法制审核案件(件)", "行政许可(件)", "行政确认(件)", "行政强制(件)", "行政裁决(件)", "行政处罚(件)"];

function expected(l: SheetLayout, which: "prior" | "current", says: string[] = SAYS, down = 0) {
  const off = { row: down, col: 0 };
  return {
    table: "A2" as const,
    cell: a1(valueAt(l, "review", which), off),
    related: DECISIONS.map((k) => a1(valueAt(l, k, which), off)),
    says,
  };
}

const current = A2({ review: [0, 12] });
const prior = A2({ review: [8, 0] });
const both = A2({ review: [30, 30], permit: [2, 3] });
const asText = A2({ review: ["0", "15件"], penalty: ["7", "９件"] }, true);
const twoUnits = seedTwoUnits("A2", {}, { unit: "湘潭县林业局", values: { penalty: [1, 1], review: [0, 2] } });

ruleTester(
  rule,
  { id: "a2-review-exceeds-decisions", severity: "warning" },
  {
    valid: [
      { name: "reviews within the decisions (5 ≤ 9)", workbook: A2({ review: [3, 5] }).workbook },
      { name: "reviews equal to the sum of the five", workbook: A2({ review: [7, 12], permit: [0, 3] }).workbook },
      { name: "a decision count empty: the sum is unknown, not compared", workbook: A2({ review: [0, 50], ruling: [0, null] }).workbook },
      { name: "a decision count unreadable: not compared", workbook: A2({ review: [0, 50], coercion: [0, "若干"] }).workbook },
      { name: "a negative decision count is value-negative's alone: not compared", workbook: A2({ review: [0, 5], penalty: [7, -9] }).workbook },
      { name: "review empty", workbook: A2({ review: [null, null] }).workbook },
      {
        name: "附件3 has no permits or rulings to compare its reviews with: not checked",
        workbook: seedBook({ A3: { values: { review: [0, 50] } } }).workbook,
      },
    ],
    invalid: [
      {
        name: "current year: 12 reviews, 9 decisions",
        workbook: current.workbook,
        findings: [expected(current.layouts.A2, "current", [...SAYS, "2024年", "12", "9"])],
      },
      { name: "prior year: 8 reviews, 7 decisions", workbook: prior.workbook, findings: [expected(prior.layouts.A2, "prior", [...SAYS, "2023年"])] },
      { name: "both years", workbook: both.workbook, findings: [expected(both.layouts.A2, "prior"), expected(both.layouts.A2, "current")] },
      { name: "figures typed as text, without merges", workbook: asText.workbook, findings: [expected(asText.layouts.A2, "current")] },
      {
        name: "the second unit of a summary table, named in the message",
        workbook: book(twoUnits.sheet),
        findings: [expected(twoUnits.layout, "current", [...SAYS, "湘潭县林业局"], 3)],
      },
      {
        name: "on a sheet of its own name",
        workbook: book(seedTable("A2", { values: { review: [0, 10] }, sheetName: "Sheet1" }).sheet),
        findings: [{ ...expected(seedTable("A2").layout, "current"), sheet: "Sheet1" }],
      },
    ],
  },
);
