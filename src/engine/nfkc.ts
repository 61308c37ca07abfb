/**
 * NFKC (full-width letters, digits and brackets to half-width, the ideographic space to a space,
 * ① to 1, …) for every engine. String.prototype.normalize where the engine has it: the modern
 * pane, the web page, the CLI and Edge 18. IE11 (Office 2016/2019 volume-licensed, the classic
 * pane) has none and core-js does not polyfill it; there a fallback does the work:
 * - by default, the mappings the engine relies on: full-width ASCII (U+FF01–U+FF5E) and the
 *   ideographic space (U+3000);
 * - once `./nfkcTable` is imported (the classic pane's entry does), what NFKC makes of every code
 *   point of the blocks report text comes from (Latin to Cyrillic, punctuation, symbols, CJK, the
 *   width forms; not Arabic presentation forms, Indic scripts or mathematical alphanumerics), so
 *   such text without combining marks normalises exactly as natively. Canonical reordering
 *   and composition of sequences is not done (e + U+0301 → é, Hangul jamo into syllables, a kana
 *   and its voicing mark, half-width ｶﾞ → ガ): no figure, label or contact line of these forms
 *   needs it.
 */

type Normalizer = (text: string) => string;

/** The default fallback: full-width ASCII and the ideographic space. */
export function basicNfkc(text: string): string {
  let i = 0;
  const n = text.length;
  while (i < n && !isBasicMapped(text.charCodeAt(i))) i++;
  if (i === n) return text;
  let out = text.slice(0, i);
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    out += c === 0x3000 ? " " : c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : text.charAt(i);
  }
  return out;
}

function isBasicMapped(c: number): boolean {
  return c === 0x3000 || (c >= 0xff01 && c <= 0xff5e);
}

const hasNative = typeof String.prototype.normalize === "function";
let fallback: Normalizer = basicNfkc;

/** Installs the normaliser used where the engine has no String.prototype.normalize. */
export function setNfkcFallback(f: Normalizer): void {
  fallback = f;
}

/** `text.normalize("NFKC")`, also where the engine has no normalize. */
export function nfkc(text: string): string {
  return hasNative ? text.normalize("NFKC") : fallback(text);
}
