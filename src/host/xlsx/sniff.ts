/**
 * Looks at a file's bytes before anything is inflated: says what the file is when it is not a
 * workbook (empty, legacy .xls, encrypted, CSV, not a zip), and reads the zip central directory
 * itself to refuse zip bombs by their declared sizes. Nothing here inflates data (this module does
 * not even import an inflater), so a refused bomb costs a scan of the directory only.
 *
 * The central directory read here is what the fast reader then inflates entries from, so the
 * sizes checked are the sizes used: an entry that inflates to more than it declared is caught
 * while inflating (see fastReader.ts).
 */
import { readErrors, type TextKind } from "./errors";
import { decodeUtf16, decodeUtf8 } from "./textCodec";

const MiB = 1024 * 1024;

/** At most this many entries in the zip (an .xlsx of a few sheets holds ~15–40). */
export const MAX_ZIP_ENTRIES = 20_000;
/** Sum of the declared uncompressed sizes of all entries. */
export const MAX_TOTAL_UNCOMPRESSED = 256 * MiB;
/** Declared uncompressed size of any one entry. */
export const MAX_ENTRY_UNCOMPRESSED = 128 * MiB;
/** Entries declaring at least this much are also checked for their compression ratio. */
export const RATIO_CHECK_MIN_SIZE = 16 * MiB;
/**
 * Deflate tops out near 1032:1; sheet XML, whose cell addresses all differ, stays far below
 * (20–200:1). A big entry near the maximum is a block of repeated bytes: a bomb.
 */
export const MAX_COMPRESSION_RATIO = 1000;
/** The End Of Central Directory record is 22 bytes plus a comment of at most 65 535. */
export const EOCD_SEARCH_BYTES = 22 + 65_535;
/** How much of the file start is looked at to tell text (CSV, HTML) from binary. */
export const TEXT_SNIFF_BYTES = 4096;

export interface ZipEntry {
  /**
   * The name as stored (`xl/worksheets/sheet1.xml`), with `\` read as `/` and a leading `/` dropped,
   * as Excel, 7-Zip and PhpSpreadsheet read them: some Windows/.NET generators write `xl\workbook.xml`.
   */
  name: string;
  /** 0 stored, 8 deflate; anything else is refused when the entry is read. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  /** Declared uncompressed size (checked against the limits above). */
  size: number;
  /** Offset of the local file header. */
  localOffset: number;
  /** The name exactly as stored, only when it differs from `name` (backslashes, a leading `/`). */
  storedName?: string;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Entries by lower-cased name: OPC part names are case-insensitive. */
  byName: Map<string, ZipEntry>;
}

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
}
/** A 64-bit little-endian size; values beyond 2^53 come out imprecise but huge, which is all the limits need. */
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

function startsWith(b: Uint8Array, magic: number[], at = 0): boolean {
  if (b.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (b[at + i] !== magic[i]) return false;
  return true;
}

/** Whether `needle` (ASCII) occurs in `hay` as UTF-16LE. Uses the native indexOf for the first byte. */
function containsUtf16(hay: Uint8Array, needle: string): boolean {
  const first = needle.charCodeAt(0);
  const n = needle.length * 2;
  let i = hay.indexOf(first);
  while (i !== -1 && i + n <= hay.length) {
    let ok = true;
    for (let k = 0; k < needle.length; k++) {
      if (hay[i + 2 * k] !== needle.charCodeAt(k) || hay[i + 2 * k + 1] !== 0) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
    i = hay.indexOf(first, i + 1);
  }
  return false;
}

/**
 * Text, not binary: no NUL bytes and (almost) no control characters in the first bytes. Bytes of
 * 0x80 and above count as text: UTF-8 and GBK CSV files are full of them.
 */
export function textKind(bytes: Uint8Array): TextKind | null {
  let head = bytes.subarray(0, TEXT_SNIFF_BYTES);
  let s: string;
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    s = decodeUtf16(head, head[0] === 0xff);
  } else {
    if (startsWith(head, [0xef, 0xbb, 0xbf])) head = head.subarray(3);
    let control = 0;
    for (let i = 0; i < head.length; i++) {
      const c = head[i];
      if (c === 0) return null;
      if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
    }
    if (control > head.length / 100) return null;
    s = "";
    for (let i = 0; i < head.length; i++) s += head[i] < 0x80 ? String.fromCharCode(head[i]) : " ";
  }
  const t = s.trimStart().slice(0, 1024).toLowerCase();
  if (t.startsWith("<")) {
    if (/^<(html|!doctype html)/.test(t)) return "html";
    // SpreadsheetML 2003 has a <Table> too: asked before the looser HTML test
    const lower = s.toLowerCase();
    if (lower.indexOf("urn:schemas-microsoft-com:office:spreadsheet") >= 0 || lower.indexOf('progid="excel.sheet"') >= 0) return "xml2003";
    if (/<html|<!doctype html|<table|<meta|<head|<body/.test(t)) return "html";
    if (lower.indexOf("<office:document") >= 0 || lower.indexOf("urn:oasis:names:tc:opendocument") >= 0) return "fods";
    return "xml";
  }
  if (/[,\t;]/.test(s) && /[\r\n]/.test(s)) return "csv";
  if (/[,\t]/.test(s)) return "csv";
  return "text";
}

/** What an OLE2 compound file holds; null when the bytes are not one. */
export type OleKind = "encrypted" | "doc" | "ppt" | "xls";

export function oleKind(bytes: Uint8Array): OleKind | null {
  if (!startsWith(bytes, OLE2_MAGIC)) return null;
  // An OLE2 compound file: either legacy BIFF (.xls, WPS .et) or an encrypted OOXML package,
  // which Office wraps in OLE2 with these two streams.
  if (containsUtf16(bytes, "EncryptionInfo") || containsUtf16(bytes, "EncryptedPackage")) return "encrypted";
  // Told apart by their streams' names (UTF-16 in the directory): a workbook has `Workbook` (BIFF8,
  // WPS .et) or `Book` (BIFF5); a Word 97 document `WordDocument`, a presentation `PowerPoint Document`.
  // A Word document with an Excel table embedded holds a `Workbook` too, so Word is asked first.
  if (containsUtf16(bytes, "WordDocument")) return "doc";
  if (containsUtf16(bytes, "PowerPoint Document")) return "ppt";
  return "xls";
}

/**
 * Throws a WorkbookReadError unless `bytes` look like a zip whose directory is sane; returns that
 * directory. Never inflates anything.
 */
export function sniff(bytes: Uint8Array): ZipDirectory {
  if (bytes.length === 0) throw readErrors.empty();
  const ole = oleKind(bytes);
  if (ole === "encrypted") throw readErrors.encrypted();
  if (ole === "doc" || ole === "ppt") throw readErrors.otherDocument(ole);
  if (ole === "xls") throw readErrors.xls();
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) throw readErrors.corrupt("zip 文件中没有任何内容", "the zip archive is empty");
    const kind = textKind(bytes);
    if (kind) throw readErrors.text(kind);
    throw readErrors.notZip();
  }
  return readCentralDirectory(bytes);
}

