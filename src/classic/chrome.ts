/** The parts of the classic pane around the views: title and language, the buttons, progress, the notice, the Excel version. */
import type { HostCost } from "../host/types";
import type { Lang, StringKey } from "../i18n";
import { el, on } from "./dom";
import type { Controller } from "./controller";
import type { Intent, Notice, ViewContext } from "./state";
import { button, fold } from "./widgets";

export function headerView(ctx: ViewContext, titleId: string, onLang: (l: Lang) => void): HTMLElement {
  const { t, lang } = ctx;
  return el("div", { class: "xc-header" }, [
    el("h1", { id: titleId }, t("appTitle")),
    el("div", { role: "group", "aria-label": t("language"), class: "xc-row" }, [
      button(t("langZh"), { small: true, testid: "lang-zh", lang: "zh-CN", pressed: lang === "zh" }, () => onLang("zh")),
      button(t("langEn"), { small: true, testid: "lang-en", lang: "en", pressed: lang === "en" }, () => onLang("en")),
    ]),
  ]);
}

export function actionsView(ctx: ViewContext, c: Controller, withSubmission: boolean): HTMLElement {
  const { t, isBusy, state } = ctx;
  const b = (key: StringKey, testid: string, onClick: () => unknown, extra: { primary?: boolean; pressed?: boolean } = {}) =>
    button(t(key), { testid, disabled: isBusy, primary: extra.primary, pressed: extra.pressed }, () => void onClick());
  return el("div", { role: "group", "aria-label": t("actions"), class: "xc-row" }, [
    b("validate", "validate", c.validate, { primary: true }),
    b("clearMarks", "clear-marks", c.clearMarks),
    b("fillRatios", "fill-ratios", c.fillRatios),
    b("insertTemplates", "insert-templates", c.openTemplates, { pressed: state.view === "templates" }),
    b("recognise", "recognise", c.recognise),
    b("importPrior", "import-prior", c.openImport, { pressed: state.view === "import" }),
    b("auditReport", "audit-report", c.auditReport),
    reportButton(ctx, c),
    withSubmission ? b("submissionCopy", "submission-copy", c.submissionCopy) : null,
  ]);
}

/** 对照工作报告: a button over a file input kept off screen (IE11 opens a picker for a hidden input's click() too, but not for display:none in every version). */
function reportButton(ctx: ViewContext, c: Controller): HTMLElement {
  const { t, isBusy } = ctx;
  const input = el("input", {
    type: "file",
    class: "xc-offscreen",
    tabindex: "-1",
    "aria-hidden": "true",
    accept: ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "data-testid": "report-input",
  });
  on(input, "change", () => {
    const picked = input.files && input.files.length > 0 ? input.files[0] : null;
    try {
      input.value = "";
    } catch {
      // IE11 may refuse; the next render replaces the input anyway.
    }
    if (picked) c.reportFile(picked);
  });
  const open = button(t("compareReport"), { testid: "compare-report", disabled: isBusy, title: t("compareReportHint") }, () => input.click());
  return el("span", { class: "xc-inline" }, [open, input]);
}

/** Which 工作报告 every 校验 is checked against, with the way to stop; nothing while none is chosen. */
export function reportAttachedView(ctx: ViewContext, c: Controller): HTMLElement | null {
  const report = ctx.state.report;
  if (!report) return null;
  return el("div", { class: "xc-row", "data-testid": "report-attached" }, [
    el("span", null, ctx.t("reportAttached", { file: report.file })),
    button(ctx.t("reportDetach"), { small: true, testid: "report-detach", disabled: ctx.isBusy }, () => c.detachReport()),
  ]);
}

/** The progress line's content: present only while an action runs. */
export function busyView(ctx: ViewContext): HTMLElement | null {
  if (ctx.state.busy === null) return null;
  return el("span", { "data-testid": "busy" }, [el("span", { class: "xc-spinner", "aria-hidden": "true" }), ctx.t(ctx.state.busy)]);
}

const TITLES: Record<Intent, StringKey> = { error: "errorTitle", warning: "noticeTitle", success: "doneTitle", info: "noticeTitle" };

export function noticeView(ctx: ViewContext, notice: Notice, onDismiss: () => void): HTMLElement {
  const { t } = ctx;
  return el("div", { class: `xc-notice xc-notice-${notice.intent}`, "data-testid": "notice", "data-intent": notice.intent }, [
    el("span", { class: "xc-notice-title" }, t(TITLES[notice.intent])),
    el("span", { class: "xc-notice-text" }, notice.text),
    button("×", { className: "xc-dismiss", key: "dismiss", ariaLabel: t("dismiss"), title: t("dismiss") }, onDismiss),
  ]);
}

/** 您的 Excel 版本: what the missing API sets cost, folded, shown only when something is missing. */
export function costsView(ctx: ViewContext, costs: readonly HostCost[] | undefined): HTMLElement | null {
  if (!costs || costs.length === 0) return null;
  const { t, lang } = ctx;
  return fold(ctx, { key: "costs", heading: "h2", testid: "excel-version", header: [t("excelVersionTitle")] }, () => [
    el("p", null, t("excelVersionIntro")),
    el(
      "ul",
      { class: "xc-costs" },
      costs.map((c) => el("li", { "data-requires": c.requires }, lang === "en" ? c.messageEn : c.message)),
    ),
  ]);
}
