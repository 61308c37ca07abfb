import rule from "./value-transfer-format";
import { a2With } from "../../tests/helpers/ruleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";

ruleTester(
  rule,
  { id: "value-transfer-format", severity: "error" },
  {
    valid: [
      { name: "the seed's four tables (0 and 0)", workbook: seedSnapshot() },
      { name: "N and N(M) in their spellings", workbook: a2With({ transfer: ["3（1）", "3件(1件)"] }) },
      { name: "M equal to N", workbook: a2With({ transfer: ["2(2)", 4] }) },
      { name: "a zero placeholder", workbook: a2With({ transfer: ["无", "/"] }) },
      { name: "empty cells are value-missing's and prior-missing's", workbook: a2With({ transfer: [null, null] }) },
    ],
    invalid: [
      {
        name: "more not placed on file than transferred",
        workbook: a2With({ transfer: [0, "1(3)"] }),
        findings: [{ table: "A2", cell: "V7", related: [], says: ["移送司法机关刑事案件件数(其中未立案数)", "2024年", "1(3)", "未立案数 3 大于移送件数 1"] }],
      },
      {
        name: "words inside the brackets and a slash",
        workbook: a2With({ transfer: ["3/1", "3(其中1件未立案)"] }),
        findings: [
          { table: "A2", cell: "U7", related: [], says: ["2023年", "3/1", "N(M)"] },
          { table: "A2", cell: "V7", related: [], says: ["2024年", "3(其中1件未立案)"] },
        ],
      },
      {
        name: "a fractional number",
        workbook: a2With({ transfer: [0, 2.5] }),
        findings: [{ table: "A2", cell: "V7", related: [], says: ["移送司法机关刑事案件件数", "2.5"] }],
      },
    ],
  },
);