function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - EOCD_SEARCH_BYTES);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      // A real record's comment ends at (or, with trailing junk, before) the end of the file.
      if (i + 22 + u16(b, i + 20) <= b.length) return i;
    }
  }
  return -1;
}

const corruptTruncated = () =>
  readErrors.corrupt(
    "zip 目录缺失或被截断，文件可能没有下载/复制完整",
    "the zip directory is missing or cut off; the file may be incompletely downloaded or copied",
  );

/** Parses the End Of Central Directory record and the central directory, checking every limit. */
export function readCentralDirectory(b: Uint8Array): ZipDirectory {
  const eocd = findEocd(b);
  if (eocd < 0) throw corruptTruncated();
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the real values are in the ZIP64 end record, found through the locator just before.
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== 0x07064b50) throw corruptTruncated();
    const z = u64(b, loc + 8);
    if (z + 56 > b.length || u32(b, z) !== 0x06064b50) throw corruptTruncated();
    count = u64(b, z + 32);
    cdSize = u64(b, z + 40);
    cdOffset = u64(b, z + 48);
  }
  if (count > MAX_ZIP_ENTRIES) throw readErrors.tooManyEntries(count, MAX_ZIP_ENTRIES);
  if (count === 0) throw readErrors.corrupt("zip 文件中没有任何内容", "the zip archive is empty");
  if (cdOffset + cdSize > b.length) throw corruptTruncated();

  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw corruptTruncated();
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc32 = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > b.length) throw corruptTruncated();
    const rawName = b.subarray(p + 46, p + 46 + nameLen);
    // Part names are ASCII in practice; bit 11 says UTF-8, otherwise CP437, read here as Latin-1.
    const stored = flags & 0x800 ? decodeUtf8(rawName) : latin1(rawName);
    // normalised once here, so that looking parts up costs nothing more on ordinary files
    let name = stored;
    if (name.indexOf("\\") >= 0) name = name.replace(/\\/g, "/");
    if (name.charCodeAt(0) === 47) name = name.slice(1);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // ZIP64 extra field (id 1): the 64-bit values, in this order, for the fields that overflowed.
      let x = p + 46 + nameLen;
      const xEnd = x + extraLen;
      let found = false;
      while (x + 4 <= xEnd) {
        const id = u16(b, x);
        const len = u16(b, x + 2);
        if (id === 1) {
          let q = x + 4;
          const qEnd = x + 4 + len;
          if (size === 0xffffffff && q + 8 <= qEnd) {
            size = u64(b, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff && q + 8 <= qEnd) {
            compressedSize = u64(b, q);
            q += 8;
          }
          if (localOffset === 0xffffffff && q + 8 <= qEnd) localOffset = u64(b, q);
          found = true;
          break;
        }
        x += 4 + len;
      }
      if (!found) throw readErrors.bomb(name, size, MAX_ENTRY_UNCOMPRESSED);
    }
    if (flags & 1) throw readErrors.encrypted();
    if (size > MAX_ENTRY_UNCOMPRESSED) throw readErrors.bomb(name, size, MAX_ENTRY_UNCOMPRESSED);
    if (size >= RATIO_CHECK_MIN_SIZE && size > compressedSize * MAX_COMPRESSION_RATIO) {
      throw readErrors.ratio(name, size, size / Math.max(1, compressedSize), MAX_COMPRESSION_RATIO);
    }
    total += size;
    if (total > MAX_TOTAL_UNCOMPRESSED) throw readErrors.bomb("", total, MAX_TOTAL_UNCOMPRESSED);
    const entry: ZipEntry = { name, method, flags, crc32, compressedSize, size, localOffset };
    if (name !== stored) entry.storedName = stored;
    entries.push(entry);
    const key = name.toLowerCase();
    if (!byName.has(key)) byName.set(key, entry);
    p = end;
  }
  return { entries, byName };
}

function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}
