/**
 * Zip entries of a package sniff() has read: their stored bytes, inflated within their declared size
 * and checked against their CRC-32, and their text.
 */
import { readErrors, WorkbookReadError } from "../errors";
import type { ZipDirectory, ZipEntry } from "../sniff";
import { decodeUtf16, decodeUtf8 } from "../textCodec";
import type { JsInflate } from "./jsInflate";

/** Compressed entries up to this size are inflated in one call (fast); larger ones in chunks, stopping as soon as the output exceeds the declared size. */
export const ONE_SHOT_INFLATE_MAX = 128 * 1024;

/**
 * What a host may offer instead of the JavaScript inflater: native code runs some twice as fast
 * and, unlike JavaScript, needs no warming up in each of the CLI's worker threads.
 */
export interface ZipCodec {
  /**
   * Inflates raw deflate data to at most `limit` bytes; null when it holds more. Throws on damaged data.
   * The result may be a view of a buffer the next call reuses: it is checked and decoded before the next entry is inflated.
   */
  inflateRaw(data: Uint8Array, limit: number): Uint8Array | null;
  crc32?(data: Uint8Array): number;
}

let js: JsInflate | undefined;

/** fflate, required on first use rather than imported, so that a host with a native codec seldom loads it (jsInflate.ts). */
function jsInflate(): JsInflate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (js === undefined) js = (require("./jsInflate") as typeof import("./jsInflate")).FFLATE;
  return js;
}

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** The zip CRC-32 of some bytes (unsigned). */
export function crc32(b: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * Inflates one entry, never producing more than its declared (already limit-checked) size, and
 * checks its CRC-32 where the zip records one: a damaged byte inside compressed data often still inflates, to other text —
 * a clerk's 9 read as 1 — so without the check a damaged file would be checked as if it were whole.
 */
export function inflateEntry(bytes: Uint8Array, e: ZipEntry, codec?: ZipCodec): Uint8Array {
  const out = inflateUnchecked(bytes, e, codec);
  // A recorded CRC of 0 is taken as "not recorded" (hand-made and some streaming writers leave it out).
  if (e.crc32 !== 0 && out.length > 0 && (codec?.crc32 ?? crc32)(out) !== e.crc32) {
    throw readErrors.corrupt(`${e.name} 的校验值不符，内容已损坏`, `${e.name} fails its CRC check: its content is damaged`);
  }
  return out;
}

/** An entry's stored (for most, compressed) bytes, found through its local header. */
export function storedData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const lo = e.localOffset;
  if (lo + 30 > bytes.length || u16(bytes, lo) !== 0x4b50 || u16(bytes, lo + 2) !== 0x0403) {
    throw readErrors.corrupt(`找不到 ${e.name} 的数据`, `the data of ${e.name} is missing`);
  }
  const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw readErrors.corrupt(`${e.name} 的数据被截断`, `the data of ${e.name} is cut off`);
  return bytes.subarray(start, end);
}

function inflateUnchecked(bytes: Uint8Array, e: ZipEntry, codec: ZipCodec | undefined): Uint8Array {
  const data = storedData(bytes, e);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw readErrors.corrupt(`${e.name} 的大小不一致`, `the sizes of ${e.name} disagree`);
    return data;
  }
  if (e.method !== 8) throw readErrors.corrupt(`${e.name} 使用了不支持的压缩方式 ${e.method}`, `${e.name} uses unsupported compression method ${e.method}`);
  if (data.length === 0) {
    if (e.size === 0) return data;
    throw readErrors.corrupt(`${e.name} 的数据为空`, `the data of ${e.name} is empty`);
  }
  let out: Uint8Array;
  try {
    const native = codec ? inflateNative(codec, data, e) : null;
    if (native) {
      out = native;
    } else if (e.compressedSize <= ONE_SHOT_INFLATE_MAX) {
      // One extra byte: if the stream holds more than declared, the result comes back longer.
      // fflate drops writes past the buffer, so memory stays at the declared size; the CPU cost
      // of a lie is bounded by this entry's small compressed size.
      out = jsInflate().inflateSync(data, { out: new Uint8Array(e.size + 1) });
      if (out.length > e.size) throw readErrors.lyingSize(e.name, e.size);
    } else {
      out = inflateChunked(data, e);
    }
  } catch (err) {
    if (err instanceof WorkbookReadError) {
      // more than declared: a bomb, or a damaged byte (a bad CRC) that moved the end a little
      if (err.code === "too-large" && endsSoonAfter(data, e, codec)) throw sizeMismatch(e);
      throw err;
    }
    throw readErrors.corrupt(`${e.name} 无法解压`, `${e.name} cannot be inflated`);
  }
  if (out.length !== e.size) throw sizeMismatch(e);
  return out;
}

