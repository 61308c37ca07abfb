import rule from "./value-zero-placeholder";
import { a2With, a4With, a5With } from "../../tests/helpers/ruleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";

ruleTester(
  rule,
  { id: "value-zero-placeholder", severity: "info" },
  {
    // the seed's tables are among the cases below, with what they give
    seed: null,
    valid: [
      { name: "the seed's 附件2–4 (numbers only)", workbook: seedSnapshot({}, ["A2", "A3", "A4"]) },
      {
        name: "0 typed as a number or text",
        workbook: a5With({ transferred: 0, filed: "0", notFiled: 0, notProsecuted: 0, reverseReceived: 0, reverseFiled: 0, reverseNotPenalised: 0 }),
      },
      { name: "`无` in 执法领域, a text column where it means none", workbook: a4With({ monitoringField: "无" }) },
      { name: "`无` in an explanation or ratio cell is not a value", workbook: a2With({}, { ratios: { penalty: "/" }, explanations: { permit: "无" } }) },
    ],
    invalid: [
      {
        name: "the seven 无 of the seed's 附件5",
        workbook: seedSnapshot({}, ["A5"]),
        findings: [
          { table: "A5", cell: "D5", related: [], says: ["移送案件数（件）", "「无」", "按 0 读取"] },
          { table: "A5", cell: "E5", related: [], says: ["刑事立案数"] },
          { table: "A5", cell: "F5", related: [], says: ["刑事不予立案数"] },
          { table: "A5", cell: "G5", related: [], says: ["不予起诉案件数"] },
          { table: "A5", cell: "H5", related: [], says: ["反向衔接受案数"] },
          { table: "A5", cell: "I5", related: [], says: ["行政处罚立案数"] },
          { table: "A5", cell: "J5", related: [], says: ["不予行政处罚案件数"] },
        ],
      },
      {
        name: "／, — and - in 附件2, the transfer cell too",
        workbook: a2With({ penalty: ["／", 9], permit: [0, "-"], transfer: [0, "—"] }),
        findings: [
          { table: "A2", cell: "D7", related: [], says: ["行政许可(件)", "2024年", "「-」"] },
          { table: "A2", cell: "M7", related: [], says: ["行政处罚(件)", "2023年", "「／」"] },
          { table: "A2", cell: "V7", related: [], says: ["移送司法机关刑事案件件数", "「—」"] },
        ],
      },
      {
        name: "a placeholder in a ratio cell where both years are 0 (read as 0.00%, not ratio-wrong)",
        workbook: a2With({}, { ratios: { permit: "/", confirm: "无", penalty: "/" } }),
        findings: [
          { table: "A2", cell: "C8", says: ["行政许可(件)", "同比变化", "「/」", "0.00%"], related: ["C7", "D7"] },
          { table: "A2", cell: "E8", says: ["行政确认(件)", "「无」", "0.00%"], related: ["E7", "F7"] },
        ],
      },
      {
        name: "无 in 其他执法设备",
        workbook: a4With({ otherEquipment: "无" }),
        findings: [{ table: "A4", cell: "O6", related: [], says: ["其他执法设备", "第1行"] }],
      },
    ],
  },
);
