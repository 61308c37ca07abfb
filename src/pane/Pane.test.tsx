import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { analyse } from "../check/analyse";
import type { RecognisedYearlyTable } from "../engine/model";
import { countBySeverity } from "../flows/severity";
import { SEVERITIES } from "../flows/severity";
import { AUDIT_SHEET } from "../flows/auditReport";
import { SHEET_NAMES } from "../templates/tables";
import { MemoryHost } from "../../tests/helpers/memoryHost";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";
import "../../tests/helpers/domStubs";
import { Pane } from "./Pane";

function a2Of(host: MemoryHost): RecognisedYearlyTable {
  const t = analyse(host.workbook).tables.find((x) => x.id === "A2");
  if (!t || t.shape !== "yearly") throw new Error("A2 not recognised");
  return t;
}

function setup(host = new MemoryHost(seedSnapshot()), props: Partial<Parameters<typeof Pane>[0]> = {}) {
  const user = userEvent.setup();
  const onFindingClick = jest.fn();
  render(<Pane host={host} mode="web" onFindingClick={onFindingClick} {...props} />);
  return { host, user, onFindingClick };
}

async function validated(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId("validate"));
  await screen.findByTestId("count-error");
  await waitFor(() => expect(screen.queryByTestId("busy")).not.toBeInTheDocument());
}

beforeEach(() => localStorage.clear());

test("校验 shows the seed's counts per severity, info folded", async () => {
  const { user, host } = setup();
  await validated(user);
  const expected = countBySeverity(analyse(seedSnapshot()).findings);
  // rules.md: 17 zero-unexplained + 21 ratio-missing warnings, 7 placeholders + 1 over-establishment info, no error.
  expect(expected).toEqual({ error: 0, warning: 38, info: 8 });
  for (const sev of SEVERITIES) expect(screen.getByTestId(`count-${sev}`).textContent).toBe(String(expected[sev]));
  expect(screen.getAllByTestId("finding")).toHaveLength(expected.error + expected.warning);
  expect(host.callsOf("mark")[0].marks).toHaveLength(46);

  await user.click(screen.getByRole("button", { name: /提示/ }));
  expect(screen.getAllByTestId("finding")).toHaveLength(46);
});

test("clicking a finding selects its cell and tells the shell", async () => {
  const { user, host, onFindingClick } = setup();
  await validated(user);
  const row = screen.getAllByTestId("finding")[3];
  await user.click(within(row).getAllByRole("button")[0]);
  const sheet = row.getAttribute("data-sheet");
  const cell = row.getAttribute("data-cell");
  expect(host.callsOf("select")).toEqual([{ op: "select", sheet, address: cell }]);
  const finding = analyse(seedSnapshot()).findings.find((f) => f.sheet === sheet && f.cell === cell && f.rule === row.getAttribute("data-rule"));
  expect(finding).toBeDefined();
  await waitFor(() => expect(onFindingClick).toHaveBeenCalledWith(expect.objectContaining({ sheet, cell, rule: finding?.rule })));
});

test("a finding is reachable and opened with the keyboard", async () => {
  const { user, host } = setup();
  await validated(user);
  const row = screen.getAllByTestId("finding")[0];
  within(row).getAllByRole("button")[0].focus();
  await user.keyboard("{Enter}");
  expect(host.callsOf("select")).toEqual([{ op: "select", sheet: row.getAttribute("data-sheet"), address: row.getAttribute("data-cell") }]);
});

test("计算同比 writes +28.57% into 附件2 行政处罚's ratio cell", async () => {
  const { user, host } = setup();
  const a2 = a2Of(host);
  await user.click(screen.getByTestId("fill-ratios"));
  await screen.findByText(/已写入 21 个同比单元格/);
  expect(host.cell(a2.sheet, a2.blocks[0].categories.penalty.ratio!.address)).toBe("+28.57%");
});

