import rule from "./a3-mitigation-exceeds-penalties";
import { seedBook, seedTwoUnits, type Pair } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { a1, valueAt } from "../../tests/helpers/layoutCells";
import { book } from "../../tests/helpers/sheetEdits";
import type { SheetLayout } from "../templates/layout";

const A3 = (values: Record<string, Pair>, withoutMerges = false) => seedBook({ A3: { values, withoutMerges } });
const SAYS = ["从轻减轻案件数（件）", "涉企行政处罚(件)"];

function expected(l: SheetLayout, which: "prior" | "current", says = SAYS, down = 0) {
  const off = { row: down, col: 0 };
  return { table: "A3" as const, cell: a1(valueAt(l, "mitigatedCases", which), off), related: [a1(valueAt(l, "penalty", which), off)], says };
}

const current = A3({ mitigatedCases: [0, 7], mitigatedAmount: [0, 1000] });
const prior = A3({ mitigatedCases: [6, 0] });
const both = A3({ mitigatedCases: ["6件", "8"], penalty: [5, 6] }, true);
const second = seedTwoUnits("A3", {}, { unit: "湘潭县林业局", values: { penalty: [0, 1], mitigatedCases: [0, 2] } });

ruleTester(
  rule,
  { id: "a3-mitigation-exceeds-penalties", severity: "warning" },
  {
    valid: [
      { name: "fewer mitigated cases than penalties", workbook: A3({ mitigatedCases: [2, 3] }).workbook },
      { name: "as many mitigated cases as penalties", workbook: A3({ mitigatedCases: [5, 6] }).workbook },
      { name: "penalties empty: not compared", workbook: A3({ penalty: [null, null], mitigatedCases: [3, 3] }).workbook },
      { name: "mitigated cases unreadable: not compared", workbook: A3({ mitigatedCases: ["#VALUE!", "很多"] }).workbook },
      { name: "附件2's 行政处罚 is not the bound (the rule is within 附件3)", workbook: seedBook({ A2: { values: { penalty: [0, 0] } } }).workbook },
    ],
    invalid: [
      {
        name: "this year: 7 mitigated, 6 penalties",
        workbook: current.workbook,
        findings: [expected(current.layouts.A3, "current", [...SAYS, "2024年", "7", "6"])],
      },
      { name: "last year: 6 mitigated, 5 penalties", workbook: prior.workbook, findings: [expected(prior.layouts.A3, "prior", [...SAYS, "2023年"])] },
      {
        name: "both years, typed as text, without merges",
        workbook: both.workbook,
        findings: [expected(both.layouts.A3, "prior"), expected(both.layouts.A3, "current")],
      },
      {
        name: "the second unit of a summary table",
        workbook: book(second.sheet),
        findings: [expected(second.layout, "current", [...SAYS, "湘潭县林业局"], 3)],
      },
    ],
  },
);
