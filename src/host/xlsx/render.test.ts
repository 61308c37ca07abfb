import ExcelJS from "exceljs";
import { layoutFor } from "../../templates/layout";
import { seedLayoutOptions } from "../../templates/sample";
import { renderLayout } from "./render";
import { cellOf } from "../../../tests/helpers/xlsx";

async function roundTrip(id: "A2" | "A4", change: (o: ReturnType<typeof seedLayoutOptions>) => ReturnType<typeof seedLayoutOptions> = (o) => o) {
  const layout = layoutFor(id, change(seedLayoutOptions(id)));
  const wb = new ExcelJS.Workbook();
  renderLayout(wb.addWorksheet(layout.sheetName), layout);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  const ws = back.getWorksheet(layout.sheetName);
  if (!ws) throw new Error("sheet missing after round trip");
  return { layout, ws };
}

describe("renderLayout (the printed-form look, read back from the written file)", () => {
  test("title: bold 16pt, centred, merged across the table; 附件N bold", async () => {
    const { layout, ws } = await roundTrip("A2");
    const title = cellOf(ws, "A2");
    expect(title.value).toBe("2024年行政执法案件数据情况统计表");
    expect(title.font).toMatchObject({ bold: true, size: 16 });
    expect(title.alignment).toMatchObject({ horizontal: "center" });
    expect(ws.getCell(2, layout.lastCol + 1).isMerged).toBe(true);
    expect(ws.getCell(2, layout.lastCol + 1).master.address).toBe("A2");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true });
    expect(ws.getRow(2).height).toBeGreaterThan(20);
  });

  test("header cells bold, centred and wrapped with taller rows; body fonts are Chinese form fonts", async () => {
    const { layout, ws } = await roundTrip("A2");
    const header = cellOf(ws, layout.gridTop + 2, 3); // 行政许可(件)
    expect(header.value).toBe("行政许可(件)");
    expect(header.font).toMatchObject({ bold: true });
    expect(header.alignment).toMatchObject({ horizontal: "center", wrapText: true });
    for (const r of layout.headerRows) expect(ws.getRow(r + 1).height).toBeGreaterThanOrEqual(30);
    expect(["宋体", "仿宋"]).toContain(ws.getCell(layout.gridTop + 4, 3).font?.name);
  });

  test("every cell of the grid has thin borders, empty and merged ones included; nothing outside it", async () => {
    const { layout, ws } = await roundTrip("A2");
    for (let r = layout.gridTop; r <= layout.gridBottom; r++) {
      for (let c = 0; c <= layout.lastCol; c++) {
        const b = cellOf(ws, r + 1, c + 1).border;
        expect([r, c, b?.top?.style, b?.left?.style, b?.bottom?.style, b?.right?.style]).toEqual([r, c, "thin", "thin", "thin", "thin"]);
      }
    }
    expect(ws.getCell(2, 3).border?.top).toBeUndefined();
    expect(ws.getCell(layout.gridBottom + 2, 1).border?.top).toBeUndefined();
  });

  test("value cells right-aligned in General format, so a wrongly typed 9.5 stays visible", async () => {
    const { layout, ws } = await roundTrip("A2", (o) => ({ ...o, yearly: { ...o.yearly, values: { ...o.yearly?.values, penalty: [7, 9.5] } } }));
    const body = layout.gridTop + 3;
    const cell = cellOf(ws, body + 1, 14); // N: 行政处罚 current year
    expect(cell.value).toBe(9.5);
    expect(cell.alignment).toMatchObject({ horizontal: "right" });
    expect(cell.numFmt === undefined || cell.numFmt === "General").toBe(true);
  });

  test("ratio cells centred text; explanation cells wrapped top-left with a taller row; notes wrapped left", async () => {
    const { layout, ws } = await roundTrip("A2");
    const body = layout.gridTop + 3;
    const ratio = cellOf(ws, body + 2, 3);
    expect(ratio.alignment).toMatchObject({ horizontal: "center" });
    expect(ratio.numFmt).toBe("@");
    const expl = cellOf(ws, body + 3, 13);
    expect(String(expl.value)).toContain("强化自然资源领域");
    expect(expl.alignment).toMatchObject({ horizontal: "left", vertical: "top", wrapText: true });
    expect(ws.getRow(body + 3).height).toBeGreaterThan(40);
    const note = cellOf(ws, layout.gridBottom + 2, 1);
    expect(String(note.value)).toMatch(/^填表说明：/);
    expect(note.alignment).toMatchObject({ horizontal: "left", wrapText: true });
  });

  test("column widths from the layout; landscape A4 fitted to one page wide", async () => {
    const { layout, ws } = await roundTrip("A4");
    layout.colWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBeCloseTo(w, 1));
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  test("every layout value lands in its cell", async () => {
    const { layout, ws } = await roundTrip("A4");
    for (const c of layout.cells) {
      const v = cellOf(ws, c.row + 1, c.col + 1).value;
      expect([c.row, c.col, v ?? null]).toEqual([c.row, c.col, c.value]);
    }
  });
});
