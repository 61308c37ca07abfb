/**
 * The pane on a real OfficeHost over the fake Excel: what a clerk clicks, the round trips it costs, and
 * what lands in the workbook. 校验 is one read plus one mark (which replaces the old marks in the same
 * batch): 3 round trips once the pane knows the sheet names, 4 on the very first click.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { analyse } from "../../src/check/analyse";
import { readState } from "../../src/engine/stateSheet";
import { countBySeverity, SEVERITIES } from "../../src/flows/severity";
import { NOTE_PREFIX, OfficeHost } from "../../src/host/office/officeHost";
import { MARK_FILLS } from "../../src/host/types";
import { SHEET_NAMES } from "../../src/templates/tables";
import { Pane } from "../../src/pane/Pane";
import { FakeWorkbook } from "../helpers/fakeExcel";
import { seedSnapshot } from "../helpers/seedWorkbook";
import "../helpers/domStubs";
import { expectedMarkFills, fills } from "../helpers/markFills";

beforeEach(() => localStorage.clear());

function seededBook(level: number): FakeWorkbook {
  const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
  // The clerk's own highlights, which the marks must give back exactly.
  book.sheet(SHEET_NAMES.A2).setFill("C7", "#92D050");
  book.sheet(SHEET_NAMES.A5).setFill("D6", "#FFFF00");
  return book;
}

function renderPane(book: FakeWorkbook) {
  const host = new OfficeHost({ run: book.run, isSetSupported: book.isSetSupported });
  const user = userEvent.setup();
  render(<Pane host={host} mode="excel" />);
  return { host, user };
}

async function idle() {
  await waitFor(() => expect(screen.queryByTestId("busy")).not.toBeInTheDocument());
}

/** Round trips of one click, from the click to the pane being idle again. */
async function clickCost(book: FakeWorkbook, user: ReturnType<typeof userEvent.setup>, testId: string): Promise<number> {
  const before = book.syncCount;
  await user.click(screen.getByTestId(testId));
  await waitFor(() => expect(screen.getByTestId(testId)).toBeEnabled());
  await idle();
  return book.syncCount - before;
}

describe.each([1, 18])("the pane on OfficeHost at ExcelApi 1.%i", (level) => {
  test("校验: 4 round trips cold, 3 warm; the counts are the engine's; marks in the cells; 清除标记 restores every fill", async () => {
    const book = seededBook(level);
    const userFills = fills(book);
    const expectedMarks = expectedMarkFills(book);
    const expected = countBySeverity(analyse(book.snapshot()).findings);
    const { user } = renderPane(book);

    // Cold: the sheet names are read first.
    expect(await clickCost(book, user, "validate")).toBe(4);
    await screen.findByTestId("count-error");
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

    // Warm: one read, one mark (replacing the old marks), the state with it.
    expect(await clickCost(book, user, "validate")).toBe(3);
    await screen.findByTestId("count-error");
    for (const sev of SEVERITIES) expect(screen.getByTestId(`count-${sev}`).textContent).toBe(String(expected[sev]));
    expect(readState(book.snapshot()).marks).toHaveLength(expectedMarks.size);

    // 清除标记: exactly the clerk's fills, no note of ours, no saved marks.
    await clickCost(book, user, "clear-marks");
    expect(await screen.findByTestId("notice")).toHaveTextContent("已清除");
    expect(fills(book)).toEqual(userFills);
    expect(readState(book.snapshot()).marks).toEqual([]);
    for (const s of book.sheets) expect([...s.notes.values()].filter((n) => n.startsWith(NOTE_PREFIX))).toEqual([]);
  });

  test("after a warm-up read, the first 校验 costs 3 round trips", async () => {
    const book = seededBook(level);
    const { host, user } = renderPane(book);
    await host.readSnapshot(); // the pane read the workbook when it opened
    expect(await clickCost(book, user, "validate")).toBe(3);
    const expected = countBySeverity(analyse(seedSnapshot()).findings);
    await screen.findByTestId("count-error");
    for (const sev of SEVERITIES) expect(screen.getByTestId(`count-${sev}`).textContent).toBe(String(expected[sev]));
  });
});

describe("生成报送副本 from the pane", () => {
  test.each([
    [1, "sheets"],
    [18, "workbook"],
  ])("ExcelApi 1.%i: a %s copy, and the pane says what was made and what to do", async (level) => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
    const host = new OfficeHost({ run: book.run, isSetSupported: book.isSetSupported, createWorkbook: book.createWorkbook });
    const user = userEvent.setup();
    render(<Pane host={host} mode="excel" onSubmissionCopy={() => host.submissionCopy()} />);
    await clickCost(book, user, "submission-copy");
    const notice = await screen.findByTestId("notice");
    if (level < 8) {
      expect(book.sheets.map((s) => s.name).filter((n) => n.startsWith("报送-"))).toEqual(["报送-附件2", "报送-附件3", "报送-附件4", "报送-附件5"]);
      expect(notice).toHaveTextContent("「报送-附件2」、「报送-附件3」、「报送-附件4」、「报送-附件5」");
      expect(notice).toHaveTextContent("移动或复制");
      expect(notice).toHaveTextContent("(新工作簿)");
    } else {
      expect(book.createdWorkbooks).toHaveLength(1);
      expect(book.sheets).toHaveLength(4);
      expect(notice).toHaveAttribute("data-intent", "success");
      expect(notice).toHaveTextContent("新打开的工作簿");
    }
  });
});

describe("what the Excel version costs", () => {
  test("ExcelApi 1.1: the costs are listed once, folded, under 您的 Excel 版本, in the pane's language", async () => {
    const old = FakeWorkbook.fromSnapshot(seedSnapshot(), { level: 1 });
    const { host, user } = renderPane(old);
    const section = screen.getByTestId("excel-version");
    const header = within(section).getByRole("button", { name: "您的 Excel 版本" });
    expect(header).toHaveAttribute("aria-expanded", "false");
    await user.click(header);
    const items = within(section).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual(host.costs.map((c) => c.message));
    expect(items.some((li) => li.getAttribute("data-requires") === "ExcelApi 1.10")).toBe(true);

    await user.click(screen.getByRole("button", { name: "English" }));
    expect(
      within(screen.getByTestId("excel-version"))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(host.costs.map((c) => c.messageEn));
  });

  test("ExcelApi 1.18 costs nothing: no section", () => {
    renderPane(FakeWorkbook.fromSnapshot(seedSnapshot(), { level: 18 }));
    expect(screen.queryByTestId("excel-version")).not.toBeInTheDocument();
  });

  test("a note Excel 1.10 cannot add: the marks stand and the MessageBar says why", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level: 10 });
    const first = [...expectedMarkFills(book).keys()][0].split("!");
    // A legacy note Excel 1.10–1.17 cannot see blocks the comment on that cell.
    book.sheet(first[0]).notes.set(first[1], "旧式批注");
    const { user } = renderPane(book);
    await clickCost(book, user, "validate");
    const notice = await screen.findByTestId("notice");
    expect(notice).toHaveAttribute("data-intent", "warning");
    expect(notice).toHaveTextContent("未能添加问题说明");
    expect(book.sheet(first[0]).notes.get(first[1])).toBe("旧式批注");
    expect(book.sheet(first[0]).fill(first[1])).not.toBeNull();
  });
});
