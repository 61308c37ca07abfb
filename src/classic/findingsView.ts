/**
 * 校验结果, as FindingsView.tsx shows it: counts per severity, then the findings per severity and table.
 * Each finding is a button (Enter and Space work natively, in IE11 too) that selects its cell; a warning
 * outside 附件2/3 takes a 审核说明.
 */
import { canExplain } from "../app/actions";
import type { Analysis } from "../check/analyse";
import type { Finding, Severity } from "../engine/findings";
import { countBySeverity, SEVERITIES } from "../flows/severity";
import { severityLabel, tableLabel } from "../i18n";
import type { TableId } from "../templates/schema";
import { TABLE_IDS } from "../templates/tables";
import { ancestorWithAttr, el, on, uniqueId } from "./dom";
import { findingKey, foldKey, type ViewContext } from "./state";
import { button, FOCUS_KEY, fold, message } from "./widgets";

function byTable(findings: Finding[]): Array<[TableId | null, Finding[]]> {
  const order: Array<TableId | null> = [...TABLE_IDS, null];
  const out: Array<[TableId | null, Finding[]]> = [];
  for (const id of order) {
    const list = findings.filter((f) => (f.table ?? null) === id);
    if (list.length > 0) out.push([id, list]);
  }
  return out;
}

export function findingsView(ctx: ViewContext, analysis: Analysis): HTMLElement {
  const { t } = ctx;
  const counts = countBySeverity(analysis.findings);
  const titleId = uniqueId("xc-findings-title");
  const section = el("section", { class: "xc-section", "aria-labelledby": titleId }, [el("h2", { id: titleId }, t("findingsTitle"))]);
  if (analysis.tables.length === 0) section.appendChild(message(t("findingsNoTables"), "warning"));
  if (ctx.state.stale) section.appendChild(message(t("staleHint"), "info"));
  section.appendChild(el("p", null, t("findingsSummary", { total: analysis.findings.length, ...counts })));
  for (const sev of SEVERITIES) section.appendChild(severityGroup(ctx, analysis, sev, counts[sev]));
  return section;
}

function severityGroup(ctx: ViewContext, analysis: Analysis, sev: Severity, count: number): HTMLElement {
  const { t, lang } = ctx;
  return fold(
    ctx,
    {
      key: foldKey(sev),
      heading: "h3",
      header: [severityLabel(sev, lang), el("span", { class: `xc-badge xc-badge-${sev}`, "data-testid": `count-${sev}` }, String(count))],
    },
    () => {
      const list = analysis.findings.filter((f) => f.severity === sev);
      if (list.length === 0) return [el("p", null, t("findingsNone"))];
      return byTable(list).map(([table, items]) =>
        el("div", { class: "xc-group" }, [
          el("h4", null, `${table ? tableLabel(table, lang) : t("acrossTables")}（${items.length}）`),
          el(
            "ul",
            { class: "xc-list" },
            items.map((f, i) => findingItem(ctx, f, i)),
          ),
        ]),
      );
    },
  );
}

function findingItem(ctx: ViewContext, f: Finding, index: number): HTMLElement {
  const { t, lang } = ctx;
  const key = `finding:${findingKey(f)}\u0000${index}`;
  const go = button(
    [el("span", { class: "xc-cell" }, `${f.sheet}!${f.cell}`), lang === "zh" ? f.message : f.messageEn],
    { className: "xc-go", key, title: t("goToCell", { sheet: f.sheet, cell: f.cell }) },
    // The row takes the click (below), so the whole row answers it; the button makes it keyboard reachable.
    () => undefined,
  );
  const li = el(
    "li",
    {
      class: `xc-finding xc-finding-${f.severity}`,
      "data-testid": "finding",
      "data-rule": f.rule,
      "data-severity": f.severity,
      "data-sheet": f.sheet,
      "data-cell": f.cell,
    },
    [go],
  );
  if (f.explanation) li.appendChild(el("p", { class: "xc-explanation", "data-testid": "finding-explanation" }, `${t("noteTitle")}：${f.explanation}`));
  if (canExplain(f)) li.appendChild(noteEditor(ctx, f));
  on(li, "click", (e) => {
    // Typing or clicking in the note editor must not also select the cell.
    if (!ancestorWithAttr(e.target as Node, "data-note", li)) ctx.handlers.select(f);
  });
  return li;
}

function noteEditor(ctx: ViewContext, f: Finding): HTMLElement {
  const { t, state } = ctx;
  const key = findingKey(f);
  const where = `${f.sheet}!${f.cell}`;
  const box = el("div", { class: "xc-note", "data-note": "" });
  if (!state.drafts.has(key)) {
    const label = f.explanation ? t("noteEdit") : t("noteAdd");
    box.appendChild(
      button(label, { className: "xc-link", key: `note-open:${key}`, ariaLabel: `${label} ${where}` }, () => {
        state.drafts.set(key, f.explanation ?? "");
        ctx.focusNext(`note-input:${key}`);
        ctx.update();
      }),
    );
    return box;
  }
  const id = uniqueId("xc-note");
  const input = el("textarea", {
    id,
    class: "xc-textarea",
    rows: 3,
    "data-testid": "note-input",
    [FOCUS_KEY]: `note-input:${key}`,
    "aria-describedby": `${id}-hint`,
  });
  input.value = state.drafts.get(key) ?? "";
  const keep = () => state.drafts.set(key, input.value);
  on(input, "input", keep);
  on(input, "change", keep);
  on(input, "keyup", keep);
  box.appendChild(el("label", { class: "xc-label", for: id }, t("noteFieldLabel", { cell: where })));
  box.appendChild(input);
  box.appendChild(el("div", { id: `${id}-hint`, class: "xc-hint" }, t("noteHint")));
  box.appendChild(
    el("div", { class: "xc-row" }, [
      button(t("noteSave"), { primary: true, small: true, testid: "note-save", key: `note-save:${key}`, disabled: ctx.isBusy }, () => {
        keep();
        ctx.handlers.saveNote(f, input.value);
      }),
      button(t("cancel"), { small: true, key: `note-cancel:${key}` }, () => {
        state.drafts.delete(key);
        ctx.focusNext(`note-open:${key}`);
        ctx.update();
      }),
    ]),
  );
  return box;
}
