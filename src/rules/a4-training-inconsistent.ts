import type { Rule } from "./types";
import { columnName, rowData } from "./utils/between";

/** Training has both people and hours or neither; the 0 is the cell to correct. */
const rule: Rule = {
  meta: {
    id: "a4-training-inconsistent",
    severity: "error",
    description: "附件4「行政执法人员培训」的人次与学时只有一个为 0",
    descriptionEn: "附件4 exactly one of training persons and hours is 0",
    messages: {
      personsZero: {
        zh: "{{table}} {{row}}：「{{personsLabel}}」为 0，而「{{hoursLabel}}」为 {{hours}}；有培训就既有人次也有学时，请补正。",
        en: "{{tableEn}} {{rowEn}}: training persons is 0 while hours is {{hours}}.",
      },
      hoursZero: {
        zh: "{{table}} {{row}}：「{{hoursLabel}}」为 0，而「{{personsLabel}}」为 {{persons}}；有培训就既有人次也有学时，请补正。",
        en: "{{tableEn}} {{rowEn}}: training hours is 0 while persons is {{persons}}.",
      },
    },
  },
  check(ctx) {
    for (const t of ctx.columns) {
      if (t.id !== "A4") continue;
      for (const row of t.rows) {
        if (!row.inUse) continue;
        const persons = row.cells.trainingPersons;
        const hours = row.cells.trainingHours;
        const p = ctx.num(persons, "count");
        const h = ctx.num(hours, "count");
        if (!persons || !hours || p === null || h === null || (p === 0) === (h === 0)) continue;
        const names = {
          ...rowData(t, row),
          personsLabel: columnName(t, "trainingPersons"),
          hoursLabel: columnName(t, "trainingHours"),
        };
        // the figure as String() writes it, not show(), as this message has always given it
        if (p === 0) ctx.report({ table: t, cell: persons, related: [hours], messageId: "personsZero", data: { ...names, hours: h } });
        else ctx.report({ table: t, cell: hours, related: [persons], messageId: "hoursZero", data: { ...names, persons: p } });
      }
    }
  },
};
export default rule;
