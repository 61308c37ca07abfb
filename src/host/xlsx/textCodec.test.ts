/**
 * The hand-written UTF-8/UTF-16 codec (IE11 has no TextDecoder/TextEncoder) gives exactly what the
 * platform's gives: on edge cases, on every kind of invalid sequence, and on random bytes.
 */
import fc from "fast-check";
import { decodeUtf16, decodeUtf16Fallback, decodeUtf8, decodeUtf8Fallback, encodeUtf8, encodeUtf8Fallback } from "./textCodec";

const utf8 = new TextDecoder("utf-8");
const utf16le = new TextDecoder("utf-16le");
const utf16be = new TextDecoder("utf-16be");
const bytes = (...b: number[]) => new Uint8Array(b);

const EDGE_UTF8: Uint8Array[] = [
  bytes(),
  bytes(0x41),
  bytes(0xef, 0xbb, 0xbf), // BOM only
  bytes(0xef, 0xbb, 0xbf, 0x41, 0xef, 0xbb, 0xbf), // BOM, A, a second BOM kept (U+FEFF)
  bytes(0xef, 0xbb), // a cut BOM
  bytes(0xe4, 0xb8, 0xad, 0xe6, 0x96, 0x87), // 中文
  bytes(0xf0, 0x9f, 0x98, 0x80), // U+1F600, 4 bytes
  bytes(0xf0, 0x90, 0x80, 0x80), // U+10000
  bytes(0xf4, 0x8f, 0xbf, 0xbf), // U+10FFFF
  bytes(0xf4, 0x90, 0x80, 0x80), // beyond U+10FFFF
  bytes(0xf5, 0x80, 0x80, 0x80), // F5 never starts a sequence
  bytes(0xc0, 0x80), // overlong NUL
  bytes(0xc1, 0xbf),
  bytes(0xe0, 0x80, 0x80), // overlong 3-byte
  bytes(0xe0, 0x9f, 0xbf),
  bytes(0xf0, 0x80, 0x80, 0x80), // overlong 4-byte
  bytes(0xf0, 0x8f, 0xbf, 0xbf),
  bytes(0xed, 0xa0, 0x80), // a surrogate, encoded
  bytes(0xed, 0x9f, 0xbf), // U+D7FF
  bytes(0xee, 0x80, 0x80), // U+E000
  bytes(0x80), // a lone continuation byte
  bytes(0xbf, 0x80, 0x41),
  bytes(0xe4, 0xb8), // cut 3-byte
  bytes(0xe4, 0xb8, 0x41), // interrupted by ASCII
  bytes(0xf0, 0x9f, 0x98), // cut 4-byte
  bytes(0xf0, 0x9f, 0x41, 0x98, 0x80),
  bytes(0xe4, 0xe4, 0xb8, 0xad), // a lead byte interrupted by another lead
  bytes(0xfe, 0xff, 0x00), // UTF-16 BOMs are not UTF-8
  bytes(0xff),
  bytes(0xc2),
  bytes(0xc2, 0xa0),
  bytes(0xdf, 0xbf),
  bytes(0xef, 0xbf, 0xbf), // U+FFFF
  bytes(0xef, 0xbf, 0xbd), // U+FFFD itself
];

const EDGE_UTF16: Array<[Uint8Array, boolean]> = [
  [bytes(), true],
  [bytes(0xff, 0xfe), true],
  [bytes(0xfe, 0xff), false],
  [bytes(0xff, 0xfe, 0x41, 0x00), true],
  [bytes(0xfe, 0xff, 0x00, 0x41), false],
  [bytes(0xfe, 0xff, 0x41, 0x00), true], // a BOM of the other order is a character (U+FFFE)
  [bytes(0xff, 0xfe, 0x41), true], // an odd byte at the end
  [bytes(0xff, 0xfe, 0x3d, 0xd8, 0x00, 0xde), true], // a surrogate pair
  [bytes(0xff, 0xfe, 0x3d, 0xd8), true], // a lead surrogate at the end
  [bytes(0xff, 0xfe, 0x3d, 0xd8, 0x41), true], // a lead surrogate and an odd byte
  [bytes(0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00), true], // a lead surrogate, then A
  [bytes(0xff, 0xfe, 0x3d, 0xd8, 0x3d, 0xd8, 0x00, 0xde), true], // two leads, then a trail
  [bytes(0xff, 0xfe, 0x00, 0xde, 0x41, 0x00), true], // a lone trail
  [bytes(0xd8, 0x3d, 0xde, 0x00), false],
  [bytes(0xff, 0xfe, 0xff, 0xfe), true], // a second BOM is kept
];

