import { colToLetters, fromA1, toA1 } from "./grid";

describe("toA1", () => {
  it("names cells inside and beyond the cached range alike, and round-trips through fromA1", () => {
    const cells: Array<[number, number]> = [
      [0, 0],
      [1, 25],
      [1023, 63],
      [1024, 63],
      [1023, 64],
      [5000, 700],
      [1048575, 16383],
    ];
    for (const [row, col] of cells) {
      const a = toA1(row, col);
      expect(a).toBe(`${colToLetters(col)}${row + 1}`);
      expect(toA1(row, col)).toBe(a);
      expect(fromA1(a)).toEqual({ row, col });
    }
    expect(toA1(0, 0)).toBe("A1");
    expect(toA1(1023, 63)).toBe("BL1024");
  });
});
