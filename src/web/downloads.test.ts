import ExcelJS from "exceljs";
import { analyse } from "../check/analyse";
import type { WorkbookSnapshot } from "../grid/grid";
import { STATE_SHEET } from "../engine/stateSheet";
import { AUDIT_SHEET } from "../flows/auditReport";
import { MARK_FILLS } from "../host/types";
import { ExcelJSHost } from "../host/xlsx/exceljsHost";
import { layoutFor } from "../templates/layout";
import { seedLayoutOptions } from "../templates/sample";
import { SHEET_NAMES } from "../templates/tables";
import { a1, ratioAt } from "../../tests/helpers/layoutCells";
import { seedXlsxBytes, withYearly } from "../../tests/helpers/xlsx";
import { annotatedCopy, copyName, finishRatioCopy, prepareRatioCopy } from "./downloads";
import { openWorkbookBytes, readWithFastReader, WebHost, type HostFactory } from "./webHost";
import { validate } from "../app/actions";

const factory: HostFactory = { fromBytes: (b) => ExcelJSHost.fromBytes(b), empty: async () => ExcelJSHost.empty() };
const A2 = SHEET_NAMES.A2;
const A2_LAYOUT = layoutFor("A2", seedLayoutOptions("A2"));

async function open(bytes: Uint8Array): Promise<WebHost> {
  return WebHost.open(await ExcelJSHost.fromBytes(bytes), "报表.xlsx");
}

function tableSheets(s: WorkbookSnapshot) {
  return s.sheets.filter((x) => x.name !== STATE_SHEET && x.name !== AUDIT_SHEET).map((x) => ({ name: x.name, values: x.values, merges: x.merges }));
}

/** A cell's fill colour and note text, as a spreadsheet shows them. */
function markOf(wb: ExcelJS.Workbook, sheet: string, address: string): { argb: string | undefined; note: string | undefined } {
  return describeCell(wb.getWorksheet(sheet)!.getCell(address));
}

