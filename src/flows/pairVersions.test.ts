import { nameKey, pairVersions, type VersionFile } from "./pairVersions";
import { unitKey } from "../rules/utils/between";

const f = (relative: string, unit = ""): VersionFile => ({ file: `x/${relative}`, relative, unit });
const names = (p: ReturnType<typeof pairVersions>) => ({
  pairs: p.pairs.map((x) => `${x.before.relative}→${x.after.relative} (${x.by})`),
  onlyAfter: p.onlyAfter.map((x) => x.relative),
  onlyBefore: p.onlyBefore.map((x) => x.relative),
});

describe("pairVersions", () => {
  test("the unit decides, whatever the files are called; in the new folder's order", () => {
    const before = [f("a.xlsx", "湘潭县林业局"), f("b.xlsx", "湘潭县水利局")];
    const after = [f("水利局（修改后）.xlsx", "湘潭县 水利局"), f("林业.xlsx", "湘潭县林业局")];
    expect(names(pairVersions(before, after))).toEqual({
      pairs: ["b.xlsx→水利局（修改后）.xlsx (unit)", "a.xlsx→林业.xlsx (unit)"],
      onlyAfter: [],
      onlyBefore: [],
    });
  });

  test("files without a unit, or whose unit is in two files, pair by name", () => {
    const before = [f("乡镇/统计表.xlsx"), f("甲.xlsx", "某局"), f("乙.xls", "某局")];
    const after = [f("乡镇/统计表-修改版.xlsx"), f("甲-标注.xlsx", "某局"), f("乙.xlsx", "某局")];
    expect(names(pairVersions(before, after)).pairs).toEqual([
      "乡镇/统计表.xlsx→乡镇/统计表-修改版.xlsx (name)",
      "甲.xlsx→甲-标注.xlsx (name)",
      "乙.xls→乙.xlsx (name)",
    ]);
  });

  test("what nothing answers is listed on its side; a name already paired by unit is not used twice", () => {
    const before = [f("a.xlsx", "甲局"), f("b.xlsx", "乙局"), f("old-only.xlsx", "丙局")];
    // b.xlsx is now 甲局's file, and a.xlsx 丁局's
    const after = [f("b.xlsx", "甲局"), f("a.xlsx", "丁局"), f("new.xlsx", "戊局")];
    expect(names(pairVersions(before, after))).toEqual({
      pairs: ["a.xlsx→b.xlsx (unit)"],
      onlyAfter: ["a.xlsx", "new.xlsx"],
      onlyBefore: ["b.xlsx", "old-only.xlsx"],
    });
  });

  test("the same name with two different units is two units' files; with one unit missing it pairs", () => {
    expect(names(pairVersions([f("表.xlsx", "甲局")], [f("表.xlsx", "乙局")])).pairs).toEqual([]);
    expect(names(pairVersions([f("表.xlsx", "甲局")], [f("表.xlsx")])).pairs).toEqual(["表.xlsx→表.xlsx (name)"]);
  });

  test("two old files of the same name in different folders do not pair with one new file", () => {
    const before = [f("一/表.xlsx"), f("二/表.xlsx")];
    const after = [f("表.xlsx")];
    expect(names(pairVersions(before, after))).toEqual({ pairs: [], onlyAfter: ["表.xlsx"], onlyBefore: ["一/表.xlsx", "二/表.xlsx"] });
  });
});

describe("keys", () => {
  test.each([
    ["报表.xlsx", "报表"],
    ["报表（修改后）.xlsx", "报表"],
    ["报表(第2版).XLSX", "报表"],
    ["报表_v3.xlsx", "报表"],
    ["报表 重报.xlsx", "报表"],
    ["报表-标注.xlsx", "报表"],
    ["乡镇\\报表.xls", "乡镇/报表"],
    // a name that merely ends in a word is kept
    ["执法修改.xlsx", "执法修改"],
  ])("nameKey(%s) = %s", (name, key) => expect(nameKey(name)).toBe(key));

  test("units are keyed as the rules between tables key them: spaces and widths folded", () => {
    expect(unitKey(" 湘潭县　市场监管局（本级） ")).toBe("湘潭县市场监管局(本级)");
    expect(unitKey("湘潭县市场监管局")).not.toBe(unitKey("湘潭市市场监管局"));
  });
});
