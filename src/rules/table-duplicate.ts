import type { Rule } from "./types";
import { toA1 } from "../grid/grid";
import { refFrom } from "./utils/between";
import { tableName, titleCell } from "./utils/cells";

/**
 * The same appendix more than once in a workbook (a pasted copy, a backup sheet). analyseTables gives
 * the rules only the first copy in sheet order; each further copy gets this one finding at its title
 * and nothing else (rules.md). The first copy's title is the related cell (our choice: rules.md names
 * no related cell here), so a reviewer is led to the copy that counts. Copies are told apart by
 * appendix alone, whatever their years or contents: a 2023 附件2 ahead of the 2024 one is the copy
 * checked (and table-year-differs says it is of another year).
 */
const rule: Rule = {
  meta: {
    id: "table-duplicate",
    severity: "warning",
    description: "同一附件在工作簿中出现了不止一次（只校验第一份）",
    descriptionEn: "The same appendix appears more than once in the workbook (only the first copy is checked)",
    messages: {
      sameSheet: {
        zh: "{{table}}在本工作簿中出现了不止一次：这一份是重复的，没有校验；只校验了本工作表 {{at}} 处的第一份。请删除多余的一份；若两份都要报送，请把数据合并到第一份中。",
        en: "{{tableEn}} appears more than once in the workbook: this copy is not checked; only the first copy (at {{at}} on this sheet) is. Delete the extra copy, or merge its figures into the first.",
      },
      otherSheet: {
        zh: "{{table}}在本工作簿中出现了不止一次：这一份是重复的，没有校验；只校验了工作表「{{sheet}}」{{at}} 处的第一份。请删除多余的一份；若两份都要报送，请把数据合并到第一份中。",
        en: '{{tableEn}} appears more than once in the workbook: this copy is not checked; only the first copy (on sheet "{{sheet}}" at {{at}}) is. Delete the extra copy, or merge its figures into the first.',
      },
    },
  },
  check(ctx) {
    for (const dup of ctx.duplicates) {
      const first = ctx.tables.find((t) => t.id === dup.id);
      if (!first) continue;
      const at = first.title?.address ?? toA1(first.top, first.left);
      ctx.report({
        table: dup,
        cell: titleCell(dup),
        related: first.title ? [refFrom(dup, first, first.title)] : [],
        messageId: first.sheet === dup.sheet ? "sameSheet" : "otherSheet",
        data: { table: tableName(dup), tableEn: dup.id, at, sheet: first.sheet },
      });
    }
  },
};
export default rule;
