import rule from "./value-not-integer";
import { a2With, a4With, a5With } from "../../tests/helpers/ruleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";

ruleTester(
  rule,
  { id: "value-not-integer", severity: "error" },
  {
    valid: [
      { name: "the seed's four tables (amounts in 元 with decimals)", workbook: seedSnapshot() },
      { name: "an amount in 万元 with decimals", workbook: a4With({ monitoringFines: 12.5 }) },
      { name: "a count written `9.0`", workbook: a2With({ penalty: [7, "9.0"] }) },
      { name: "a fractional transfer is value-transfer-format's", workbook: a2With({ transfer: [0, 2.5] }) },
    ],
    invalid: [
      {
        name: "a fractional count (the brief's example)",
        workbook: a2With({ penalty: [7, 9.5] }),
        findings: [{ table: "A2", cell: "N7", related: [], says: ["「行政处罚(件)」2024年填的是「9.5」，件数应为整数"] }],
      },
      {
        name: "a fractional inspection count typed as text",
        workbook: a2With({ inspection: ["2.5次", 3] }),
        findings: [{ table: "A2", cell: "K7", related: [], says: ["行政检查(次)", "2023年", "2.5次", "次数应为整数"] }],
      },
      {
        name: "fractions in 附件4, in a count-or-text column too",
        workbook: a4With({ trainingHours: "12.5时", otherEquipment: 1.5 }),
        findings: [
          { table: "A4", cell: "J6", related: [], says: ["学时(时)", "12.5时", "学时数应为整数"] },
          { table: "A4", cell: "O6", related: [], says: ["其他执法设备", "1.5"] },
        ],
      },
      {
        name: "a fraction in 附件5",
        workbook: a5With({ filed: 0.5 }),
        findings: [{ table: "A5", cell: "E5", related: [], says: ["刑事立案数", "0.5", "整数"] }],
      },
    ],
  },
);
