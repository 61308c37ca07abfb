/**
 * The web page in jsdom, with the real ExcelJS host (jsdom lacks TextDecoder, which the xlsx reader
 * needs; node's is put in place before the host is first imported, lazily, as in the browser).
 */
import { TextDecoder, TextEncoder } from "util";
Object.assign(globalThis, { TextDecoder, TextEncoder });

import "../../tests/helpers/domStubs";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import userEvent from "@testing-library/user-event";
import { axe, toHaveNoViolations } from "jest-axe";
import { analyse } from "../check/analyse";
import { countBySeverity, SEVERITIES } from "../flows/severity";
import { AUDIT_SHEET } from "../flows/auditReport";
import { MARK_FILLS } from "../host/types";
import { ExcelJSHost } from "../host/xlsx/exceljsHost";
import { SHEET_NAMES } from "../templates/tables";
import { layoutFor } from "../templates/layout";
import { seedLayoutOptions } from "../templates/sample";
import { a1, ratioAt } from "../../tests/helpers/layoutCells";
import { seedXlsxBytes, withYearly } from "../../tests/helpers/xlsx";
import WebApp, { PRIVACY_LINE, PRODUCT_NAME, WebAppView } from "./WebApp";
import { webTranslator } from "../i18n/web";
import { SAMPLE_FILE_NAME, sampleLayouts } from "./sampleWorkbook";
import { MAX_GRID_COLS, MAX_GRID_ROWS } from "./gridModel";
import { blobBytes, captureDownloads } from "../../tests/helpers/downloads";

expect.extend(toHaveNoViolations);
jest.setTimeout(90_000);

const A2 = SHEET_NAMES.A2;

