/**
 * The batch's downloads made from real workbooks: 审核汇总.xlsx read back with ExcelJS (two sheets,
 * a row per file, every finding), the 汇总 report compared cell by cell with `xzzf aggregate` on the
 * same files, and the refusals (mixed years, a unit twice) naming the files.
 */
import { readFileSync, writeFileSync } from "fs";
import ExcelJS from "exceljs";
import { run, tempDir } from "../../../tests/cli/run";
import { seedXlsxBytes, unitSeedOptions } from "../../../tests/helpers/xlsx";
import { aggregateReport, annotatedZip, findingRows, forThePage, loadBatchFactory, summaryWorkbook, type NamedFile } from "./batchDownloads";
import { checkForBatch } from "./readForBatch";
import type { FileSummary } from "./types";
import { unzipSync } from "fflate";

jest.setTimeout(60_000);

const tmp = tempDir("web-batch");
afterAll(() => tmp.cleanup());

function unitBytes(unit: string, penalty: [number, number], year = 2024): Promise<Uint8Array> {
  return seedXlsxBytes(unitSeedOptions(unit, penalty, year));
}

interface Made {
  files: NamedFile[];
  results: FileSummary[];
  paths: string[];
}

async function make(list: Array<[string, Uint8Array]>): Promise<Made> {
  const files: NamedFile[] = [];
  const results: FileSummary[] = [];
  const paths: string[] = [];
  list.forEach(([name, bytes], i) => {
    files.push({ name, file: new Blob([bytes.slice().buffer as ArrayBuffer]) });
    results.push(checkForBatch(i, name, bytes));
    paths.push(tmp.path(name));
    writeFileSync(tmp.path(name), bytes);
  });
  return { files, results, paths };
}

function sheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const vals = (row.values as unknown[]).slice(1).map((v) => (v === undefined ? null : v));
    while (vals.length && vals[vals.length - 1] === null) vals.pop();
    out[n - 1] = vals;
  });
  return out;
}

let set: Made;
beforeAll(async () => {
  set = await make([
    ["甲局.xlsx", await unitBytes("甲局", [7, -9])],
    ["乙局.xlsx", await unitBytes("乙局", [6, 7])],
    ["空文件.xlsx", new Uint8Array(0)],
    ["旧格式.xlsx", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)])],
  ]);
});

test("审核汇总.xlsx: sheet 汇总 has a row per file with its counts, sheet 问题清单 every finding", async () => {
  const [a, b, empty, xls] = set.results;
  expect(a.counts.error).toBeGreaterThan(0);
  expect(b.counts.error).toBe(0);
  expect(empty.state).toBe("unreadable");
  expect(xls.state).toBe("unreadable");

  const bytes = await summaryWorkbook(set.results, await loadBatchFactory());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "问题清单"]);

  const summary = sheetValues(wb.getWorksheet("汇总")!);
  expect(summary[0]).toEqual(["文件", "单位", "年度", "表格", "错误", "需核实", "提示", "已说明", "状态"]);
  expect(summary).toHaveLength(5);
  expect(summary[1]).toEqual(["甲局.xlsx", "甲局", 2024, "附件2、附件3、附件4、附件5", a.counts.error, a.counts.warning, a.counts.info, 0, "需修改"]);
  expect(summary[2].slice(0, 8)).toEqual(["乙局.xlsx", "乙局", 2024, "附件2、附件3、附件4、附件5", 0, b.counts.warning, b.counts.info, 0]);
  expect(summary[3][0]).toBe("空文件.xlsx");
  expect(summary[3][8]).toBe("无法读取：文件为空（0 字节），请重新导出后再试。");
  expect(String(summary[4][8])).toMatch(/^无法读取：这是旧版 \.xls/);

  const findings = sheetValues(wb.getWorksheet("问题清单")!);
  expect(findings[0]).toEqual(["文件", "单位", "表格", "工作表", "单元格", "规则", "级别", "说明", "审核说明"]);
  const expected = set.results.flatMap((r) => r.findings.map((f) => `${r.name}|${f.sheet}|${f.cell}|${f.rule}|${f.message}`));
  expect(expected.length).toBe(a.findings.length + b.findings.length);
  const listed = findings
    .slice(1)
    .filter((r) => r[5])
    .map((r) => `${r[0]}|${r[3]}|${r[4]}|${r[5]}|${r[7]}`);
  expect(listed).toEqual(expected);
  // each unreadable file is one row with its sentence, as in the CLI's CSV
  expect(
    findings
      .slice(1)
      .filter((r) => r[6] === "无法读取")
      .map((r) => r[0]),
  ).toEqual(["空文件.xlsx", "旧格式.xlsx"]);
  expect(findingRows(set.results)).toHaveLength(1 + expected.length + 2);
});

