import { unitKey } from "./between";

describe("unitKey", () => {
  test.each<[string | number | null | undefined, string]>([
    ["湘潭县 市场监管局", "湘潭县市场监管局"],
    ["湘潭县市场监管局（盖章）", "湘潭县市场监管局"],
    ["：湘潭县市场监管局", "湘潭县市场监管局"],
    ["ＡＢＣ\u3000局", "ABC局"],
    [12, "12"],
    [null, ""],
    [undefined, ""],
  ])("%j reads as %j", (v, key) => {
    expect(unitKey(v)).toBe(key);
    expect(unitKey(v)).toBe(key);
  });

  test("names keep their keys across a batch larger than the memo", () => {
    const names = Array.from({ length: 12_000 }, (_, i) => `第${i} 执法大队（盖章）`);
    const keys = names.map(unitKey);
    expect(keys[11_999]).toBe("第11999执法大队");
    expect(names.map(unitKey)).toEqual(keys);
    expect(new Set(keys).size).toBe(12_000);
  });
});
