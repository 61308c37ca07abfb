/**
 * The one rule tester, the ESLint way: workbooks on which a rule stays silent, and workbooks on which
 * it reports exactly the listed findings. Matching is strict: a valid case gives no finding of the
 * rule; an invalid one gives one finding per listed cell and no other, each with the rule's severity,
 * the table, the primary cell, exactly the listed related cells (always: an expectation that could leave
 * them out would let a rule drop or misplace the cells a reviewer is sent to), a Chinese message
 * naming the table and the listed labels, and an English twin. The workbooks come from ruleCases.ts
 * (one table, figures changed) or tableRuleCases.ts (the seed's tables, cells changed).
 */
import { analyse, type AnalyseOptions } from "../../src/check/analyse";
import type { WorkbookSnapshot } from "../../src/grid/grid";
import { fromA1 } from "../../src/grid/grid";
import type { Finding, Severity } from "../../src/engine/findings";
import { TABLE_NAMES } from "../../src/templates/tables";
import type { TableId } from "../../src/templates/schema";
import { RULES } from "../../src/rules/catalogue";
import type { Rule } from "../../src/rules/types";
import { seedBook } from "./tableRuleCases";

export interface ValidCase {
  name: string;
  workbook: WorkbookSnapshot;
  options?: Omit<AnalyseOptions, "rules">;
}

export interface ExpectedFinding {
  table: TableId;
  /** The primary cell, A1, as rules.md names it. */
  cell: string;
  /** The sheet; when any expected finding of a case gives one, every finding's sheet is compared. */
  sheet?: string;
  /** Exactly these related cells (order free; `[]`: none). */
  related: string[];
  /** Texts the Chinese message must contain besides the table name: at least the category or column label. */
  says: string[];
  /** Texts it must not contain. */
  excludes?: string[];
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

export interface RuleCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
  /**
   * What the seed's own tables give (rules.md lists it); when left out, the seed's tables must give
   * nothing; `null` when the cases above already hold the seed's tables and what they give.
   */
  seed?: ExpectedFinding[] | null;
}

/** The findings of one rule only. */
export function findingsOf(rule: string, workbook: WorkbookSnapshot, options: Omit<AnalyseOptions, "rules"> = {}): Finding[] {
  return analyse(workbook, { ...options, rules: [rule] }).findings;
}

const CJK = /[\u4e00-\u9fff]/;

function position(f: { table?: string; sheet?: string; cell: string }): string {
  const p = fromA1(f.cell);
  return `${f.table ?? ""}|${String(p?.row ?? 0).padStart(6, "0")}|${String(p?.col ?? 0).padStart(4, "0")}|${f.cell}|${f.sheet ?? ""}`;
}

const byPosition = <T extends { table?: string; sheet?: string; cell: string }>(a: T, b: T): number => position(a).localeCompare(position(b));

/** One jest test per case, plus one that the rule is in the catalogue with the id and severity of rules.md. */
export function ruleTester(rule: Rule, spec: { id: string; severity: Severity }, cases: RuleCases): void {
  describe(`${spec.id} (${spec.severity})`, () => {
    test("is in the catalogue with the id and severity of rules.md", () => {
      expect(rule.meta.id).toBe(spec.id);
      expect(rule.meta.severity).toBe(spec.severity);
      expect(RULES).toContain(rule);
      expect(rule.meta.description).toMatch(CJK);
      expect(rule.meta.descriptionEn.trim()).not.toBe("");
    });
    const seed = { name: "the seed's own tables", workbook: seedBook().workbook };
    const valid = cases.seed !== undefined ? cases.valid : [{ ...seed, name: `${seed.name} give no finding` }, ...cases.valid];
    const invalid = cases.seed ? [{ ...seed, name: `${seed.name} (rules.md lists what they give)`, findings: cases.seed }, ...cases.invalid] : cases.invalid;
    describe("valid", () => {
      for (const c of valid) {
        test(c.name, () => {
          expect(findingsOf(spec.id, c.workbook, c.options)).toEqual([]);
        });
      }
    });
    describe("invalid", () => {
      for (const c of invalid) {
        test(c.name, () => {
          if (c.findings.length === 0) throw new Error("an invalid case lists at least one finding");
          if (c.findings.some((f) => f.says.length === 0)) throw new Error("an invalid case must say which label the message names");
          const got = findingsOf(spec.id, c.workbook, c.options).slice().sort(byPosition);
          const want = c.findings.slice().sort(byPosition);
          const withSheet = want.some((w) => w.sheet !== undefined);
          const shape = (f: { table?: string; sheet?: string; cell: string; related: string[] }, rule: string, severity: Severity) => ({
            rule,
            severity,
            table: f.table,
            ...(withSheet ? { sheet: f.sheet } : {}),
            cell: f.cell,
            related: [...f.related].sort(),
          });
          expect(got.map((f) => shape(f, f.rule, f.severity))).toEqual(want.map((w) => shape(w, spec.id, spec.severity)));
          got.forEach((f, i) => {
            const w = want[i];
            expect(f.message).toMatch(CJK);
            expect(f.message).toContain(TABLE_NAMES[w.table]);
            for (const s of w.says) expect(f.message).toContain(s);
            for (const s of w.excludes ?? []) expect(f.message).not.toContain(s);
            expect(f.messageEn.trim()).not.toBe("");
          });
        });
      }
    });
  });
}
