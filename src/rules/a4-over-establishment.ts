import type { Rule } from "./types";
import { tableName } from "./utils/cells";

const rule: Rule = {
  meta: {
    id: "a4-over-establishment",
    severity: "info",
    description: "实有在岗人数（行政+事业+工勤）超过编制数",
    descriptionEn: "Staff on post (admin + institution + worker) exceed the establishment",
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
        const sum = (staff as number[]).reduce((a, b) => a + b, 0);
        if (sum <= est) continue;
        ctx.report({
          table: t,
          cell: c.establishment,
          related: [c.staffAdmin, c.staffInstitution, c.staffWorker],
          message: `${tableName(t)} 第${row.seq?.raw ?? ""}行：实有在岗人数 ${staff.join(" + ")} = ${sum}，超过编制数 ${est}。`,
          messageEn: `${t.id} row ${row.seq?.raw ?? ""}: ${sum} staff on post exceed the establishment of ${est}.`,
        });
      }
    }
  },
};
export default rule;
