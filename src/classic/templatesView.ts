/** 插入模板, as TemplatesForm.tsx: the year, unit and contact to put in the tables the workbook lacks. */
import { tableLabel } from "../i18n";
import type { TableId } from "../templates/schema";
import { el, on, uniqueId } from "./dom";
import type { ViewContext } from "./state";
import { button, field } from "./widgets";

export function templatesView(ctx: ViewContext): HTMLElement {
  const { t, lang, state } = ctx;
  const fields = state.templateFields;
  const present = state.templateTables?.present ?? null;
  const missing = state.templateTables?.missing ?? null;
  const names = (ids: TableId[]) => ids.map((id) => tableLabel(id, lang)).join("、");
  const titleId = uniqueId("xc-templates-title");
  const form = el("form", { class: "xc-form", novalidate: true }, [
    el("p", null, t("templatesIntro")),
    present && present.length > 0 ? el("p", null, t("templatesPresent", { names: names(present) })) : null,
    missing && missing.length > 0 ? el("p", null, t("templatesMissing", { names: names(missing) })) : null,
    missing && missing.length === 0 ? el("p", null, t("templatesAllPresent")) : null,
    field({
      label: t("yearLabel"),
      value: fields.year,
      testid: "template-year",
      type: "number",
      required: true,
      short: true,
      onInput: (v) => (fields.year = v),
    }),
    field({ label: t("unitLabel"), value: fields.unit, testid: "template-unit", onInput: (v) => (fields.unit = v) }),
    field({ label: t("contactLabel"), value: fields.contact, testid: "template-contact", onInput: (v) => (fields.contact = v) }),
  ]);
  const submit = button(
    t("templatesConfirm"),
    { primary: true, testid: "insert-templates-confirm", disabled: ctx.isBusy || (missing !== null && missing.length === 0) },
    () => ctx.handlers.insertTemplates(),
  );
  form.appendChild(el("div", null, [submit]));
  // Enter in a field submits, as in any form; the handler reads the fields, the page never navigates.
  on(form, "submit", (e) => {
    e.preventDefault();
    if (!submit.disabled) ctx.handlers.insertTemplates();
  });
  return el("section", { class: "xc-section", "aria-labelledby": titleId }, [el("h2", { id: titleId }, t("templatesTitle")), form]);
}
