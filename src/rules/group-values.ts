/** Rules on single values, ratios and explanations (rules.md: "Values", "Change ratios and explanations"). */
import type { Rule } from "./types";
import valueNotNumber from "./value-not-number";
import valueNegative from "./value-negative";
import valueNotInteger from "./value-not-integer";
import valuePrecision from "./value-precision";
import valueMissing from "./value-missing";
import valueNumberAsText from "./value-number-as-text";
import valueZeroPlaceholder from "./value-zero-placeholder";
import valueYesno from "./value-yesno";
import valueTransferFormat from "./value-transfer-format";
import ratioMissing from "./ratio-missing";
import ratioWrong from "./ratio-wrong";
import zeroUnexplained from "./zero-unexplained";
import changeUnexplained from "./change-unexplained";
import unfiledUnexplained from "./unfiled-unexplained";
import priorMissing from "./prior-missing";
import priorMismatch from "./prior-mismatch";

export const VALUE_RULES: readonly Rule[] = [
  valueNotNumber,
  valueNegative,
  valueNotInteger,
  valuePrecision,
  valueMissing,
  valueNumberAsText,
  valueZeroPlaceholder,
  valueYesno,
  valueTransferFormat,
  ratioMissing,
  ratioWrong,
  zeroUnexplained,
  changeUnexplained,
  unfiledUnexplained,
  priorMissing,
  priorMismatch,
];
