/**
 * @jest-environment jsdom
 *
 * The classic pane's other flows over a real OfficeHost on the fake Excel, at ExcelApi 1.1 and 1.18:
 * 计算同比 with its overwrite confirmation, 插入模板, 导入上年数 from a real .xlsx, 审核说明, 审核报告,
 * 生成报送副本 and the settings.
 */
import { screen, waitFor, within } from "@testing-library/dom";
import { analyse } from "../check/analyse";
import type { RecognisedYearlyTable } from "../engine/model";
import { readState } from "../engine/stateSheet";
import { AUDIT_SHEET } from "../flows/auditReport";
import { SEED_UNIT } from "../templates/sample";
import { SHEET_NAMES } from "../templates/tables";
import { FakeWorkbook } from "../../tests/helpers/fakeExcel";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";
import { seedXlsxBytes } from "../../tests/helpers/xlsx";
import { clickCost, idle, mountOn, noticeSaying, rowsWith, unmountAll } from "./testHarness";

afterEach(unmountAll);

function a2Of(book: FakeWorkbook): RecognisedYearlyTable {
  const t = analyse(book.snapshot()).tables.find((x) => x.id === "A2");
  if (!t || t.shape !== "yearly") throw new Error("A2 not recognised");
  return t;
}

function ratioCell(book: FakeWorkbook): { sheet: string; cell: string } {
  const a2 = a2Of(book);
  const slot = a2.blocks[0].categories.penalty.ratio;
  if (!slot) throw new Error("no ratio cell");
  return { sheet: a2.sheet, cell: slot.address };
}

