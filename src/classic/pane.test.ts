/**
 * @jest-environment jsdom
 *
 * The classic pane on a real OfficeHost over the fake Excel, at ExcelApi 1.1 (Office 2016) and 1.18:
 * what a clerk clicks, the round trips it costs (the modern pane's: 4 cold, 3 warm), and what lands in
 * the workbook.
 */
import { screen, waitFor, within } from "@testing-library/dom";
import { analyse } from "../check/analyse";
import { readState } from "../engine/stateSheet";
import { countBySeverity, SEVERITIES } from "../flows/severity";
import { NOTE_PREFIX } from "../host/office/officeHost";
import { MARK_FILLS } from "../host/types";
import { SHEET_NAMES } from "../templates/tables";
import { FakeWorkbook } from "../../tests/helpers/fakeExcel";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";
import { clickCost, expectedMarkFills, fills, idle, mountOn, noticeSaying, unmountAll } from "./testHarness";

afterEach(unmountAll);

function seededBook(level: number): FakeWorkbook {
  const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
  // The clerk's own highlights, which the marks must give back exactly.
  book.sheet(SHEET_NAMES.A2).setFill("C7", "#92D050");
  book.sheet(SHEET_NAMES.A5).setFill("D6", "#FFFF00");
  return book;
}

test("the root says which pane it is", () => {
  const { root } = mountOn(seededBook(1));
  expect(root.getAttribute("data-pane")).toBe("classic");
  expect(document.querySelector("style[data-xzzf-classic]")).not.toBeNull();
});

describe.each([1, 18])("the classic pane on OfficeHost at ExcelApi 1.%i", (level) => {
  test("校验: 4 round trips cold, 3 warm; the engine's counts; marks in the cells; a finding selects its cell; 清除标记 restores every fill", async () => {
    const book = seededBook(level);
    const userFills = fills(book);
    const expectedMarks = expectedMarkFills(book);
    const expected = countBySeverity(analyse(book.snapshot()).findings);
    const { user } = mountOn(book);

    expect(await clickCost(book, user, "validate")).toBe(4);
    for (const sev of SEVERITIES) expect(screen.getByTestId(`count-${sev}`).textContent).toBe(String(expected[sev]));
    for (const [k, sev] of expectedMarks) {
      const [sheet, cell] = k.split("!");
      expect([k, book.sheet(sheet).fill(cell)]).toEqual([k, MARK_FILLS[sev]]);
    }
    expect(readState(book.snapshot()).marks).toHaveLength(expectedMarks.size);
    if (level >= 18) {
      const [sheet, cell] = [...expectedMarks.keys()][0].split("!");
      expect(book.sheet(sheet).notes.get(cell)?.startsWith(NOTE_PREFIX)).toBe(true);
    }
    // Info is folded, as in the modern pane.
    expect(screen.getAllByTestId("finding")).toHaveLength(expected.error + expected.warning);

    expect(await clickCost(book, user, "validate")).toBe(3);
    for (const sev of SEVERITIES) expect(screen.getByTestId(`count-${sev}`).textContent).toBe(String(expected[sev]));

    // A click on a finding selects its cell in Excel.
    const row = screen.getAllByTestId("finding")[3];
    await user.click(within(row).getAllByRole("button")[0]);
    await waitFor(() => expect(book.selection).toEqual({ sheet: row.getAttribute("data-sheet"), address: row.getAttribute("data-cell") }));

    await clickCost(book, user, "clear-marks");
    expect((await noticeSaying("已清除")).getAttribute("data-intent")).toBe("success");
    expect(fills(book)).toEqual(userFills);
    expect(readState(book.snapshot()).marks).toEqual([]);
    for (const s of book.sheets) expect([...s.notes.values()].filter((n) => n.startsWith(NOTE_PREFIX))).toEqual([]);
  });

  test("a finding is a button: Enter and Space select its cell", async () => {
    const book = seededBook(level);
    const { user } = mountOn(book);
    await clickCost(book, user, "validate");
    const row = screen.getAllByTestId("finding")[0];
    const go = within(row).getAllByRole("button")[0];
    expect(go.tagName).toBe("BUTTON");
    go.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(book.selection).toEqual({ sheet: row.getAttribute("data-sheet"), address: row.getAttribute("data-cell") }));
    book.selection = null;
    const other = screen.getAllByTestId("finding")[1];
    within(other).getAllByRole("button")[0].focus();
    await user.keyboard(" ");
    await waitFor(() => expect(book.selection).toEqual({ sheet: other.getAttribute("data-sheet"), address: other.getAttribute("data-cell") }));
  });

  test("info findings open from their fold", async () => {
    const book = seededBook(level);
    const { user } = mountOn(book);
    await clickCost(book, user, "validate");
    const expected = countBySeverity(analyse(book.snapshot()).findings);
    const infoFold = screen.getByRole("button", { name: /提示/ });
    expect(infoFold.getAttribute("aria-expanded")).toBe("false");
    await user.click(infoFold);
    expect(screen.getAllByTestId("finding")).toHaveLength(expected.error + expected.warning + expected.info);
    expect(screen.getByRole("button", { name: /提示/ }).getAttribute("aria-expanded")).toBe("true");
  });
});

