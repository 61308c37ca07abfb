/** 识别, as TablesView.tsx: which of 附件2–5 were found, where, for which year, and what is wrong with their frame. */
import type { Analysis } from "../check/analyse";
import { tableLabel } from "../i18n";
import { TABLE_IDS } from "../templates/tables";
import { el, uniqueId } from "./dom";
import type { ViewContext } from "./state";
import { message } from "./widgets";

export function tablesView(ctx: ViewContext, analysis: Analysis): HTMLElement {
  const { t, lang } = ctx;
  const titleId = uniqueId("xc-tables-title");
  const section = el("section", { class: "xc-section", "aria-labelledby": titleId }, [el("h2", { id: titleId }, t("tablesTitle"))]);
  if (analysis.tables.length === 0) {
    section.appendChild(message(t("tablesNone"), "warning"));
    return section;
  }
  section.appendChild(
    el("table", { class: "xc-table", "aria-labelledby": titleId }, [
      el("thead", null, [
        el("tr", null, [
          el("th", { scope: "col" }, t("colTable")),
          el("th", { scope: "col" }, t("colSheet")),
          el("th", { scope: "col" }, t("colRange")),
          el("th", { scope: "col" }, t("colYear")),
        ]),
      ]),
      el(
        "tbody",
        null,
        analysis.tables.map((x) =>
          el("tr", { "data-testid": "recognised-table", "data-table": x.id }, [
            el("td", null, tableLabel(x.id, lang)),
            el("td", null, x.sheet),
            el("td", { class: "xc-mono" }, x.range),
            el("td", null, x.year === null || x.year === undefined ? t("yearUnknown") : String(x.year)),
          ]),
        ),
      ),
    ]),
  );
  const found = new Set(analysis.tables.map((x) => x.id));
  const missing = TABLE_IDS.filter((id) => !found.has(id));
  if (missing.length > 0) section.appendChild(el("p", null, t("tablesMissing", { names: missing.map((id) => tableLabel(id, lang)).join("、") })));
  section.appendChild(el("h3", null, t("layoutProblems")));
  const problems: Array<{ sheet: string; cell: string; message: string; messageEn: string }> = [];
  for (const x of analysis.tables) for (const p of x.problems) problems.push({ sheet: x.sheet, cell: p.cell, message: p.message, messageEn: p.messageEn });
  if (problems.length === 0) {
    section.appendChild(el("p", null, t("layoutOk")));
    return section;
  }
  section.appendChild(
    el(
      "ul",
      { class: "xc-costs" },
      problems.map((p) =>
        el("li", { "data-testid": "layout-problem" }, [el("span", { class: "xc-cell" }, `${p.sheet}!${p.cell}`), lang === "zh" ? p.message : p.messageEn]),
      ),
    ),
  );
  return section;
}