test("UTF-8: the fallback decodes the edge cases as TextDecoder does", () => {
  for (const b of EDGE_UTF8) expect([Array.from(b), decodeUtf8Fallback(b)]).toEqual([Array.from(b), utf8.decode(b)]);
});

test("UTF-16: the fallback decodes the edge cases as TextDecoder does", () => {
  for (const [b, le] of EDGE_UTF16) expect([Array.from(b), le, decodeUtf16Fallback(b, le)]).toEqual([Array.from(b), le, (le ? utf16le : utf16be).decode(b)]);
});

/** Byte strings rich in what goes wrong: leads, continuations, boundaries, ASCII, and whole valid text. */
const nastyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          0x00,
          0x41,
          0x7f,
          0x80,
          0x8f,
          0x90,
          0x9f,
          0xa0,
          0xbf,
          0xc0,
          0xc1,
          0xc2,
          0xdf,
          0xe0,
          0xe4,
          0xed,
          0xef,
          0xf0,
          0xf4,
          0xf5,
          0xfe,
          0xff,
          0xbb,
          0xbd,
        ),
        fc.integer({ min: 0x80, max: 0xbf }),
      ),
      { maxLength: 48 },
    )
    .map((a) => new Uint8Array(a)),
  fc.string({ unit: "binary", maxLength: 24 }).map((s) => new TextEncoder().encode(s)),
);

test("UTF-8: the fallback agrees with TextDecoder on random bytes", () => {
  fc.assert(
    fc.property(nastyBytes, fc.boolean(), (b, bom) => {
      const input = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...b]) : b;
      expect(decodeUtf8Fallback(input)).toBe(utf8.decode(input));
    }),
    { numRuns: 3000 },
  );
});

test("UTF-16: the fallback agrees with TextDecoder on random bytes, both orders", () => {
  fc.assert(
    fc.property(nastyBytes, fc.boolean(), fc.boolean(), (b, le, bom) => {
      const input = bom ? new Uint8Array([...(le ? [0xff, 0xfe] : [0xfe, 0xff]), ...b]) : b;
      expect(decodeUtf16Fallback(input, le)).toBe((le ? utf16le : utf16be).decode(input));
    }),
    { numRuns: 3000 },
  );
});

test("long input: decoded in chunks, nothing lost at the chunk seams", () => {
  const text = "中文ABC😀\u00e9".repeat(5000);
  const b = new TextEncoder().encode(text);
  expect(decodeUtf8Fallback(b)).toBe(text);
  const le = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) [le[2 * i], le[2 * i + 1]] = [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8];
  expect(decodeUtf16Fallback(le, true)).toBe(text);
});

test("the encoder agrees with TextEncoder, lone surrogates included", () => {
  const enc = new TextEncoder();
  for (const s of ["", "A", "中文", "😀", "\ud83d", "\ude00", "a\ud83db", "\ude00\ud83d", "\ud83d\ud83d\ude00", "\u0080\u07ff\u0800\uffff"]) {
    expect(Array.from(encodeUtf8Fallback(s))).toEqual(Array.from(enc.encode(s)));
  }
  fc.assert(
    fc.property(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 4 }),
      (a, sur) => {
        const s = a + sur + a;
        expect(Array.from(encodeUtf8Fallback(s))).toEqual(Array.from(enc.encode(s)));
      },
    ),
    { numRuns: 2000 },
  );
});

test("with TextDecoder present the platform's codec is used, with the same results", () => {
  const b = new Uint8Array([0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0xad, 0x80]);
  expect(decodeUtf8(b)).toBe(decodeUtf8Fallback(b));
  expect(decodeUtf16(new Uint8Array([0xff, 0xfe, 0x2d, 0x4e]), true)).toBe("中");
  expect(decodeUtf16(new Uint8Array([0xfe, 0xff, 0x4e, 0x2d]), false)).toBe("中");
  expect(Array.from(encodeUtf8("中😀"))).toEqual(Array.from(encodeUtf8Fallback("中😀")));
});

describe("without TextDecoder and TextEncoder (IE11)", () => {
  const saved = { TextDecoder: globalThis.TextDecoder, TextEncoder: globalThis.TextEncoder };
  afterEach(() => Object.assign(globalThis, saved));

  test("a fresh copy of the module decodes and encodes through the fallback", () => {
    delete (globalThis as { TextDecoder?: unknown }).TextDecoder;
    delete (globalThis as { TextEncoder?: unknown }).TextEncoder;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require("./textCodec") as typeof import("./textCodec");
      expect(fresh.decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0xad]))).toBe("中");
      expect(fresh.decodeUtf16(new Uint8Array([0xff, 0xfe, 0x2d, 0x4e]), true)).toBe("中");
      expect(Array.from(fresh.encodeUtf8("中"))).toEqual([0xe4, 0xb8, 0xad]);
    });
  });
});