describe.each([1, 18])("ExcelApi 1.%i", (level) => {
  test("计算同比 over a cell holding something else: old → new listed, focus on confirm; cancel and Escape change nothing; confirm writes", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
    const { sheet, cell } = ratioCell(book);
    book.sheet(sheet).setValue(cell, "+30.00%");
    const { user } = mountOn(book);

    await user.click(screen.getByTestId("fill-ratios"));
    const list = await screen.findByTestId("overwrite-list");
    const rows = within(list).getAllByTestId("overwrite");
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain(`${sheet}!${cell}`);
    expect(rows[0].textContent).toContain("+30.00%");
    expect(rows[0].textContent).toContain("+28.57%");
    expect(screen.getByRole("alertdialog")).toBeTruthy();
    expect(document.activeElement?.getAttribute("data-testid")).toBe("confirm-overwrite");
    await user.click(screen.getByTestId("cancel-overwrite"));
    await noticeSaying("已取消");
    expect(screen.queryByTestId("overwrite-list")).toBeNull();
    expect(book.sheet(sheet).value(cell)).toBe("+30.00%");

    await user.click(screen.getByTestId("fill-ratios"));
    await screen.findByTestId("overwrite-list");
    await user.keyboard("{Escape}");
    await noticeSaying("已取消");
    expect(book.sheet(sheet).value(cell)).toBe("+30.00%");

    await user.click(screen.getByTestId("fill-ratios"));
    await user.click(await screen.findByTestId("confirm-overwrite"));
    await noticeSaying(/已写入 \d+ 个同比单元格/);
    expect(book.sheet(sheet).value(cell)).toBe("+28.57%");
    expect(analyse(book.snapshot()).findings.filter((f) => f.rule === "ratio-wrong" || f.rule === "ratio-missing")).toEqual([]);
  });

  test("插入模板 on an empty workbook inserts the four sheets, with the year, unit and contact typed, and remembers them", async () => {
    const book = new FakeWorkbook({ level });
    book.addSheet("Sheet1");
    const { user } = mountOn(book);
    await user.click(screen.getByTestId("insert-templates"));
    const year = (await screen.findByTestId("template-year")) as HTMLInputElement;
    await waitFor(() => expect(year.value).toBe(String(new Date().getFullYear() - 1)));
    await idle();
    expect(screen.getByTestId("insert-templates").getAttribute("aria-pressed")).toBe("true");
    await user.type(screen.getByLabelText("执法单位"), "某县司法局");
    await user.type(screen.getByLabelText("联系人和联系方式"), "李四13800000000");
    await user.click(screen.getByTestId("insert-templates-confirm"));
    await noticeSaying("已插入");
    for (const name of Object.values(SHEET_NAMES)) expect(book.find(name)).toBeDefined();
    const tables = analyse(book.snapshot()).tables;
    expect(tables.map((t) => t.id)).toEqual(["A2", "A3", "A4", "A5"]);
    expect(tables[0]).toMatchObject({ year: new Date().getFullYear() - 1, unitFromLine: "某县司法局" });
    expect(localStorage.getItem("xzzf.templateDefaults")).toContain("李四13800000000");
    expect((screen.getByTestId("insert-templates-confirm") as HTMLButtonElement).disabled).toBe(true);
  });

  test("导入上年数 from last year's .xlsx: preview, conflicts unticked, only ticked rows written", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot({ year: 2025, yearly: { unit: SEED_UNIT } }), { level });
    const a2 = a2Of(book);
    const cats = a2.blocks[0].categories;
    const conflict = `${a2.sheet}!${cats.penalty.prior.address}`;
    const fill = `${a2.sheet}!${cats.fines.prior.address}`;
    book.sheet(a2.sheet).setValue(cats.penalty.prior.address, 8);
    const bytes = await seedXlsxBytes();
    const { user } = mountOn(book);

    await user.click(screen.getByTestId("import-prior"));
    const input = screen.getByLabelText(/上年的报表文件/);
    expect(input.getAttribute("data-testid")).toBe("import-file");
    await user.upload(input, new File([bytes as Uint8Array<ArrayBuffer>], "2024年报表.xlsx"));
    await screen.findByTestId("import-preview");
    await idle();
    expect(screen.getByText("文件：2024年报表.xlsx")).toBeTruthy();

    const row = (id: string) => rowsWith("import-row", "data-cell", id)[0];
    expect(row(conflict).getAttribute("data-action")).toBe("conflict");
    expect(row(conflict).textContent).toContain("8 → 9");
    expect((within(row(conflict)).getByRole("checkbox") as HTMLInputElement).checked).toBe(false);
    expect(row(fill).getAttribute("data-action")).toBe("fill");
    expect((within(row(fill)).getByRole("checkbox") as HTMLInputElement).checked).toBe(true);

    await user.click(within(row(fill)).getByRole("checkbox"));
    expect((within(row(fill)).getByRole("checkbox") as HTMLInputElement).checked).toBe(false);
    // The tick keeps focus through the rebuild.
    expect(document.activeElement).toBe(within(row(fill)).getByRole("checkbox"));
    const ticked = screen.getAllByRole("checkbox").filter((c) => (c as HTMLInputElement).checked).length;
    expect(ticked).toBeGreaterThan(0);
    expect(screen.getByTestId("import-apply").textContent).toBe(`写入选中的 ${ticked} 项`);
    await user.click(screen.getByTestId("import-apply"));
    await noticeSaying(`已写入 ${ticked} 个上年数`);

    expect(book.sheet(a2.sheet).value(cats.penalty.prior.address)).toBe(8);
    expect(book.sheet(a2.sheet).value(cats.fines.prior.address)).toBeNull();
    expect(book.sheet(a2.sheet).value(cats.permit.prior.address)).toBe(0);
    expect(readState(book.snapshot()).prior).toContainEqual(expect.objectContaining({ table: "A2", key: "penalty", value: 9 }));
  });

  test("a 审核说明 on a warning outside 附件2/3 is saved in the workbook and shown, without selecting the cell", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
    const a4 = analyse(book.snapshot()).tables.find((t) => t.id === "A4");
    if (!a4 || a4.shape !== "columns") throw new Error("A4 not recognised");
    const cell = a4.rows[0].cells.certified.address;
    book.sheet(a4.sheet).setValue(cell, 99);
    const { user } = mountOn(book);
    await clickCost(book, user, "validate");
    const rowAt = () =>
      screen
        .getAllByTestId("finding")
        .filter((r) => r.getAttribute("data-sheet") === a4.sheet && r.getAttribute("data-cell") === cell && r.getAttribute("data-severity") === "warning")[0];
    expect(book.sheet(a4.sheet).fill(cell)).not.toBeNull();

    await user.click(within(rowAt()).getByRole("button", { name: /填写审核说明/ }));
    const input = within(rowAt()).getByTestId("note-input");
    expect(document.activeElement).toBe(input);
    await user.type(input, "含二级机构持证人员");
    await user.click(within(rowAt()).getByTestId("note-save"));
    await noticeSaying("审核说明已保存在工作簿中。");
    expect(book.selection).toBeNull();
    expect(readState(book.snapshot()).notes).toEqual([expect.objectContaining({ sheet: a4.sheet, cell, text: "含二级机构持证人员" })]);
    expect(within(rowAt()).getByTestId("finding-explanation").textContent).toContain("含二级机构持证人员");

    await clickCost(book, user, "validate");
    expect(within(rowAt()).getByTestId("finding-explanation").textContent).toContain("含二级机构持证人员");
    // An answered warning is satisfied: listed, no longer marked.
    expect(book.sheet(a4.sheet).fill(cell)).toBeNull();
  });

  test("生成报送副本: the notice says what was made and, below 1.8, how to move it", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
    const { user } = mountOn(book, { submission: true });
    await clickCost(book, user, "submission-copy");
    const n = screen.getByTestId("notice");
    if (level < 8) {
      expect(n.textContent).toContain("「报送-附件2」、「报送-附件3」、「报送-附件4」、「报送-附件5」");
      expect(n.textContent).toContain("移动或复制");
      expect(n.getAttribute("data-intent")).toBe("info");
    } else {
      expect(book.createdWorkbooks).toHaveLength(1);
      expect(n.getAttribute("data-intent")).toBe("success");
      expect(n.textContent).toContain("新打开的工作簿");
    }
  });
});

