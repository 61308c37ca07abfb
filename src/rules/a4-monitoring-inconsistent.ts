import type { Rule } from "./types";
import { columnName, present, rowData, show } from "./utils/between";
import { isZeroPlaceholder } from "../engine/normalize";
import type { CellValue } from "../grid/grid";
import { nfkc } from "../engine/nfkc";

/** 执法领域 names no field when empty, `0`, or a zero placeholder (`无`, `/`, `—`): the seed writes 0 there. */
function namesNoField(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "number") return v === 0;
  const s = nfkc(String(v)).trim();
  return s === "" || s === "0" || isZeroPlaceholder(s);
}

/**
 * The primary cell is the figure that presupposes the other (设备数量 > 0 presupposes a 执法领域; fines
 * from monitoring presuppose a device), as for a3-amount-without-cases.
 */
const rule: Rule = {
  meta: {
    id: "a4-monitoring-inconsistent",
    severity: "warning",
    description: "附件4 执法类电子技术监控设备：有设备数量而未填执法领域，或有近三年罚款金额而设备数量为 0",
    descriptionEn: "附件4 monitoring devices without a field, or monitoring fines with no devices",
    messages: {
      devicesWithoutField: {
        zh: "{{table}} {{row}}：「{{devicesLabel}}」为 {{devices}}，但「{{fieldLabel}}」未填写（或填“0”“无”）；请写明设备用于哪个执法领域。",
        en: "{{tableEn}} {{rowEn}}: {{devices}} monitoring devices with no enforcement field.",
      },
      finesWithoutDevices: {
        zh: "{{table}} {{row}}：「{{finesLabel}}」为 {{fines}} 万元，而「{{devicesLabel}}」为 0；没有监控设备就不应有电子监控罚款，请核实。",
        en: "{{tableEn}} {{rowEn}}: {{fines}} (10k yuan) of monitoring fines with no devices.",
      },
    },
  },
  check(ctx) {
    for (const t of ctx.columns) {
      if (t.id !== "A4") continue;
      for (const row of t.rows) {
        if (!row.inUse) continue;
        const c = row.cells;
        // named only for a row that is reported
        const where = () => ({
          ...rowData(t, row),
          devicesLabel: columnName(t, "monitoringDevices"),
        });
        const devices = ctx.num(c.monitoringDevices, "count");
        if (c.monitoringDevices && c.monitoringField && devices !== null && devices > 0 && namesNoField(c.monitoringField.raw)) {
          ctx.report({
            table: t,
            cell: c.monitoringDevices,
            related: [c.monitoringField],
            messageId: "devicesWithoutField",
            data: { ...where(), devices: show(devices), fieldLabel: columnName(t, "monitoringField") },
          });
        }
        const fines = ctx.num(c.monitoringFines, "wan");
        if (c.monitoringFines && fines !== null && fines > 0 && devices === 0) {
          ctx.report({
            table: t,
            cell: c.monitoringFines,
            related: present(c.monitoringDevices),
            messageId: "finesWithoutDevices",
            data: { ...where(), fines: show(fines), finesLabel: columnName(t, "monitoringFines") },
          });
        }
      }
    }
  },
};
export default rule;