describe("您的 Excel 版本", () => {
  test("ExcelApi 1.1: the costs are listed, folded, in the pane's language", async () => {
    const { host, user } = mountOn(FakeWorkbook.fromSnapshot(seedSnapshot(), { level: 1 }));
    const section = screen.getByTestId("excel-version");
    const header = within(section).getByRole("button", { name: "您的 Excel 版本" });
    expect(header.getAttribute("aria-expanded")).toBe("false");
    await user.click(header);
    const items = within(screen.getByTestId("excel-version")).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual(host.costs.map((c) => c.message));
    expect(items.some((li) => li.getAttribute("data-requires") === "ExcelApi 1.10")).toBe(true);

    await user.click(screen.getByTestId("lang-en"));
    expect(
      within(screen.getByTestId("excel-version"))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(host.costs.map((c) => c.messageEn));
  });

  test("ExcelApi 1.18 costs nothing: no section", () => {
    mountOn(FakeWorkbook.fromSnapshot(seedSnapshot(), { level: 18 }));
    expect(screen.queryByTestId("excel-version")).toBeNull();
  });

  test("a note Excel 1.10 cannot add: the marks stand and the notice says why", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level: 10 });
    const first = [...expectedMarkFills(book).keys()][0].split("!");
    book.sheet(first[0]).notes.set(first[1], "旧式批注");
    const { user } = mountOn(book);
    await clickCost(book, user, "validate");
    const n = await noticeSaying("未能添加问题说明");
    expect(n.getAttribute("data-intent")).toBe("warning");
    expect(book.sheet(first[0]).notes.get(first[1])).toBe("旧式批注");
    expect(book.sheet(first[0]).fill(first[1])).not.toBeNull();
  });
});

describe("language", () => {
  test("中文/English re-renders every text, the findings included, and keeps the results", async () => {
    const book = seededBook(18);
    const { user } = mountOn(book);
    expect(screen.getByTestId("validate").textContent).toBe("校验");
    expect(screen.getByTestId("lang-zh").getAttribute("aria-pressed")).toBe("true");
    await clickCost(book, user, "validate");
    await user.click(screen.getByTestId("lang-en"));
    expect(screen.getByTestId("validate").textContent).toBe("Check");
    expect(screen.getByTestId("fill-ratios").textContent).toBe("Compute change ratios");
    expect(screen.getByTestId("lang-en").getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("main").getAttribute("lang")).toBe("en");
    const first = analyse(book.snapshot()).findings.find((f) => f.severity === "warning");
    expect(screen.getAllByTestId("finding")[0].textContent).toContain(first?.messageEn ?? "missing");
    // The language button keeps focus across the rebuild.
    expect(document.activeElement?.getAttribute("data-testid")).toBe("lang-en");
    await user.click(screen.getByTestId("lang-zh"));
    expect(screen.getByTestId("validate").textContent).toBe("校验");
    expect(screen.getAllByTestId("finding")[0].textContent).toContain(first?.message ?? "missing");
  });

  test("the pane can start in English", () => {
    mountOn(seededBook(1), { lang: "en" });
    expect(screen.getByTestId("clear-marks").textContent).toBe("Clear marks");
  });

  test("the language chosen is remembered on this machine: the next pane starts in it", async () => {
    const { user } = mountOn(seededBook(1));
    await user.click(screen.getByTestId("lang-en"));
    expect(localStorage.getItem("xzzf.lang")).toBe("en");
    unmountAll();
    localStorage.setItem("xzzf.lang", "en");
    mountOn(seededBook(1));
    expect(screen.getByTestId("clear-marks").textContent).toBe("Clear marks");
    expect(screen.getByTestId("lang-en").getAttribute("aria-pressed")).toBe("true");
  });
});

