import rule from "./a5-reverse-sum";
import { seedBook } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { a1, bodyAt } from "../../tests/helpers/layoutCells";

type Row = Record<string, string | number | null>;
const A5 = (row: Row, more: Row[] = [], withoutMerges = false) => seedBook({ A5: { row, more, withoutMerges } });
const at = (wb: ReturnType<typeof A5>, key: string, index = 0) => a1(bodyAt(wb.layouts.A5, key, index));
const SAYS = ["反向衔接受案数", "行政处罚立案数", "不予行政处罚案件数"];

function expected(wb: ReturnType<typeof A5>, index = 0, says = SAYS) {
  return { table: "A5" as const, cell: at(wb, "reverseReceived", index), related: [at(wb, "reverseFiled", index), at(wb, "reverseNotPenalised", index)], says };
}

const fewer = A5({ reverseReceived: 2, reverseFiled: 2, reverseNotPenalised: 1 });
const zero = A5({ reverseReceived: "—", reverseFiled: "1件", reverseNotPenalised: "无" });
const partial = A5({ reverseReceived: 1, reverseFiled: 2, reverseNotPenalised: null });
const second = A5({}, [{ name: "湘潭县林业局", platform: "否", reverseReceived: 0, reverseFiled: 0, reverseNotPenalised: 4 }]);
const flat = A5({ reverseReceived: 0, reverseFiled: 1, reverseNotPenalised: 0 }, [], true);

ruleTester(
  rule,
  { id: "a5-reverse-sum", severity: "error" },
  {
    valid: [
      { name: "equal to the sum", workbook: A5({ reverseReceived: 3, reverseFiled: 2, reverseNotPenalised: 1 }).workbook },
      {
        name: "above the sum (one recommendation covering several cases counts once per case, 注4)",
        workbook: A5({ reverseReceived: 7, reverseFiled: 2, reverseNotPenalised: 1 }).workbook,
      },
      { name: "反向衔接受案数 empty: not compared", workbook: A5({ reverseReceived: "", reverseFiled: 2 }).workbook },
      { name: "反向衔接受案数 unreadable: not compared", workbook: A5({ reverseReceived: "#REF!", reverseFiled: 2 }).workbook },
      { name: "text figures that agree", workbook: A5({ reverseReceived: "３件", reverseFiled: "2", reverseNotPenalised: "1件" }).workbook },
    ],
    invalid: [
      { name: "2 < 2 + 1", workbook: fewer.workbook, findings: [expected(fewer, 0, [...SAYS, "2 + 1 = 3"])] },
      { name: "a placeholder (0) against a case typed as text", workbook: zero.workbook, findings: [expected(zero)] },
      { name: "an empty addend does not hide a readable one that exceeds", workbook: partial.workbook, findings: [expected(partial)] },
      { name: "only the breaking row 2", workbook: second.workbook, findings: [expected(second, 1, [...SAYS, "第2行"])] },
      { name: "without merges", workbook: flat.workbook, findings: [expected(flat)] },
    ],
  },
);
