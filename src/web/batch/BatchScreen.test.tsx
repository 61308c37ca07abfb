/**
 * The batch screen's downloads in jsdom: 审核汇总.xlsx handed to the browser once the batch is done,
 * and the 汇总 refused with the reason, naming the files (a unit twice), and nothing downloaded.
 */
import { TextDecoder, TextEncoder } from "util";
Object.assign(globalThis, { TextDecoder, TextEncoder });

import "../../../tests/helpers/domStubs";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import { seedXlsxBytes } from "../../../tests/helpers/xlsx";
import BatchScreen from "./BatchScreen";
import { BatchSession } from "./session";
import { blobBytes, captureDownloads } from "../../../tests/helpers/downloads";

jest.setTimeout(90_000);

test("审核汇总 downloads once the batch is done; the 汇总 of one unit twice is refused, naming both files", async () => {
  const user = userEvent.setup();
  const downloads = captureDownloads();
  try {
    const seed = await seedXlsxBytes();
    const files = [
      new File([seed.slice().buffer as ArrayBuffer], "甲.xlsx"),
      new File([seed.slice().buffer as ArrayBuffer], "乙.xlsx"),
      new File([new Uint8Array(0)], "空.xlsx"),
    ];
    const session = new BatchSession(files, async () => null);
    render(<BatchScreen session={session} onOpen={() => undefined} onManyFiles={() => undefined} />);
    // before the batch ends there is nothing complete to download
    expect(screen.getByTestId("batch-summary-download")).toHaveAttribute("aria-disabled", "true");
    await act(() => session.start());
    await waitFor(() => expect(screen.getByTestId("batch-count")).toHaveTextContent("已检查 3 个文件"));

    await user.click(screen.getByTestId("batch-summary-download"));
    await waitFor(() => expect(downloads.saved.map((d) => d.name)).toEqual(["审核汇总.xlsx"]), { timeout: 30_000 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await blobBytes(downloads.saved[0].blob)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("汇总")!.rowCount).toBe(4);
    expect(wb.getWorksheet("问题清单")!.rowCount).toBe(1 + 46 + 46 + 1);

    await user.click(screen.getByTestId("batch-aggregate-download"));
    const notice = await screen.findByTestId("batch-notice", undefined, { timeout: 30_000 });
    await waitFor(() => expect(notice).toHaveTextContent("不能汇总"));
    expect(notice).toHaveTextContent("「湘潭县自然资源局」出现在 2 个文件中（甲.xlsx、乙.xlsx），可能重复统计");
    expect(notice).toHaveTextContent("以下文件无法读取，未计入汇总：空.xlsx");
    expect(notice).not.toHaveTextContent("--keep");
    expect(downloads.saved).toHaveLength(1);
  } finally {
    downloads.restore();
  }
});
