import rule from "./ratio-missing";
import { a2With, a3With } from "../../tests/helpers/ruleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";

/** The seed's 附件2 ratios as rules.md gives them. */
const A2_RATIOS = {
  permit: "0.00%",
  confirm: "0.00%",
  coercion: "0.00%",
  ruling: "0.00%",
  inspection: "0.00%",
  penalty: "+28.57%",
  complaint: "0.00%",
  review: "0.00%",
  fines: "+389.63%",
  transfer: "0.00%",
};

ruleTester(
  rule,
  { id: "ratio-missing", severity: "warning" },
  {
    // the seed's tables are among the cases below, with what they give
    seed: null,
    valid: [
      { name: "every ratio filled", workbook: a2With({}, { ratios: A2_RATIOS }) },
      { name: "a missing prior year leaves the ratio empty", workbook: a2With({ penalty: [null, 9] }, { ratios: { ...A2_RATIOS, penalty: null } }) },
      { name: "an unreadable current year leaves the ratio empty", workbook: a2With({ penalty: [7, "#REF!"] }, { ratios: { ...A2_RATIOS, penalty: null } }) },
      { name: "a wrong ratio is ratio-wrong's", workbook: a2With({}, { ratios: { ...A2_RATIOS, penalty: "+30%" } }) },
    ],
    invalid: [
      {
        name: "one ratio left empty",
        workbook: a2With({}, { ratios: { ...A2_RATIOS, fines: "  " } }),
        findings: [{ table: "A2", cell: "S8", says: ["罚没金额（元）", "同比变化未填写"], related: ["S7", "T7"] }],
      },
      {
        name: "the seed's 附件2: row 2 is empty for all ten categories",
        workbook: seedSnapshot({}, ["A2"]),
        findings: (
          [
            ["C8", "C7", "D7"],
            ["E8", "E7", "F7"],
            ["G8", "G7", "H7"],
            ["I8", "I7", "J7"],
            ["K8", "K7", "L7"],
            ["M8", "M7", "N7"],
            ["O8", "O7", "P7"],
            ["Q8", "Q7", "R7"],
            ["S8", "S7", "T7"],
            ["U8", "U7", "V7"],
          ] as const
        ).map(([cell, prior, current]) => ({ table: "A2" as const, cell, says: ["同比变化"], related: [prior, current] })),
      },
      {
        name: "placeholders count as values",
        workbook: a3With(
          { coercion: ["无", "/"] },
          {
            ratios: {
              penalty: "+20.00%",
              inspection: "0.00%",
              fines: "+233.04%",
              complaint: "0.00%",
              review: "0.00%",
              exemptCases: "0.00%",
              exemptAmount: "0.00%",
              mitigatedCases: "0.00%",
              mitigatedAmount: "0.00%",
              prudentCoercion: "0.00%",
            },
          },
        ),
        findings: [{ table: "A3", cell: "E8", says: ["涉企行政强制(件)"], related: ["E7", "F7"] }],
      },
    ],
  },
);