describe("one action at a time", () => {
  test("while an action runs the buttons are disabled and busy shows; a second click does nothing", async () => {
    const book = seededBook(1);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { OfficeHost } = await import("../host/office/officeHost");
    const host = new OfficeHost({ run: (batch) => gate.then(() => book.run(batch)), isSetSupported: book.isSetSupported });
    const { user } = mountOn(book, { host });
    await user.click(screen.getByTestId("validate"));
    expect(screen.getByTestId("busy").textContent).toContain("正在校验");
    for (const id of ["validate", "clear-marks", "fill-ratios", "insert-templates", "recognise", "import-prior", "audit-report"])
      expect((screen.getByTestId(id) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("true");
    await user.click(screen.getByTestId("clear-marks"));
    release();
    await idle();
    await screen.findByTestId("count-error");
    expect(screen.queryByTestId("notice")).toBeNull();
    expect((screen.getByTestId("validate") as HTMLButtonElement).disabled).toBe(false);
  });

  test("a host error becomes a Chinese notice and the pane is usable again", async () => {
    const book = seededBook(1);
    book.editMode = true;
    const { user } = mountOn(book);
    await clickCost(book, user, "validate");
    const n = screen.getByTestId("notice");
    expect(n.getAttribute("data-intent")).toBe("error");
    expect(n.textContent).toMatch(/[\u4e00-\u9fff]/);
    await user.click(within(n).getByRole("button", { name: "关闭提示" }));
    expect(screen.queryByTestId("notice")).toBeNull();
  });
});

describe("hostile workbook text is shown as text", () => {
  const HOSTILE = "<img src=x onerror=alert(1)>";

  test("a sheet name and a cell's text reach findings and 识别 as text; no element is made from them", async () => {
    const snapshot = seedSnapshot();
    const a4 = snapshot.sheets.find((s) => s.name === SHEET_NAMES.A4);
    if (!a4) throw new Error("no A4 sheet");
    a4.name = HOSTILE;
    const book = FakeWorkbook.fromSnapshot(snapshot, { level: 18 });
    const table = analyse(book.snapshot()).tables.find((t) => t.id === "A4");
    if (!table || table.shape !== "columns") throw new Error("A4 not recognised");
    book.sheet(HOSTILE).setValue(table.rows[0].cells.certified.address, HOSTILE);
    const { user, root } = mountOn(book);

    await clickCost(book, user, "validate");
    const rows = screen.getAllByTestId("finding").filter((r) => r.getAttribute("data-sheet") === HOSTILE);
    expect(rows.length).toBeGreaterThan(0);
    const quoting = rows.find((r) => r.getAttribute("data-rule") === "value-not-number");
    expect(quoting?.textContent).toContain(`「${HOSTILE}」`);
    expect(root.getElementsByTagName("img")).toHaveLength(0);

    await clickCost(book, user, "recognise");
    const recognised = screen.getAllByTestId("recognised-table").find((r) => r.getAttribute("data-table") === "A4");
    expect(recognised?.textContent).toContain(HOSTILE);
    expect(root.getElementsByTagName("img")).toHaveLength(0);
  });
});