/** Downloads end in URL.createObjectURL (jsdom has none) and a click on a link with `download`. */
function xlsxFile(bytes: Uint8Array, name: string): File {
  return new File([bytes.slice().buffer as ArrayBuffer], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

async function sampleOpened() {
  await waitFor(() => expect(screen.getByTestId("current-file")).toHaveTextContent(SAMPLE_FILE_NAME), { timeout: 30_000 });
}

/** Nothing in progress: buttons are disabled while the page works. */
async function idle() {
  await waitFor(() => expect(screen.queryByTestId("busy")).not.toBeInTheDocument(), { timeout: 30_000 });
}

async function opened(name: string) {
  await waitFor(() => expect(screen.getByTestId("current-file")).toHaveTextContent(name), { timeout: 30_000 });
  await idle();
}

async function validated(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId("validate"));
  await screen.findByTestId("count-error", undefined, { timeout: 30_000 });
  await waitFor(() => expect(screen.queryByTestId("busy")).not.toBeInTheDocument(), { timeout: 30_000 });
}

beforeEach(() => localStorage.clear());

test("a newcomer sees the product work at once: the sample opens by itself, drawn with its merges", async () => {
  render(<WebApp />);
  expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(PRODUCT_NAME);
  expect(screen.getByText(PRIVACY_LINE)).toBeInTheDocument();
  await sampleOpened();
  const tablist = within(screen.getByRole("tablist", { name: "工作表" }));
  expect(tablist.getAllByRole("tab")).toHaveLength(4);
  for (const name of Object.values(SHEET_NAMES)) expect(tablist.getByRole("tab", { name })).toBeInTheDocument();
  const grid = screen.getByTestId("sheet-grid");
  const layout = layoutFor("A2", seedLayoutOptions("A2"));
  // The title is merged across the table: one cell spanning every column.
  const title = grid.querySelector('td[data-address="A2"]')!;
  expect(title.getAttribute("colspan")).toBe(String(layout.lastCol + 1));
  expect(title.textContent).toBe(layout.cells.find((c) => c.role === "title")!.value);
  expect(grid.querySelector('td[data-address="B2"]')).toBeNull();
});

test("without the sample, nothing is loaded until the user asks", async () => {
  const loadFactory = jest.fn(() => Promise.reject(new Error("not expected")));
  const readWorkbook = jest.fn(() => Promise.reject(new Error("not expected")));
  render(<WebAppView loadFactory={loadFactory} readWorkbook={readWorkbook} autoSample={false} />);
  expect(screen.getByTestId("file-input")).toHaveAttribute("accept", ".xlsx,.docx");
  expect(screen.getByTestId("file-input")).toHaveAttribute("multiple");
  expect(loadFactory).not.toHaveBeenCalled();
  expect(readWorkbook).not.toHaveBeenCalled();
  expect(screen.queryByTestId("sheet-grid")).toBeNull();
  expect(screen.queryByTestId("back-to-summary")).toBeNull();
});

test("a click while a chosen file is still being read is not lost: every action waits, busy, until the file is open", async () => {
  const user = userEvent.setup();
  render(<WebApp />);
  await sampleOpened();
  const bytes = await seedXlsxBytes({ change: { A2: withYearly("penalty", [7, -9]) } });
  // A slow disk or a large file: the bytes come only when the test says so.
  let deliver!: () => void;
  const file = xlsxFile(bytes, "县局-慢.xlsx");
  Object.defineProperty(file, "arrayBuffer", {
    value: () => new Promise<ArrayBuffer>((resolve) => (deliver = () => resolve(bytes.slice().buffer as ArrayBuffer))),
  });
  await user.upload(screen.getByTestId("file-input"), file);

  // Still the sample's pane, but nothing in it can be started now.
  expect(screen.getByTestId("current-file")).toHaveTextContent(SAMPLE_FILE_NAME);
  expect(screen.getByTestId("busy")).toBeInTheDocument();
  expect(screen.getByTestId("validate")).toBeDisabled();
  await user.click(screen.getByTestId("validate"));
  expect(screen.queryByTestId("count-error")).toBeNull();

  act(() => deliver());
  await opened("县局-慢.xlsx");
  expect(screen.getByTestId("validate")).toBeEnabled();
  await validated(user);
  // The chosen file's findings (its negative penalty), not the sample's.
  const expected = countBySeverity(analyse(await (await ExcelJSHost.fromBytes(bytes)).readSnapshot()).findings);
  expect(expected.error).toBeGreaterThan(0);
  for (const sev of SEVERITIES) expect(screen.getByTestId(`count-${sev}`).textContent).toBe(String(expected[sev]));
});

test("校验 on an uploaded file: counts as the engine gives them, marks in the grid, a click focuses the cell", async () => {
  const user = userEvent.setup();
  render(<WebApp />);
  await sampleOpened();
  const bytes = await seedXlsxBytes({ change: { A2: withYearly("penalty", [7, -9]) } });
  await user.upload(screen.getByTestId("file-input"), xlsxFile(bytes, "县局2024.xlsx"));
  await opened("县局2024.xlsx");
  await validated(user);

  const expected = analyse(await (await ExcelJSHost.fromBytes(bytes)).readSnapshot());
  const counts = countBySeverity(expected.findings);
  expect(counts.error).toBeGreaterThan(0);
  for (const sev of SEVERITIES) expect(screen.getByTestId(`count-${sev}`).textContent).toBe(String(counts[sev]));

  const negative = expected.findings.find((f) => f.rule === "value-negative")!;
  const grid = () => screen.getByTestId("sheet-grid");
  await waitFor(() => expect(grid().querySelector(`td[data-address="${negative.cell}"]`)).toHaveAttribute("data-severity", "error"));
  const cell = grid().querySelector<HTMLElement>(`td[data-address="${negative.cell}"]`)!;
  expect(cell.style.backgroundColor).toBe(hexToRgb(MARK_FILLS.error));
  expect(cell.getAttribute("title")).toContain(negative.message);
  expect(cell.getAttribute("aria-label")).toContain(negative.message);

  // A finding on another sheet: the grid switches tab, then focuses the cell.
  // (a warning: info findings are folded in the pane)
  const other = expected.findings.find((f) => f.sheet === SHEET_NAMES.A3 && f.severity === "warning")!;
  const row = screen.getAllByTestId("finding").find((li) => li.dataset.sheet === other.sheet && li.dataset.cell === other.cell)!;
  await user.click(within(row).getAllByRole("button")[0]);
  await waitFor(() => expect(grid()).toHaveAttribute("data-sheet", SHEET_NAMES.A3));
  await waitFor(() => expect(document.activeElement).toHaveAttribute("data-address", other.cell));
  expect(document.activeElement).toHaveAttribute("data-selected", "true");
  expect(screen.getByTestId("selected-cell")).toHaveTextContent(other.message);

  const back = screen.getAllByTestId("finding").find((li) => li.dataset.rule === "value-negative")!;
  await user.click(within(back).getAllByRole("button")[0]);
  await waitFor(() => expect(document.activeElement).toHaveAttribute("data-address", negative.cell));
  expect(grid()).toHaveAttribute("data-sheet", A2);
});

test("a bad upload shows the reader's Chinese message and keeps the workbook that was open", async () => {
  const user = userEvent.setup({ applyAccept: false });
  render(<WebApp />);
  await sampleOpened();
  const before = screen.getByTestId("sheet-grid").innerHTML;
  const csv = new File(["序号,单位\n1,湘潭县\n"], "报表.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  await user.upload(screen.getByTestId("file-input"), csv);
  const alert = await screen.findByRole("alert", undefined, { timeout: 30_000 });
  expect(alert).toHaveTextContent("“报表.xlsx”无法打开");
  expect(alert).toHaveTextContent("CSV");
  expect(alert).toHaveTextContent("另存为 .xlsx");
  expect(screen.getByTestId("current-file")).toHaveTextContent(SAMPLE_FILE_NAME);
  expect(screen.getByTestId("sheet-grid").innerHTML).toBe(before);

  await user.upload(screen.getByTestId("file-input"), new File([], "空.xlsx"));
  await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("文件为空"));
  expect(screen.getByTestId("current-file")).toHaveTextContent(SAMPLE_FILE_NAME);

  // A legacy .xls renamed to .xlsx starts with the OLE2 signature.
  const ole2 = new Uint8Array(1024);
  ole2.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  await user.upload(screen.getByTestId("file-input"), xlsxFile(ole2, "旧表.xlsx"));
  await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("旧版 .xls"));
  expect(screen.getByRole("alert")).toHaveTextContent("“旧表.xlsx”无法打开");
  expect(screen.getByTestId("current-file")).toHaveTextContent(SAMPLE_FILE_NAME);
  expect(screen.getByTestId("sheet-grid").innerHTML).toBe(before);
});

