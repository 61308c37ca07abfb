import rule from "./ratio-wrong";
import { a2With, a3With, yearlyBlocks } from "../../tests/helpers/ruleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";

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

const A3_RATIOS = {
  penalty: "+20.00%",
  coercion: "0.00%",
  inspection: "0.00%",
  fines: "+233.04%",
  complaint: "0.00%",
  review: "0.00%",
  exemptCases: "0.00%",
  exemptAmount: "0.00%",
  mitigatedCases: "0.00%",
  mitigatedAmount: "0.00%",
  prudentCoercion: "0.00%",
};

ruleTester(
  rule,
  { id: "ratio-wrong", severity: "error" },
  {
    valid: [
      { name: "the seed's four tables (ratios empty: ratio-missing's)", workbook: seedSnapshot() },
      { name: "the seed's 附件2 ratios of rules.md", workbook: a2With({}, { ratios: A2_RATIOS }) },
      { name: "the seed's 附件3 ratios of rules.md", workbook: a3With({}, { ratios: A3_RATIOS }) },
      {
        name: "the same ratios unsigned, as numbers formatted as %, unrounded",
        workbook: a2With({}, { ratios: { ...A2_RATIOS, penalty: 0.2857142857, fines: "389.63%", permit: 0, confirm: "0%" } }),
      },
      {
        name: "a zero placeholder (/, ／, -, —, 无) where both years are 0 is read as 0.00%",
        workbook: a2With(
          { transfer: ["无", 0] },
          { ratios: { ...A2_RATIOS, permit: "/", confirm: "／", coercion: "-", ruling: "—", inspection: " 无 ", transfer: "/" } },
        ),
      },
      { name: "the same in 附件3", workbook: a3With({}, { ratios: { ...A3_RATIOS, exemptCases: "/", prudentCoercion: "—" } }) },
      { name: "上年为0 when the prior year is 0", workbook: a2With({ permit: [0, 3] }, { ratios: { ...A2_RATIOS, permit: "上年为0" } }) },
      {
        name: "-50.00% and a transfer read by N",
        workbook: a2With({ review: [10, 5], transfer: ["2(1)", "3(2)"] }, { ratios: { ...A2_RATIOS, review: "-50.00%", transfer: "+50.00%" } }),
      },
      {
        name: "with the prior year missing a filled ratio is not checked",
        workbook: a2With({ penalty: [null, 9] }, { ratios: { ...A2_RATIOS, penalty: "增长很多" } }),
      },
      {
        name: "with the current year unreadable a filled ratio is not checked",
        workbook: a2With({ penalty: [7, "#REF!"] }, { ratios: { ...A2_RATIOS, penalty: "+28.57%" } }),
      },
    ],
    invalid: [
      {
        name: "a ratio that disagrees at 2 decimals",
        workbook: a2With({}, { ratios: { ...A2_RATIOS, penalty: "+28.58%" } }),
        findings: [{ table: "A2", cell: "M8", says: ["行政处罚(件)", "+28.58%", "+28.57%", "2023年 7", "2024年 9"], related: ["M7", "N7"] }],
      },
      {
        name: "unreadable text",
        workbook: a2With({}, { ratios: { ...A2_RATIOS, penalty: "增长很多" } }),
        findings: [{ table: "A2", cell: "M8", says: ["行政处罚(件)", "增长很多", "不是比率", "+28.57%"], related: ["M7", "N7"] }],
      },
      {
        name: "a percentage where the prior year is 0",
        workbook: a2With({ transfer: [0, 2] }, { ratios: { ...A2_RATIOS, transfer: "+100.00%" } }),
        findings: [{ table: "A2", cell: "U8", says: ["移送司法机关刑事案件件数", "+100.00%", "上年为0"], related: ["U7", "V7"] }],
      },
      {
        name: "上年为0 where both years are 0",
        workbook: a2With({}, { ratios: { ...A2_RATIOS, permit: "上年为0" } }),
        findings: [{ table: "A2", cell: "C8", says: ["行政许可(件)", "上年为0", "0.00%"], related: ["C7", "D7"] }],
      },
      {
        name: "/ for 3 → 5 (a placeholder is accepted only where both years are 0)",
        workbook: a2With({ confirm: [3, 5] }, { ratios: { ...A2_RATIOS, confirm: "/", coercion: "无" } }),
        findings: [{ table: "A2", cell: "E8", says: ["行政确认(件)", "「/」", "不是比率", "+66.67%"], related: ["E7", "F7"] }],
      },
      {
        name: "/ where the prior year is 0 and the current one is not",
        workbook: a3With({ coercion: [0, 2] }, { ratios: { ...A3_RATIOS, coercion: "/" } }),
        findings: [{ table: "A3", cell: "E8", says: ["涉企行政强制(件)", "「/」", "上年为0"], related: ["E7", "F7"] }],
      },
      {
        name: "a number not formatted as % (28.57 reads as 2857%)",
        workbook: a2With({}, { ratios: { ...A2_RATIOS, penalty: 28.57 } }),
        findings: [{ table: "A2", cell: "M8", says: ["行政处罚(件)", "2857%", "+28.57%"], related: ["M7", "N7"] }],
      },
      {
        name: "the sign turned round, and 附件3 rounded to whole percent",
        workbook: a3With({ coercion: [4, 2] }, { ratios: { ...A3_RATIOS, coercion: "+50.00%", fines: "+233%" } }),
        findings: [
          { table: "A3", cell: "E8", says: ["涉企行政强制(件)", "-50.00%"], related: ["E7", "F7"] },
          { table: "A3", cell: "I8", says: ["罚没金额（元）", "+233.04%"], related: ["I7", "J7"] },
        ],
      },
      {
        name: "the second unit block",
        workbook: yearlyBlocks("A2", [
          { unit: "甲局", values: { penalty: [7, 9] }, ratios: { penalty: "+28.57%" } },
          { unit: "乙局", values: { penalty: [4, 2] }, ratios: { penalty: "-20.00%" } },
        ]),
        findings: [{ table: "A2", cell: "M11", says: ["行政处罚(件)", "-50.00%"], related: ["M10", "N10"] }],
      },
    ],
  },
);
