/**
 * Tests for the rules within and between tables, the ESLint way: workbooks on which a rule stays
 * silent, and workbooks on which it reports exactly the listed findings (rule, severity, table,
 * primary cell, related cells, and the labels the Chinese message must name). Workbooks start from the
 * seed's four tables, which break none of these rules, with a few cells changed.
 */
import { analyse } from "../../src/check/analyse";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/grid/grid";
import type { Finding, Severity } from "../../src/engine/findings";
import { layoutFor, layoutToSnapshot, type LayoutOptions, type SheetLayout } from "../../src/templates/layout";
import { seedLayoutOptions } from "../../src/templates/sample";
import { TABLE_IDS, TABLE_NAMES } from "../../src/templates/tables";
import type { TableId } from "../../src/templates/schema";
import { TABLE_RULES } from "../../src/rules/group-tables";
import type { Rule } from "../../src/rules/types";
import { unitRowAt } from "./layoutCells";
import { insertRows } from "./sheetEdits";

export type Pair = [CellValue, CellValue];

/** What to change in one of the seed's tables. */
export interface SeedChange {
  /** 附件2/3: [prior, current] per category key, over the seed's. */
  values?: Record<string, Pair>;
  /** 附件4/5: cells of body row 1, over the seed's. */
  row?: Record<string, CellValue>;
  /** 附件4/5: body rows after row 1. */
  more?: Array<Record<string, CellValue>>;
  /** The unit everywhere the table names it: the 执法单位 line and the unit row (附件2/3 block, 附件5 row 1). */
  unit?: string;
  /** Only the 执法单位 line. */
  lineUnit?: string;
  /** Only the unit row. */
  rowUnit?: string;
  /** The text after `联系人和联系方式：`. */
  contact?: string;
  year?: number;
  withoutMerges?: boolean;
  sheetName?: string;
}

export interface Seeded {
  layout: SheetLayout;
  sheet: SheetSnapshot;
}

export function seedTable(id: TableId, change: SeedChange = {}): Seeded {
  const base = seedLayoutOptions(id);
  const opts: LayoutOptions = {
    ...base,
    year: change.year ?? base.year,
    withoutMerges: change.withoutMerges,
    sheetName: change.sheetName,
    unit: change.lineUnit ?? change.unit ?? base.unit,
    contact: change.contact ?? base.contact,
  };
  const rowUnit = change.rowUnit ?? change.unit;
  if (base.yearly) {
    opts.yearly = { ...base.yearly, values: { ...base.yearly.values, ...change.values }, unit: rowUnit ?? base.yearly.unit };
  }
  if (base.columns) {
    const first = { ...(base.columns.rows?.[0] ?? {}), ...change.row };
    if (id === "A5" && rowUnit !== undefined) first.name = rowUnit;
    opts.columns = { rows: [first, ...(change.more ?? [])] };
  }
  const layout = layoutFor(id, opts);
  return { layout, sheet: layoutToSnapshot(layout) };
}

/**
 * 附件2/3 with a second unit's three rows (value, 同比变化, 数据变化原因分析) right under the first
 * unit's, as a summary table has them; the second block's cells are the first's moved down 3 rows.
 */
export function seedTwoUnits(id: "A2" | "A3", first: SeedChange, second: { unit: string; values?: Record<string, Pair> }): Seeded {
  const one = seedTable(id, first);
  const two = seedTable(id, { ...first, values: second.values, rowUnit: second.unit });
  const at = unitRowAt(two.layout);
  const rows = [0, 1, 2].map((i) => {
    const r = [...(two.sheet.values[at.row + i] ?? [])];
    r[at.col - 1] = 4 + i;
    return r;
  });
  return { layout: one.layout, sheet: insertRows(one.sheet, at.row + 3, rows) };
}

export interface SeedBook {
  workbook: WorkbookSnapshot;
  layouts: Record<TableId, SheetLayout>;
}

