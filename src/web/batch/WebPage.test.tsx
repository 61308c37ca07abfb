/**
 * The page's top in jsdom (no Worker there, so the batch runs on the page): several files chosen
 * become the summary; a row opens its file in the single-workbook page, read again; 返回汇总 brings
 * back the same summary; choosing several files again starts a new batch.
 */
import { TextDecoder, TextEncoder } from "util";
Object.assign(globalThis, { TextDecoder, TextEncoder });

import "../../../tests/helpers/domStubs";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { seedXlsxBytes, withYearly } from "../../../tests/helpers/xlsx";
import WebPage from "../WebPage";

jest.setTimeout(90_000);

function xlsxFile(bytes: Uint8Array, name: string): File {
  return new File([bytes.slice().buffer as ArrayBuffer], name);
}

const rowFiles = () => screen.getAllByTestId("batch-row").map((r) => r.getAttribute("data-file"));

test("several files: the summary, a row opened in the grid, 返回汇总 to the same summary", async () => {
  const user = userEvent.setup();
  render(<WebPage />);
  await waitFor(() => expect(screen.getByTestId("current-file")).toHaveTextContent("示例工作簿"), { timeout: 30_000 });
  const planted = await seedXlsxBytes({ change: { A2: withYearly("penalty", [7, -9]) } });
  const files = [xlsxFile(await seedXlsxBytes(), "甲.xlsx"), xlsxFile(planted, "乙.xlsx"), xlsxFile(new Uint8Array(0), "空.xlsx")];
  fireEvent.change(screen.getByTestId("file-input"), { target: { files } });

  await waitFor(() => expect(screen.getByTestId("batch-count")).toHaveTextContent("已检查 3 个文件"), { timeout: 30_000 });
  expect(rowFiles()).toEqual(["甲.xlsx", "乙.xlsx", "空.xlsx"]);
  expect(screen.getByTestId("batch-progress")).toHaveAttribute("data-thread", "page");
  const before = screen.getAllByTestId("batch-row").map((r) => ({ ...r.dataset }));
  expect(before[1].errors).toBe("1");
  expect(before[2].error).toBe("文件为空（0 字节），请重新导出后再试。");
  expect(screen.queryByTestId("sheet-grid")).toBeNull();

  await user.click(screen.getAllByTestId("batch-row")[1]);
  await waitFor(() => expect(screen.getByTestId("current-file")).toHaveTextContent("乙.xlsx"), { timeout: 30_000 });
  expect(screen.getByTestId("sheet-grid")).toBeInTheDocument();
  expect(screen.queryByTestId("batch-row")).toBeNull();

  await user.click(screen.getByTestId("back-to-summary"));
  await waitFor(() => expect(screen.getAllByTestId("batch-row")).toHaveLength(3));
  expect(screen.getAllByTestId("batch-row").map((r) => ({ ...r.dataset }))).toEqual(before);

  // a new choice of several files is a new batch, of the same kinds of file as the first
  expect(screen.getByTestId("batch-file-input")).toHaveAttribute("accept", ".xlsx,.xlsm,.xltx,.xltm,.docx,.xls,.et,.ods");
  fireEvent.change(screen.getByTestId("batch-file-input"), { target: { files: [files[0], files[2]] } });
  await waitFor(() => expect(screen.getByTestId("batch-count")).toHaveTextContent("已检查 2 个文件"), { timeout: 30_000 });
  expect(rowFiles()).toEqual(["甲.xlsx", "空.xlsx"]);
});
