/**
 * Which recognised tables the rules check, and the workbook's report year (rules.md, `table-duplicate`
 * and `table-year-differs`). Recognition lists tables sheet by sheet, top to bottom, so "first in
 * sheet order" is first in that list. A workbook holds four tables or so: plain loops, and no new
 * arrays unless an appendix really is there twice.
 */
import type { RecognisedTable } from "./model";
import { TABLE_IDS } from "../templates/tables";

export interface CheckedTables {
  /** The first copy of each appendix, in recognition order: what every rule checks. */
  checked: readonly RecognisedTable[];
  /** Every further copy of an appendix: only table-duplicate reports on them. */
  duplicates: readonly RecognisedTable[];
}

const NONE: readonly RecognisedTable[] = [];

export function firstCopies(tables: readonly RecognisedTable[]): CheckedTables {
  let seen = 0;
  let twice = false;
  for (const t of tables) {
    const bit = 1 << TABLE_IDS.indexOf(t.id);
    if (seen & bit) twice = true;
    seen |= bit;
  }
  if (!twice) return { checked: tables, duplicates: NONE };
  const checked: RecognisedTable[] = [];
  const duplicates: RecognisedTable[] = [];
  seen = 0;
  for (const t of tables) {
    const bit = 1 << TABLE_IDS.indexOf(t.id);
    (seen & bit ? duplicates : checked).push(t);
    seen |= bit;
  }
  return { checked, duplicates };
}

/**
 * The workbook's report year: the most common year of its tables (a table without a year does not
 * vote); on a tie, 附件2's. The spec is silent on a tie without 附件2 among the tied years: then the
 * lowest-numbered appendix decides (附件3 before 附件4 before 附件5), the same rule carried on. Meant
 * for the checked tables (one per appendix); given several copies, the first in order decides a tie.
 */
export function workbookYear(tables: readonly RecognisedTable[]): number | null {
  let best: RecognisedTable | undefined;
  let bestVotes = 0;
  for (const t of tables) {
    if (t.year === null) continue;
    let votes = 0;
    for (const u of tables) if (u.year === t.year) votes++;
    if (votes > bestVotes || (votes === bestVotes && best !== undefined && TABLE_IDS.indexOf(t.id) < TABLE_IDS.indexOf(best.id))) {
      best = t;
      bestVotes = votes;
    }
  }
  return best ? best.year : null;
}

/** Whether a table's year differs from the workbook's (table-year-differs): the rules between tables skip it. */
export function differsFromWorkbook(t: RecognisedTable, year: number | null): boolean {
  return t.year !== null && year !== null && t.year !== year;
}
