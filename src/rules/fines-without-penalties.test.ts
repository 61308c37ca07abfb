import rule from "./fines-without-penalties";
import { seedBook, seedTwoUnits, type Pair } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { a1, valueAt } from "../../tests/helpers/layoutCells";
import { book } from "../../tests/helpers/sheetEdits";
import type { SheetLayout } from "../templates/layout";

const book2 = (A2: Record<string, Pair>, A3: Record<string, Pair> = {}, withoutMerges = false) =>
  seedBook({ A2: { values: A2, withoutMerges }, A3: { values: A3, withoutMerges } });

function expected(table: "A2" | "A3", l: SheetLayout, which: "prior" | "current", says: string[], down = 0) {
  const off = { row: down, col: 0 };
  return { table, cell: a1(valueAt(l, "fines", which), off), related: [a1(valueAt(l, "penalty", which), off)], says };
}
const A2_SAYS = ["罚没金额（元）", "行政处罚(件)"];
const A3_SAYS = ["罚没金额（元）", "涉企行政处罚(件)"];

const a2Current = book2({ penalty: [7, 0] });
const a2Prior = book2({ penalty: [0, 9] });
const a3Current = book2({}, { penalty: [5, "无"] });
const both = book2({ penalty: [0, 0] }, { penalty: [0, 0] }, true);
const textAmount = book2({ penalty: [7, 0], fines: [818000.7, "1,200.50元"] });
const second = seedTwoUnits("A2", {}, { unit: "湘潭县林业局", values: { penalty: [0, 0], fines: [0, 5000] } });

ruleTester(
  rule,
  { id: "fines-without-penalties", severity: "warning" },
  {
    valid: [
      { name: "fines with penalties in both tables (the seed)", workbook: book2({}).workbook },
      { name: "no fines and no penalties", workbook: book2({ penalty: [0, 0], fines: [0, 0] }, { penalty: [0, 0], fines: [0, "无"] }).workbook },
      { name: "penalties without fines (a warning or an order to correct)", workbook: book2({ fines: [0, 0] }).workbook },
      { name: "penalty count empty: not compared", workbook: book2({ penalty: [null, null] }).workbook },
      { name: "penalty count unreadable: not compared", workbook: book2({ penalty: ["#N/A", "#N/A"] }).workbook },
      { name: "fines empty or unreadable: not compared", workbook: book2({ penalty: [0, 0], fines: [null, "若干"] }).workbook },
    ],
    invalid: [
      {
        name: "附件2 this year: fines, 0 penalties",
        workbook: a2Current.workbook,
        findings: [expected("A2", a2Current.layouts.A2, "current", [...A2_SAYS, "2024年", "4005196.42"])],
      },
      { name: "附件2 last year", workbook: a2Prior.workbook, findings: [expected("A2", a2Prior.layouts.A2, "prior", [...A2_SAYS, "2023年"])] },
      { name: "附件3 this year: `无` penalties read as 0", workbook: a3Current.workbook, findings: [expected("A3", a3Current.layouts.A3, "current", A3_SAYS)] },
      {
        name: "both tables, both years, without merges",
        workbook: both.workbook,
        findings: [
          expected("A2", both.layouts.A2, "prior", A2_SAYS),
          expected("A2", both.layouts.A2, "current", A2_SAYS),
          expected("A3", both.layouts.A3, "prior", A3_SAYS),
          expected("A3", both.layouts.A3, "current", A3_SAYS),
        ],
      },
      {
        name: "an amount typed as text with separators and a unit",
        workbook: textAmount.workbook,
        findings: [expected("A2", textAmount.layouts.A2, "current", [...A2_SAYS, "1200.5"])],
      },
      {
        name: "the second unit of a summary table",
        workbook: book(second.sheet),
        findings: [expected("A2", second.layout, "current", [...A2_SAYS, "湘潭县林业局"], 3)],
      },
    ],
  },
);
