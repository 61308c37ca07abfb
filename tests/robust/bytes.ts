/**
 * Raw bytes of files the world sends instead of a clean .xlsx: a zip writer that can lie about
 * sizes and flags, a DEFLATE stream of zeros for bombs, an OLE2 (Compound File) writer for legacy
 * .xls/.et and password-protected workbooks, and re-zipping with a fixed timestamp so generated
 * files are byte-for-byte reproducible. Everything is deterministic: no clock, no randomness.
 */
import { deflateSync, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

/** A fixed zip timestamp (local time of the DOS fields), so the same parts give the same bytes. */
export const FIXED_MTIME = new Date(2024, 0, 15, 9, 30, 0);

import { concatBytes } from "../../src/host/xlsx/bytes";

export const concat = concatBytes;

/** Parts of a zip, text or bytes, written with fflate at a fixed time. */
export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of Object.entries(parts)) z[name] = [typeof data === "string" ? strToU8(data) : data, { mtime: FIXED_MTIME }];
  return zipSync(z, { level: 6, mtime: FIXED_MTIME });
}

/** Unzips, lets `edit` change the parts, and zips again at a fixed time. */
export function rezip(bytes: Uint8Array, edit: (parts: Record<string, Uint8Array>) => void = () => undefined): Uint8Array {
  const parts = unzipSync(bytes);
  edit(parts);
  return zipParts(parts);
}

export interface RawEntry {
  name: string;
  /** The stored bytes (deflated already when method is 8). */
  data: Uint8Array;
  method?: number;
  /** Declared uncompressed size. */
  size: number;
  flags?: number;
}

/** A zip whose directory says whatever the entries say, true or not (for bombs and lying headers). */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, e.flags ?? 0, true);
    lv.setUint16(8, e.method ?? 8, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    locals.push(local, e.data);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, e.flags ?? 0, true);
    cv.setUint16(10, e.method ?? 8, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    central.push(cd);
    offset += local.length + e.data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, ...central, eocd]);
}

export function deflated(name: string, content: string | Uint8Array): RawEntry {
  const raw = typeof content === "string" ? strToU8(content) : content;
  return { name, data: deflateSync(raw), size: raw.length };
}

/**
 * A real DEFLATE stream of 1 + 258·k zero bytes (one fixed-Huffman block: a literal 0, then k
 * copies of "length 258, distance 1"), 13 bits per 258 bytes: a bomb of any size without ever
 * holding it in memory.
 */
export function zerosDeflate(k: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((3 + 8 + 13 * k + 7) / 8) + 1);
  let bit = 0;
  const putCode = (code: number, n: number) => {
    for (let i = n - 1; i >= 0; i--, bit++) if ((code >> i) & 1) out[bit >> 3] |= 1 << (bit & 7);
  };
  out[0] |= 0b011; // BFINAL = 1, BTYPE = 01 (fixed Huffman), low bit first
  bit = 3;
  putCode(0x30, 8); // literal 0
  for (let i = 0; i < k; i++) {
    putCode(0xc5, 8); // length 258
    putCode(0, 5); // distance 1
  }
  putCode(0, 7); // end of block
  return out.subarray(0, (bit + 7) >> 3);
}

// ---------------------------------------------------------------------------------------------
// OLE2 / Compound File Binary (MS-CFB), version 3, 512-byte sectors.

const SECTOR = 512;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;
/** Streams at least this long live in regular sectors; shorter ones are padded up to it. */
const MINI_CUTOFF = 4096;

export interface OleStream {
  name: string;
  data: Uint8Array;
}