test("a differing ratio is listed old → new before writing; cancel writes nothing", async () => {
  const host = new MemoryHost(seedSnapshot());
  const a2 = a2Of(host);
  const cell = a2.blocks[0].categories.penalty.ratio!.address;
  host.setCell(a2.sheet, cell, "+30.00%");
  const { user } = setup(host);
  await user.click(screen.getByTestId("fill-ratios"));
  const dialog = (await screen.findByTestId("overwrite-list")).closest<HTMLElement>('[role="alertdialog"]');
  if (!dialog) throw new Error("the confirmation is not a modal alert dialog");
  const rows = within(dialog).getAllByTestId("overwrite");
  expect(rows).toHaveLength(1);
  expect(rows[0]).toHaveTextContent(`${a2.sheet}!${cell}`);
  expect(rows[0]).toHaveTextContent("+30.00%");
  expect(rows[0]).toHaveTextContent("+28.57%");
  await user.click(within(dialog).getByTestId("cancel-overwrite"));
  await screen.findByText(/已取消/);
  expect(host.callsOf("writeValues")).toEqual([]);
  expect(host.cell(a2.sheet, cell)).toBe("+30.00%");
});

test("confirming the overwrite writes the new ratio", async () => {
  const host = new MemoryHost(seedSnapshot());
  const a2 = a2Of(host);
  const cell = a2.blocks[0].categories.penalty.ratio!.address;
  host.setCell(a2.sheet, cell, "+30.00%");
  const { user } = setup(host);
  await user.click(screen.getByTestId("fill-ratios"));
  await user.click(await screen.findByTestId("confirm-overwrite"));
  await screen.findByText(/已写入/);
  expect(host.cell(a2.sheet, cell)).toBe("+28.57%");
});

test("formulas mode, chosen in the settings, writes formulas", async () => {
  const { user, host } = setup();
  const a2 = a2Of(host);
  await user.click(screen.getByRole("button", { name: "设置" }));
  await user.click(await screen.findByLabelText(/写入公式/));
  await user.click(screen.getByTestId("fill-ratios"));
  await screen.findByText(/已写入/);
  expect(host.sheet(a2.sheet).formulas?.[a2.blocks[0].categories.penalty.ratio!.address]).toMatch(/^=/);
});

test("清除标记 asks the host to clear its marks", async () => {
  const { user, host } = setup();
  await user.click(screen.getByTestId("clear-marks"));
  await screen.findByText(/已清除/);
  expect(host.callsOf("clearMarks")).toHaveLength(1);
});

test("插入模板 on an empty workbook inserts the four tables for last year, remembering unit and contact", async () => {
  const { user, host } = setup(new MemoryHost());
  await user.click(screen.getByTestId("insert-templates"));
  const year = await screen.findByLabelText(/报告年度/);
  await waitFor(() => expect(year).toHaveValue(new Date().getFullYear() - 1));
  await user.type(screen.getByLabelText("执法单位"), "某县司法局");
  await user.type(screen.getByLabelText("联系人和联系方式"), "李四13800000000");
  await user.click(screen.getByTestId("insert-templates-confirm"));
  await screen.findByText(/已插入/);
  const layouts = host.callsOf("insertSheets")[0].layouts;
  expect(layouts.map((l) => l.table)).toEqual(["A2", "A3", "A4", "A5"]);
  expect(layouts.map((l) => l.sheetName)).toEqual(Object.values(SHEET_NAMES));
  expect(analyse(host.workbook).tables[0]).toMatchObject({ year: new Date().getFullYear() - 1, unitFromLine: "某县司法局" });
  expect(localStorage.getItem("xzzf.templateDefaults")).toContain("李四13800000000");
});

test("a bad year is refused in Chinese and nothing is inserted", async () => {
  const { user, host } = setup(new MemoryHost());
  await user.click(screen.getByTestId("insert-templates"));
  const year = await screen.findByLabelText(/报告年度/);
  await waitFor(() => expect(year).not.toHaveValue(null));
  await user.clear(year);
  await user.type(year, "24");
  await user.click(screen.getByTestId("insert-templates-confirm"));
  expect(await screen.findByTestId("notice")).toHaveTextContent("报告年度应为 2000 到 2100 之间的四位年份，现为“24”");
  expect(host.callsOf("insertSheets")).toEqual([]);
});

test("识别 lists the tables found with sheet, range and year", async () => {
  const { user, host } = setup();
  await user.click(screen.getByTestId("recognise"));
  const rows = await screen.findAllByTestId("recognised-table");
  const tables = analyse(host.workbook).tables;
  expect(rows.map((r) => r.getAttribute("data-table"))).toEqual(tables.map((t) => t.id));
  expect(rows[0]).toHaveTextContent(tables[0].sheet);
  expect(rows[0]).toHaveTextContent(tables[0].range);
  expect(rows[0]).toHaveTextContent("2024");
});

