import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { analyse } from "../check/analyse";
import { SEED_UNIT } from "../templates/sample";
import { MemoryHost } from "../../tests/helpers/memoryHost";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";
import "../../tests/helpers/domStubs";
import { Pane } from "./Pane";

expect.extend(toHaveNoViolations);

/** The seed plus a warning outside 附件2/3, so the 审核说明 control is on screen too. */
function seedHost(): MemoryHost {
  const host = new MemoryHost(seedSnapshot());
  const a4 = analyse(host.workbook).tables.find((t) => t.id === "A4");
  if (a4?.shape === "columns") host.setCell(a4.sheet, a4.rows[0].cells.certified.address, 99);
  return host;
}

test("the first screen has no accessibility violations (Excel)", async () => {
  const { container } = render(<Pane host={seedHost()} mode="excel" />);
  expect(await axe(container)).toHaveNoViolations();
});

test("the findings, with an open 审核说明 editor and the settings, have no accessibility violations", async () => {
  const user = userEvent.setup();
  const { container } = render(<Pane host={seedHost()} mode="excel" />);
  await user.click(screen.getByTestId("validate"));
  await screen.findByTestId("count-warning");
  await waitFor(() => expect(screen.getByTestId("validate")).toBeEnabled());
  await user.click(screen.getByText("提示"));
  await user.click(screen.getByText("填写审核说明"));
  await user.click(screen.getByText("设置"));
  await screen.findByTestId("threshold");
  expect(screen.getAllByTestId("finding").length).toBeGreaterThan(40);
  expect(await axe(container)).toHaveNoViolations();
});

test("the import preview has no accessibility violations", async () => {
  const user = userEvent.setup();
  const host = new MemoryHost(seedSnapshot({ year: 2025, yearly: { unit: SEED_UNIT } }));
  const { container } = render(<Pane host={host} mode="web" readWorkbook={async () => seedSnapshot()} />);
  await user.click(screen.getByTestId("import-prior"));
  await user.upload(await screen.findByLabelText(/上年的报表文件/), new File([new Uint8Array([1])], "2024.xlsx"));
  await screen.findByTestId("import-preview");
  expect(await axe(container)).toHaveNoViolations();
});

test("the 识别 and 插入模板 views and a message have no accessibility violations", async () => {
  const user = userEvent.setup();
  const { container } = render(<Pane host={new MemoryHost(seedSnapshot({}, ["A2", "A4"]))} mode="web" lang="en" />);
  await user.click(screen.getByTestId("recognise"));
  await screen.findAllByTestId("recognised-table");
  expect(await axe(container)).toHaveNoViolations();
  await user.click(screen.getByTestId("insert-templates"));
  await screen.findByTestId("insert-templates-confirm");
  await waitFor(() => expect(screen.getByTestId("validate")).toBeEnabled());
  await user.click(screen.getByTestId("clear-marks"));
  await screen.findByTestId("notice");
  expect(await axe(container)).toHaveNoViolations();
});

test("the overwrite confirmation has no accessibility violations", async () => {
  const user = userEvent.setup();
  const host = new MemoryHost(seedSnapshot());
  const a2 = analyse(host.workbook).tables.find((t) => t.id === "A2");
  if (a2?.shape !== "yearly") throw new Error("A2 not recognised");
  host.setCell(a2.sheet, a2.blocks[0].categories.penalty.ratio!.address, "+30.00%");
  render(<Pane host={host} mode="excel" />);
  await user.click(screen.getByTestId("fill-ratios"));
  await screen.findByTestId("overwrite-list");
  // The dialog is portalled to the end of <body>.
  expect(await axe(document.body)).toHaveNoViolations();
});