test("a file dropped on the page is opened", async () => {
  render(<WebApp />);
  await sampleOpened();
  const file = xlsxFile(await seedXlsxBytes({ ids: ["A4"] }), "拖入.xlsx");
  fireEvent.dragOver(screen.getByRole("heading", { level: 1 }));
  fireEvent.drop(screen.getByRole("heading", { level: 1 }), { dataTransfer: { files: [file] } });
  await opened("拖入.xlsx");
  const tablist = within(screen.getByRole("tablist", { name: "工作表" }));
  expect(tablist.getAllByRole("tab").map((t) => t.textContent)).toEqual([SHEET_NAMES.A4]);
});

test("a huge sheet is drawn in part, and the page says so", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("大表");
  ws.getCell("A1").value = "起点";
  ws.getCell(MAX_GRID_ROWS + 100, 5).value = 1;
  ws.getCell(3, MAX_GRID_COLS + 10).value = 2;
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const user = userEvent.setup();
  render(<WebApp />);
  await sampleOpened();
  await user.upload(screen.getByTestId("file-input"), xlsxFile(bytes, "大表.xlsx"));
  await opened("大表.xlsx");
  expect(screen.getByRole("note")).toHaveTextContent(
    `只显示前 ${MAX_GRID_ROWS} 行、${MAX_GRID_COLS} 列（共 ${MAX_GRID_ROWS + 100} 行、${MAX_GRID_COLS + 10} 列）`,
  );
  expect(screen.getByTestId("sheet-grid").querySelectorAll("tbody tr")).toHaveLength(MAX_GRID_ROWS);
});

test("the views have no axe violations: first screen, after 校验 with marks, with an error message", async () => {
  const user = userEvent.setup({ applyAccept: false });
  const { container } = render(<WebApp />);
  await sampleOpened();
  expect(await axe(container)).toHaveNoViolations();
  await validated(user);
  await waitFor(() => expect(container.querySelector("td[data-severity]")).not.toBeNull());
  const first = screen.getAllByTestId("finding")[0];
  await user.click(within(first).getAllByRole("button")[0]);
  await waitFor(() => expect(container.querySelector('td[data-selected="true"]')).not.toBeNull());
  expect(await axe(container)).toHaveNoViolations();
  await user.upload(screen.getByTestId("file-input"), new File(["<html></html>"], "x.xlsx"));
  await screen.findByRole("alert", undefined, { timeout: 30_000 });
  expect(await axe(container)).toHaveNoViolations();
});

