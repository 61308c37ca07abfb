import rule from "./prior-missing";
import { a2With, a3With, yearlyBlocks } from "../../tests/helpers/ruleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";
import { layoutFor, layoutToSnapshot } from "../templates/layout";

ruleTester(
  rule,
  { id: "prior-missing", severity: "warning" },
  {
    valid: [
      { name: "the seed's four tables", workbook: seedSnapshot() },
      { name: "a blank template: the block is not in use", workbook: { sheets: [layoutToSnapshot(layoutFor("A2", { year: 2024 }))] } },
      { name: "0 and placeholders are values", workbook: a2With({ penalty: ["无", 9], permit: ["0", 0] }) },
      { name: "an unreadable prior year is value-not-number's", workbook: a2With({ penalty: ["#REF!", 9] }) },
    ],
    invalid: [
      {
        name: "an empty prior year",
        workbook: a2With({ penalty: [null, 9] }),
        findings: [{ table: "A2", cell: "M7", related: [], says: ["行政处罚(件)", "2023年", "上年数", "未填写"] }],
      },
      {
        name: "prior years holding only spaces, in 附件3",
        workbook: a3With({ fines: [" ", 907480], prudentCoercion: ["", 0] }),
        findings: [
          { table: "A3", cell: "I7", related: [], says: ["罚没金额（元）", "2023年"] },
          { table: "A3", cell: "W7", related: [], says: ["包容审慎适用行政强制措施情况（起）"] },
        ],
      },
      {
        name: "a block with only a unit name and current-year figures",
        workbook: yearlyBlocks("A2", [
          {
            unit: "甲局",
            values: {
              permit: [1, 1],
              confirm: [1, 1],
              coercion: [1, 1],
              ruling: [1, 1],
              inspection: [1, 1],
              penalty: [1, 1],
              complaint: [1, 1],
              review: [1, 1],
              fines: [1, 1],
              transfer: [1, 1],
            },
          },
          { unit: "乙局", values: { penalty: [null, 2] } },
        ]),
        findings: ["C10", "E10", "G10", "I10", "K10", "M10", "O10", "Q10", "S10", "U10"].map((cell) => ({
          table: "A2" as const,
          cell,
          related: [],
          says: ["2023年"],
        })),
      },
      {
        name: "the title year names the prior year in the message",
        workbook: a2With({ penalty: [null, 9] }, { year: 2025 }),
        findings: [{ table: "A2", cell: "M7", related: [], says: ["行政处罚(件)", "2024年"] }],
      },
    ],
  },
);
