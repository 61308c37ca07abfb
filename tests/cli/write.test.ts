/** The writing commands: ratios, annotate, template. Outputs are read back and compared cell by cell. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import ExcelJS from "exceljs";
import { run, tempDir } from "./run";
import { cellOf, writeSeedXlsx } from "../helpers/xlsx";
import { readWorkbookFast } from "../../src/host/xlsx/fastReader";
import { analyse } from "../../src/check/analyse";
import type { CellValue, WorkbookSnapshot } from "../../src/grid/grid";
import { toA1 } from "../../src/grid/grid";
import { readState, STATE_SHEET } from "../../src/engine/stateSheet";
import { AUDIT_SHEET } from "../../src/flows/auditReport";
import { MARK_FILLS } from "../../src/host/types";
import { buildCase } from "../helpers/corpus";

const tmp = tempDir("write");
afterAll(() => tmp.cleanup());

let seed: string;
beforeAll(async () => {
  seed = await writeSeedXlsx(tmp.path("seed.xlsx"));
});

const A2 = "附件2 执法案件";
const A3 = "附件3 涉企执法";

function snap(path: string): WorkbookSnapshot {
  return readWorkbookFast(new Uint8Array(readFileSync(path)));
}

/** Every non-empty cell of the sheets other than the state and report sheets, as sheet!A1 → value. */
function cells(s: WorkbookSnapshot): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const sheet of s.sheets) {
    if (sheet.name === STATE_SHEET || sheet.name === AUDIT_SHEET) continue;
    sheet.values.forEach((row, r) => row?.forEach((v, c) => v !== null && v !== undefined && out.set(`${sheet.name}!${toA1(r, c)}`, v)));
  }
  return out;
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