/**
 * Tab order as the browser computes it for elements without a positive tabindex: document order of
 * the focusable, enabled elements. (Pressing Tab through the whole page is done in the e2e test in
 * chromium; jsdom's getComputedStyle makes each simulated Tab take seconds with Fluent's styles.)
 */
function tabOrder(root: ParentNode): HTMLElement[] {
  const candidates = root.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, [tabindex]");
  return [...candidates].filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !el.closest("[aria-hidden='true'], [inert]"));
}

test("the keyboard reaches upload, the sample, 校验 and the findings, in that order", async () => {
  const user = userEvent.setup();
  const { container } = render(<WebApp />);
  await sampleOpened();
  await validated(user);
  const order = tabOrder(container);
  expect(order.every((el) => el.tabIndex === 0)).toBe(true);
  const at = (el: HTMLElement) => order.indexOf(el);
  const upload = at(screen.getByTestId("file-input"));
  const sample = at(screen.getByTestId("open-sample"));
  const validate = at(screen.getByTestId("validate"));
  const finding = at(within(screen.getAllByTestId("finding")[0]).getAllByRole("button")[0]);
  expect(upload).toBeGreaterThanOrEqual(0);
  expect(sample).toBeGreaterThan(upload);
  expect(validate).toBeGreaterThan(sample);
  expect(finding).toBeGreaterThan(validate);
  // Nothing before the upload but the page itself: it is the first stop.
  expect(upload).toBe(0);
});

test("downloads: names after the file; the ratio copy asks before replacing a typed ratio", async () => {
  const downloads = captureDownloads();
  try {
    const user = userEvent.setup();
    render(<WebApp />);
    await sampleOpened();
    const penalty = a1(ratioAt(layoutFor("A2", seedLayoutOptions("A2")), "penalty"));
    const bytes = await seedXlsxBytes({ change: { A2: (o) => ({ ...o, yearly: { ...o.yearly, ratios: { penalty: "30%" } } }) } });
    await user.upload(screen.getByTestId("file-input"), xlsxFile(bytes, "报表.xlsx"));
    await opened("报表.xlsx");

    await user.click(screen.getByTestId("download-annotated"));
    await waitFor(() => expect(downloads.saved.map((d) => d.name)).toEqual(["报表-标注.xlsx"]), { timeout: 30_000 });
    await idle();
    const annotated = await ExcelJSHost.fromBytes(await blobBytes(downloads.saved[0].blob));
    expect((await annotated.readSnapshot()).sheets.map((s) => s.name)).toContain(AUDIT_SHEET);

    await user.click(screen.getByTestId("download-ratios"));
    const dialog = (await screen.findByTestId("ratio-overwrites", undefined, { timeout: 30_000 })).closest<HTMLElement>('[role="alertdialog"]')!;
    expect(dialog).not.toBeNull();
    expect(dialog).toHaveTextContent(`${A2}!${penalty}`);
    expect(dialog).toHaveTextContent("30%");
    expect(dialog).toHaveTextContent("+28.57%");
    // the pane's question (one dialog for both faces), saying only the copy changes
    expect(dialog).toHaveTextContent("只改下载的副本，不改当前工作簿");
    expect(within(dialog).getByTestId("overwrite-list")).toBeInTheDocument();
    // Fluent's modal hides its content from the accessibility tree until focus has moved into it, which
    // jsdom does late or not at all under load; that it does move is checked in chromium (tests/e2e).
    await user.click(within(dialog).getByRole("button", { name: "保留原内容，只填空白", hidden: true }));
    await waitFor(() => expect(downloads.saved.map((d) => d.name)).toEqual(["报表-标注.xlsx", "报表-同比.xlsx"]), { timeout: 30_000 });
    await idle();
    const ratios = await (await ExcelJSHost.fromBytes(await blobBytes(downloads.saved[1].blob))).readSnapshot();
    const sheet = ratios.sheets.find((s) => s.name === A2)!;
    const at = ratioAt(layoutFor("A2", seedLayoutOptions("A2")), "penalty");
    expect(sheet.values[at.row][at.col]).toBe("30%");

    await user.click(screen.getByTestId("download-submission"));
    await waitFor(() => expect(downloads.saved.map((d) => d.name)).toContain("报表-报送.xlsx"), { timeout: 30_000 });
  } finally {
    downloads.restore();
  }
});

