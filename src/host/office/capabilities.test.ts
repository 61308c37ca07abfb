import { detectCapabilities } from "./capabilities";

/** What an Excel answering ExcelApi 1.1 … 1.`level` says. */
const upTo = (level: number) => (name: string, version?: string) => name === "ExcelApi" && Number((version ?? "1.1").split(".")[1]) <= level;

describe("detectCapabilities", () => {
  test("Office 2016 (ExcelApi 1.1 only): nothing beyond 1.1, and a cost sentence for each missing set", () => {
    const d = detectCapabilities(upTo(1));
    expect(d.api.level).toBe(1);
    expect(d.api.mergedAreas || d.api.bindings || d.api.names || d.api.createWorkbook || d.api.insertFromBase64).toBe(false);
    expect(d.api.merge || d.api.formatSize || d.api.setVisibility || d.api.orNull || d.api.fillTint || d.api.comments || d.api.notes).toBe(false);
    const sets = new Set(d.costs.map((c) => c.requires));
    expect(sets).toEqual(new Set(["ExcelApi 1.2", "ExcelApi 1.4", "ExcelApi 1.8", "ExcelApi 1.9", "ExcelApi 1.10", "ExcelApi 1.13"]));
    for (const c of d.costs) {
      expect(c.message).toContain(c.requires);
      expect(c.message).toMatch(/[\u4e00-\u9fff]/);
      expect(c.messageEn).toContain(c.requires);
    }
    expect(d.costs.map((c) => c.message)).toContain("您的 Excel 版本不支持批注（需要 ExcelApi 1.10），问题说明只在任务窗格中显示，单元格只以底色标记。");
  });

  test("ExcelApi 1.10–1.17: comments carry the messages, and the missing notes are named", () => {
    const d = detectCapabilities(upTo(14));
    expect(d.api.mergedAreas).toBe(true);
    expect(d.api.comments && d.api.commentOrNull && !d.api.notes).toBe(true);
    expect(d.costs.map((c) => c.requires)).toEqual(["ExcelApi 1.18"]);
  });

  test("ExcelApi 1.18: everything, no cost", () => {
    const d = detectCapabilities(upTo(18));
    expect(d.api.mergedAreas && d.api.bindings && d.api.names && d.api.createWorkbook && d.api.comments && d.api.notes).toBe(true);
    expect(d.costs).toEqual([]);
  });

  test("sets are cumulative: a host claiming 1.10 but not 1.2 is treated as 1.1", () => {
    const d = detectCapabilities((_n, v) => v === "1.10" || v === "1.1");
    expect(d.api.level).toBe(1);
    expect(d.api.comments || d.api.notes).toBe(false);
  });

  test("a host whose isSetSupported throws counts as ExcelApi 1.1", () => {
    const d = detectCapabilities(() => {
      throw new Error("unknown set");
    });
    expect(d.api.level).toBe(1);
  });
});