function cfbCompare(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * A valid Compound File holding the given streams in its root storage. Streams are padded to the
 * mini-stream cutoff so that no mini stream is needed; siblings form a right-leaning chain in the
 * order MS-CFB sorts names, which readers accept as a (degenerate) red-black tree.
 */
export function ole2(streams: OleStream[]): Uint8Array {
  const list = streams
    .map((s) => ({ name: s.name, data: s.data.length >= MINI_CUTOFF ? s.data : concat([s.data, new Uint8Array(MINI_CUTOFF - s.data.length)]) }))
    .sort((a, b) => cfbCompare(a.name, b.name));
  const dirEntries = 1 + list.length;
  const dirSectors = Math.ceil(dirEntries / 4);
  const streamSectors = list.map((s) => Math.ceil(s.data.length / SECTOR));
  const total = 1 + dirSectors + streamSectors.reduce((n, k) => n + k, 0);
  if (total > SECTOR / 4) throw new Error("ole2: too large for one FAT sector");

  const fat = new Uint32Array(SECTOR / 4).fill(FREESECT);
  fat[0] = FATSECT;
  const chain = (start: number, count: number) => {
    for (let i = 0; i < count; i++) fat[start + i] = i === count - 1 ? ENDOFCHAIN : start + i + 1;
  };
  chain(1, dirSectors);
  const starts: number[] = [];
  let next = 1 + dirSectors;
  for (const k of streamSectors) {
    starts.push(next);
    chain(next, k);
    next += k;
  }

  const header = new Uint8Array(SECTOR);
  const hv = new DataView(header.buffer);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  hv.setUint16(0x18, 0x003e, true); // minor version
  hv.setUint16(0x1a, 0x0003, true); // major version 3
  hv.setUint16(0x1c, 0xfffe, true); // little-endian
  hv.setUint16(0x1e, 9, true); // 512-byte sectors
  hv.setUint16(0x20, 6, true); // 64-byte mini sectors
  hv.setUint32(0x2c, 1, true); // FAT sectors
  hv.setUint32(0x30, 1, true); // first directory sector
  hv.setUint32(0x38, MINI_CUTOFF, true);
  hv.setUint32(0x3c, ENDOFCHAIN, true); // no mini FAT
  hv.setUint32(0x44, ENDOFCHAIN, true); // no DIFAT sectors
  hv.setUint32(0x4c, 0, true); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) hv.setUint32(0x4c + 4 * i, FREESECT, true);

  const dir = new Uint8Array(dirSectors * SECTOR);
  const entry = (i: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const o = i * 128;
    const dv = new DataView(dir.buffer, o, 128);
    for (let k = 0; k < name.length; k++) dv.setUint16(2 * k, name.charCodeAt(k), true);
    dv.setUint16(64, (name.length + 1) * 2, true);
    dir[o + 66] = type;
    dir[o + 67] = 1; // black
    dv.setUint32(68, NOSTREAM, true); // left sibling
    dv.setUint32(72, right, true);
    dv.setUint32(76, child, true);
    dv.setUint32(116, start, true);
    dv.setUint32(120, size, true);
  };
  entry(0, "Root Entry", 5, list.length ? 1 : NOSTREAM, NOSTREAM, ENDOFCHAIN, 0);
  list.forEach((s, i) => entry(i + 1, s.name, 2, NOSTREAM, i + 1 < list.length ? i + 2 : NOSTREAM, starts[i], s.data.length));
  for (let i = dirEntries; i < dirSectors * 4; i++) {
    const dv = new DataView(dir.buffer, i * 128, 128);
    dv.setUint32(68, NOSTREAM, true);
    dv.setUint32(72, NOSTREAM, true);
    dv.setUint32(76, NOSTREAM, true);
  }

  const body = list.map((s, i) => {
    const padded = new Uint8Array(streamSectors[i] * SECTOR);
    padded.set(s.data);
    return padded;
  });
  return concat([header, new Uint8Array(fat.buffer), dir, ...body]);
}

/** A BIFF8 record: type, length, data. */
function biff(type: number, data: number[]): number[] {
  return [type & 0xff, type >> 8, data.length & 0xff, data.length >> 8, ...data];
}

/** The start of a BIFF8 workbook stream (BOF of the workbook globals, then EOF), as Excel 97–2003 and WPS write it. */
export function biff8Workbook(): Uint8Array {
  const bof = biff(0x0809, [0x00, 0x06, 0x05, 0x00, 0xaf, 0x18, 0xcd, 0x07, 0xc1, 0x00, 0x01, 0x00, 0x06, 0x04, 0x00, 0x00]);
  const codepage = biff(0x0042, [0xa8, 0x03]); // 936: GBK, as a zh-CN installation writes
  const eof = biff(0x000a, []);
  return new Uint8Array([...bof, ...codepage, ...eof]);
}

/** An agile-encryption EncryptionInfo stream (version 4.4), as Office writes for a password-protected .xlsx. */
export function agileEncryptionInfo(): Uint8Array {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
    'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><keyData saltSize="16" blockSize="16" keyBits="256" ' +
    'hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>' +
    "</encryption>";
  return concat([new Uint8Array([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]), strToU8(xml)]);
}

/** Bytes that look random but are the same on every run (xorshift32). */
export function noise(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}
