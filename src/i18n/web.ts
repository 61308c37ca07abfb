/**
 * The web page's translator: the panes' words (zh.ts / en.ts) plus the page's own (web.zh.ts /
 * web.en.ts). Only src/web imports this, so neither pane's bundle carries the page's words.
 */
import { format, STRINGS, type Lang, type StringKey } from "./index";
import { webEn } from "./web.en";
import { webZh, type WebOnlyKey, type WebStrings } from "./web.zh";

export type { WebOnlyKey, WebStrings };
export type WebStringKey = StringKey | WebOnlyKey;
export type WebTranslate = (key: WebStringKey, vars?: Record<string, string | number>) => string;

export const WEB_STRINGS: Record<Lang, WebStrings> = { zh: webZh, en: webEn };

export function webTranslator(lang: Lang): WebTranslate {
  const strings: Record<WebStringKey, string> = { ...STRINGS[lang], ...WEB_STRINGS[lang] };
  return (key, vars) => format(strings[key], vars);
}
