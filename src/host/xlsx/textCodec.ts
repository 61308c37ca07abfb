/**
 * UTF-8 and UTF-16 for the readers: the platform's TextDecoder/TextEncoder where there is one, and a
 * hand-written codec where there is none (Office 2016/2019 volume-licensed runs add-ins in Trident,
 * IE11, which has neither and which core-js does not polyfill). The fallback gives exactly what
 * TextDecoder gives (WHATWG Encoding: each maximal invalid subsequence becomes one U+FFFD, a
 * leading byte order mark of the decoded encoding is dropped) and what TextEncoder gives (a lone
 * surrogate is encoded as U+FFFD). This is the only module that may name TextDecoder or TextEncoder
 * (tests/es5/sourceScan.test.ts).
 */

type Decoder = { decode(b: Uint8Array): string };
type DecoderCtor = new (label: string) => Decoder;
type EncoderCtor = new () => { encode(s: string): Uint8Array };

// Read through the global object so that a host without them is not a ReferenceError (IE11 has no
// globalThis either; core-js defines it for the classic pane). A bare `globalThis`, never
// `(globalThis as T)`: Babel's per-use polyfill finder does not see the identifier inside a cast.
const globalObject: unknown = globalThis;
const root = globalObject as { TextDecoder?: DecoderCtor; TextEncoder?: EncoderCtor };

const decoders: Record<string, Decoder | null> = {};

function nativeDecoder(label: "utf-8" | "utf-16le" | "utf-16be"): Decoder | null {
  let d = decoders[label];
  if (d === undefined) {
    const Ctor = root.TextDecoder;
    d = null;
    if (typeof Ctor === "function") {
      try {
        d = new Ctor(label);
      } catch {
        d = null; // a decoder without this label: the fallback decodes it
      }
    }
    decoders[label] = d;
  }
  return d;
}

/** UTF-8 to text; a leading BOM (EF BB BF) is dropped, as TextDecoder("utf-8") does. */
export function decodeUtf8(b: Uint8Array): string {
  const d = nativeDecoder("utf-8");
  return d ? d.decode(b) : decodeUtf8Fallback(b);
}

/** UTF-16 to text; a leading BOM of the same byte order is dropped, as TextDecoder("utf-16le"/"utf-16be") does. */
export function decodeUtf16(b: Uint8Array, littleEndian: boolean): string {
  const d = nativeDecoder(littleEndian ? "utf-16le" : "utf-16be");
  return d ? d.decode(b) : decodeUtf16Fallback(b, littleEndian);
}

/** Text to UTF-8 (no BOM); a lone surrogate becomes U+FFFD, as TextEncoder does. */
export function encodeUtf8(s: string): Uint8Array {
  const Ctor = root.TextEncoder;
  return typeof Ctor === "function" ? new Ctor().encode(s) : encodeUtf8Fallback(s);
}

// ---------------------------------------------------------------------------------------------
// The fallback

/** Collects UTF-16 code units and turns them into a string a chunk at a time (apply has an argument limit). */
class Units {
  private parts: string[] = [];
  private buf: number[] = [];

  push(u: number): void {
    this.buf.push(u);
    if (this.buf.length >= 8192) this.flush();
  }

  pushCodePoint(cp: number): void {
    if (cp > 0xffff) {
      cp -= 0x10000;
      this.push(0xd800 + (cp >> 10));
      this.push(0xdc00 + (cp & 0x3ff));
    } else this.push(cp);
  }

  private flush(): void {
    this.parts.push(String.fromCharCode.apply(null, this.buf));
    this.buf = [];
  }

  text(): string {
    if (this.buf.length > 0) this.flush();
    return this.parts.length === 1 ? this.parts[0] : this.parts.join("");
  }
}

/** The WHATWG UTF-8 decoder, BOM dropped; exported for the tests that hold it to TextDecoder. */
export function decodeUtf8Fallback(b: Uint8Array): string {
  const out = new Units();
  const n = b.length;
  let i = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      out.push(c);
      i++;
      continue;
    }
    let needed: number;
    let cp: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
      needed = 1;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      if (c === 0xe0) lower = 0xa0;
      if (c === 0xed) upper = 0x9f;
      needed = 2;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      if (c === 0xf0) lower = 0x90;
      if (c === 0xf4) upper = 0x8f;
      needed = 3;
      cp = c & 0x07;
    } else {
      out.push(0xfffd);
      i++;
      continue;
    }
    i++;
    let seen = 0;
    while (seen < needed) {
      // An end of input or a byte out of range ends the sequence: one U+FFFD, and that byte is read afresh.
      if (i >= n || b[i] < lower || b[i] > upper) break;
      cp = (cp << 6) | (b[i] & 0x3f);
      lower = 0x80;
      upper = 0xbf;
      seen++;
      i++;
    }
    out.pushCodePoint(seen === needed ? cp : 0xfffd);
  }
  return out.text();
}

/** The WHATWG UTF-16 decoder, BOM of the same order dropped; exported for the tests. */
export function decodeUtf16Fallback(b: Uint8Array, littleEndian: boolean): string {
  const out = new Units();
  const n = b.length;
  let i = 0;
  if (n >= 2 && (littleEndian ? b[0] === 0xff && b[1] === 0xfe : b[0] === 0xfe && b[1] === 0xff)) i = 2;
  let lead = -1;
  for (; i + 1 < n; i += 2) {
    const u = littleEndian ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1];
    if (lead >= 0) {
      if (u >= 0xdc00 && u <= 0xdfff) {
        out.push(lead);
        out.push(u);
        lead = -1;
        continue;
      }
      out.push(0xfffd);
      lead = -1;
    }
    if (u >= 0xd800 && u <= 0xdbff) lead = u;
    else if (u >= 0xdc00 && u <= 0xdfff) out.push(0xfffd);
    else out.push(u);
  }
  // A lead surrogate or an odd byte left at the end: one U+FFFD.
  if (lead >= 0 || i < n) out.push(0xfffd);
  return out.text();
}

/** UTF-8 of a string, lone surrogates as U+FFFD; exported for the tests. */
export function encodeUtf8Fallback(s: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const lo = cp <= 0xdbff && i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      } else cp = 0xfffd;
    }
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i];
  return out;
}
