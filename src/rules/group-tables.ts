/** Rules within and between tables, plausibility, layout and form (rules.md: the other sections). */
import type { Rule } from "./types";
import layoutHeader from "./layout-header";
import layoutYear from "./layout-year";
import a4OverEstablishment from "./a4-over-establishment";

export const TABLE_RULES: readonly Rule[] = [layoutHeader, layoutYear, a4OverEstablishment];