test("生成报送副本 is offered only when the entry passes it", () => {
  mountOn(FakeWorkbook.fromSnapshot(seedSnapshot(), { level: 1 }));
  expect(screen.queryByTestId("submission-copy")).toBeNull();
});

test("审核报告 writes the report sheet", async () => {
  const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level: 1 });
  const { user } = mountOn(book);
  await clickCost(book, user, "audit-report");
  await noticeSaying(AUDIT_SHEET);
  expect(book.find(AUDIT_SHEET)).toBeDefined();
});

test("warnings of 附件2/3 offer no 审核说明", async () => {
  const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level: 18 });
  const { user } = mountOn(book);
  await clickCost(book, user, "validate");
  expect(screen.getAllByTestId("finding").length).toBeGreaterThan(0);
  expect(screen.queryByText("填写审核说明")).toBeNull();
});

describe("settings", () => {
  test("an invalid threshold is refused before the workbook is touched", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level: 1 });
    const { user } = mountOn(book);
    await user.click(screen.getByRole("button", { name: "设置" }));
    const input = screen.getByLabelText(/变化幅度阈值/);
    expect(input.getAttribute("data-testid")).toBe("threshold");
    await user.clear(input);
    await user.type(input, "0");
    const before = book.syncCount;
    await user.click(screen.getByTestId("validate"));
    expect((await noticeSaying(/变化幅度阈值.*“0”/)).getAttribute("data-intent")).toBe("error");
    expect(book.syncCount).toBe(before);
  });

  test("the threshold reaches the check and survives the settings being folded", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level: 18 });
    const a2 = a2Of(book);
    const explanation = a2.blocks[0].categories.fines.explanation;
    if (!explanation) throw new Error("no explanation cell");
    book.sheet(a2.sheet).setValue(explanation.address, null);
    const { user } = mountOn(book);
    const changeRows = () => screen.queryAllByTestId("finding").filter((r) => r.getAttribute("data-rule") === "change-unexplained");
    await clickCost(book, user, "validate");
    expect(changeRows().length).toBeGreaterThan(0);
    await user.click(screen.getByRole("button", { name: "设置" }));
    const input = screen.getByTestId("threshold");
    await user.clear(input);
    await user.type(input, "500");
    await user.click(screen.getByRole("button", { name: "设置" }));
    await clickCost(book, user, "validate");
    expect(changeRows()).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "设置" }));
    expect((screen.getByTestId("threshold") as HTMLInputElement).value).toBe("500");
  });

  test("formulas mode writes formulas", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level: 1 });
    const { sheet, cell } = ratioCell(book);
    const { user } = mountOn(book);
    await user.click(screen.getByRole("button", { name: "设置" }));
    expect((screen.getByTestId("ratio-mode-values") as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByTestId("ratio-mode-formulas"));
    await clickCost(book, user, "fill-ratios");
    await noticeSaying("已写入");
    expect(book.sheet(sheet).cell(cell)?.formula).toMatch(/^=/);
  });
});
