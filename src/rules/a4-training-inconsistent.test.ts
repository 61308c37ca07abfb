import rule from "./a4-training-inconsistent";
import { seedBook } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { a1, bodyAt } from "../../tests/helpers/layoutCells";
import { seedLayoutOptions } from "../templates/sample";
import type { CellValue } from "../grid/grid";

const SEED_ROW = seedLayoutOptions("A4").columns?.rows?.[0] ?? {};
const dept = (changes: Record<string, CellValue>): Record<string, CellValue> => ({ ...SEED_ROW, name: "综合执法大队", ...changes });
const A4 = (row: Record<string, CellValue>, more: Array<Record<string, CellValue>> = [], withoutMerges = false) =>
  seedBook({ A4: { row, more, withoutMerges } });
const SAYS = ["行政执法人员培训/人次(人)", "行政执法人员培训/学时(时)"];

function expected(wb: ReturnType<typeof A4>, zero: string, other: string, index = 0, says = SAYS) {
  const l = wb.layouts.A4;
  return { table: "A4" as const, cell: a1(bodyAt(l, zero, index)), related: [a1(bodyAt(l, other, index))], says };
}

const noHours = A4({ trainingHours: 0 });
const noPersons = A4({ trainingPersons: "无" });
const second = A4({}, [dept({ trainingPersons: 12, trainingHours: "-" })], true);

ruleTester(
  rule,
  { id: "a4-training-inconsistent", severity: "error" },
  {
    valid: [
      { name: "both given (the seed: 26 人次, 1600 学时)", workbook: A4({}).workbook },
      { name: "both 0: no training", workbook: A4({ trainingPersons: 0, trainingHours: "无" }).workbook },
      { name: "one empty: not compared (value-missing reports it)", workbook: A4({ trainingHours: null }).workbook },
      { name: "one unreadable: not compared", workbook: A4({ trainingPersons: "若干", trainingHours: 0 }).workbook },
      { name: "a row not in use", workbook: A4({}, [{}]).workbook },
    ],
    invalid: [
      {
        name: "persons without hours: the hours cell",
        workbook: noHours.workbook,
        findings: [expected(noHours, "trainingHours", "trainingPersons", 0, [...SAYS, "26"])],
      },
      {
        name: "hours without persons (`无`): the persons cell",
        workbook: noPersons.workbook,
        findings: [expected(noPersons, "trainingPersons", "trainingHours", 0, [...SAYS, "1600"])],
      },
      { name: "row 2, without merges", workbook: second.workbook, findings: [expected(second, "trainingHours", "trainingPersons", 1, [...SAYS, "第2行"])] },
    ],
  },
);