test("a file chosen while the sample is still loading wins, also when the sample comes after it", async () => {
  const user = userEvent.setup();
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const loadSample = jest.fn(async () => {
    await gate;
    return sampleLayouts();
  });
  render(<WebAppView loadSample={loadSample} />);
  expect(loadSample).toHaveBeenCalled();
  const bytes = await seedXlsxBytes();
  await user.upload(screen.getByTestId("file-input"), xlsxFile(bytes, "mine.xlsx"));
  await opened("mine.xlsx");
  await act(async () => release());
  await act(async () => new Promise((r) => setTimeout(r, 50)));
  expect(screen.getByTestId("current-file")).toHaveTextContent("mine.xlsx");
  expect(screen.queryByRole("alert")).toBeNull();
});

test("shows and checks a file without ExcelJS; ExcelJS loads for the first download, and the copy is right", async () => {
  const downloads = captureDownloads();
  try {
    const user = userEvent.setup();
    const loadFactory = jest.fn(async () => ({ fromBytes: (b: Uint8Array) => ExcelJSHost.fromBytes(b), empty: async () => ExcelJSHost.empty() }));
    render(<WebAppView loadFactory={loadFactory} />);
    await sampleOpened();
    const bytes = await seedXlsxBytes({ change: { A2: withYearly("penalty", [7, -9]) } });
    await user.upload(screen.getByTestId("file-input"), xlsxFile(bytes, "县局.xlsx"));
    await opened("县局.xlsx");
    await validated(user);
    expect(loadFactory).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("download-annotated"));
    await waitFor(() => expect(downloads.saved.map((d) => d.name)).toEqual(["县局-标注.xlsx"]), { timeout: 30_000 });
    expect(loadFactory).toHaveBeenCalledTimes(1);
    // The copy is the file ExcelJS makes from the original: its findings are the file's, marked.
    const copy = await ExcelJSHost.fromBytes(await blobBytes(downloads.saved[0].blob));
    const expected = analyse(await (await ExcelJSHost.fromBytes(bytes)).readSnapshot());
    const again = analyse(await copy.readSnapshot());
    expect(again.findings.map((f) => `${f.rule}|${f.sheet}|${f.cell}`)).toEqual(expected.findings.map((f) => `${f.rule}|${f.sheet}|${f.cell}`));
    const negative = expected.findings.find((f) => f.rule === "value-negative")!;
    const fill = copy.workbook.getWorksheet(negative.sheet)!.getCell(negative.cell).fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe(`FF${MARK_FILLS.error.slice(1)}`);
  } finally {
    downloads.restore();
  }
});

test("a download that cannot load ExcelJS says to reload, and the workbook stays open", async () => {
  const user = userEvent.setup();
  const chunkError = Object.assign(new Error("Loading chunk exceljs failed."), { name: "ChunkLoadError" });
  render(<WebAppView loadFactory={() => Promise.reject(chunkError)} />);
  await sampleOpened();
  await user.click(screen.getByTestId("download-submission"));
  const alert = await screen.findByRole("alert", undefined, { timeout: 30_000 });
  expect(alert).toHaveTextContent("下载失败");
  expect(alert).toHaveTextContent("请刷新页面后重试");
  expect(screen.getByTestId("current-file")).toHaveTextContent(SAMPLE_FILE_NAME);
});

