/**
 * The batch screen's downloads in jsdom: 审核汇总.xlsx handed to the browser once the batch is done,
 * and the 汇总 refused with the reason, naming the files (a unit twice), and nothing downloaded;
 * 与退回的上一批对比, in its own words while it runs and when it fails.
 */
import { TextDecoder, TextEncoder } from "util";
Object.assign(globalThis, { TextDecoder, TextEncoder });

import "../../../tests/helpers/domStubs";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import { seedXlsxBytes } from "../../../tests/helpers/xlsx";
import BatchScreen from "./BatchScreen";
import * as roundCompare from "./roundCompare";
import { BatchSession } from "./session";
import { blobBytes, captureDownloads } from "../../../tests/helpers/downloads";
import { filesIn, writeRound } from "../../../tests/helpers/round";
import { tempDir } from "../../../tests/cli/run";
import { readFileSync } from "fs";
import { basename } from "path";

const tmp = tempDir("batch-screen");
afterAll(() => tmp.cleanup());

/** The files under `dir` as chosen in a file dialog: by name. */
const filesOf = (dir: string) => filesIn(dir).map((p) => new File([readFileSync(p)], basename(p)));

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

test("与退回的上一批对比: the batch against the files sent back, shown and downloaded as xzzf compare's summary", async () => {
  const user = userEvent.setup();
  const downloads = captureDownloads();
  try {
    const { before, after } = await writeRound(tmp.path("round"));
    const session = new BatchSession(filesOf(after), async () => null);
    render(<BatchScreen session={session} onOpen={() => undefined} onManyFiles={() => undefined} />);
    // nothing to compare with until the batch is checked
    expect(screen.queryByTestId("batch-compare-input")).toBeNull();
    await act(() => session.start());
    await waitFor(() => expect(screen.getByTestId("batch-count")).toHaveTextContent("已检查 5 个文件"));

    await user.upload(screen.getByTestId("batch-compare-input"), filesOf(before));
    const summary = await screen.findByTestId("batch-compare-summary", undefined, { timeout: 30_000 });
    expect(summary).toHaveTextContent("对比了 2 份，新版仍有错误的 1 份；问题已消除 1 条，新出现 1 条；只有本批的 2 份，退回后未重新报送的 1 份。");
    const rows = screen.getAllByTestId("batch-compare-row").map((r) => Array.from(r.querySelectorAll("td:not([data-action])")).map((td) => td.textContent));
    expect(rows.map((r) => [r[0], r[1], r[2], r[9]])).toEqual([
      ["湘潭县林业局", "林业局.xlsx", "林业局（修改后）.xlsx", "需修改"],
      ["湘潭县 水利局", "水利.xlsx", "水利.xlsx", "需修改"],
      ["", "", "坏文件.xlsx", "无法读取"],
      ["湘潭县文化和旅游局", "", "文旅局.xlsx", "需修改"],
      ["湘潭县交通运输局", "交通局.xlsx", "", "未重新报送"],
    ]);

    await user.click(screen.getByTestId("batch-compare-download"));
    await waitFor(() => expect(downloads.saved.map((d) => d.name)).toEqual(["批次对比.csv"]));
    const bytes = await blobBytes(downloads.saved[0].blob);
    // the BOM Excel needs to read UTF-8 (TextDecoder drops it when decoding)
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const header = Array.from(screen.getByTestId("batch-compare").querySelectorAll("th:not([data-action])")).map((th) => th.textContent);
    expect(header).toEqual(["单位", "旧版", "新版", "对应方式", "改动单元格", "已消除", "新出现", "仍有", "新版错误", "新版状态"]);
    // a pair's changes, in 与旧版对比's view: the two resubmissions have them, the others none
    expect(screen.getAllByTestId("batch-compare-show")).toHaveLength(2);
    await user.click(screen.getAllByTestId("batch-compare-show")[0]);
    const changes = await screen.findByTestId("compare", undefined, { timeout: 30_000 });
    expect(changes).toHaveAccessibleName("与旧版“林业局.xlsx”对比");
    expect(screen.getAllByTestId("compare-cell").map((li) => li.textContent)).toEqual([expect.stringMatching(/「行政处罚\(件\)」2024年（N7）：-9 → 9$/)]);
    expect(new TextDecoder().decode(bytes)).toBe(`${[header, ...rows].map((r) => r.join(",")).join("\r\n")}\r\n`);
  } finally {
    downloads.restore();
  }
});

