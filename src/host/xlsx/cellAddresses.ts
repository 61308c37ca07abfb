/**
 * Gives every cell of a sheet its address. Some export tools and WPS write `<c>` (and `<row>`) without
 * the `r` attribute, which the format allows: the cell follows the previous one. ExcelJS, the writing
 * path (annotate, ratios, the web page's copies), reads such cells at the wrong place or not at all,
 * so their sheets are given addresses before ExcelJS opens the file. Values are not touched.
 * The same re-packaging gives parts the names ExcelJS looks for (it matches them case-sensitively,
 * and some Windows/.NET generators store them with backslashes), see packageWithCellAddresses.
 */
import { Zip, ZipPassThrough } from "fflate";
import { lettersToCol, toA1 } from "../../grid/grid";
import type { ZipEntry } from "./sniff";
import { concatBytes } from "./bytes";
import { decodeUtf8, encodeUtf8 } from "./textCodec";

// <row …>, <c …>, possibly prefixed (`x:c`), opening tags only; `\b` keeps <col>, <cfRule>, <rowBreaks> out
const TAG = /<([A-Za-z_][\w.-]*:)?(row|c)\b([^>]*?)(\/?)>/g;
const R_ATTR = /(?:^|\s)r\s*=\s*(["'])([^"']*)\1/;
const REF = /^([A-Za-z]{1,3})(\d{1,7})$/;

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
      col = lettersToCol(m[1]);
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

/** Part names ExcelJS looks for spelled exactly so; Excel reads them in any case. */
const EXCELJS_NAMES = new Map(
  ["_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml", "docProps/app.xml", "docProps/core.xml"].map(
    (n) => [n.toLowerCase(), n],
  ),
);
const EXCELJS_SHEET = /^xl\/worksheets\/(_rels\/)?sheet(\d+)\.xml(\.rels)?$/i;

/**
 * The name ExcelJS finds a part by: `\` already read as `/` (sniff.ts), and the parts it matches
 * case-sensitively (the workbook, its relationships, shared strings, styles, worksheets) in the
 * case it expects. Other names as they are.
 */
export function excelJSPartName(name: string): string {
  const fixed = EXCELJS_NAMES.get(name.toLowerCase());
  if (fixed !== undefined) return fixed;
  const m = EXCELJS_SHEET.exec(name);
  if (m && (m[1] === undefined) === (m[3] === undefined)) return `xl/worksheets/${m[1] ? "_rels/" : ""}sheet${m[2]}.xml${m[3] ? ".rels" : ""}`;
  return name;
}

/** `to` relative to the folder `fromDir` (`xl/`): `worksheets/sheet1.xml`, `../drawings/drawing1.xml`. */
function relativePath(fromDir: string, to: string): string {
  const from = fromDir.split("/").filter((x) => x !== "");
  const parts = to.split("/");
  let i = 0;
  while (i < from.length && i < parts.length - 1 && from[i] === parts[i]) i++;
  let up = "";
  for (let k = i; k < from.length; k++) up += "../";
  return up + parts.slice(i).join("/");
}

function resolvePath(dir: string, target: string): string {
  let t = target.replace(/\\/g, "/");
  if (t.indexOf("%") >= 0) {
    try {
      t = decodeURIComponent(t);
    } catch {
      // not percent-encoded after all
    }
  }
  const out: string[] = [];
  for (const seg of (t.startsWith("/") ? t.slice(1) : dir + t).split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

/** The relationships XML with the targets that name a renamed part (another case, `\`) pointing at its new name; null when none does. */
function withRenamedTargets(xml: string, relsName: string, renamed: Map<string, string>): string | null {
  // xl/_rels/workbook.xml.rels holds the relationships of xl/workbook.xml, whose folder is xl/
  const dir = relsName.replace(/(^|\/)_rels\/[^/]*$/, "$1");
  let changed = false;
  const out = xml.replace(/(\sTarget\s*=\s*)(["'])([^"']*)\2/g, (all: string, pre: string, q: string, target: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return all; // external (http:, file:, mailto:)
    const to = renamed.get(resolvePath(dir, target).toLowerCase());
    if (to === undefined) return all;
    changed = true;
    return `${pre}${q}${relativePath(dir, to)}${q}`;
  });
  return changed ? out : null;
}

/**
 * The workbook XML with each sheet's relationship id as `r:id`, the only spelling ExcelJS reads
 * (it ignores namespaces); null when they are all so already. Some .NET writers declare the
 * namespace on each sheet under another prefix (`d3p1:id`), which Excel reads.
 */
export function withRIdPrefix(xml: string): string | null {
  let changed = false;
  const out = xml.replace(/<([A-Za-z_][\w.-]*:)?sheet\s[^>]*>/g, (tag: string) => {
    if (/\sr:id\s*=/.test(tag)) return tag;
    return tag.replace(/(\s)[A-Za-z_][\w.-]*:id(\s*=)/, (_m: string, sp: string, eq: string) => {
      changed = true;
      return `${sp}r:id${eq}`;
    });
  });
  return changed ? out : null;
}

/**
 * Inflates (and so checks) every entry of the package; returns the package as ExcelJS can read it,
 * or the bytes as they were when nothing needed changing:
 * - an address on every cell of its worksheets (some exports and WPS leave them out);
 * - entry names as Excel reads them: `xl\workbook.xml` (some Windows/.NET generators) as
 *   `xl/workbook.xml`, `xl/sharedstrings.xml` as `xl/sharedStrings.xml`, with the relationships that
 *   point to a renamed part pointed at its new name; sheets' relationship ids as `r:id`;
 * - with `withoutDocProps`, without the document properties (author, dates), which ExcelJS refuses
 *   in some files Excel opens (elements without their `dc:`/`cp:` prefix).
 * Only the parts that change are kept in memory meanwhile.
 */
export function packageWithCellAddresses(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  inflate: (bytes: Uint8Array, e: ZipEntry) => Uint8Array,
  opts: { withoutDocProps?: boolean } = {},
): Uint8Array {
  const patched = new Map<ZipEntry, Uint8Array>();
  // the name ExcelJS gets, by the lower-cased name as read, for entries stored under another name
  const renamed = new Map<string, string>();
  const names = new Map<ZipEntry, string>();
  const taken = new Set<string>();
  for (const e of entries) {
    let to = excelJSPartName(e.name);
    // a second entry of the same name in another spelling keeps its own: the reader ignored it too
    if (taken.has(to.toLowerCase())) to = e.storedName ?? e.name;
    taken.add(to.toLowerCase());
    names.set(e, to);
    if (to !== (e.storedName ?? e.name)) renamed.set(e.name.toLowerCase(), to);
  }
  for (const e of entries) {
    const data = inflate(bytes, e);
    let xml: string | null = null;
    if (SHEET_PART.test(e.name)) xml = withCellAddresses(decodeUtf8(data));
    else if (names.get(e) === "xl/workbook.xml") xml = withRIdPrefix(decodeUtf8(data));
    else if (renamed.size && /\.rels$/i.test(e.name)) xml = withRenamedTargets(decodeUtf8(data), e.name, renamed);
    if (xml !== null) patched.set(e, encodeUtf8(xml));
  }
  const dropped = (e: ZipEntry) => opts.withoutDocProps === true && /^docProps\//i.test(e.name);
  if (patched.size === 0 && renamed.size === 0 && !entries.some(dropped)) return bytes;
  // Stored, not deflated: the package only goes to ExcelJS in memory, and the web page's ExcelJS
  // chunk need not carry a second deflater.
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  for (const e of entries) {
    if (e.name.endsWith("/") || dropped(e)) continue; // folder entries
    const file = new ZipPassThrough(names.get(e) ?? e.name);
    zip.add(file);
    file.push(patched.get(e) ?? inflate(bytes, e), true);
  }
  zip.end();
  return concatBytes(chunks);
}
