import rule from "./a4-certified-exceeds-staff";
import { seedBook } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { a1, bodyAt } from "../../tests/helpers/layoutCells";
import { seedLayoutOptions } from "../templates/sample";
import type { CellValue } from "../grid/grid";

const SEED_ROW = seedLayoutOptions("A4").columns?.rows?.[0] ?? {};
const dept = (changes: Record<string, CellValue>): Record<string, CellValue> => ({ ...SEED_ROW, name: "综合执法大队", ...changes });
const A4 = (row: Record<string, CellValue>, more: Array<Record<string, CellValue>> = [], withoutMerges = false) =>
  seedBook({ A4: { row, more, withoutMerges } });
const STAFF = ["staffAdmin", "staffInstitution", "staffWorker"];
const SAYS = ["本部门执法证持有人数", "实有在岗人数"];

function expected(wb: ReturnType<typeof A4>, index = 0, says = SAYS) {
  const l = wb.layouts.A4;
  return { table: "A4" as const, cell: a1(bodyAt(l, "certified", index)), related: STAFF.map((k) => a1(bodyAt(l, k, index))), says };
}

const over = A4({ certified: 27 });
const second = A4({}, [dept({ establishment: 10, staffAdmin: 2, staffInstitution: 1, staffWorker: 0, certified: 4 })]);
const text = A4({ certified: "30人", staffAdmin: "无", staffInstitution: "16", staffWorker: "10" }, [], true);

ruleTester(
  rule,
  { id: "a4-certified-exceeds-staff", severity: "warning" },
  {
    valid: [
      { name: "fewer holders than staff (the seed: 11 of 26)", workbook: A4({}).workbook },
      { name: "as many holders as staff", workbook: A4({ certified: 26 }).workbook },
      { name: "a staff figure empty: the sum is unknown", workbook: A4({ certified: 27, staffWorker: null }).workbook },
      { name: "holders unreadable: not compared", workbook: A4({ certified: "全部" }).workbook },
      { name: "the 大队's certificates (another column) are not counted", workbook: A4({ squadCertified: 99 }).workbook },
    ],
    invalid: [
      { name: "27 holders, 26 staff", workbook: over.workbook, findings: [expected(over, 0, [...SAYS, "27", "0 + 16 + 10 = 26"])] },
      { name: "row 2 only", workbook: second.workbook, findings: [expected(second, 1, [...SAYS, "第2行"])] },
      { name: "text figures and a placeholder, without merges", workbook: text.workbook, findings: [expected(text)] },
    ],
  },
);
