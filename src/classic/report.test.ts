/**
 * @jest-environment jsdom
 *
 * 对照工作报告 in the classic pane, over a real OfficeHost on the fake Excel at ExcelApi 1.1 and 1.18:
 * the seed report (.docx made by LibreOffice) checked against the open workbook, the cells marked.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { screen } from "@testing-library/dom";
import { analyse } from "../check/analyse";
import type { RecognisedYearlyTable } from "../engine/model";
import { MARK_FILLS } from "../host/types";
import { FakeWorkbook } from "../../tests/helpers/fakeExcel";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";
import { idle, mountOn, noticeSaying, unmountAll } from "./testHarness";

afterEach(unmountAll);

const FIXTURES = join(__dirname, "..", "..", "tests", "fixtures");
const SEED_REPORT = readFileSync(join(FIXTURES, "report", "seed-report.docx"));

function a2Of(book: FakeWorkbook): RecognisedYearlyTable {
  const t = analyse(book.snapshot()).tables.find((x) => x.id === "A2");
  if (!t || t.shape !== "yearly") throw new Error("A2 not recognised");
  return t;
}

describe.each([1, 18])("ExcelApi 1.%i", (level) => {
  test("the body's figures are checked against the tables; 罚没金额 is marked 需核实", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
    const a2 = a2Of(book);
    const fines = a2.blocks[0].categories.fines.current.address;
    const { user } = mountOn(book);
    await user.upload(screen.getByTestId("report-input"), new File([SEED_REPORT], "工作报告.docx"));
    await noticeSaying("已对照工作报告「工作报告.docx」");
    await idle();
    expect(screen.getByTestId("notice").textContent).toContain("3 处数字需核对");
    expect(screen.getByTestId("report-attached").textContent).toContain("工作报告.docx");
    expect(book.sheet(a2.sheet).fill(fines)).toBe(MARK_FILLS.warning);

    await user.click(screen.getByTestId("report-detach"));
    expect(screen.queryByTestId("report-attached")).toBeNull();
    await user.click(screen.getByTestId("validate"));
    await idle();
    // Without the body nothing is wrong at 罚没金额 in the seed.
    expect(book.sheet(a2.sheet).fill(fines)).not.toBe(MARK_FILLS.warning);
  });

  test("an .xlsx renamed .docx is named in the notice and nothing is marked", async () => {
    const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level });
    const { user } = mountOn(book);
    await user.upload(screen.getByTestId("report-input"), new File([readFileSync(join(FIXTURES, "files", "seed.xlsx"))], "报告.docx"));
    const n = await noticeSaying("报告.docx");
    expect(n.getAttribute("data-intent")).toBe("error");
    expect(Object.values(book.sheets.map((s) => [...s.cells.values()].filter((c) => c.fill !== null).length)).reduce((a, b) => a + b, 0)).toBe(0);
  });
});
