import type { Rule } from "./types";
import { columnName, rowLabel, rowLabelEn } from "./utils/between";
import { tableName } from "./utils/cells";

/** Training has both people and hours or neither; the 0 is the cell to correct. */
const rule: Rule = {
  meta: {
    id: "a4-training-inconsistent",
    severity: "error",
    description: "附件4「行政执法人员培训」的人次与学时只有一个为 0",
    descriptionEn: "附件4 exactly one of training persons and hours is 0",
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
        const [zero, other, otherValue] = p === 0 ? [persons, hours, h] : [hours, persons, p];
        const zeroKey = p === 0 ? "trainingPersons" : "trainingHours";
        const otherKey = p === 0 ? "trainingHours" : "trainingPersons";
        ctx.report({
          table: t,
          cell: zero,
          related: [other],
          message: `${tableName(t)} ${rowLabel(row)}：「${columnName(t, zeroKey)}」为 0，而「${columnName(t, otherKey)}」为 ${otherValue}；有培训就既有人次也有学时，请补正。`,
          messageEn: `${t.id} ${rowLabelEn(row)}: training ${p === 0 ? "persons" : "hours"} is 0 while ${p === 0 ? "hours" : "persons"} is ${otherValue}.`,
        });
      }
    }
  },
};
export default rule;
