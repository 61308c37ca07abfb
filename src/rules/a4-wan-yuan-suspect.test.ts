import rule from "./a4-wan-yuan-suspect";
import { seedBook } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { a1, bodyAt } from "../../tests/helpers/layoutCells";
import { seedLayoutOptions } from "../templates/sample";
import type { CellValue } from "../grid/grid";

const SEED_ROW = seedLayoutOptions("A4").columns?.rows?.[0] ?? {};
const dept = (changes: Record<string, CellValue>): Record<string, CellValue> => ({ ...SEED_ROW, name: "综合执法大队", ...changes });
const A4 = (row: Record<string, CellValue>, more: Array<Record<string, CellValue>> = [], withoutMerges = false) =>
  seedBook({ A4: { row, more, withoutMerges } });
const SAYS = ["近三年罚款金额（万元）"];

function expected(wb: ReturnType<typeof A4>, index = 0, says = SAYS) {
  return { table: "A4" as const, cell: a1(bodyAt(wb.layouts.A4, "monitoringFines", index)), related: [], says };
}

const threshold = A4({ monitoringField: "交通", monitoringDevices: 2, monitoringFines: 10000 });
const yuan = A4({ monitoringFines: "125,000.5" });
const second = A4({}, [dept({ monitoringFines: 38000 })], true);

ruleTester(
  rule,
  { id: "a4-wan-yuan-suspect", severity: "warning" },
  {
    valid: [
      { name: "a plausible amount in 万元", workbook: A4({ monitoringField: "交通", monitoringDevices: 2, monitoringFines: 12.5 }).workbook },
      { name: "just under 10000", workbook: A4({ monitoringFines: 9999.9999 }).workbook },
      { name: "empty or unreadable", workbook: A4({ monitoringFines: "见附件" }).workbook },
      { name: "large figures elsewhere in the row are not this rule's", workbook: A4({ trainingHours: 250000 }).workbook },
    ],
    invalid: [
      { name: "exactly 10000", workbook: threshold.workbook, findings: [expected(threshold, 0, [...SAYS, "10000", "元"])] },
      { name: "typed in 元 as text with separators", workbook: yuan.workbook, findings: [expected(yuan, 0, [...SAYS, "125000.5"])] },
      { name: "row 2, without merges", workbook: second.workbook, findings: [expected(second, 1, [...SAYS, "第2行"])] },
    ],
  },
);
