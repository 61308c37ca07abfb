/**
 * NFKC where the engine has no String.prototype.normalize (IE11): the table gives what the native
 * normalize gives for every code point, and for text built from the characters a report holds; the
 * default fallback gives it for full-width ASCII and the ideographic space.
 */
import fc from "fast-check";
import { basicNfkc, nfkc } from "./nfkc";
import { NFKC_TABLE_COVERS, tableNfkc } from "./nfkcTable";

const native = (s: string) => s.normalize("NFKC");

test("nfkc is the native normalize where there is one", () => {
  for (const s of ["ＡＢＣ１２３（万元）", "①㎡℃\u3000Ⅻ", "plain"]) expect(nfkc(s)).toBe(native(s));
});

const covered = (cp: number) => NFKC_TABLE_COVERS.some(([a, b]) => cp >= a && cp <= b);

test("the table maps every code point it covers as the native normalize does, and leaves the rest (else: node tests/es5/gen-nfkc-table.js)", () => {
  const wrong: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const s = String.fromCodePoint(cp);
    if (tableNfkc(s) !== (covered(cp) ? native(s) : s)) wrong.push(`U+${cp.toString(16).toUpperCase()}`);
  }
  expect(wrong.slice(0, 20)).toEqual([]);
});

test("the covered blocks hold what reports are made of: full-width forms, ①, ㎡, compatibility ideographs", () => {
  for (const s of ["ＡＢＣ１２３（万元）", "①⑩⒈", "㎡㎏℃", "\uF900\uFA0E", "︵﹙", "Ⅻ½"]) expect(tableNfkc(s)).toBe(native(s));
});

/**
 * What the cells of a report are made of: ASCII, CJK, full-width forms, compatibility characters,
 * astral ideographs. Not combining marks (U+20D0–U+20FF, U+302A–U+302F) nor what composes with its
 * neighbour (Hangul jamo, the kana voicing marks, their half-width forms), which the table leaves
 * unordered and uncomposed (nfkc.ts).
 */
const reportChar = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0x4e00, max: 0x9fff }),
  fc.integer({ min: 0xff01, max: 0xff64 }),
  fc.integer({ min: 0xffe0, max: 0xffef }),
  fc.integer({ min: 0x3000, max: 0x3029 }),
  fc.integer({ min: 0x3030, max: 0x3098 }),
  fc.integer({ min: 0x30a0, max: 0x312f }),
  fc.integer({ min: 0x3190, max: 0x33ff }),
  fc.integer({ min: 0x2000, max: 0x20cf }),
  fc.integer({ min: 0x2100, max: 0x24ff }),
  fc.integer({ min: 0xf900, max: 0xfaff }),
  fc.integer({ min: 0x2f00, max: 0x2fdf }),
  fc.integer({ min: 0xa0, max: 0xff }),
  fc.integer({ min: 0x20000, max: 0x2a6df }),
);

test("text of report characters: the table gives what the native normalize gives", () => {
  fc.assert(
    fc.property(fc.array(reportChar, { maxLength: 30 }), (cps) => {
      const s = String.fromCodePoint(...cps);
      expect(tableNfkc(s)).toBe(native(s));
    }),
    { numRuns: 5000 },
  );
});

test("lone surrogates and text below U+00A0 stay as they are", () => {
  for (const s of ["\ud800", "a\udc00b", "\ud83d", "abc\u0000\u009f", ""]) expect(tableNfkc(s)).toBe(native(s));
  const ascii = "return 1+2;";
  expect(tableNfkc(ascii)).toBe(ascii);
});

test("the default fallback: full-width ASCII and the ideographic space, as natively", () => {
  for (let c = 0xff01; c <= 0xff5e; c++) expect(basicNfkc(String.fromCharCode(c))).toBe(native(String.fromCharCode(c)));
  const s = "附件２\u3000（万元）１２，３４５．６７件";
  expect(basicNfkc(s)).toBe(native(s));
  expect(basicNfkc("中文abc")).toBe("中文abc");
});
