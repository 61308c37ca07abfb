/**
 * Before 计算同比 replaces anything a clerk typed, as RatioConfirmDialog.tsx: every cell with its old and
 * new content, and a way out. Not a <dialog> (IE11 has none): an overlay that takes focus to the
 * confirm button and cancels on Escape (handled by the pane, which owns the key listener).
 */
import { shown } from "../pane/display";
import { el, uniqueId } from "./dom";
import type { PendingConfirm, ViewContext } from "./state";
import { button } from "./widgets";

export function confirmView(ctx: ViewContext, pending: PendingConfirm): HTMLElement {
  const { t } = ctx;
  const titleId = uniqueId("xc-confirm-title");
  const bodyId = `${titleId}-body`;
  const empty = t("emptyValue");
  const dialog = el("div", { class: "xc-dialog", role: "alertdialog", "aria-modal": "true", "aria-labelledby": titleId, "aria-describedby": bodyId }, [
    el("h2", { id: titleId }, t("confirmTitle")),
    el("p", { id: bodyId }, t("confirmBody", { n: pending.items.length })),
    el("table", { class: "xc-table", "aria-label": t("confirmTitle"), "data-testid": "overwrite-list" }, [
      el("thead", null, [
        el("tr", null, [
          el("th", { scope: "col" }, t("colCell")),
          el("th", { scope: "col" }, t("colCategory")),
          el("th", { scope: "col" }, t("colOld")),
          el("th", { scope: "col" }, t("colNew")),
        ]),
      ]),
      el(
        "tbody",
        null,
        pending.items.map((i) =>
          el("tr", { "data-testid": "overwrite" }, [
            el("td", { class: "xc-mono" }, `${i.sheet}!${i.cell}`),
            el("td", null, i.category),
            el("td", null, shown(i.old, empty)),
            el("td", null, shown(i.next, empty)),
          ]),
        ),
      ),
    ]),
    el("div", { class: "xc-dialog-actions" }, [
      button(t("confirmOverwrite"), { primary: true, testid: "confirm-overwrite" }, () => ctx.handlers.answerConfirm(true)),
      button(t("cancel"), { testid: "cancel-overwrite" }, () => ctx.handlers.answerConfirm(false)),
    ]),
  ]);
  return el("div", { class: "xc-overlay" }, [dialog]);
}