test("审核报告 writes the report sheet", async () => {
  const { user, host } = setup();
  await user.click(screen.getByTestId("audit-report"));
  await screen.findByText(/审核报告/, { selector: "[data-testid=notice] *" });
  expect(host.callsOf("writeSheet").map((c) => c.name)).toEqual([AUDIT_SHEET]);
});

test("生成报送副本 is shown only when the shell provides it", async () => {
  setup();
  expect(screen.queryByTestId("submission-copy")).not.toBeInTheDocument();
});

test("生成报送副本 calls the shell", async () => {
  const onSubmissionCopy = jest.fn(async () => undefined);
  const { user } = setup(undefined, { onSubmissionCopy });
  await user.click(screen.getByTestId("submission-copy"));
  await screen.findByText(/报送副本已生成/);
  expect(onSubmissionCopy).toHaveBeenCalledTimes(1);
});

test("a host error is shown as a Chinese message with its sheet and cell", async () => {
  const host = new MemoryHost(seedSnapshot());
  host.failNext.readSnapshot = new Error("工作表“附件2 执法案件”的 D7 无法读取：单元格被保护。");
  const { user } = setup(host);
  await user.click(screen.getByTestId("validate"));
  const notice = await screen.findByTestId("notice");
  expect(notice).toHaveAttribute("data-intent", "error");
  expect(notice).toHaveTextContent("工作表“附件2 执法案件”的 D7 无法读取：单元格被保护。");
  expect(screen.getByTestId("validate")).toBeEnabled();
});

test("an invalid threshold is refused before the workbook is touched", async () => {
  const { user, host } = setup();
  await user.click(screen.getByRole("button", { name: "设置" }));
  const input = screen.getByLabelText(/变化幅度阈值/);
  await user.clear(input);
  await user.type(input, "0");
  await user.click(screen.getByTestId("validate"));
  expect(await screen.findByTestId("notice")).toHaveTextContent(/变化幅度阈值.*“0”/);
  expect(host.calls).toEqual([]);
});

test("the threshold setting reaches the check", async () => {
  // 罚没金额 +389.63 % without an explanation: a large change at 30 %, not at 500 %.
  const host = new MemoryHost(seedSnapshot());
  const a2 = a2Of(host);
  host.setCell(a2.sheet, a2.blocks[0].categories.fines.explanation!.address, null);
  const { user } = setup(host);
  const changeRows = () => screen.queryAllByTestId("finding").filter((r) => r.getAttribute("data-rule") === "change-unexplained");
  await validated(user);
  expect(changeRows().length).toBeGreaterThan(0);
  await user.click(screen.getByRole("button", { name: "设置" }));
  const input = screen.getByLabelText(/变化幅度阈值/);
  await user.clear(input);
  await user.type(input, "500");
  await validated(user);
  expect(changeRows()).toHaveLength(0);
});

test("the language chosen is remembered on this machine: the next pane starts in it, unless told otherwise", async () => {
  const onLangChange = jest.fn();
  const { user } = setup(undefined, { onLangChange });
  await user.click(screen.getByRole("button", { name: "English" }));
  expect(onLangChange).toHaveBeenCalledWith("en");
  expect(localStorage.getItem("xzzf.lang")).toBe("en");
  cleanup();
  setup();
  expect(screen.getByTestId("validate")).toHaveTextContent("Check");
  cleanup();
  setup(undefined, { lang: "zh" });
  expect(screen.getByTestId("validate")).toHaveTextContent("校验");
});

test("English switch changes the labels and the finding messages", async () => {
  const { user } = setup();
  await user.click(screen.getByRole("button", { name: "English" }));
  expect(screen.getByTestId("validate")).toHaveTextContent("Check");
  expect(screen.getByTestId("fill-ratios")).toHaveTextContent("Compute change ratios");
  await validated(user);
  const first = analyse(seedSnapshot()).findings.find((f) => f.severity === "warning");
  expect(screen.getAllByTestId("finding")[0]).toHaveTextContent(first?.messageEn ?? "missing");
  await user.click(screen.getByRole("button", { name: "中文" }));
  expect(screen.getByTestId("validate")).toHaveTextContent("校验");
});
