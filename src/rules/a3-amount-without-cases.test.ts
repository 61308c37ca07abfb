import rule from "./a3-amount-without-cases";
import { seedBook, seedTwoUnits, type Pair } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { a1, valueAt } from "../../tests/helpers/layoutCells";
import { book } from "../../tests/helpers/sheetEdits";
import type { SheetLayout } from "../templates/layout";

const A3 = (values: Record<string, Pair>, withoutMerges = false) => seedBook({ A3: { values, withoutMerges } });
const EXEMPT = ["免罚金额（元）", "免罚案件数（件）"];
const MITIGATED = ["从轻减轻金额（元）", "从轻减轻案件数（件）"];

function expected(l: SheetLayout, amount: string, cases: string, which: "prior" | "current", says: string[], down = 0) {
  const off = { row: down, col: 0 };
  return { table: "A3" as const, cell: a1(valueAt(l, amount, which), off), related: [a1(valueAt(l, cases, which), off)], says };
}

const exempt = A3({ exemptAmount: [0, 2000] });
const mitigated = A3({ mitigatedAmount: [1500.5, 0] });
const all = A3({ exemptAmount: ["300元", 0], exemptCases: ["无", 0], mitigatedAmount: [0, "1,000"], mitigatedCases: [0, "/"] }, true);
const second = seedTwoUnits("A3", {}, { unit: "湘潭县林业局", values: { exemptAmount: [0, 800] } });

ruleTester(
  rule,
  { id: "a3-amount-without-cases", severity: "error" },
  {
    valid: [
      {
        name: "amounts with their cases",
        workbook: A3({ exemptCases: [1, 2], exemptAmount: [500, 2000], mitigatedCases: [1, 1], mitigatedAmount: [100, 300] }).workbook,
      },
      { name: "cases without amounts (an exemption need not name a sum)", workbook: A3({ exemptCases: [0, 2], mitigatedCases: [1, 0] }).workbook },
      { name: "case count empty: not compared", workbook: A3({ exemptAmount: [0, 2000], exemptCases: [0, null] }).workbook },
      { name: "amount unreadable: not compared", workbook: A3({ exemptAmount: [0, "#DIV/0!"] }).workbook },
    ],
    invalid: [
      {
        name: "免罚金额 this year without 免罚案件",
        workbook: exempt.workbook,
        findings: [expected(exempt.layouts.A3, "exemptAmount", "exemptCases", "current", [...EXEMPT, "2000"])],
      },
      {
        name: "从轻减轻金额 last year without 从轻减轻案件",
        workbook: mitigated.workbook,
        findings: [expected(mitigated.layouts.A3, "mitigatedAmount", "mitigatedCases", "prior", [...MITIGATED, "2023年", "1500.5"])],
      },
      {
        name: "both pairs, text and placeholders, without merges",
        workbook: all.workbook,
        findings: [
          expected(all.layouts.A3, "exemptAmount", "exemptCases", "prior", EXEMPT),
          expected(all.layouts.A3, "mitigatedAmount", "mitigatedCases", "current", MITIGATED),
        ],
      },
      {
        name: "the second unit of a summary table",
        workbook: book(second.sheet),
        findings: [expected(second.layout, "exemptAmount", "exemptCases", "current", [...EXEMPT, "湘潭县林业局"], 3)],
      },
    ],
  },
);
