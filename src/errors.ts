/**
 * The one shape of an error a person can act on: a code for programs and tests, and the sentence to
 * show in each language. Readers, hosts, the CLI and the panes throw subclasses of it; every face
 * shows it with errorText().
 */
export type ErrorLang = "zh" | "en";

export class UserError extends Error {
  readonly code: string;
  readonly messageEn: string;

  constructor(code: string, message: string, messageEn: string) {
    super(message);
    this.name = "UserError";
    this.code = code;
    this.messageEn = messageEn;
  }
}

/**
 * The text of any error as a face shows it. Subclasses are told by their `messageEn`, not by
 * instanceof: an error may come from another bundle (a lazily loaded chunk) or a worker.
 */
export function errorText(err: unknown, lang: ErrorLang): string {
  if (err instanceof Error) {
    const en = (err as { messageEn?: unknown }).messageEn;
    if (lang === "en" && typeof en === "string" && en) return en;
    return err.message || err.name;
  }
  return String(err);
}
