/** Rules on single values, ratios and explanations (rules.md: "Values", "Change ratios and explanations"). */
import type { Rule } from "./types";
import valueZeroPlaceholder from "./value-zero-placeholder";
import ratioMissing from "./ratio-missing";
import zeroUnexplained from "./zero-unexplained";

export const VALUE_RULES: readonly Rule[] = [valueZeroPlaceholder, ratioMissing, zeroUnexplained];