function describeCell(c: ExcelJS.Cell): { argb: string | undefined; note: string | undefined } {
  const argb = (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
  const n = c.note;
  return { argb, note: n === undefined || typeof n === "string" ? n : (n.texts ?? []).map((t) => t.text).join("") };
}

async function excel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe("copyName", () => {
  it("puts the kind after the original name", () => {
    expect(copyName("2024年统计表.xlsx", "annotated")).toBe("2024年统计表-标注.xlsx");
    expect(copyName("a.XLSX", "ratios")).toBe("a-同比.xlsx");
    expect(copyName("a", "submission")).toBe("a-报送.xlsx");
    expect(copyName("旧表.xls", "annotated")).toBe("旧表-标注.xlsx");
    expect(copyName("宏.XLSM", "annotated")).toBe("宏-标注.xlsx");
  });
});

describe("annotatedCopy", () => {
  it("marks every finding and adds the 审核报告, leaving values and the open workbook unchanged", async () => {
    const original = await seedXlsxBytes({ change: { A2: withYearly("penalty", [7, -9]) } });
    const host = await open(original);
    const { bytes, analysis } = await annotatedCopy(host, factory, { file: "报表.xlsx", checkedAt: new Date(2025, 0, 31, 9, 5) });

    const expected = analyse(await (await ExcelJSHost.fromBytes(original)).readSnapshot());
    expect(analysis.findings).toEqual(expected.findings);
    expect(expected.findings.some((f) => f.rule === "value-negative")).toBe(true);

    const copy = await ExcelJSHost.fromBytes(bytes);
    const copied = await copy.readSnapshot();
    expect(tableSheets(copied)).toEqual(tableSheets(await (await ExcelJSHost.fromBytes(original)).readSnapshot()));
    expect(analyse(copied).findings).toEqual(expected.findings);

    const wb = await excel(bytes);
    const worst = new Map<string, string>();
    const order = { error: 0, warning: 1, info: 2 };
    for (const f of expected.findings) {
      const k = `${f.sheet}!${f.cell}`;
      const seen = worst.get(k);
      if (!seen || order[f.severity] < order[seen as keyof typeof order]) worst.set(k, f.severity);
    }
    for (const f of expected.findings) {
      const { argb, note } = markOf(wb, f.sheet, f.cell);
      expect(argb).toBe(`FF${MARK_FILLS[worst.get(`${f.sheet}!${f.cell}`) as keyof typeof MARK_FILLS].slice(1)}`);
      expect(note).toContain(f.message);
    }
    const report = wb.getWorksheet(AUDIT_SHEET)!;
    expect(report).toBeDefined();
    expect(report.getRow(1).getCell(1).value).toBe("序号");
    expect(report.getRow(expected.findings.length + 1).getCell(1).value).toBe(expected.findings.length);

    // The open workbook has neither marks nor a report.
    const live = await host.readSnapshot();
    expect(live.sheets.map((s) => s.name)).not.toContain(AUDIT_SHEET);
    expect(live.sheets.map((s) => s.name)).not.toContain(STATE_SHEET);
  });

  it("drops marks of an earlier check from cells that have no finding now", async () => {
    const host = await open(await seedXlsxBytes());
    const findings = analyse(await host.readSnapshot()).findings;
    expect(findings.some((f) => f.sheet === A2 && f.cell === "A1")).toBe(false);
    await host.mark([{ sheet: A2, address: "A1", severity: "error", message: "旧标记" }]);
    const { bytes } = await annotatedCopy(host, factory, { checkedAt: new Date() });
    expect(markOf(await excel(bytes), A2, "A1")).toEqual({ argb: undefined, note: undefined });
  });
});

describe("ratio copy", () => {
  const penalty = a1(ratioAt(A2_LAYOUT, "penalty"));
  const fines = a1(ratioAt(A2_LAYOUT, "fines"));
  const permit = a1(ratioAt(A2_LAYOUT, "permit"));

  async function ratiosOf(bytes: Uint8Array) {
    const s = await (await ExcelJSHost.fromBytes(bytes)).readSnapshot();
    const sheet = s.sheets.find((x) => x.name === A2)!;
    const at = (addr: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
      const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return sheet.values[Number(m[2]) - 1]?.[col] ?? null;
    };
    return { penalty: at(penalty), fines: at(fines), permit: at(permit) };
  }

  it("fills the empty ratio cells with the seed's ratios (rules.md) and writes nothing to the open workbook", async () => {
    const host = await open(await seedXlsxBytes());
    const prepared = await prepareRatioCopy(host, factory);
    expect(prepared.plan.overwrites).toEqual([]);
    const bytes = await finishRatioCopy(prepared, false);
    expect(await ratiosOf(bytes)).toEqual({ penalty: "+28.57%", fines: "+389.63%", permit: "0.00%" });
    expect(await ratiosOf(await host.toBytes())).toEqual({ penalty: null, fines: null, permit: null });
  });

  it("keeps a differing ratio the user typed unless they confirmed overwriting it", async () => {
    const bytes = await seedXlsxBytes({ change: { A2: (o) => ({ ...o, yearly: { ...o.yearly, ratios: { penalty: "30%" } } }) } });
    const host = await open(bytes);
    const prepared = await prepareRatioCopy(host, factory);
    expect(prepared.plan.overwrites.map((i) => i.cell)).toEqual([penalty]);
    expect(await ratiosOf(await finishRatioCopy(prepared, false))).toEqual({ penalty: "30%", fines: "+389.63%", permit: "0.00%" });
    const again = await prepareRatioCopy(host, factory);
    expect(await ratiosOf(await finishRatioCopy(again, true))).toEqual({ penalty: "+28.57%", fines: "+389.63%", permit: "0.00%" });
  });
});

describe("copies of the page's workbook (fast reader, changes replayed on ExcelJS)", () => {
  /** Every sheet's values, fills and notes as ExcelJS reads them back. */
  async function cellsOf(bytes: Uint8Array) {
    const wb = await excel(bytes);
    return wb.worksheets.map((ws) => {
      const cells: Record<string, unknown> = {};
      ws.eachRow((row) => row.eachCell((c) => (cells[c.address] = { value: c.value, ...describeCell(c) })));
      return { name: ws.name, state: ws.state, cells };
    });
  }

  it("are the copies made from the file opened with ExcelJS, after the same 校验", async () => {
    const original = await seedXlsxBytes({ change: { A2: withYearly("penalty", [7, -9]) } });
    const page = await openWorkbookBytes(original, "报表.xlsx", readWithFastReader, async () => factory);
    const reference = await open(original);
    await validate(page);
    await validate(reference);
    const meta = { file: "报表.xlsx", checkedAt: new Date(2025, 0, 31, 9, 5) };
    expect(await cellsOf((await annotatedCopy(page, factory, meta)).bytes)).toEqual(await cellsOf((await annotatedCopy(reference, factory, meta)).bytes));
    expect(await cellsOf(await page.submissionCopy())).toEqual(await cellsOf(await reference.submissionCopy()));
    const ratios = await finishRatioCopy(await prepareRatioCopy(page, factory), true);
    expect(await cellsOf(ratios)).toEqual(await cellsOf(await finishRatioCopy(await prepareRatioCopy(reference, factory), true)));
  });
});
