/** The two settings a clerk may change: when a change counts as large, and how 计算同比 writes. */
import { Field, Input, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import type { RatioMode } from "../app/actions";
import { useI18n } from "./i18nContext";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  threshold: { maxWidth: "8em" },
});

export interface SettingsPanelProps {
  threshold: string;
  onThreshold(v: string): void;
  ratioMode: RatioMode;
  onRatioMode(m: RatioMode): void;
}

export function SettingsPanel({ threshold, onThreshold, ratioMode, onRatioMode }: SettingsPanelProps) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.panel}>
      <Field label={t("thresholdLabel")} hint={t("thresholdHint")}>
        <Input
          className={styles.threshold}
          type="number"
          inputMode="decimal"
          min={1}
          max={1000}
          value={threshold}
          onChange={(_, d) => onThreshold(d.value)}
          contentAfter="%"
          data-testid="threshold"
        />
      </Field>
      <Field label={t("ratioModeLabel")}>
        <RadioGroup value={ratioMode} onChange={(_, d) => onRatioMode(d.value === "formulas" ? "formulas" : "values")}>
          <Radio value="values" label={t("ratioModeValues")} data-testid="ratio-mode-values" />
          <Radio value="formulas" label={t("ratioModeFormulas")} data-testid="ratio-mode-formulas" />
        </RadioGroup>
      </Field>
    </div>
  );
}
