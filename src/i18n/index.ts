/** The pane's two languages and a tiny formatter; no React here so actions and tests can use it. */
import type { Severity } from "../engine/findings";
import { SEVERITY_LABELS, SEVERITY_LABELS_EN } from "../flows/severity";
import type { TableId } from "../templates/schema";
import { en } from "./en";
import { zh, type StringKey, type Strings } from "./zh";

export type Lang = "zh" | "en";
export type { StringKey, Strings };

export const STRINGS: Record<Lang, Strings> = { zh, en };

/** Fills `{name}` placeholders; an unknown name stays visible rather than vanishing. */
export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const strings = STRINGS[lang];
  return (key, vars) => format(strings[key], vars);
}

export function severityLabel(severity: Severity, lang: Lang): string {
  return (lang === "zh" ? SEVERITY_LABELS : SEVERITY_LABELS_EN)[severity];
}

const TABLE_KEYS: Record<TableId, StringKey> = { A2: "tableA2", A3: "tableA3", A4: "tableA4", A5: "tableA5" };

export function tableLabel(id: TableId, lang: Lang): string {
  return STRINGS[lang][TABLE_KEYS[id]];
}

/** `附件2` / `Annex 2`, where the full name does not fit. */
export function attachmentLabel(id: TableId, lang: Lang): string {
  return lang === "zh" ? `附件${id.slice(1)}` : `Annex ${id.slice(1)}`;
}
