import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { analyse } from "../check/analyse";
import { readState } from "../engine/stateSheet";
import { MemoryHost } from "../../tests/helpers/memoryHost";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";
import "../../tests/helpers/domStubs";
import { Pane } from "./Pane";

/** The seed with more certificate holders in 附件4 than staff on post: a warning outside 附件2/3. */
function hostWithA4Warning(): { host: MemoryHost; sheet: string; cell: string } {
  const host = new MemoryHost(seedSnapshot());
  const a4 = analyse(host.workbook).tables.find((t) => t.id === "A4");
  if (!a4 || a4.shape !== "columns") throw new Error("A4 not recognised");
  const cell = a4.rows[0].cells.certified.address;
  host.setCell(a4.sheet, cell, 99);
  const f = analyse(host.workbook).findings.find((x) => x.sheet === a4.sheet && x.cell === cell && x.severity === "warning");
  if (!f) throw new Error("no warning on 附件4 certificate holders");
  return { host, sheet: a4.sheet, cell };
}

async function validated(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId("validate"));
  await screen.findByTestId("count-error");
  await waitFor(() => expect(screen.getByTestId("validate")).toBeEnabled());
}

function rowAt(sheet: string, cell: string): HTMLElement {
  const row = screen
    .getAllByTestId("finding")
    .find((r) => r.getAttribute("data-sheet") === sheet && r.getAttribute("data-cell") === cell && r.getAttribute("data-severity") === "warning");
  if (!row) throw new Error(`no finding row for ${sheet}!${cell}`);
  return row;
}

test("a 审核说明 saved on a warning outside 附件2/3 is kept in the workbook and shown after re-checking", async () => {
  const { host, sheet, cell } = hostWithA4Warning();
  const user = userEvent.setup();
  render(<Pane host={host} mode="excel" />);
  await validated(user);
  expect(host.marked.has(`${sheet}!${cell}`)).toBe(true);

  await user.click(within(rowAt(sheet, cell)).getByRole("button", { name: /填写审核说明/ }));
  await user.type(within(rowAt(sheet, cell)).getByRole("textbox"), "含二级机构持证人员");
  await user.click(within(rowAt(sheet, cell)).getByTestId("note-save"));
  await screen.findByText("审核说明已保存在工作簿中。");
  expect(host.callsOf("select")).toEqual([]);
  expect(readState(host.workbook).notes).toEqual([expect.objectContaining({ sheet, cell, text: "含二级机构持证人员" })]);

  await validated(user);
  expect(within(rowAt(sheet, cell)).getByTestId("finding-explanation")).toHaveTextContent("含二级机构持证人员");
  // An answered warning is satisfied: listed, no longer marked.
  expect(host.marked.has(`${sheet}!${cell}`)).toBe(false);
});

test("warnings of 附件2/3 are explained in the table itself, so they offer no 审核说明", async () => {
  const user = userEvent.setup();
  render(<Pane host={new MemoryHost(seedSnapshot())} mode="web" />);
  await validated(user);
  expect(screen.getAllByTestId("finding").length).toBeGreaterThan(0);
  expect(screen.queryByText("填写审核说明")).not.toBeInTheDocument();
});
