import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { analyse } from "../check/analyse";
import type { RecognisedYearlyTable } from "../engine/model";
import { readState } from "../engine/stateSheet";
import { SEED_UNIT } from "../templates/sample";
import { MemoryHost } from "../../tests/helpers/memoryHost";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";
import "../../tests/helpers/domStubs";
import type { WorkbookReader } from "../app/actions";
import { Pane } from "./Pane";

function a2Of(host: MemoryHost): RecognisedYearlyTable {
  const t = analyse(host.workbook).tables.find((x) => x.id === "A2");
  if (!t || t.shape !== "yearly") throw new Error("A2 not recognised");
  return t;
}

/** This year's (2025) tables with no figures yet, except a prior-year 行政处罚 that disagrees with last year's report (9). */
function setup(read: WorkbookReader) {
  const host = new MemoryHost(seedSnapshot({ year: 2025, yearly: { unit: SEED_UNIT } }));
  const a2 = a2Of(host);
  const conflict = `${a2.sheet}!${a2.blocks[0].categories.penalty.prior.address}`;
  const fill = `${a2.sheet}!${a2.blocks[0].categories.fines.prior.address}`;
  host.setCell(a2.sheet, a2.blocks[0].categories.penalty.prior.address, 8);
  const user = userEvent.setup();
  render(<Pane host={host} mode="web" readWorkbook={read} />);
  return { host, a2, user, conflict, fill };
}

const row = (id: string) => screen.getAllByTestId("import-row").find((r) => r.getAttribute("data-cell") === id) as HTMLElement;

test("导入上年数 previews every prior-year cell and writes only the ticked ones", async () => {
  const read = jest.fn<ReturnType<WorkbookReader>, Parameters<WorkbookReader>>(async () => seedSnapshot());
  const { host, a2, user, conflict, fill } = setup(read);
  await user.click(screen.getByTestId("import-prior"));
  await user.upload(await screen.findByLabelText(/上年的报表文件/), new File([new Uint8Array([1, 2, 3])], "2024年报表.xlsx"));
  await screen.findByTestId("import-preview");
  expect(read).toHaveBeenCalledWith(new Uint8Array([1, 2, 3]), "2024年报表.xlsx");
  expect(host.callsOf("writeValues")).toEqual([]);

  const conflictRow = row(conflict);
  expect(conflictRow).toHaveAttribute("data-action", "conflict");
  expect(conflictRow).toHaveTextContent("8 → 9");
  expect(within(conflictRow).getByRole("checkbox")).not.toBeChecked();
  expect(row(fill)).toHaveAttribute("data-action", "fill");
  expect(within(row(fill)).getByRole("checkbox")).toBeChecked();

  // Untick one fill: it must stay empty.
  await user.click(within(row(fill)).getByRole("checkbox"));
  const ticked = screen.getAllByRole("checkbox").filter((c) => (c as HTMLInputElement).checked).length;
  expect(screen.getByTestId("import-apply")).toHaveTextContent(`写入选中的 ${ticked} 项`);
  await user.click(screen.getByTestId("import-apply"));
  await screen.findByText(/已写入 \d+ 个上年数/);

  const writes = host.callsOf("writeValues")[0].writes;
  expect(writes).toHaveLength(ticked);
  expect(host.cell(a2.sheet, a2.blocks[0].categories.penalty.prior.address)).toBe(8);
  expect(host.cell(a2.sheet, a2.blocks[0].categories.fines.prior.address)).toBeNull();
  expect(host.cell(a2.sheet, a2.blocks[0].categories.permit.prior.address)).toBe(0);
  // Last year's figures stay in the workbook for prior-mismatch, including the one not written.
  expect(readState(host.workbook).prior).toContainEqual(expect.objectContaining({ table: "A2", key: "penalty", value: 9 }));
});

test("a ticked conflict replaces the present figure", async () => {
  const { host, a2, user, conflict } = setup(async () => seedSnapshot());
  await user.click(screen.getByTestId("import-prior"));
  await user.upload(await screen.findByLabelText(/上年的报表文件/), new File([new Uint8Array([1])], "last.xlsx"));
  await screen.findByTestId("import-preview");
  await user.click(within(row(conflict)).getByRole("checkbox"));
  await user.click(screen.getByTestId("import-apply"));
  await screen.findByText(/已写入/);
  expect(host.cell(a2.sheet, a2.blocks[0].categories.penalty.prior.address)).toBe(9);
});

test("a file that cannot be read is reported, nothing written", async () => {
  const { host, user } = setup(async () => {
    throw new Error("这不是 Excel 工作簿：.xlsx 文件应为 zip 格式。");
  });
  await user.click(screen.getByTestId("import-prior"));
  await user.upload(await screen.findByLabelText(/上年的报表文件/), new File(["hello"], "notes.xlsx"));
  expect(await screen.findByTestId("notice")).toHaveTextContent("这不是 Excel 工作簿");
  expect(screen.queryByTestId("import-preview")).not.toBeInTheDocument();
  await waitFor(() => expect(host.calls.filter((c) => c.op !== "readSnapshot")).toEqual([]));
});

test("last year's report of the wrong year is explained, nothing to tick", async () => {
  const { user } = setup(async () => seedSnapshot({ year: 2022 }));
  await user.click(screen.getByTestId("import-prior"));
  await user.upload(await screen.findByLabelText(/上年的报表文件/), new File([new Uint8Array([1])], "old.xlsx"));
  expect(await screen.findByTestId("import-problem")).toHaveTextContent("2022");
  expect(screen.queryByTestId("import-apply")).not.toBeInTheDocument();
});
