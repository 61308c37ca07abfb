import rule from "./a4-monitoring-inconsistent";
import { seedBook } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { a1, bodyAt } from "../../tests/helpers/layoutCells";
import { seedLayoutOptions } from "../templates/sample";
import type { CellValue } from "../grid/grid";

const SEED_ROW = seedLayoutOptions("A4").columns?.rows?.[0] ?? {};
const dept = (changes: Record<string, CellValue>): Record<string, CellValue> => ({ ...SEED_ROW, name: "综合执法大队", ...changes });
const A4 = (row: Record<string, CellValue>, more: Array<Record<string, CellValue>> = [], withoutMerges = false) =>
  seedBook({ A4: { row, more, withoutMerges } });
const NO_FIELD = ["执法类电子技术监控设备/设备数量", "执法类电子技术监控设备/执法领域"];
const NO_DEVICE = ["执法类电子技术监控设备/近三年罚款金额（万元）", "执法类电子技术监控设备/设备数量"];

const at = (wb: ReturnType<typeof A4>, key: string, index = 0) => a1(bodyAt(wb.layouts.A4, key, index));
const noField = (wb: ReturnType<typeof A4>, index = 0, says = NO_FIELD) => ({
  table: "A4" as const,
  cell: at(wb, "monitoringDevices", index),
  related: [at(wb, "monitoringField", index)],
  says,
});
const noDevice = (wb: ReturnType<typeof A4>, index = 0, says = NO_DEVICE) => ({
  table: "A4" as const,
  cell: at(wb, "monitoringFines", index),
  related: [at(wb, "monitoringDevices", index)],
  says,
});

const zeroField = A4({ monitoringDevices: 4 });
const wuField = A4({ monitoringField: "无", monitoringDevices: "4台" });
const emptyField = A4({ monitoringField: null, monitoringDevices: 1 });
const finesOnly = A4({ monitoringField: "交通运输", monitoringFines: 3.5 });
const bothBroken = A4(
  { monitoringField: " ", monitoringDevices: 0, monitoringFines: "2.5" },
  [dept({ monitoringField: "/", monitoringDevices: 2, monitoringFines: 0 })],
  true,
);

ruleTester(
  rule,
  { id: "a4-monitoring-inconsistent", severity: "warning" },
  {
    valid: [
      { name: "no devices, no field, no fines (the seed writes 0 in 执法领域)", workbook: A4({}).workbook },
      { name: "devices with a field and fines", workbook: A4({ monitoringField: "自然资源卫片监测", monitoringDevices: 3, monitoringFines: 12 }).workbook },
      { name: "devices with a field, no fines", workbook: A4({ monitoringField: "交通", monitoringDevices: 3, monitoringFines: 0 }).workbook },
      { name: "a field without devices (not this rule's concern)", workbook: A4({ monitoringField: "交通", monitoringDevices: 0 }).workbook },
      { name: "device count empty: neither check", workbook: A4({ monitoringField: null, monitoringDevices: null, monitoringFines: 5 }).workbook },
      { name: "fines unreadable: not compared", workbook: A4({ monitoringFines: "待统计" }).workbook },
    ],
    invalid: [
      { name: "devices with 执法领域 `0`", workbook: zeroField.workbook, findings: [noField(zeroField, 0, [...NO_FIELD, "4"])] },
      { name: "devices (text `4台`) with 执法领域 `无`", workbook: wuField.workbook, findings: [noField(wuField)] },
      { name: "devices with 执法领域 empty", workbook: emptyField.workbook, findings: [noField(emptyField)] },
      { name: "fines with 0 devices", workbook: finesOnly.workbook, findings: [noDevice(finesOnly, 0, [...NO_DEVICE, "3.5"])] },
      {
        name: "row 1 fines without devices, row 2 devices without field (`/`), without merges",
        workbook: bothBroken.workbook,
        findings: [noDevice(bothBroken), noField(bothBroken, 1, [...NO_FIELD, "第2行"])],
      },
    ],
  },
);