describe("xzzf ratios", () => {
  test("a folder given as the input: one Chinese sentence naming it, exit 2, nothing written", async () => {
    const folder = tmp.path("a-folder.xlsx");
    mkdirSync(folder);
    const out = tmp.path("from-folder.xlsx");
    const r = await run(["ratios", folder, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`“${folder}”是文件夹，不是文件。`);
    expect(existsSync(out)).toBe(false);
  });

  test("fills every 同比变化 cell with the spec's ratios as text; every other cell unchanged", async () => {
    const out = tmp.path("ratios.xlsx");
    const r = await run(["ratios", seed, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("附件2!M8 行政处罚(件)：+28.57%");
    expect(r.stdout).toContain("已填写 21 个同比变化单元格（其中替换原有内容 0 个）");
    const before = cells(snap(seed));
    const after = cells(snap(out));
    const changed = [...after.keys()].filter((k) => before.get(k) !== after.get(k));
    for (const k of before.keys()) if (!after.has(k)) changed.push(`removed ${k}`);
    expect(changed.sort()).toEqual(
      [
        ...["C8", "E8", "G8", "I8", "K8", "M8", "O8", "Q8", "S8", "U8"].map((a) => `${A2}!${a}`),
        ...["C8", "E8", "G8", "I8", "K8", "M8", "O8", "Q8", "S8", "U8", "W8"].map((a) => `${A3}!${a}`),
      ].sort(),
    );
    expect(after.get(`${A2}!M8`)).toBe("+28.57%");
    expect(after.get(`${A2}!S8`)).toBe("+389.63%");
    expect(after.get(`${A2}!C8`)).toBe("0.00%");
    expect(after.get(`${A3}!C8`)).toBe("+20.00%");
    expect(after.get(`${A3}!I8`)).toBe("+233.04%");
    // the engine now has no ratio-missing and no ratio-wrong
    const rules = analyse(snap(out)).findings.map((f) => f.rule);
    expect(rules).not.toContain("ratio-missing");
    expect(rules).not.toContain("ratio-wrong");
    expect(rules).toHaveLength(46 - 21);
  });

  test("says what it replaced", async () => {
    const input = await writeSeedXlsx(tmp.path("ratios-old.xlsx"), {
      change: { A2: (o) => ({ ...o, yearly: { ...o.yearly, ratios: { penalty: "30%" } } }) },
    });
    const r = await run(["ratios", input, "--out", tmp.path("ratios-old-out.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("附件2!M8 行政处罚(件)：+28.57%，替换原值 “30%”");
    expect(r.stdout).toContain("其中替换原有内容 1 个");
  });

  test("--formulas writes live formulas with the ratio as cached result", async () => {
    const out = tmp.path("ratios-formulas.xlsx");
    expect((await run(["ratios", seed, "--out", out, "--formulas"])).code).toBe(0);
    const s = snap(out).sheets.find((x) => x.name === A2);
    expect(s?.formulas?.M8).toMatch(/^=IF\(OR\(M7="",N7=""\)/);
    expect(s?.values[7][12]).toBe("+28.57%");
  });

  test("never overwrites the input; an existing --out only with --force", async () => {
    const same = await run(["ratios", seed, "--out", seed]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("输出文件不能与输入文件相同");
    const sameRelative = await run(["ratios", seed, "--out", `${tmp.dir}/./seed.xlsx`]);
    expect(sameRelative.code).toBe(2);

    const existing = tmp.path("exists.xlsx");
    writeFileSync(existing, "keep me");
    const refused = await run(["ratios", seed, "--out", existing]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("已存在；如要覆盖请加 --force");
    expect(readFileSync(existing, "utf8")).toBe("keep me");
    const forced = await run(["ratios", seed, "--out", existing, "--force"]);
    expect(forced.code).toBe(0);
    expect(cells(snap(existing)).get(`${A2}!M8`)).toBe("+28.57%");

    const noOut = await run(["ratios", seed]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("缺少 --out");
  });

  test("an unreadable input: exit 2 with the reader's Chinese message, nothing written", async () => {
    const bad = tmp.path("bad.xlsx");
    writeFileSync(bad, "a,b\n1,2\n");
    const out = tmp.path("bad-out.xlsx");
    const r = await run(["ratios", bad, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/CSV 文件，不是 Excel 工作簿/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("xzzf annotate", () => {
  test("marks every finding (fill + note), adds 审核报告, keeps every value", async () => {
    const out = tmp.path("annotated.xlsx");
    const r = await run(["annotate", seed, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已标注 46 条（错误 0 / 需核实 38 / 提示 8）");

    const s = snap(out);
    expect(cells(s)).toEqual(cells(snap(seed)));
    const report = s.sheets.find((x) => x.name === AUDIT_SHEET);
    expect(report?.values[0]).toEqual(["序号", "规则", "严重程度", "附件", "工作表", "单元格", "问题说明", "审核说明"]);
    expect(report?.values.filter((row) => typeof row?.[0] === "number")).toHaveLength(46);
    expect(report?.values.some((row) => String(row?.[0] ?? "").includes("审核时间：2025-01-31 10:30"))).toBe(true);

    const wb = await load(out);
    const ws = wb.getWorksheet(A2);
    if (!ws) throw new Error("no A2");
    const d7 = cellOf(ws, "D7");
    expect(d7.fill).toMatchObject({ pattern: "solid", fgColor: { argb: `FF${MARK_FILLS.warning.slice(1)}` } });
    expect(String(d7.note)).toMatch(/^【需核实】附件2 行政执法案件数据「行政许可\(件\)」.*（zero-unexplained）$/);
    expect(cellOf(ws, "N7").note).toBeUndefined(); // 行政处罚 2024 has no finding
    expect(wb.getWorksheet(STATE_SHEET)?.state).toBe("veryHidden");
    const marked = new Set(readState(s).marks.map((m) => `${m.sheet}!${m.cell}`));
    const findingCells = new Set(analyse(snap(seed)).findings.map((f) => `${f.sheet}!${f.cell}`));
    expect(marked).toEqual(findingCells);
  });

  test("a WPS-style export whose text cells have no address: annotated, every value where it was", async () => {
    const input = tmp.path("导出系统生成.xlsx");
    writeFileSync(input, await buildCase("wps-inline-strings"));
    const out = tmp.path("导出系统生成-审核.xlsx");
    const r = await run(["annotate", input, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const s = snap(out);
    expect(cells(s)).toEqual(cells(snap(input)));
    const checkedIn = analyse(snap(input)).findings.map((f) => `${f.rule}@${f.cell}`);
    expect(checkedIn.length).toBeGreaterThan(0);
    expect(
      readState(s)
        .marks.map((m) => m.cell)
        .sort(),
    ).toEqual([...new Set(analyse(snap(input)).findings.map((f) => f.cell))].sort());
  });

  test("annotating an annotated file starts from the original formats: a fixed cell loses its old mark", async () => {
    const broken = await writeSeedXlsx(tmp.path("neg.xlsx"), {
      change: { A2: (o) => ({ ...o, yearly: { ...o.yearly, values: { ...o.yearly?.values, penalty: [7, -9] } } }) },
    });
    const once = tmp.path("neg-annotated.xlsx");
    expect((await run(["annotate", broken, "--out", once])).code).toBe(1);
    // the clerk fixes N7 in the annotated copy and annotates again
    const wb = await load(once);
    const ws = wb.getWorksheet(A2);
    if (!ws) throw new Error("no A2");
    expect(cellOf(ws, "N7").note).toMatch(/value-negative/);
    cellOf(ws, "N7").value = 9;
    const fixed = tmp.path("neg-fixed.xlsx");
    writeFileSync(fixed, new Uint8Array(await wb.xlsx.writeBuffer()));
    const twice = tmp.path("neg-annotated-2.xlsx");
    expect((await run(["annotate", fixed, "--out", twice])).code).toBe(0);

    const original = (await load(broken)).getWorksheet(A2);
    const again = (await load(twice)).getWorksheet(A2);
    if (!original || !again) throw new Error("no A2");
    expect(cellOf(again, "N7").note).toBeUndefined();
    expect(cellOf(again, "N7").style).toEqual(cellOf(original, "N7").style);
    expect(readState(snap(twice)).marks.map((m) => `${m.sheet}!${m.cell}`)).not.toContain(`${A2}!N7`);
    expect(cells(snap(twice))).toEqual(cells(snap(seed)));
  });

  test("exit 1 when it marked an error; --out equal to --prior refused", async () => {
    const broken = await writeSeedXlsx(tmp.path("broken.xlsx"), {
      change: { A2: (o) => ({ ...o, yearly: { ...o.yearly, values: { ...o.yearly?.values, penalty: [7, -2] } } }) },
    });
    const out = tmp.path("broken-annotated.xlsx");
    const r = await run(["annotate", broken, "--out", out]);
    expect(r.code).toBe(1);
    const ws = (await load(out)).getWorksheet(A2);
    if (!ws) throw new Error("no A2");
    expect(cellOf(ws, "N7").fill).toMatchObject({ fgColor: { argb: `FF${MARK_FILLS.error.slice(1)}` } });
    const last = await writeSeedXlsx(tmp.path("last-2023.xlsx"), { extra: { year: 2023 } });
    const clash = await run(["annotate", seed, "--prior", last, "--out", last]);
    expect(clash.code).toBe(2);
  });
});

describe("xzzf template", () => {
  test("four sheets in the official layout, recognised with the given year, no layout findings", async () => {
    const out = tmp.path("template-2025.xlsx");
    const r = await run(["template", "--year", "2025", "--unit", "某某县自然资源局", "--contact", "张三 0731-12345678", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已生成 2025 年统计表模板");
    const a = analyse(snap(out));
    expect(a.tables.map((t) => [t.id, t.year])).toEqual([
      ["A2", 2025],
      ["A3", 2025],
      ["A4", 2025],
      ["A5", 2025],
    ]);
    expect(a.findings.filter((f) => f.rule.startsWith("layout-"))).toEqual([]);
    expect(a.findings.filter((f) => f.rule === "meta-contact")).toEqual([]);
    expect(a.tables[0].unitFromLine).toBe("某某县自然资源局");
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["附件2 执法案件", "附件3 涉企执法", "附件4 执法保障", "附件5 两法衔接"]);
    const ws = wb.getWorksheet(A2);
    if (!ws) throw new Error("no A2");
    expect(cellOf(ws, "C6").value).toBe(2024);
    expect(cellOf(ws, "D6").value).toBe(2025);
    expect(cellOf(ws, "A2").font).toMatchObject({ bold: true, size: 16 });
  });

  test("a missing or wrong --year: usage, exit 2", async () => {
    const none = await run(["template", "--out", tmp.path("t1.xlsx")]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("缺少 --year");
    const wrong = await run(["template", "--year", "25", "--out", tmp.path("t2.xlsx")]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("四位年份");
    expect(existsSync(tmp.path("t2.xlsx"))).toBe(false);
  });
});
