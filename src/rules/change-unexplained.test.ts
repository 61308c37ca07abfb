import rule from "./change-unexplained";
import { a2With, a3With } from "../../tests/helpers/ruleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";

const REASON = "加大巡查力度，案件数量相应增加";

ruleTester(
  rule,
  { id: "change-unexplained", severity: "warning" },
  {
    valid: [
      { name: "the seed's four tables (+28.57% is under 30%; +389.63% and +233.04% are explained)", workbook: seedSnapshot() },
      { name: "just under the threshold", workbook: a2With({ review: [100, 129], inspection: [100, 71] }) },
      { name: "a large change with a real explanation", workbook: a2With({ coercion: [10, 20] }, { explanations: { coercion: REASON } }) },
      { name: "a threshold of 50% set by the user", workbook: a2With({ coercion: [10, 14] }), options: { settings: { changeThreshold: 0.5 } } },
      { name: "0 to 0 is no change", workbook: a2With({ permit: [0, 0] }) },
      { name: "a missing year", workbook: a2With({ coercion: [null, 40], ruling: [40, null] }) },
      { name: "a negative figure is value-negative's", workbook: a2With({ coercion: [-3, 5] }) },
      {
        name: "a fall to 0 explained as rules.md's example does",
        workbook: a2With({ confirm: [3, 0] }, { explanations: { confirm: "本年度未发生此类案件" } }),
      },
      {
        name: "a rise explained by the unit's situation",
        workbook: a3With({ coercion: [0, 2] }, { explanations: { coercion: "辖区内无矿山企业，新增违法用地整治" } }),
      },
      {
        name: "from 0 to more than 0, explained",
        workbook: a3With({ coercion: [0, 2] }, { explanations: { coercion: "开展专项整治，依法查封违法用地设施" } }),
      },
      { name: "the seed's 附件3 with its +100% explained by the seed's reason", workbook: a3With({ penalty: [5, 10] }, { ratios: { penalty: "+100.00%" } }) },
    ],
    invalid: [
      {
        name: "a rise of 30% or more with no explanation",
        workbook: a2With({ penalty: [7, 10] }, { explanations: { penalty: null } }),
        findings: [{ table: "A2", cell: "N7", says: ["行政处罚(件)", "2023年 7", "2024年 10", "+42.86%"], related: ["M7", "M9"] }],
      },
      {
        name: "exactly 30% up and exactly 30% down",
        workbook: a2With({ coercion: [10, 13], inspection: [10, 7] }),
        findings: [
          { table: "A2", cell: "H7", says: ["行政强制(件)", "+30.00%"], related: ["G7", "G9"] },
          { table: "A2", cell: "L7", says: ["行政检查(次)", "-30.00%"], related: ["K7", "K9"] },
        ],
      },
      {
        name: "from 0 to more than 0",
        workbook: a2With({ permit: [0, 4] }),
        findings: [{ table: "A2", cell: "D7", says: ["行政许可(件)", "由上年的 0 变为非 0"], related: ["C7", "C9"] }],
      },
      {
        name: "from more than 0 to 0 (zero-unexplained fires too: rules.md lists both)",
        workbook: a2With({ confirm: [3, 0] }),
        findings: [{ table: "A2", cell: "F7", says: ["行政确认(件)", "由上年的非 0 变为 0"], related: ["E7", "E9"] }],
      },
      {
        name: "an explanation that is only a placeholder or the template fragment",
        workbook: a2With({ fines: [818000.7, 4005196.42], transfer: ["0", "3(1)"] }, { explanations: { fines: "无" } }),
        findings: [
          { table: "A2", cell: "T7", says: ["罚没金额（元）", "+389.63%"], related: ["S7", "S9"] },
          { table: "A2", cell: "V7", says: ["移送司法机关刑事案件件数", "由上年的 0 变为非 0"], related: ["U7", "U9"] },
        ],
      },
      {
        name: "filler words are no explanation: 暂无说明, 无变化原因, 待补充, 同上",
        workbook: a2With(
          { coercion: [10, 20], ruling: [0, 2], inspection: [100, 50], review: [4, 0] },
          { explanations: { coercion: "暂无说明", ruling: "无变化原因", inspection: "待补充", review: "同上" } },
        ),
        findings: [
          { table: "A2", cell: "H7", says: ["行政强制(件)", "+100.00%"], related: ["G7", "G9"] },
          { table: "A2", cell: "J7", says: ["行政裁决(件)", "由上年的 0 变为非 0"], related: ["I7", "I9"] },
          { table: "A2", cell: "L7", says: ["行政检查(次)", "-50.00%"], related: ["K7", "K9"] },
          { table: "A2", cell: "R7", says: ["重大执法决定法制审核案件(件)", "由上年的非 0 变为 0"], related: ["Q7", "Q9"] },
        ],
      },
      {
        name: "a lower threshold set by the user catches the seed's +28.57%",
        workbook: a2With({}, { explanations: { penalty: null } }),
        options: { settings: { changeThreshold: 0.2 } },
        findings: [{ table: "A2", cell: "N7", says: ["行政处罚(件)", "+28.57%", "20%"], related: ["M7", "M9"] }],
      },
      {
        name: "附件3 罚没金额 without its explanation",
        workbook: a3With({}, { explanations: { fines: "" } }),
        findings: [{ table: "A3", cell: "J7", says: ["罚没金额（元）", "+233.04%"], related: ["I7", "I9"] }],
      },
    ],
  },
);
