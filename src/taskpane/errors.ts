/** The text of an error as the pane shows it: hosts and readers already word it in Chinese, naming sheet and cell. */
import type { Lang } from "../i18n";

export function errorText(err: unknown, lang: Lang): string {
  if (err instanceof Error) {
    const en = (err as { messageEn?: unknown }).messageEn;
    if (lang === "en" && typeof en === "string" && en) return en;
    return err.message || err.name;
  }
  return String(err);
}

/** An error whose text the pane composed itself in the user's language (bad input in a form field). */
export class InputError extends Error {
  override name = "InputError";
}
