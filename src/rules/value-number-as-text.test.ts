import rule from "./value-number-as-text";
import { a2With, a3With, a4With, a5With } from "../../tests/helpers/ruleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";

ruleTester(
  rule,
  { id: "value-number-as-text", severity: "info" },
  {
    valid: [
      { name: "the seed's four tables (numbers, and 无 which is a placeholder)", workbook: seedSnapshot() },
      { name: "the template's own N(M) shape of a transfer", workbook: a2With({ transfer: ["2(1)", "3(1)"] }) },
      { name: "text that is no number in 其他执法设备", workbook: a4With({ otherEquipment: "执法记录仪2台" }) },
      { name: "a number as text with an error gets the error only", workbook: a2With({ penalty: [7, "9.5件"], fines: [818000.7, "-5元"] }) },
      { name: "text numbers in 执法领域 (a text column) are not read", workbook: a4With({ monitoringField: "12" }) },
    ],
    invalid: [
      {
        name: "a count with its unit",
        workbook: a2With({ penalty: [7, "9件"] }),
        findings: [{ table: "A2", cell: "N7", related: [], says: ["行政处罚(件)", "2024年", "9件", "按数字 9 读取"] }],
      },
      {
        name: "an amount with thousands separators",
        workbook: a2With({ fines: ["818,000.7", 4005196.42] }),
        findings: [{ table: "A2", cell: "S7", related: [], says: ["罚没金额（元）", "2023年", "818,000.7", "818000.7"] }],
      },
      {
        name: "full-width digits and surrounding spaces",
        workbook: a3With({ penalty: ["５", " 6 "] }),
        findings: [
          { table: "A3", cell: "C7", related: [], says: ["涉企行政处罚(件)", "５", "按数字 5 读取"] },
          { table: "A3", cell: "D7", related: [], says: ["涉企行政处罚(件)", "按数字 6 读取"] },
        ],
      },
      {
        name: "a plain transfer count stored as text",
        workbook: a2With({ transfer: ["0", 0] }),
        findings: [{ table: "A2", cell: "U7", related: [], says: ["移送司法机关刑事案件件数"] }],
      },
      {
        name: "附件4 and 附件5 figures stored as text",
        workbook: { sheets: [...a4With({ vehicles: "3台", monitoringFines: "1.5万元" }).sheets, ...a5With({ filed: "0" }).sheets] },
        findings: [
          { table: "A4", cell: "N6", related: [], says: ["车辆(辆)", "3台"] },
          { table: "A4", cell: "R6", related: [], says: ["近三年罚款金额（万元）", "1.5万元", "1.5"] },
          { table: "A5", cell: "E5", related: [], says: ["刑事立案数"] },
        ],
      },
    ],
  },
);
