/**
 * Excel dates, for every reader and host: serial numbers to ISO text, and which number formats show a
 * date or time.
 */

function pad(n: number, w: number): string {
  return String(n).padStart(w, "0");
}

/** `2024-03-05`, or `2024-03-05T14:30:00` when the time (rounded to the second, UTC) is not midnight. */
export function isoFromDate(d: Date): string | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  const x = new Date(Math.round(t / 1000) * 1000);
  const date = `${pad(x.getUTCFullYear(), 4)}-${pad(x.getUTCMonth() + 1, 2)}-${pad(x.getUTCDate(), 2)}`;
  const h = x.getUTCHours();
  const m = x.getUTCMinutes();
  const s = x.getUTCSeconds();
  return h || m || s ? `${date}T${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}` : date;
}

/** An Excel serial date to ISO text, as ExcelJS converts it (no 1900 leap-year correction); null outside 0 … 9999-12-31. */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!(serial >= 0 && serial < 2958466)) return null;
  return isoFromDate(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000)));
}

const ISO_D_RE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** The text of a `t="d"` cell (ISO 8601) in the snapshot's form; other text is returned as is. */
export function normalizeIsoDateText(text: string): string {
  const m = ISO_D_RE.exec(text.trim());
  if (!m) return text;
  const [, date, h = "00", mi = "00", s = "00"] = m;
  return h === "00" && mi === "00" && s === "00" ? date : `${date}T${h}:${mi}:${s}`;
}

/** Built-in number format ids that show a date or time (27–36 and 50–58 in CJK locales). */
export function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * Whether a custom number format code shows a date or time: a y, m, d, h or s, or a b (bb/bbbb, the
 * Buddhist-era year of Thai formats, which Excel takes as a date code), outside literal text, escapes,
 * fill and padding characters and brackets (colours, conditions, locales, elapsed [h]).
 */
export function isDateFormatCode(code: string): boolean {
  const s = code
    .replace(/"[^"]*"/g, "") // literal text
    .replace(/\\./g, "") // escaped characters
    .replace(/[_*]./g, "") // padding and fill characters
    .replace(/\[[^\]]*\]/g, ""); // colours, conditions, locales, elapsed time [h]
  if (/^\s*(general|g\/通用格式)?\s*$/i.test(s)) return false;
  return /[ymdhsb]/i.test(s);
}
