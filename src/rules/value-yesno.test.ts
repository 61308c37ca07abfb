import rule from "./value-yesno";
import { a5With, columnsWith } from "../../tests/helpers/ruleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";

const row = { name: "乙局", transferred: 0, filed: 0, notFiled: 0, notProsecuted: 0, reverseReceived: 0, reverseFiled: 0, reverseNotPenalised: 0 };

ruleTester(
  rule,
  { id: "value-yesno", severity: "error" },
  {
    valid: [
      { name: "the seed's four tables (否)", workbook: seedSnapshot() },
      { name: "是, and 否 with spaces", workbook: a5With({ platform: "是" }, [{ ...row, platform: " 否 " }]) },
      { name: "an empty cell is value-missing's", workbook: a5With({ platform: null }) },
    ],
    invalid: [
      {
        name: "a word that is not 是 or 否",
        workbook: a5With({ platform: "使用" }),
        findings: [{ table: "A5", cell: "C5", related: [], says: ["第1行", "是否使用“两法衔接平台”", "使用", "「是」或「否」"] }],
      },
      {
        name: "Y, 1 and TRUE in further rows",
        workbook: columnsWith("A5", [
          { ...row, platform: "Y" },
          { ...row, platform: 1 },
          { ...row, platform: true },
        ]),
        findings: [
          { table: "A5", cell: "C5", related: [], says: ["「Y」"] },
          { table: "A5", cell: "C6", related: [], says: ["第2行", "「1」"] },
          { table: "A5", cell: "C7", related: [], says: ["第3行", "「TRUE」"] },
        ],
      },
    ],
  },
);
