import rule from "./zero-unexplained";
import { a2With, a3With } from "../../tests/helpers/ruleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";

const REASON = "本年度未受理此类申请，无相关案件";

ruleTester(
  rule,
  { id: "zero-unexplained", severity: "warning" },
  {
    // the seed's tables are among the cases below, with what they give
    seed: null,
    valid: [
      { name: "the seed's 附件4 and 附件5 (not yearly tables)", workbook: seedSnapshot({}, ["A4", "A5"]) },
      {
        name: "every 0 of 附件2 explained",
        workbook: a2With(
          {},
          {
            explanations: {
              permit: REASON,
              confirm: REASON,
              coercion: REASON,
              ruling: REASON,
              inspection: REASON,
              complaint: REASON,
              review: REASON,
              transfer: "本年无涉嫌犯罪需移送的案件",
            },
          },
        ),
      },
      {
        name: "explanations that say why (rules.md: `本年度未发生此类案件`, `辖区内无矿山企业`)",
        workbook: a2With(
          {},
          {
            explanations: {
              permit: "本年度未发生此类案件",
              confirm: "辖区内无矿山企业",
              coercion: REASON,
              ruling: REASON,
              inspection: REASON,
              complaint: REASON,
              review: REASON,
              transfer: "本年度未发生此类案件",
            },
          },
        ),
      },
      {
        name: "an empty current year is value-missing's",
        workbook: a2With(
          Object.fromEntries(["permit", "confirm", "coercion", "ruling", "inspection", "complaint", "review", "transfer"].map((k) => [k, [0, null]])),
        ),
      },
    ],
    invalid: [
      {
        name: "the seed's 附件2: eight zeros, 移送 holding only the template fragment",
        workbook: seedSnapshot({}, ["A2"]),
        findings: [
          { table: "A2", cell: "D7", says: ["行政许可(件)", "2024年", "为 0"], related: ["C9"] },
          { table: "A2", cell: "F7", says: ["行政确认(件)"], related: ["E9"] },
          { table: "A2", cell: "H7", says: ["行政强制(件)"], related: ["G9"] },
          { table: "A2", cell: "J7", says: ["行政裁决(件)"], related: ["I9"] },
          { table: "A2", cell: "L7", says: ["行政检查(次)"], related: ["K9"] },
          { table: "A2", cell: "P7", says: ["投诉举报为线索来源办案数(件)"], related: ["O9"] },
          { table: "A2", cell: "R7", says: ["重大执法决定法制审核案件(件)"], related: ["Q9"] },
          { table: "A2", cell: "V7", says: ["移送司法机关刑事案件件数(其中未立案数)"], related: ["U9"] },
        ],
      },
      {
        name: "the seed's 附件3: the nine categories other than 涉企行政处罚 and 罚没金额",
        workbook: seedSnapshot({}, ["A3"]),
        findings: (
          [
            ["F7", "E9"],
            ["H7", "G9"],
            ["L7", "K9"],
            ["N7", "M9"],
            ["P7", "O9"],
            ["R7", "Q9"],
            ["T7", "S9"],
            ["V7", "U9"],
            ["X7", "W9"],
          ] as const
        ).map(([cell, explanation]) => ({ table: "A3" as const, cell, says: ["2024年", "数据变化原因分析"], related: [explanation] })),
      },
      {
        name: "无 read as 0, explained by 无 or a bracketed instruction",
        workbook: a2With(
          { penalty: [7, "无"] },
          {
            explanations: {
              penalty: "无",
              permit: REASON,
              confirm: "（说明数据变化原因）",
              coercion: REASON,
              ruling: REASON,
              inspection: REASON,
              complaint: REASON,
              review: REASON,
              transfer: REASON,
            },
          },
        ),
        findings: [
          { table: "A2", cell: "F7", says: ["行政确认(件)"], related: ["E9"] },
          { table: "A2", cell: "N7", says: ["行政处罚(件)", "为 0"], related: ["M9"] },
        ],
      },
      {
        name: "filler words are no explanation: 暂无说明, 无变化原因, 待补充, 同上",
        workbook: a2With(
          {},
          {
            explanations: {
              permit: "暂无说明",
              confirm: "无变化原因",
              coercion: "待补充",
              ruling: "同上",
              inspection: REASON,
              complaint: REASON,
              review: REASON,
              transfer: "本年度未发生此类案件",
            },
          },
        ),
        findings: [
          { table: "A2", cell: "D7", says: ["行政许可(件)"], related: ["C9"] },
          { table: "A2", cell: "F7", says: ["行政确认(件)"], related: ["E9"] },
          { table: "A2", cell: "H7", says: ["行政强制(件)"], related: ["G9"] },
          { table: "A2", cell: "J7", says: ["行政裁决(件)"], related: ["I9"] },
        ],
      },
      {
        name: "a fall to 0 in 附件3",
        workbook: a3With({ penalty: [5, 0] }, { explanations: { penalty: null } }),
        findings: [
          { table: "A3", cell: "D7", says: ["涉企行政处罚(件)"], related: ["C9"] },
          ...(
            [
              ["F7", "E9"],
              ["H7", "G9"],
              ["L7", "K9"],
              ["N7", "M9"],
              ["P7", "O9"],
              ["R7", "Q9"],
              ["T7", "S9"],
              ["V7", "U9"],
              ["X7", "W9"],
            ] as const
          ).map(([cell, explanation]) => ({ table: "A3" as const, cell, says: ["2024年"], related: [explanation] })),
        ],
      },
    ],
  },
);
