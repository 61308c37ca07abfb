/** The two settings a clerk may change, as SettingsPanel.tsx: when a change counts as large, and how 计算同比 writes. */
import type { RatioMode } from "../app/actions";
import { el, on, uniqueId } from "./dom";
import type { ViewContext } from "./state";
import { field, FOCUS_KEY, fold } from "./widgets";

export function settingsView(ctx: ViewContext): HTMLElement {
  const { t, state } = ctx;
  return fold(ctx, { key: "settings", heading: "h2", header: [t("settings")] }, () => {
    const name = uniqueId("xc-ratio-mode");
    const radio = (mode: RatioMode, label: string) => {
      const input = el("input", { type: "radio", name, value: mode, "data-testid": `ratio-mode-${mode}`, [FOCUS_KEY]: `ratio-mode-${mode}` });
      input.checked = state.ratioMode === mode;
      on(input, "click", () => {
        if (input.checked) state.ratioMode = mode;
      });
      on(input, "change", () => {
        if (input.checked) state.ratioMode = mode;
      });
      return el("label", { class: "xc-choice" }, [input, label]);
    };
    return [
      field({
        label: t("thresholdLabel"),
        value: state.threshold,
        testid: "threshold",
        type: "number",
        short: true,
        suffix: "%",
        hint: t("thresholdHint"),
        onInput: (v) => (state.threshold = v),
      }),
      el("fieldset", { class: "xc-fieldset" }, [
        el("legend", null, t("ratioModeLabel")),
        radio("values", t("ratioModeValues")),
        radio("formulas", t("ratioModeFormulas")),
      ]),
    ];
  });
}
