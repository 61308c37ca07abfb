import rule from "./value-not-number";
import { a2With, a3With, a4With, a5With } from "../../tests/helpers/ruleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";

ruleTester(
  rule,
  { id: "value-not-number", severity: "error" },
  {
    valid: [
      { name: "the seed's four tables", workbook: seedSnapshot() },
      {
        name: "numbers typed as text with separators, full-width digits or units",
        workbook: a2With({ penalty: ["７", "9件"], fines: ["818,000.7", "4,005,196.42"] }),
      },
      { name: "zero placeholders in 附件5", workbook: a5With({ transferred: "/", filed: "—", notFiled: "-" }) },
      { name: "free text in 其他执法设备 (count or text)", workbook: a4With({ otherEquipment: "无人机1架" }) },
      { name: "text in 执法领域, a text column", workbook: a4With({ monitoringField: "国土空间规划" }) },
      { name: "a yes/no cell with other text is value-yesno's", workbook: a5With({ platform: "使用" }) },
      { name: "a transfer in a wrong shape is value-transfer-format's", workbook: a2With({ transfer: [0, "3/1"] }) },
      { name: "text in ratio and explanation cells", workbook: a2With({}, { ratios: { penalty: "增长很多" }, explanations: { permit: "本年度未受理" } }) },
    ],
    invalid: [
      {
        name: "a word where a count belongs",
        workbook: a2With({ penalty: [7, "九件"] }),
        findings: [{ table: "A2", cell: "N7", related: [], says: ["行政处罚(件)", "2024年", "九件"] }],
      },
      {
        name: "an Excel error in the prior year",
        workbook: a2With({ fines: ["#REF!", 4005196.42] }),
        findings: [{ table: "A2", cell: "S7", related: [], says: ["罚没金额（元）", "2023年", "#REF!", "公式"] }],
      },
      {
        name: "an Excel error in a transfer cell",
        workbook: a2With({ transfer: [0, "#VALUE!"] }),
        findings: [{ table: "A2", cell: "V7", related: [], says: ["移送司法机关刑事案件件数", "#VALUE!"] }],
      },
      {
        name: "a boolean in 附件3",
        workbook: a3With({ coercion: [0, true] }),
        findings: [{ table: "A3", cell: "F7", related: [], says: ["涉企行政强制(件)", "TRUE"] }],
      },
      {
        name: "万元 typed into a 元 column is not read as 元",
        workbook: a2With({ fines: [818000.7, "400.5万元"] }),
        findings: [{ table: "A2", cell: "T7", related: [], says: ["罚没金额（元）", "400.5万元"] }],
      },
      {
        name: "a Chinese numeral, a date and an error in 附件4",
        workbook: a4With({ establishment: "十六", vehicles: "2024-03-05", otherEquipment: "#N/A" }),
        findings: [
          { table: "A4", cell: "C6", related: [], says: ["第1行", "编制数", "十六"] },
          { table: "A4", cell: "N6", related: [], says: ["车辆(辆)", "2024-03-05"] },
          { table: "A4", cell: "O6", related: [], says: ["其他执法设备", "#N/A"] },
        ],
      },
      {
        name: "`1,2` is not read as a number",
        workbook: a5With({ transferred: "1,2" }),
        findings: [{ table: "A5", cell: "D5", related: [], says: ["移送案件数（件）", "1,2"] }],
      },
      {
        name: "a second row of 附件5",
        workbook: a5With({}, [
          {
            name: "某局",
            platform: "是",
            transferred: 0,
            filed: 0,
            notFiled: 0,
            notProsecuted: 0,
            reverseReceived: "若干",
            reverseFiled: 0,
            reverseNotPenalised: 0,
          },
        ]),
        findings: [{ table: "A5", cell: "H6", related: [], says: ["第2行", "反向衔接受案数", "若干"] }],
      },
    ],
  },
);