test("the 汇总 report equals `xzzf aggregate` on the readable files; the unreadable ones are named", async () => {
  const out = await aggregateReport(set.files, set.results, loadBatchFactory, { unit: "某县汇总" });
  if (!out.ok) throw new Error(out.problems.join("\n"));
  expect(out.leftOut).toEqual(["空文件.xlsx", "旧格式.xlsx"]);
  expect(out.units).toEqual(["甲局", "乙局"]);

  const cliOut = tmp.path("cli-total.xlsx");
  const r = await run(["aggregate", set.paths[0], set.paths[1], "--out", cliOut, "--unit", "某县汇总"]);
  expect(r.code).toBe(0);
  const mine = new ExcelJS.Workbook();
  await mine.xlsx.load(out.bytes as unknown as ArrayBuffer);
  const cli = new ExcelJS.Workbook();
  await cli.xlsx.load(readFileSync(cliOut) as unknown as ArrayBuffer);
  expect(mine.worksheets.map((w) => w.name)).toEqual(cli.worksheets.map((w) => w.name));
  for (const ws of cli.worksheets) expect(sheetValues(mine.getWorksheet(ws.name)!)).toEqual(sheetValues(ws));
});

test("refuses mixed years and a unit reported twice, naming the files", async () => {
  const mixed = await make([
    ["甲局-2024.xlsx", await unitBytes("甲局", [7, 9])],
    ["乙局-2023.xlsx", await unitBytes("乙局", [1, 3], 2023)],
  ]);
  const m = await aggregateReport(mixed.files, mixed.results, loadBatchFactory);
  expect(m.ok).toBe(false);
  if (m.ok) return;
  expect(m.problems).toHaveLength(1);
  expect(m.problems[0]).toContain("报告年度不一致");
  expect(m.problems[0]).toContain("2024：甲局-2024.xlsx");
  expect(m.problems[0]).toContain("2023：乙局-2023.xlsx");

  const twice = await make([
    ["甲局-一.xlsx", await unitBytes("甲局", [7, 9])],
    ["甲局-二.xlsx", await unitBytes("甲局", [2, 2])],
    ["乙局.xlsx", await unitBytes("乙局", [2, 2])],
  ]);
  const d = await aggregateReport(twice.files, twice.results, loadBatchFactory);
  expect(d.ok).toBe(false);
  if (d.ok) return;
  expect(d.problems).toEqual(["「甲局」出现在 2 个文件中（甲局-一.xlsx、甲局-二.xlsx），可能重复统计（如委托执法由双方各报一次）；请只保留其中一份后再汇总。"]);
  expect(forThePage('x；请用 --keep "甲局=文件名" 指定保留哪一份。')).toBe("x；请只保留其中一份后再汇总。");
});

test("all annotated copies in one .zip: one copy per readable file, each with the 审核报告 sheet", async () => {
  const readable = set.results.filter((r) => r.state !== "unreadable").map((r) => set.files[r.index]);
  const zip = unzipSync(await annotatedZip(readable, await loadBatchFactory(), new Date(2025, 0, 31)));
  expect(Object.keys(zip)).toEqual(["甲局-标注.xlsx", "乙局-标注.xlsx"]);
  const copy = checkForBatch(0, "甲局-标注.xlsx", zip["甲局-标注.xlsx"]);
  expect(copy.counts).toEqual(set.results[0].counts);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(zip["甲局-标注.xlsx"] as unknown as ArrayBuffer);
  expect(wb.getWorksheet("审核报告")).toBeDefined();
});