test("a new batch on the screen shows no comparison of the last one", async () => {
  const { before, after } = await writeRound(tmp.path("round-next"));
  const first = new BatchSession(filesOf(after), async () => null);
  const { rerender } = render(<BatchScreen session={first} onOpen={() => undefined} onManyFiles={() => undefined} />);
  await act(() => first.start());
  await userEvent.setup().upload(await screen.findByTestId("batch-compare-input"), filesOf(before));
  await screen.findByTestId("batch-compare-summary", undefined, { timeout: 30_000 });
  const next = new BatchSession(filesOf(before), async () => null);
  rerender(<BatchScreen session={next} onOpen={() => undefined} onManyFiles={() => undefined} />);
  expect(screen.queryByTestId("batch-compare")).toBeNull();
});

test("the comparison says what it does in its own words: 正在对比… while it runs, 对比失败 when it fails", async () => {
  const user = userEvent.setup();
  const seed = await seedXlsxBytes();
  const one = () => [new File([seed.slice().buffer as ArrayBuffer], "甲.xlsx")];
  let fail: (err: Error) => void = () => undefined;
  const compare = jest.spyOn(roundCompare, "compareWithSentBack").mockImplementation(() => new Promise((_, reject) => (fail = reject)));
  try {
    for (const [lang, words] of [
      ["zh", { busy: "正在对比…", failed: "对比失败", missing: "对比所需的程序没有加载成功", download: /正在生成|下载失败/ }],
      ["en", { busy: "Comparing…", failed: "Comparison failed", missing: "The code that compares the files did not load", download: /Making|Download failed/ }],
    ] as const) {
      localStorage.setItem("xzzf.lang", lang);
      const session = new BatchSession(one(), async () => null);
      const { unmount } = render(<BatchScreen session={session} onOpen={() => undefined} onManyFiles={() => undefined} />);
      await act(() => session.start());

      // the code it needs could not be fetched (the page was updated meanwhile, say)
      await user.upload(await screen.findByTestId("batch-compare-input"), one());
      await waitFor(() => expect(screen.getByTestId("batch-busy")).toHaveTextContent(words.busy));
      expect(screen.getByTestId("batch-busy")).not.toHaveTextContent(words.download);
      await act(async () => fail(Object.assign(new Error("Loading chunk batch-compare failed."), { name: "ChunkLoadError" })));
      let notice = await screen.findByTestId("batch-notice");
      expect(notice).toHaveTextContent(words.failed);
      expect(notice).toHaveTextContent(words.missing);
      expect(notice).not.toHaveTextContent(words.download);
      expect(screen.queryByTestId("batch-busy")).toBeNull();

      // any other failure: its own message, under the comparison's title
      await user.upload(screen.getByTestId("batch-compare-input"), one());
      await waitFor(() => expect(screen.getByTestId("batch-busy")).toHaveTextContent(words.busy));
      await act(async () => fail(new Error("磁盘已满")));
      notice = await screen.findByTestId("batch-notice");
      await waitFor(() => expect(notice).toHaveTextContent("磁盘已满"));
      expect(notice).toHaveTextContent(words.failed);
      expect(notice).not.toHaveTextContent(words.download);
      unmount();
    }
    expect(compare).toHaveBeenCalledTimes(4);
  } finally {
    compare.mockRestore();
    localStorage.clear();
  }
});
