/**
 * What the panes remember between sessions, on this machine only (localStorage): the unit and contact
 * typed for 插入模板, so a clerk types them once a year, and the language last chosen. Storage may be
 * unavailable (private mode, some Office webviews); then nothing is remembered and nothing fails.
 */
const KEY = "xzzf.templateDefaults";

export interface TemplateDefaults {
  unit: string;
  contact: string;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadTemplateDefaults(): TemplateDefaults {
  const empty = { unit: "", contact: "" };
  try {
    const raw = storage()?.getItem(KEY);
    if (!raw) return empty;
    const v = JSON.parse(raw) as Partial<TemplateDefaults>;
    return { unit: typeof v.unit === "string" ? v.unit : "", contact: typeof v.contact === "string" ? v.contact : "" };
  } catch {
    return empty;
  }
}

export function saveTemplateDefaults(v: TemplateDefaults): void {
  try {
    storage()?.setItem(KEY, JSON.stringify({ unit: v.unit, contact: v.contact }));
  } catch {
    // Full or refused storage: remembering is a convenience only.
  }
}

const LANG_KEY = "xzzf.lang";

/** The language the user last chose in a pane (in Excel or on the web page), or null (then 中文). */
export function loadLang(): "zh" | "en" | null {
  try {
    const v = storage()?.getItem(LANG_KEY);
    return v === "zh" || v === "en" ? v : null;
  } catch {
    return null;
  }
}

export function saveLang(lang: "zh" | "en"): void {
  try {
    storage()?.setItem(LANG_KEY, lang);
  } catch {
    // as above: a convenience only
  }
}
