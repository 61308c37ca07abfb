/** CSV as Excel opens it on a Chinese Windows: UTF-8 with a BOM, CRLF, and no cell Excel would run. */

/** A cell Excel would run as a formula (= + - @, or a leading tab/CR) gets a leading apostrophe. */
export function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to a whole CSV file: the BOM (Excel reads UTF-8 without one as GBK), each line ending in CRLF. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return `\ufeff${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