/** The seed's tables, one a sheet, with the given changes. */
export function seedBook(changes: Partial<Record<TableId, SeedChange>> = {}, ids: readonly TableId[] = TABLE_IDS): SeedBook {
  const layouts = {} as Record<TableId, SheetLayout>;
  const sheets: SheetSnapshot[] = [];
  for (const id of ids) {
    const s = seedTable(id, changes[id]);
    layouts[id] = s.layout;
    sheets.push(s.sheet);
  }
  return { workbook: { sheets }, layouts };
}

export interface ValidCase {
  name: string;
  workbook: WorkbookSnapshot;
}

export interface ExpectedFinding {
  table: TableId;
  /** The primary cell, as rules.md names it. */
  cell: string;
  /** The sheet; when any expected finding of a case gives one, every finding's sheet is compared. */
  sheet?: string;
  /** Exactly these related cells (order free); none when left out. */
  related?: string[];
  /** Texts the Chinese message must contain besides the table name: the category or column labels. */
  says: string[];
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

function order(a: { table?: string; sheet?: string; cell: string }, b: { table?: string; sheet?: string; cell: string }): number {
  const ka = `${a.table}|${a.cell.padStart(8, " ")}|${a.sheet ?? ""}`;
  const kb = `${b.table}|${b.cell.padStart(8, " ")}|${b.sheet ?? ""}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function findingsOf(id: string, workbook: WorkbookSnapshot): Finding[] {
  return analyse(workbook, { rules: [id] }).findings;
}

const CJK = /[\u4e00-\u9fff]/;

/** One jest test per case, plus one that the rule is registered with the id and severity of rules.md. */
export function tableRuleCases(
  rule: Rule,
  spec: { id: string; severity: Severity },
  cases: { valid: ValidCase[]; invalid: InvalidCase[]; seed?: ExpectedFinding[] },
): void {
  describe(`${spec.id} (${spec.severity})`, () => {
    test("is registered with the id and severity of rules.md", () => {
      expect(rule.meta.id).toBe(spec.id);
      expect(rule.meta.severity).toBe(spec.severity);
      expect(TABLE_RULES).toContain(rule);
      expect(rule.meta.description).toMatch(CJK);
    });
    if (!cases.seed) {
      test("the seed's own tables give no finding", () => {
        expect(findingsOf(spec.id, seedBook().workbook)).toEqual([]);
      });
    }
    const invalid = cases.seed ? [{ name: "the seed's own tables (rules.md lists what they give)", workbook: seedBook().workbook, findings: cases.seed }, ...cases.invalid] : cases.invalid;
    describe("valid", () => {
      for (const c of cases.valid) {
        test(c.name, () => {
          expect(findingsOf(spec.id, c.workbook)).toEqual([]);
        });
      }
    });
    describe("invalid", () => {
      for (const c of invalid) {
        test(c.name, () => {
          const got = findingsOf(spec.id, c.workbook).sort(order);
          const wanted = [...c.findings].sort(order);
          const withSheet = wanted.some((w) => w.sheet !== undefined);
          const want = wanted.map((f) => ({
            rule: spec.id,
            severity: spec.severity,
            table: f.table,
            ...(withSheet ? { sheet: f.sheet } : {}),
            cell: f.cell,
            related: [...(f.related ?? [])].sort(),
          }));
          const seen = got.map((f) => ({
            rule: f.rule,
            severity: f.severity,
            table: f.table,
            ...(withSheet ? { sheet: f.sheet } : {}),
            cell: f.cell,
            related: [...f.related].sort(),
          }));
          expect(seen).toEqual(want);
          got.forEach((f, i) => {
            const w = wanted[i];
            expect(f.message).toMatch(CJK);
            expect(f.message).toContain(TABLE_NAMES[w.table]);
            for (const s of w.says) expect(f.message).toContain(s);
            expect(f.messageEn.trim()).not.toBe("");
          });
        });
      }
    });
  });
}
