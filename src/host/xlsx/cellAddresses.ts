/**
 * Gives every cell of a sheet its address. Some export tools and WPS write `<c>` (and `<row>`) without
 * the `r` attribute, which the format allows: the cell follows the previous one. ExcelJS, the writing
 * path (annotate, ratios, the web page's copies), reads such cells at the wrong place or not at all,
 * so their sheets are given addresses before ExcelJS opens the file. Values are not touched.
 */
import { Zip, ZipPassThrough } from "fflate";
import { toA1 } from "../../engine/grid";
import type { ZipEntry } from "./sniff";
import { concatBytes } from "./bytes";
import { decodeUtf8, encodeUtf8 } from "./textCodec";

// <row …>, <c …>, possibly prefixed (`x:c`), opening tags only; `\b` keeps <col>, <cfRule>, <rowBreaks> out
const TAG = /<([A-Za-z_][\w.-]*:)?(row|c)\b([^>]*?)(\/?)>/g;
const R_ATTR = /(?:^|\s)r\s*=\s*(["'])([^"']*)\1/;
const REF = /^([A-Za-z]{1,3})(\d{1,7})$/;

function colOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The sheet XML with an `r` on every row and cell of its sheetData; null when none was missing. */
export function withCellAddresses(xml: string): string | null {
  const start = xml.search(/<([A-Za-z_][\w.-]*:)?sheetData\b/);
  if (start < 0) return null;
  const endMatch = /<\/([A-Za-z_][\w.-]*:)?sheetData>/.exec(xml.slice(start));
  const end = endMatch ? start + endMatch.index : xml.length;
  let row = -1;
  let col = -1;
  let changed = false;
  const data = xml.slice(start, end).replace(TAG, (tag: string, prefix: string | undefined, name: string, attrs: string, close: string) => {
    const r = R_ATTR.exec(attrs)?.[2];
    if (name === "row") {
      const n = r !== undefined && /^\d+$/.test(r.trim()) ? Number(r) : NaN;
      row = n >= 1 ? n - 1 : row + 1;
      col = -1;
      if (n >= 1) return tag;
      changed = true;
      return `<${prefix ?? ""}row r="${row + 1}"${attrs}${close}>`;
    }
    const m = r === undefined ? null : REF.exec(r.replace(/\$/g, "").trim());
    if (m) {
      row = Number(m[2]) - 1;
      col = colOf(m[1]);
      return tag;
    }
    if (row < 0) row = 0;
    col++;
    changed = true;
    const cleaned = r === undefined ? attrs : attrs.replace(R_ATTR, "");
    return `<${prefix ?? ""}c r="${toA1(row, col)}"${cleaned}${close}>`;
  });
  return changed ? xml.slice(0, start) + data + xml.slice(end) : null;
}

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;

/**
 * Inflates (and so checks) every entry of the package; returns the package with addresses on every
 * cell of its worksheets, or the bytes as they were when no cell lacked one. Only the sheets that
 * need it are kept in memory meanwhile.
 */
export function packageWithCellAddresses(bytes: Uint8Array, entries: readonly ZipEntry[], inflate: (bytes: Uint8Array, e: ZipEntry) => Uint8Array): Uint8Array {
  const patched = new Map<string, Uint8Array>();
  for (const e of entries) {
    const data = inflate(bytes, e);
    if (!SHEET_PART.test(e.name)) continue;
    const xml = withCellAddresses(decodeUtf8(data));
    if (xml !== null) patched.set(e.name, encodeUtf8(xml));
  }
  if (patched.size === 0) return bytes;
  // Stored, not deflated: the package only goes to ExcelJS in memory, and the web page's ExcelJS
  // chunk need not carry a second deflater.
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  for (const e of entries) {
    if (e.name.endsWith("/")) continue; // folder entries
    const file = new ZipPassThrough(e.name);
    zip.add(file);
    file.push(patched.get(e.name) ?? inflate(bytes, e), true);
  }
  zip.end();
  return concatBytes(chunks);
}