describe("for the many-files view", () => {
  test("several files picked go to onManyFiles and nothing is opened; one file is opened", async () => {
    const user = userEvent.setup({ applyAccept: false });
    const onManyFiles = jest.fn();
    render(<WebApp onManyFiles={onManyFiles} />);
    await sampleOpened();
    expect(screen.getByTestId("file-input")).toHaveAttribute("accept", ".xlsx,.xlsm,.xltx,.xltm,.docx,.xls,.et,.ods");
    const a = xlsxFile(await seedXlsxBytes({ ids: ["A2"] }), "甲.xlsx");
    const b = xlsxFile(await seedXlsxBytes({ ids: ["A4"] }), "乙.xlsx");
    await user.upload(screen.getByTestId("file-input"), [a, b]);
    expect(onManyFiles).toHaveBeenCalledTimes(1);
    expect(onManyFiles.mock.calls[0][0].map((f: File) => f.name)).toEqual(["甲.xlsx", "乙.xlsx"]);
    expect(screen.getByTestId("current-file")).toHaveTextContent(SAMPLE_FILE_NAME);
    await user.upload(screen.getByTestId("file-input"), [b]);
    await opened("乙.xlsx");
    expect(onManyFiles).toHaveBeenCalledTimes(1);
  });

  test("a dropped folder is walked for workbooks and reports (files in natural order, then subfolders; no lock files) and handed over", async () => {
    const onManyFiles = jest.fn();
    render(<WebApp onManyFiles={onManyFiles} />);
    await sampleOpened();
    const file = (name: string) => new File(["x"], name);
    const fileEntry = (f: File, dir: string) => ({
      isFile: true,
      isDirectory: false,
      name: f.name,
      fullPath: `${dir}/${f.name}`,
      file: (ok: (f: File) => void) => ok(f),
    });
    // readEntries answers in batches, then an empty one.
    const dirEntry = (name: string, path: string, children: unknown[]) => ({
      isFile: false,
      isDirectory: true,
      name,
      fullPath: path,
      createReader: () => {
        const batches = [children.slice(0, 2), children.slice(2), []];
        return { readEntries: (ok: (e: unknown[]) => void) => ok(batches.shift() ?? []) };
      },
    });
    const inner = dirEntry("乡镇", "/报表/乡镇", [fileEntry(file("丙.docx"), "/报表/乡镇")]);
    const top = dirEntry("报表", "/报表", [
      fileEntry(file("第10单位.xlsx"), "/报表"),
      fileEntry(file("Thumbs.db"), "/报表"),
      inner,
      fileEntry(file("~$第10单位.xlsx"), "/报表"),
      fileEntry(file("第2单位.xls"), "/报表"),
    ]);
    fireEvent.drop(screen.getByRole("heading", { level: 1 }), {
      dataTransfer: { files: [], items: [{ kind: "file", webkitGetAsEntry: () => top }] },
    });
    await waitFor(() => expect(onManyFiles).toHaveBeenCalledTimes(1));
    expect(onManyFiles.mock.calls[0][0].map((f: File) => f.name)).toEqual(["第2单位.xls", "第10单位.xlsx", "丙.docx"]);
    expect(screen.getByTestId("current-file")).toHaveTextContent(SAMPLE_FILE_NAME);
  });

  test("initialFile is opened instead of the sample, and 返回汇总 calls onBack", async () => {
    const user = userEvent.setup();
    const onBack = jest.fn();
    const loadSample = jest.fn(async () => sampleLayouts());
    const bytes = await seedXlsxBytes({ change: { A2: withYearly("penalty", [7, -9]) } });
    render(<WebAppView initialFile={{ name: "汇总中的一份.xlsx", bytes }} onBack={onBack} loadSample={loadSample} />);
    await opened("汇总中的一份.xlsx");
    expect(loadSample).not.toHaveBeenCalled();
    await validated(user);
    expect(Number(screen.getByTestId("count-error").textContent)).toBeGreaterThan(0);
    await user.click(screen.getByTestId("back-to-summary"));
    expect(onBack).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("back-to-summary")).toHaveTextContent("返回汇总");
  });
});

function hexToRgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

test("the page follows the pane's language, and remembers it on this machine", async () => {
  const user = userEvent.setup();
  const { unmount } = render(<WebApp />);
  await sampleOpened();
  await user.click(screen.getByRole("button", { name: "English" }));
  const en = webTranslator("en");
  expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(en("appTitle"));
  expect(screen.getByText(en("webPrivacy"))).toBeInTheDocument();
  expect(screen.getByText(en("webOpenAny"))).toBeInTheDocument();
  expect(screen.getByRole("tablist", { name: en("webSheets") })).toBeInTheDocument();
  expect(screen.getByText(en("webGridReadOnly"))).toBeInTheDocument();
  expect(screen.queryByText(PRIVACY_LINE)).toBeNull();
  // a file the reader refuses is explained in English too (the reader's messageEn)
  await userEvent.setup({ applyAccept: false }).upload(screen.getByTestId("file-input"), new File([], "empty.xlsx"));
  const alert = await screen.findByRole("alert", undefined, { timeout: 30_000 });
  expect(alert).toHaveTextContent("The file is empty (0 bytes)");
  expect(alert.textContent).not.toMatch(/[\u4e00-\u9fff]{4}/);
  unmount();

  // the next visit starts in English, pane and page
  render(<WebApp />);
  await sampleOpened();
  expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(en("appTitle"));
  expect(screen.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  await user.click(screen.getByRole("button", { name: "中文" }));
  expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(PRODUCT_NAME);
  expect(localStorage.getItem("xzzf.lang")).toBe("zh");
});
