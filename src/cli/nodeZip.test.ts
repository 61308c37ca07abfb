/**
 * The CLI's zlib codec: through the reused handle, the same bytes as `zlib.inflateRawSync` for every
 * stream, the same limit and damage answers, and `inflateRawSync` itself wherever the handle is not
 * as expected.
 */
import * as zlib from "zlib";
import { unzipSync } from "fflate";
import { handleInflater, HandleInflater, NODE_ZIP, nodeZipCodec } from "./nodeZip";
import { seedXlsxBytes } from "../../tests/helpers/xlsx";

const text = (n: number, seed: number) => {
  let s = seed;
  let out = "";
  while (out.length < n) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out += `<c r="A${s % 997}"><v>${s % 10007}</v></c>执法${s % 13}`;
  }
  return Buffer.from(out.slice(0, n));
};
const deflated = (b: Uint8Array) => zlib.deflateRawSync(b);
const bytesOf = (b: Uint8Array | null) => (b === null ? null : Buffer.from(b).toString("base64"));

const inflater = () => {
  const i = handleInflater();
  if (!i) throw new Error("this node's zlib binding was not usable");
  return i;
};

const CHECKED_NODE = process.versions.node.startsWith("20.");

it("the reused handle is used on node 20, the version it was checked on, and on no other", () => {
  if (CHECKED_NODE) expect(handleInflater()).toBeInstanceOf(HandleInflater);
  else expect(handleInflater()).toBeNull();
});

// on another node the codec is inflateRawSync alone, which the tests after these cover
(CHECKED_NODE ? describe : describe.skip)("the reused-handle inflater", () => {
  it("gives inflateRawSync's bytes for every part of the seed workbook and for streams of many sizes, in any order", async () => {
    const parts = Object.values(unzipSync(await seedXlsxBytes()));
    // small after large and large after small: the kept buffer grows and is reused; 2 MB is past what it keeps
    const sizes = [0, 1, 100, 70_000, 10, 300_000, 5_000, 2 * 1024 * 1024, 64, 1024 * 1024, 1024 * 1024 + 1, 17];
    const streams = [...parts, ...sizes.map((n, i) => text(n, i + 1))].map(deflated);
    const inf = inflater();
    for (const s of streams) {
      const expected = zlib.inflateRawSync(s);
      expect(bytesOf(inf.inflate(s, expected.length + 1))).toBe(bytesOf(expected));
    }
    expect(streams.length).toBeGreaterThan(sizes.length + 5);
  });

  it("answers a limit as inflateRawSync's maxOutputLength does: exactly the size fits, one byte less is null", () => {
    const raw = text(50_000, 7);
    const s = deflated(raw);
    const inf = inflater();
    for (const limit of [raw.length - 1, 1, raw.length - 64, raw.length - 65]) {
      expect(inf.inflate(s, limit)).toBeNull();
      expect(nodeZipCodec(() => null).inflateRaw(s, limit)).toBeNull();
    }
    expect(bytesOf(inf.inflate(s, raw.length))).toBe(bytesOf(raw));
    expect(bytesOf(nodeZipCodec(() => null).inflateRaw(s, raw.length))).toBe(bytesOf(raw));
  });

  it("ignores bytes after the end of the stream, as inflateRawSync does", () => {
    const raw = text(3_000, 3);
    const s = Buffer.concat([deflated(raw), Buffer.from("trailing junk")]);
    expect(bytesOf(inflater().inflate(s, 10_000))).toBe(bytesOf(zlib.inflateRawSync(s)));
  });

  it("throws on a cut or damaged stream, and inflates the next stream correctly after it", () => {
    const raw = text(20_000, 5);
    const s = deflated(raw);
    const inf = inflater();
    expect(() => inf.inflate(s.subarray(0, s.length >> 1), raw.length + 1)).toThrow("unexpected end of file");
    expect(bytesOf(inf.inflate(s, raw.length + 1))).toBe(bytesOf(raw));
    expect(() => inf.inflate(Uint8Array.of(0xff, 0xff, 0xff, 0xff), 100)).toThrow("invalid block type");
    expect(bytesOf(inf.inflate(s, raw.length + 1))).toBe(bytesOf(raw));
    // inflateRawSync refuses both too
    expect(() => zlib.inflateRawSync(s.subarray(0, s.length >> 1))).toThrow();
    expect(() => zlib.inflateRawSync(Uint8Array.of(0xff, 0xff, 0xff, 0xff))).toThrow();
  });
});

describe("the codec, whichever inflater it has", () => {
  it("is refused for a binding that is missing, throws or inflates wrongly, and on an unchecked node; the codec then inflates through streams", () => {
    class Silent {
      init() {
        return 0;
      }
      writeSync() {
        // writes nothing and reports nothing: its output would be garbage
      }
      reset() {}
      close() {}
      onerror = () => undefined;
    }
    expect(handleInflater(null)).toBeNull();
    expect(handleInflater({})).toBeNull();
    expect(
      handleInflater({
        Zlib: class {
          constructor() {
            throw new Error("not in this node");
          }
        },
      }),
    ).toBeNull();
    expect(handleInflater({ Zlib: Silent })).toBeNull();
    // a node whose binding was not checked: not even tried (its CHECKs could end the process)
    const binding = { Zlib: jest.fn() };
    expect(handleInflater(binding, "26.0.0")).toBeNull();
    expect(handleInflater(binding, "18.20.0")).toBeNull();
    expect(binding.Zlib).not.toHaveBeenCalled();

    const raw = text(9_000, 11);
    const codec = nodeZipCodec(() => handleInflater({ Zlib: Silent }));
    expect(bytesOf(codec.inflateRaw(deflated(raw), raw.length + 1))).toBe(bytesOf(raw));
    expect(codec.inflateRaw(deflated(raw), raw.length - 1)).toBeNull();
  });

  it("the codec asks for its inflater once and inflates through it; NODE_ZIP is such a codec", () => {
    const ask = jest.fn(() => handleInflater());
    const codec = nodeZipCodec(ask);
    const raw = text(4_000, 13);
    for (let i = 0; i < 3; i++) expect(bytesOf(codec.inflateRaw(deflated(raw), raw.length + 1))).toBe(bytesOf(raw));
    expect(ask).toHaveBeenCalledTimes(1);
    expect(bytesOf(NODE_ZIP.inflateRaw(deflated(raw), raw.length + 1))).toBe(bytesOf(raw));
  });
});
