import type { Rule } from "./types";
import { columnName, exceeds, present, rowData, show } from "./utils/between";

/** Only when all three staff figures are readable: an unknown one could make the sum large enough. */
const rule: Rule = {
  meta: {
    id: "a4-certified-exceeds-staff",
    severity: "warning",
    description: "附件4「本部门执法证持有人数」多于实有在岗人数（行政+事业+工勤）",
    descriptionEn: "附件4 certificate holders exceed staff on post (admin + institution + worker)",
    messages: {
      exceedsStaff: {
        zh: "{{table}} {{row}}：「{{certifiedLabel}}」为 {{certified}}，多于「实有在岗人数」行政、事业、工勤之和 {{admin}} + {{institution}} + {{worker}} = {{sum}}；请核实（二级机构持证人员应同时计入在岗人数）。",
        en: "{{tableEn}} {{rowEn}}: {{certified}} certificate holders exceed {{sum}} staff on post.",
      },
    },
  },
  check(ctx) {
    for (const t of ctx.columns) {
      if (t.id !== "A4") continue;
      for (const row of t.rows) {
        if (!row.inUse) continue;
        const c = row.cells;
        const certified = ctx.num(c.certified, "count");
        if (certified === null) continue;
        const staff = [c.staffAdmin, c.staffInstitution, c.staffWorker].map((s) => ctx.num(s, "count"));
        if (staff.some((s) => s === null)) continue;
        const [admin, institution, worker] = staff as number[];
        const sum = (staff as number[]).reduce((a, b) => a + b, 0);
        if (!exceeds(certified, sum)) continue;
        ctx.report({
          table: t,
          cell: c.certified,
          related: present(c.staffAdmin, c.staffInstitution, c.staffWorker),
          messageId: "exceedsStaff",
          data: {
            ...rowData(t, row),
            certifiedLabel: columnName(t, "certified"),
            certified: show(certified),
            admin: show(admin),
            institution: show(institution),
            worker: show(worker),
            sum: show(sum),
          },
        });
      }
    }
  },
};
export default rule;
