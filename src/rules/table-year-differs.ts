import type { Rule } from "./types";
import { differsFromWorkbook } from "../engine/tableSet";
import { tableName, titleCell } from "./utils/cells";
import { TABLE_IDS } from "../templates/tables";

/**
 * A table of another year than the workbook's (the most common year of its tables; on a tie, 附件2's):
 * typically last year's table left in, or a title not updated. Its value rules still run; the rules
 * between tables leave it out (`sameYear` in between.ts). The primary cell is the title, which gives
 * the year (rules.md is silent; layout-* name the title too); a table without one is named by its first cell.
 */
const rule: Rule = {
  meta: {
    id: "table-year-differs",
    severity: "error",
    description: "本表的年份与工作簿中其他表的年份不同",
    descriptionEn: "The table's year differs from the year of the workbook's other tables",
    messages: {
      differs: {
        zh: "{{table}}是 {{tableYear}} 年的表，而本工作簿的报告年度是 {{year}} 年（{{tables}}为 {{year}} 年）；同一份报告的各表应为同一年度。请核对标题和年份列，上年的表请删除或另存。本表未与其他表相互核对。",
        en: "{{tableEn}} is for {{tableYear}}, but the workbook's report year is {{year}} ({{tablesEn}}); all tables of a report are of one year. It was not compared with the other tables.",
      },
      differsOnTie: {
        zh: "{{table}}是 {{tableYear}} 年的表，而本工作簿的报告年度是 {{year}} 年（{{tables}}为 {{year}} 年；各年份的表一样多，以{{decider}}的年份为准）；同一份报告的各表应为同一年度。请核对标题和年份列，上年的表请删除或另存。本表未与其他表相互核对。",
        en: "{{tableEn}} is for {{tableYear}}, but the workbook's report year is {{year}} ({{tablesEn}}; as many tables are of each year, {{deciderEn}}'s year decides); all tables of a report are of one year. It was not compared with the other tables.",
      },
    },
  },
  check(ctx) {
    const year = ctx.year;
    if (year === null) return;
    for (const t of ctx.tables) {
      if (!differsFromWorkbook(t, year)) continue;
      const ofYear = ctx.tables.filter((u) => u.year === year);
      const mine = ctx.tables.filter((u) => u.year === t.year).length;
      // on a tie the lowest-numbered appendix of the year chosen decided (附件2 when it is among them)
      const decider = ofYear.reduce((a, b) => (TABLE_IDS.indexOf(b.id) < TABLE_IDS.indexOf(a.id) ? b : a));
      ctx.report({
        table: t,
        cell: titleCell(t),
        messageId: mine === ofYear.length ? "differsOnTie" : "differs",
        data: {
          table: tableName(t),
          tableEn: t.id,
          tableYear: String(t.year),
          year,
          tables: ofYear.map(tableName).join("、"),
          tablesEn: ofYear.map((u) => u.id).join(", "),
          decider: tableName(decider),
          deciderEn: decider.id,
        },
      });
    }
  },
};
export default rule;
