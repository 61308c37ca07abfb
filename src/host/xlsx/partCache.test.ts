import { PartCache } from "./partCache";

const bytes = (...b: number[]) => new Uint8Array(b);
const d = (method: number, crc32: number, size = 10) => ({ method, crc32, size });

describe("PartCache", () => {
  it("parses a part once, and again only for other bytes, even under the same kind, CRC and size", () => {
    const cache = new PartCache();
    const parse = jest.fn((label: string) => label);
    expect(cache.get("styles", bytes(1, 2, 3), d(8, 77), () => parse("a"))).toBe("a");
    expect(cache.get("styles", bytes(1, 2, 3), d(8, 77), () => parse("again"))).toBe("a");
    // a CRC collision: same key, other bytes — parsed, not taken from the cache
    expect(cache.get("styles", bytes(1, 2, 4), d(8, 77), () => parse("b"))).toBe("b");
    expect(cache.get("styles", bytes(1, 2, 3), d(8, 77), () => parse("again"))).toBe("a");
    expect(cache.get("styles", bytes(1, 2, 4), d(8, 77), () => parse("again"))).toBe("b");
    // another kind, method or CRC never shares a parse
    expect(cache.get("rels", bytes(1, 2, 3), d(8, 77), () => parse("c"))).toBe("c");
    expect(cache.get("styles", bytes(1, 2, 3), d(0, 77), () => parse("d"))).toBe("d");
    expect(cache.get("styles", bytes(1, 2, 3), d(8, 78), () => parse("e"))).toBe("e");
    // the same bytes declared to inflate to another size: parsed again (and refused there, as a damaged entry is)
    expect(cache.get("styles", bytes(1, 2, 3), d(8, 77, 11), () => parse("f"))).toBe("f");
    expect(parse.mock.calls.map((c) => c[0])).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("keeps its own copy of the bytes: the file's buffer may be reused for the next file", () => {
    const cache = new PartCache();
    const stored = bytes(5, 6, 7);
    cache.get("workbook", stored, d(8, 1), () => "first");
    stored[0] = 9;
    expect(cache.get("workbook", bytes(9, 6, 7), d(8, 1), () => "changed")).toBe("changed");
    expect(cache.get("workbook", bytes(5, 6, 7), d(8, 1), () => "again")).toBe("first");
  });

  it("remembers nothing a parse refused", () => {
    const cache = new PartCache();
    expect(() =>
      cache.get("styles", bytes(1), d(8, 1), () => {
        throw new Error("damaged");
      }),
    ).toThrow("damaged");
    expect(cache.get("styles", bytes(1), d(8, 1), () => "whole")).toBe("whole");
  });

  it("stays within its bounds: forgets all when full, never keeps a large part", () => {
    const cache = new PartCache(3, 4);
    const parse = jest.fn(() => "x");
    for (let i = 0; i < 4; i++) cache.get("styles", bytes(i), d(8, i), parse);
    expect(parse).toHaveBeenCalledTimes(4);
    // the fourth part cleared the first three
    cache.get("styles", bytes(3), d(8, 3), parse);
    expect(parse).toHaveBeenCalledTimes(4);
    cache.get("styles", bytes(0), d(8, 0), parse);
    expect(parse).toHaveBeenCalledTimes(5);
    const big = new Uint8Array(5);
    cache.get("styles", big, d(8, 9), parse);
    cache.get("styles", big, d(8, 9), parse);
    expect(parse).toHaveBeenCalledTimes(7);
  });
});
