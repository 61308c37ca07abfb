/**
 * Which files of a folder a batch checks, and in what order: the CLI's folder and pattern arguments
 * (src/cli/fileArgs.ts) and the folders dropped on the web page take the same files in the same order.
 */

/** What a batch reads: workbooks and reports by their content; .xls/.et/.ods through LibreOffice, or a re-save advice. */
export const REPORT_EXTENSIONS = [".xlsx", ".xlsm", ".xltx", ".xltm", ".docx", ".xls", ".et", ".ods"];

/** Whether a file's name says it is one a batch reads. */
export function isReportName(name: string): boolean {
  const lower = name.toLowerCase();
  return REPORT_EXTENSIONS.some((x) => lower.endsWith(x));
}

/**
 * Never a report: the lock file Excel and WPS leave beside an open workbook (`~$报表.xlsx`, a few
 * hundred bytes, seen by everyone on a shared folder) and hidden files (`.DS_Store`, `._报表.xlsx`
 * that macOS writes on a USB stick).
 */
export function isLockOrHidden(name: string): boolean {
  return name.startsWith("~$") || name.startsWith(".");
}

function isDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** Orders names as people do: `第2单位` before `第10单位`; digits compared by value, the rest by character. */
export function naturalCompare(a: string, b: string): number {
  const ra = a.match(/\d+|\D+/g) ?? [];
  const rb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i];
    const y = rb[i];
    if (x === y) continue;
    if (isDigit(x) && isDigit(y)) {
      const nx = x.replace(/^0+/, "");
      const ny = y.replace(/^0+/, "");
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      // the same number written with other leading zeros: left to the plain comparison at the end
      continue;
    }
    return x < y ? -1 : 1;
  }
  return ra.length - rb.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** A folder's entries in batch order: its report files by name, then its subfolders by name; lock and hidden ones left out. */
export function folderOrder<T>(entries: readonly T[], name: (e: T) => string, isFolder: (e: T) => boolean): { files: T[]; folders: T[] } {
  const kept = entries.filter((e) => !isLockOrHidden(name(e))).sort((a, b) => naturalCompare(name(a), name(b)));
  return { files: kept.filter((e) => !isFolder(e) && isReportName(name(e))), folders: kept.filter(isFolder) };
}
