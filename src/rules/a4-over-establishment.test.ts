import rule from "./a4-over-establishment";
import { seedBook, seedTable } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { a1, bodyAt } from "../../tests/helpers/layoutCells";
import { seedLayoutOptions } from "../templates/sample";
import { book, shift } from "../../tests/helpers/sheetEdits";
import type { CellValue } from "../grid/grid";

const SEED_ROW = seedLayoutOptions("A4").columns?.rows?.[0] ?? {};
const dept = (changes: Record<string, CellValue>): Record<string, CellValue> => ({ ...SEED_ROW, name: "综合执法大队", ...changes });
const A4 = (row: Record<string, CellValue>, more: Array<Record<string, CellValue>> = [], withoutMerges = false) =>
  seedBook({ A4: { row, more, withoutMerges } });
const STAFF = ["staffAdmin", "staffInstitution", "staffWorker"];
const SAYS = ["实有在岗人数", "编制数"];

function expected(wb: ReturnType<typeof A4>, index = 0, says = SAYS) {
  const l = wb.layouts.A4;
  return { table: "A4" as const, cell: a1(bodyAt(l, "establishment", index)), related: STAFF.map((k) => a1(bodyAt(l, k, index))), says };
}

const seed = seedBook();
const second = A4({ staffWorker: 0 }, [dept({ establishment: 5, staffAdmin: 3, staffInstitution: 3, staffWorker: 0 })]);
const flat = A4({ establishment: "20人", staffAdmin: "8", staffInstitution: "８", staffWorker: 5 }, [], true);
const moved = seedTable("A4", { row: { establishment: 2, staffAdmin: 1, staffInstitution: 1, staffWorker: 1 } });
const off = { row: 5, col: 4 };

ruleTester(
  rule,
  { id: "a4-over-establishment", severity: "info" },
  {
    seed: [expected(seed, 0, [...SAYS, "0 + 16 + 10 = 26", "16"])],
    valid: [
      { name: "staff within the establishment", workbook: A4({ staffWorker: 0 }).workbook },
      { name: "staff equal to the establishment", workbook: A4({ staffInstitution: 6 }).workbook },
      { name: "establishment empty: not compared", workbook: A4({ establishment: null }).workbook },
      { name: "a staff figure unreadable: not compared", workbook: A4({ staffWorker: "若干" }).workbook },
      { name: "rows not in use", workbook: A4({ staffWorker: 0 }, [{}, {}]).workbook },
    ],
    invalid: [
      { name: "only row 2 over its establishment", workbook: second.workbook, findings: [expected(second, 1, [...SAYS, "第2行"])] },
      { name: "figures typed as text, without merges", workbook: flat.workbook, findings: [expected(flat, 0, [...SAYS, "21", "20"])] },
      {
        name: "shifted on another sheet",
        workbook: book(shift(moved.sheet, off.row, off.col, "保障")),
        findings: [
          {
            table: "A4",
            sheet: "保障",
            cell: a1(bodyAt(moved.layout, "establishment"), off),
            related: STAFF.map((k) => a1(bodyAt(moved.layout, k), off)),
            says: SAYS,
          },
        ],
      },
    ],
  },
);
