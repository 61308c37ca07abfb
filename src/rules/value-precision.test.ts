import rule from "./value-precision";
import { a2With, a3With, a4With } from "../../tests/helpers/ruleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";

ruleTester(
  rule,
  { id: "value-precision", severity: "error" },
  {
    valid: [
      { name: "the seed's four tables (818000.7, 4005196.42)", workbook: seedSnapshot() },
      { name: "float noise of a formula is not a third decimal", workbook: a2With({ fines: [0.1 + 0.2, 4005196.4200000004] }) },
      { name: "four decimals in 万元", workbook: a4With({ monitoringFines: 1.2345 }) },
      { name: "two decimals in text with separators", workbook: a3With({ exemptAmount: [0, "1,000.50"] }) },
      { name: "a fractional count is value-not-integer's", workbook: a2With({ penalty: [7, 9.125] }) },
    ],
    invalid: [
      {
        name: "three decimals in 元",
        workbook: a2With({ fines: [818000.7, 4005196.425] }),
        findings: [{ table: "A2", cell: "T7", related: [], says: ["罚没金额（元）", "2024年", "4005196.425", "2 位小数"] }],
      },
      {
        name: "three decimals in 元 typed as text in 附件3",
        workbook: a3With({ exemptAmount: ["1,000.005", 0] }),
        findings: [{ table: "A3", cell: "Q7", related: [], says: ["免罚金额（元）", "2023年", "1,000.005"] }],
      },
      {
        name: "five decimals in 万元",
        workbook: a4With({ monitoringFines: 1.23456 }),
        findings: [{ table: "A4", cell: "R6", related: [], says: ["近三年罚款金额（万元）", "1.23456", "4 位小数"] }],
      },
    ],
  },
);
