import rule from "./value-missing";
import { a2With, a3With, a4With, a5With, columnsWith, yearlyBlocks } from "../../tests/helpers/ruleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";
import { layoutFor, layoutToSnapshot } from "../templates/layout";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../grid/grid";

/** The sheets with formulas on some cells (first sheet, second sheet), as a reader gives them. */
function withFormulas(sheets: SheetSnapshot[], ...formulas: Record<string, string>[]): WorkbookSnapshot {
  return { sheets: sheets.map((s, i) => ({ ...s, formulas: { ...s.formulas, ...formulas[i] } })) };
}

const blankTemplate = (id: "A2" | "A3" | "A4" | "A5") => ({ sheets: [layoutToSnapshot(layoutFor(id, { year: 2024 }))] });

const a2Full = (n: number): Record<string, [CellValue, CellValue]> => ({
  permit: [n, n],
  confirm: [n, n],
  coercion: [n, n],
  ruling: [n, n],
  inspection: [n, n],
  penalty: [n, n],
  complaint: [n, n],
  review: [n, n],
  fines: [n, n],
  transfer: [n, n],
});

ruleTester(
  rule,
  { id: "value-missing", severity: "error" },
  {
    valid: [
      { name: "the seed's four tables", workbook: seedSnapshot() },
      { name: "blank templates: no row is in use", workbook: { sheets: (["A2", "A3", "A4", "A5"] as const).flatMap((id) => blankTemplate(id).sheets) } },
      { name: "an empty prior year is prior-missing's, not this rule's", workbook: a2With({ penalty: [null, 9] }) },
      { name: "empty ratio and explanation cells", workbook: a2With({}, { explanations: { penalty: null, fines: null, transfer: null } }) },
      { name: "执法领域 `0` or `无` means none", workbook: a4With({ monitoringField: "无", otherEquipment: "无" }) },
      { name: "placeholders count as filled", workbook: a5With({ filed: "/" }) },
      { name: "the unused body rows 2–4 of 附件4 and 附件5", workbook: seedSnapshot({}, ["A4", "A5"]) },
    ],
    invalid: [
      {
        name: "an empty current-year value",
        workbook: a2With({ penalty: [7, null] }),
        findings: [{ table: "A2", cell: "N7", related: [], says: ["行政处罚(件)", "2024年", "未填写"] }],
      },
      {
        name: "a current year holding only spaces",
        workbook: a3With({ fines: [272485, "   "] }),
        findings: [{ table: "A3", cell: "J7", related: [], says: ["罚没金额（元）", "2024年"] }],
      },
      {
        name: "a formula saved without its result says so, in 附件2 and 附件4",
        workbook: withFormulas([...a2With({ penalty: [7, null] }).sheets, ...a4With({ vehicles: null }).sheets], { N7: "=SUM(N8:N9)" }, { N6: "=B6-C6" }),
        findings: [
          {
            table: "A2",
            cell: "N7",
            related: [],
            says: ["行政处罚(件)", "2024年", "公式「=SUM(N8:N9)」", "没有得到数值", "没有保存计算结果", "重新计算"],
            excludes: ["未填写"],
          },
          { table: "A4", cell: "N6", related: [], says: ["第1行", "车辆(辆)", "公式「=B6-C6」"], excludes: ["未填写"] },
        ],
      },
      {
        name: "figures without the unit name",
        workbook: a2With({}, { unit: null }),
        findings: [{ table: "A2", cell: "B7", related: [], says: ["行政执法单位名称", "第1行"] }],
      },
      {
        name: "a unit name with no figures: every current-year value is missing",
        workbook: a3With(
          Object.fromEntries(
            [
              "penalty",
              "coercion",
              "inspection",
              "fines",
              "complaint",
              "review",
              "exemptCases",
              "exemptAmount",
              "mitigatedCases",
              "mitigatedAmount",
              "prudentCoercion",
            ].map((k) => [k, [null, null]]),
          ),
        ),
        findings: ["D7", "F7", "H7", "J7", "L7", "N7", "P7", "R7", "T7", "V7", "X7"].map((cell) => ({
          table: "A3" as const,
          cell,
          related: [],
          says: ["2024年", "未填写"],
        })),
      },
      {
        name: "the second unit block of a summary sheet",
        workbook: yearlyBlocks("A2", [
          { unit: "甲局", values: a2Full(1) },
          { unit: null as unknown as string, values: { ...a2Full(2), review: [2, null] } },
        ]),
        findings: [
          { table: "A2", cell: "B10", related: [], says: ["第4行", "行政执法单位名称"] },
          { table: "A2", cell: "R10", related: [], says: ["重大执法决定法制审核案件(件)", "2024年"] },
        ],
      },
      {
        name: "附件4: a count, 其他执法设备 and 执法领域 left empty",
        workbook: a4With({ vehicles: null, otherEquipment: "", monitoringField: null }),
        findings: [
          { table: "A4", cell: "N6", related: [], says: ["第1行", "车辆(辆)", "填 0"] },
          { table: "A4", cell: "O6", related: [], says: ["其他执法设备"] },
          { table: "A4", cell: "P6", related: [], says: ["执法领域", "无"] },
        ],
      },
      {
        name: "附件4: a department without its name",
        workbook: a4With({ name: null }),
        findings: [{ table: "A4", cell: "B6", related: [], says: ["执法部门/机构名称", "单位名称"] }],
      },
      {
        name: "附件5: a second row with only a unit name",
        workbook: columnsWith("A5", [
          {
            name: "甲局",
            platform: "否",
            transferred: 0,
            filed: 0,
            notFiled: 0,
            notProsecuted: 0,
            reverseReceived: 0,
            reverseFiled: 0,
            reverseNotPenalised: 0,
          },
          { name: "乙局" },
        ]),
        findings: [
          { table: "A5", cell: "C6", related: [], says: ["第2行", "是否使用“两法衔接平台”", "「是」或「否」"] },
          ...["D6", "E6", "F6", "G6", "H6", "I6", "J6"].map((cell) => ({ table: "A5" as const, cell, related: [], says: ["第2行", "未填写"] })),
        ],
      },
      {
        name: "附件5: a row with a figure but no unit name",
        workbook: a5With({}, [{ filed: 1 }]),
        findings: [
          { table: "A5", cell: "B6", related: [], says: ["行政执法单位名称"] },
          { table: "A5", cell: "C6", related: [], says: ["是否使用“两法衔接平台”"] },
          ...["D6", "F6", "G6", "H6", "I6", "J6"].map((cell) => ({ table: "A5" as const, cell, related: [], says: ["第2行"] })),
        ],
      },
    ],
  },
);
