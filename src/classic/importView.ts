/**
 * 导入上年数, as ImportPriorView.tsx: pick last year's report, see what would happen to every prior-year
 * cell, tick, write. Fills are ticked by default; a conflict only when the user ticks it.
 */
import type { ImportPlan } from "../app/actions";
import { cellId, type PriorPreviewRow } from "../flows/importPrior";
import { attachmentLabel, tableLabel, type StringKey } from "../i18n";
import { shown } from "../pane/display";
import { el, on, uniqueId } from "./dom";
import type { ViewContext } from "./state";
import { button, FOCUS_KEY, message } from "./widgets";

const ACTION_KEYS: Record<PriorPreviewRow["action"], StringKey> = {
  fill: "actionFill",
  same: "actionSame",
  conflict: "actionConflict",
  missing: "actionMissing",
};

const canTick = (r: PriorPreviewRow) => r.action === "fill" || r.action === "conflict";

function chosenCount(plan: ImportPlan, ticked: ReadonlySet<string>): number {
  return plan.rows.filter((r) => canTick(r) && ticked.has(cellId(r))).length;
}

export function importView(ctx: ViewContext): HTMLElement {
  const { t, state } = ctx;
  const { plan, file } = state.imported;
  const titleId = uniqueId("xc-import-title");
  const inputId = uniqueId("xc-import-file");
  const input = el("input", {
    id: inputId,
    type: "file",
    class: "xc-file",
    accept: ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "data-testid": "import-file",
    [FOCUS_KEY]: "import-file",
  });
  input.disabled = ctx.isBusy;
  on(input, "change", () => {
    const picked = input.files && input.files.length > 0 ? input.files[0] : null;
    // Picking the same file again after a fix must read it again. IE11 ignores value = "" on file inputs, but a re-render replaces the input anyway.
    try {
      input.value = "";
    } catch {
      // IE11 may refuse; harmless.
    }
    if (picked) ctx.handlers.importFile(picked);
  });
  const section = el("section", { class: "xc-section", "aria-labelledby": titleId }, [
    el("h2", { id: titleId }, t("importTitle")),
    el("p", null, t("importIntro")),
    el("div", { class: "xc-field" }, [el("label", { class: "xc-label", for: inputId }, t("importFileLabel")), input]),
  ]);
  if (file) section.appendChild(el("p", null, t("importFile", { file })));
  if (!plan) return section;
  for (const p of plan.problems) section.appendChild(message(p, "warning", { "data-testid": "import-problem" }));
  if (plan.rows.length === 0) {
    if (plan.problems.length === 0) section.appendChild(el("p", null, t("importNothing")));
    return section;
  }
  if (plan.rows.some((r) => r.action === "conflict")) section.appendChild(el("p", null, t("conflictHint")));
  section.appendChild(previewTable(ctx, plan, titleId));
  section.appendChild(
    el("div", null, [
      button(
        t("importApply", { n: chosenCount(plan, state.imported.ticked) }),
        { primary: true, testid: "import-apply", disabled: ctx.isBusy || chosenCount(plan, state.imported.ticked) === 0 },
        () => ctx.handlers.applyImport(),
      ),
    ]),
  );
  return section;
}

function previewTable(ctx: ViewContext, plan: ImportPlan, titleId: string): HTMLElement {
  const { t, lang, state } = ctx;
  const empty = t("emptyValue");
  const head = el("tr", null, [
    el("th", { scope: "col" }, t("colImport")),
    el("th", { scope: "col" }, t("colCategory")),
    el("th", { scope: "col" }, t("colLastYear")),
    el("th", { scope: "col" }, t("colNow")),
    el("th", { scope: "col" }, t("colAction")),
  ]);
  const rows = plan.rows.map((r) => {
    const id = cellId(r);
    let box: HTMLInputElement | null = null;
    if (canTick(r)) {
      const b = el("input", {
        type: "checkbox",
        class: "xc-check",
        [FOCUS_KEY]: `tick:${id}`,
        "aria-label": t("tickRow", { label: `${tableLabel(r.table, lang)} ${r.label}`, cell: id }),
      });
      b.checked = state.imported.ticked.has(id);
      // `click` rather than `change`: IE11 fires change on checkboxes only after they lose focus.
      on(b, "click", () => {
        if (b.checked) state.imported.ticked.add(id);
        else state.imported.ticked.delete(id);
        ctx.update();
      });
      box = b;
    }
    return el("tr", { "data-testid": "import-row", "data-action": r.action, "data-cell": id }, [
      el("td", null, box),
      el("td", null, [
        `${attachmentLabel(r.table, lang)} ${r.label}`,
        r.unit ? el("span", { class: "xc-small" }, r.unit) : null,
        el("span", { class: "xc-small xc-mono" }, id),
      ]),
      el("td", null, shown(r.lastYear, empty)),
      el("td", null, shown(r.now, empty)),
      el("td", null, [
        el("span", { class: r.action === "conflict" ? "xc-conflict" : null }, t(ACTION_KEYS[r.action])),
        r.action === "conflict" ? el("span", { class: "xc-small" }, t("conflictDetail", { old: shown(r.now, empty), next: shown(r.lastYear, empty) })) : null,
      ]),
    ]);
  });
  return el("table", { class: "xc-table", "aria-labelledby": titleId, "data-testid": "import-preview" }, [el("thead", null, [head]), el("tbody", null, rows)]);
}