const sizeMismatch = (e: ZipEntry) =>
  readErrors.corrupt(`${e.name} 解压后的大小与声明不符，内容已损坏`, `${e.name} inflates to a size other than declared: its content is damaged`);

/** How far past its declared size a damaged entry may inflate and still be called damaged rather than a bomb. */
export const DAMAGED_SLACK = 64 * 1024;

/**
 * Whether an entry that inflated past its declared size ends within DAMAGED_SLACK more bytes: a byte
 * damaged inside compressed data (a bad CRC) typically moves the end by a few bytes, while a bomb
 * lies by orders of magnitude. Memory and time stay bounded by that slack.
 */
function endsSoonAfter(data: Uint8Array, e: ZipEntry, codec: ZipCodec | undefined): boolean {
  const limit = e.size + DAMAGED_SLACK;
  if (codec) {
    try {
      return codec.inflateRaw(data, limit) !== null;
    } catch {
      // refused by the host's inflater: counted with fflate below
    }
  }
  // counted, not kept: no memory beyond a chunk, and it stops as soon as the slack is used up
  let n = 0;
  const inf = new (jsInflate().Inflate)((chunk) => {
    n += chunk.length;
    if (n > limit) throw PAST_SLACK;
  });
  try {
    for (let i = 0; i < data.length; i += CHUNK) {
      const j = Math.min(data.length, i + CHUNK);
      inf.push(data.subarray(i, j), j === data.length);
    }
  } catch (err) {
    // data that stops inflating at all is damaged too
    return err !== PAST_SLACK;
  }
  return true;
}

const PAST_SLACK = new Error("past the slack");

/**
 * The host's inflater; null when it refuses the data, so fflate decides, as it always has (zlib is
 * stricter about a stream cut before its last block, which fflate reads up to the cut).
 */
function inflateNative(codec: ZipCodec, data: Uint8Array, e: ZipEntry): Uint8Array | null {
  let out: Uint8Array | null;
  try {
    // One extra byte, as below: more than declared comes back as null.
    out = codec.inflateRaw(data, e.size + 1);
  } catch {
    return null;
  }
  if (out === null || out.length > e.size) throw readErrors.lyingSize(e.name, e.size);
  return out;
}

const CHUNK = 32 * 1024;

function inflateChunked(data: Uint8Array, e: ZipEntry): Uint8Array {
  const out = new Uint8Array(e.size);
  let off = 0;
  const inf = new (jsInflate().Inflate)((chunk) => {
    if (off + chunk.length > out.length) throw readErrors.lyingSize(e.name, e.size);
    out.set(chunk, off);
    off += chunk.length;
  });
  for (let i = 0; i < data.length; i += CHUNK) {
    const j = Math.min(data.length, i + CHUNK);
    inf.push(data.subarray(i, j), j === data.length);
  }
  return off === out.length ? out : out.subarray(0, off);
}

export function bytesToText(b: Uint8Array): string {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    return decodeUtf16(b, b[0] === 0xff);
  }
  return decodeUtf8(b);
}

export function findEntry(dir: ZipDirectory, name: string): ZipEntry | undefined {
  const e = dir.byName.get(name.toLowerCase());
  if (e) return e;
  // targets may be percent-encoded (`sheet%201.xml`)
  if (name.indexOf("%") >= 0) {
    try {
      return dir.byName.get(decodeURIComponent(name).toLowerCase());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function partText(bytes: Uint8Array, dir: ZipDirectory, name: string, codec?: ZipCodec): string | undefined {
  const e = findEntry(dir, name);
  return e ? bytesToText(inflateEntry(bytes, e, codec)) : undefined;
}
