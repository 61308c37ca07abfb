/** Every rule of the catalogue (rules.md). A new rule is a new module listed in its group; ids are never reused. */
import type { Rule } from "./types";
import { VALUE_RULES } from "./group-values";
import { TABLE_RULES } from "./group-tables";
import { REPORT_RULES } from "./group-report";

export const RULES: readonly Rule[] = [...TABLE_RULES, ...VALUE_RULES, ...REPORT_RULES];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
