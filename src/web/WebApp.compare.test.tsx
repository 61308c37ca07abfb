/**
 * 与旧版对比 on the web page (jsdom): the open workbook against an older version the reviewer
 * chooses, as `xzzf compare` reports it; a file that cannot be read leaves the page as it was; text
 * from the files stays text.
 */
import { TextDecoder, TextEncoder } from "util";
Object.assign(globalThis, { TextDecoder, TextEncoder });

import "../../tests/helpers/domStubs";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { seedXlsxBytes, withRow, withYearly } from "../../tests/helpers/xlsx";
import { WebAppView } from "./WebApp";
import { saveLang } from "../pane/storage";

jest.setTimeout(90_000);

function xlsxFile(bytes: Uint8Array, name: string): File {
  return new File([bytes.slice().buffer as ArrayBuffer], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

async function opened(name: string) {
  await waitFor(() => expect(screen.getByTestId("current-file")).toHaveTextContent(name), { timeout: 30_000 });
  await waitFor(() => expect(screen.queryByTestId("busy")).not.toBeInTheDocument(), { timeout: 30_000 });
}

/** The page with `current` open, then 与旧版对比 given `old`; the user, for what the test does next. */
async function compared(current: File, old: File) {
  const user = userEvent.setup();
  render(<WebAppView autoSample={false} />);
  await user.upload(screen.getByTestId("file-input"), current);
  await opened(current.name);
  await user.upload(screen.getByTestId("compare-input"), old);
  return user;
}

const cellLines = (region: HTMLElement) =>
  within(region)
    .getAllByTestId("compare-cell")
    .map((li) => li.textContent);

beforeEach(() => localStorage.clear());

test("the resubmission against the version sent back: the changed cell, the error resolved, what is new", async () => {
  const old = xlsxFile(await seedXlsxBytes({ change: { A2: withYearly("penalty", [7, -9]) } }), "退回前.xlsx");
  const user = await compared(xlsxFile(await seedXlsxBytes(), "重新报送.xlsx"), old);
  const region = await screen.findByRole("region", { name: "与旧版“退回前.xlsx”对比" }, { timeout: 30_000 });
  expect(cellLines(region)).toEqual(["附件2 行政执法案件数据「行政处罚(件)」2024年（N7）：-9 → 9"]);
  expect(within(region).getByTestId("compare-findings")).toHaveTextContent("问题：已消除 1 条，新出现 1 条，仍有 45 条。");
  expect(within(region).getByTestId("compare-resolved")).toHaveTextContent(/^\[错误\] 附件2 执法案件!N7 .*不能为负数/);
  expect(within(region).getByTestId("compare-added")).toHaveTextContent(/^\[需核实\] 附件2 执法案件!M8 .*同比变化未填写/);
  // the page's own workbook is unchanged
  expect(screen.getByTestId("current-file")).toHaveTextContent("重新报送.xlsx");
  await user.click(within(region).getByTestId("compare-close"));
  expect(screen.queryByTestId("compare")).not.toBeInTheDocument();

  // the same file again: nothing differs
  await user.upload(screen.getByTestId("compare-input"), xlsxFile(await seedXlsxBytes(), "同一份.xlsx"));
  await screen.findByTestId("compare-same", undefined, { timeout: 30_000 });
  expect(screen.getByTestId("compare-findings")).toHaveTextContent("已消除 0 条，新出现 0 条，仍有 46 条");
});

test("a file that cannot be read is named in a message, and the page stays as it was", async () => {
  const user = userEvent.setup({ applyAccept: false });
  render(<WebAppView autoSample={false} />);
  await user.upload(screen.getByTestId("file-input"), xlsxFile(await seedXlsxBytes(), "本年.xlsx"));
  await opened("本年.xlsx");
  const grid = screen.getByTestId("sheet-grid").innerHTML;
  await user.upload(screen.getByTestId("compare-input"), new File([], "空.xlsx"));
  const alert = await screen.findByRole("alert", undefined, { timeout: 30_000 });
  expect(alert).toHaveTextContent("无法与“空.xlsx”对比");
  expect(alert).toHaveTextContent("文件为空");
  expect(screen.queryByTestId("compare")).not.toBeInTheDocument();
  expect(screen.getByTestId("current-file")).toHaveTextContent("本年.xlsx");
  expect(screen.getByTestId("sheet-grid").innerHTML).toBe(grid);
});

test("text from the files is shown as text, never as markup", async () => {
  const hostile = '<img src=x onerror="window.__pwned=1">股';
  await compared(xlsxFile(await seedXlsxBytes({ change: { A4: withRow({ name: hostile }) } }), "新.xlsx"), xlsxFile(await seedXlsxBytes(), "旧.xlsx"));
  const region = await screen.findByTestId("compare", undefined, { timeout: 30_000 });
  expect(region.querySelector("img")).toBeNull();
  expect(cellLines(region)).toEqual([`附件4 行政执法保障情况「${hostile}」执法部门/机构名称（B6）：“自然资源执法股” → “${hostile}”`]);
  expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
});

test("on the English page the comparison speaks English", async () => {
  saveLang("en");
  await compared(xlsxFile(await seedXlsxBytes(), "new.xlsx"), xlsxFile(await seedXlsxBytes({ change: { A2: withYearly("penalty", [7, -9]) } }), "old.xlsx"));
  const region = await screen.findByRole("region", { name: "Compared with the old version “old.xlsx”" }, { timeout: 30_000 });
  expect(cellLines(region)).toEqual(["A2 penalty, current year (N7): -9 → 9"]);
  expect(within(region).getByTestId("compare-findings")).toHaveTextContent("Findings: 1 resolved, 1 new, 45 remaining.");
  expect(within(region).getByTestId("compare-resolved")).toHaveTextContent(/^\[Error\] /);
});

test("changes are judged by the pane's 变化幅度阈值, as its 校验 judges them", async () => {
  // 罚没金额 818000.7 → 4005196.42 (+389.63 %) loses its explanation in the new version
  const unexplained = seedXlsxBytes({ change: { A2: (o) => ({ ...o, yearly: { ...o.yearly, explanations: { ...o.yearly?.explanations, fines: null } } }) } });
  const user = await compared(xlsxFile(await unexplained, "新.xlsx"), xlsxFile(await seedXlsxBytes(), "旧.xlsx"));
  const added = async () => {
    const region = await screen.findByTestId("compare", undefined, { timeout: 30_000 });
    return within(region)
      .queryAllByTestId("compare-added")
      .map((li) => li.textContent ?? "");
  };
  expect((await added()).some((x) => /T7 .*同比变化 \+389\.63%（达到 30% 的核实幅度）/.test(x))).toBe(true);
  await user.click(screen.getByTestId("compare-close"));

  await user.click(screen.getByRole("button", { name: "设置" }));
  const input = await screen.findByLabelText(/变化幅度阈值/, undefined, { timeout: 30_000 });
  await user.clear(input);
  await user.type(input, "500");
  await user.upload(screen.getByTestId("compare-input"), xlsxFile(await seedXlsxBytes(), "旧.xlsx"));
  await waitFor(async () => expect((await added()).filter((x) => x.includes("核实幅度"))).toEqual([]), { timeout: 30_000 });

  // a threshold out of range is refused, and nothing is compared
  await user.click(screen.getByTestId("compare-close"));
  await user.clear(input);
  await user.type(input, "0");
  await user.upload(screen.getByTestId("compare-input"), xlsxFile(await seedXlsxBytes(), "旧.xlsx"));
  expect(await screen.findByRole("alert")).toHaveTextContent("设置中的变化幅度阈值“0”不是 1 到 1000 之间的百分数");
  expect(screen.queryByTestId("compare")).not.toBeInTheDocument();
});
