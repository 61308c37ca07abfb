import type { Rule } from "./types";
import { tableName } from "./utils/cells";

const rule: Rule = {
  meta: {
    id: "a4-over-establishment",
    severity: "info",
    description: "实有在岗人数（行政+事业+工勤）超过编制数",
    descriptionEn: "Staff on post (admin + institution + worker) exceed the establishment",
    messages: {
      overEstablishment: {
        zh: "{{table}} 第{{seq}}行：实有在岗人数 {{admin}} + {{institution}} + {{worker}} = {{sum}}，超过编制数 {{establishment}}。",
        en: "{{tableEn}} row {{seq}}: {{sum}} staff on post exceed the establishment of {{establishment}}.",
      },
    },
  },
  check(ctx) {
    for (const t of ctx.columns) {
      if (t.id !== "A4") continue;
      for (const { row } of ctx.lists.bodyRows(t)) {
        if (!row.inUse) continue;
        const c = row.cells;
        const est = ctx.num(c.establishment, "count");
        const staff = [c.staffAdmin, c.staffInstitution, c.staffWorker].map((s) => ctx.num(s, "count"));
        if (est === null || staff.some((s) => s === null)) continue;
        const [admin, institution, worker] = staff as number[];
        const sum = (staff as number[]).reduce((a, b) => a + b, 0);
        if (sum <= est) continue;
        ctx.report({
          table: t,
          cell: c.establishment,
          related: [c.staffAdmin, c.staffInstitution, c.staffWorker],
          messageId: "overEstablishment",
          // the figures as String() writes them, not show(): this message has always given them unrounded
          data: { table: tableName(t), tableEn: t.id, seq: String(row.seq?.raw ?? ""), admin, institution, worker, sum, establishment: est },
        });
      }
    }
  },
};
export default rule;
