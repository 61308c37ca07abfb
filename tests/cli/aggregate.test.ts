import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import { run, tempDir } from "./run";
import { unitSeedOptions, writeSeedXlsx } from "../helpers/xlsx";
import { readWorkbookFast } from "../../src/host/xlsx/fastReader";
import { analyse } from "../../src/check/analyse";
import type { RecognisedColumnTable, RecognisedYearlyTable } from "../../src/engine/model";

const tmp = tempDir("aggregate");
afterAll(() => tmp.cleanup());

async function unitFile(name: string, unit: string, penalty: [number, number], year = 2024) {
  return writeSeedXlsx(tmp.path(name), unitSeedOptions(unit, penalty, year));
}

describe("xzzf aggregate", () => {
  test("sums two units into one report that reads back with the totals and recomputed ratios", async () => {
    const a = await unitFile("a.xlsx", "甲局", [7, 9]);
    const b = await unitFile("b.xlsx", "乙局", [6, 7]);
    const out = tmp.path("total.xlsx");
    const r = await run(["aggregate", a, b, "--out", out, "--unit", "某县汇总"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("甲局、乙局");
    const back = analyse(readWorkbookFast(new Uint8Array(readFileSync(out))));
    const a2 = back.tables.find((t) => t.id === "A2") as RecognisedYearlyTable;
    const penalty = a2.blocks[0].categories.penalty;
    expect([penalty.prior.raw, penalty.current.raw]).toEqual([13, 16]);
    expect(penalty.ratio?.raw).toBe("+23.08%");
    expect(a2.blocks[0].unit.raw).toBe("某县汇总");
    const a5 = back.tables.find((t) => t.id === "A5") as RecognisedColumnTable;
    expect(a5.rows.filter((x) => x.inUse).map((x) => x.cells.name.raw)).toEqual(["甲局", "乙局"]);
    expect(back.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("a folder of the units' files (or a pattern, as cmd.exe passes it on) stands for them", async () => {
    const dir = tmp.path("units");
    mkdirSync(dir);
    await unitFile("units/a.xlsx", "甲局", [7, 9]);
    await unitFile("units/b.xlsx", "乙局", [6, 7]);
    for (const arg of [dir, join(dir, "*.xlsx")]) {
      const out = tmp.path(`from-folder-${arg === dir ? "dir" : "pattern"}.xlsx`);
      const r = await run(["aggregate", arg, "--out", out]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("甲局、乙局");
      const a2 = analyse(readWorkbookFast(new Uint8Array(readFileSync(out)))).tables.find((t) => t.id === "A2") as RecognisedYearlyTable;
      expect([a2.blocks[0].categories.penalty.prior.raw, a2.blocks[0].categories.penalty.current.raw]).toEqual([13, 16]);
    }
    // the total written into the folder itself: a second run leaves the first total out of the units
    const inside = join(dir, "汇总.xlsx");
    expect((await run(["aggregate", dir, "--out", inside])).code).toBe(0);
    const again = await run(["aggregate", dir, "--out", inside, "--force"]);
    expect(again.stderr).toBe("");
    expect(again.stdout).toContain("甲局、乙局");
    // named as an input, it is one, and is never overwritten
    const explicit = await run(["aggregate", join(dir, "a.xlsx"), inside, "--out", inside, "--force"]);
    expect(explicit.code).toBe(2);
    expect(explicit.stderr).toContain("输出文件不能与输入文件相同");
    // one file is not a total
    const one = await run(["aggregate", join(dir, "a*.xlsx"), "--out", tmp.path("one.xlsx")]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain("aggregate 至少需要两个文件");
  });

  test("refuses mixed years and a unit reported twice, writing nothing", async () => {
    const a = await unitFile("m-a.xlsx", "甲局", [7, 9]);
    const old = await unitFile("m-old.xlsx", "乙局", [1, 3], 2023);
    const twice = await unitFile("m-twice.xlsx", "甲局", [2, 2]);
    const out = tmp.path("never.xlsx");
    const mixed = await run(["aggregate", a, old, "--out", out]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain("报告年度不一致");
    const dup = await run(["aggregate", a, twice, "--out", out]);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain("重复统计");
    expect(() => readFileSync(out)).toThrow();
    const kept = await run(["aggregate", a, twice, "--out", out, "--keep", "甲局=m-twice.xlsx"]);
    expect(kept.code).toBe(0);
    const back = analyse(readWorkbookFast(new Uint8Array(readFileSync(out))));
    const a2 = back.tables.find((t) => t.id === "A2") as RecognisedYearlyTable;
    expect(a2.blocks[0].categories.penalty.current.raw).toBe(2);
  });
});
