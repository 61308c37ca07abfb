import rule from "./value-negative";
import { a2With, a3With, a4With, a5With } from "../../tests/helpers/ruleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";

ruleTester(
  rule,
  { id: "value-negative", severity: "error" },
  {
    valid: [
      { name: "the seed's four tables", workbook: seedSnapshot() },
      { name: "`-` is a zero placeholder, not a sign", workbook: a5With({ filed: "-", notFiled: "－" }) },
      { name: "a falling ratio is no negative value", workbook: a2With({ penalty: [9, 7] }, { ratios: { penalty: "-22.22%" } }) },
      { name: "0 is not negative", workbook: a4With({ staffAdmin: 0 }) },
    ],
    invalid: [
      {
        name: "a negative prior-year count",
        workbook: a2With({ penalty: [-7, 9] }),
        findings: [{ table: "A2", cell: "M7", related: [], says: ["行政处罚(件)", "2023年", "-7", "负数"] }],
      },
      {
        name: "a negative amount typed as text",
        workbook: a3With({ fines: [272485, "-907,480"] }),
        findings: [{ table: "A3", cell: "J7", related: [], says: ["罚没金额（元）", "2024年", "-907,480"] }],
      },
      {
        name: "a negative transfer",
        workbook: a2With({ transfer: [0, "-2"] }),
        findings: [{ table: "A2", cell: "V7", related: [], says: ["移送司法机关刑事案件件数", "-2"] }],
      },
      {
        name: "negative staff in 附件4 and a negative amount in 万元",
        workbook: a4With({ staffAdmin: -1, monitoringFines: -0.5 }),
        findings: [
          { table: "A4", cell: "D6", related: [], says: ["实有在岗人数/行政", "-1"] },
          { table: "A4", cell: "R6", related: [], says: ["近三年罚款金额（万元）", "-0.5"] },
        ],
      },
    ],
  },
);
