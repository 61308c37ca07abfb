/**
 * The summary table: a row per file with its numbers as data attributes (or the unreadable file's
 * sentence), 可报送 only with no error and every warning explained, sorting, the errors filter, and
 * a row opened by click or Enter.
 */
import "../../../tests/helpers/domStubs";
import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { BatchView } from "./BatchView";
import type { BatchSnapshot } from "./session";
import { unreadable } from "./readForBatch";
import { stateOf } from "../../flows/fileState";
import type { FileSummary } from "./types";
import { readErrors } from "../../host/xlsx/errors";
import { webTranslator } from "../../i18n/web";

function summary(index: number, name: string, unit: string, counts: [number, number, number], explained = 0, year: number | null = 2024): FileSummary {
  const c = { error: counts[0], warning: counts[1], info: counts[2] };
  return { index, name, kind: "xlsx", unit, year, tables: ["A2", "A3"], counts: c, explained, state: stateOf(2, c, explained), findings: [] };
}

const RESULTS: FileSummary[] = [
  summary(0, "b-乙局.xlsx", "乙局", [2, 3, 1]),
  summary(1, "a-甲局.xlsx", "甲局", [0, 2, 5], 2),
  unreadable(2, "c-空.xlsx", readErrors.empty()),
  summary(3, "d-丙局.xlsx", "丙局", [5, 0, 0]),
  summary(4, "e-丁局.xlsx", "丁局", [0, 4, 0], 1),
];

function snap(results: FileSummary[], running = false, total = results.length): BatchSnapshot {
  return { total, results, running, stopped: false, onMainThread: false };
}

function show(s: BatchSnapshot, onOpen = jest.fn(), onStop?: () => void) {
  render(
    <FluentProvider theme={webLightTheme}>
      <BatchView snapshot={s} onOpen={onOpen} onStop={onStop} />
    </FluentProvider>,
  );
  return onOpen;
}

const rows = () => screen.getAllByTestId("batch-row");
const files = () => rows().map((r) => r.getAttribute("data-file"));

test("a row per file: counts as data attributes, the unreadable file's sentence, 可报送 only when nothing is left to do", () => {
  show(snap(RESULTS));
  expect(files()).toEqual(["b-乙局.xlsx", "a-甲局.xlsx", "c-空.xlsx", "d-丙局.xlsx", "e-丁局.xlsx"]);
  const [b, a, c, , e] = rows();
  expect([b.dataset.errors, b.dataset.warnings, b.dataset.infos]).toEqual(["2", "3", "1"]);
  expect(b.dataset.error).toBeUndefined();
  expect(c.dataset.errors).toBeUndefined();
  expect(c.dataset.error).toBe("文件为空（0 字节），请重新导出后再试。");
  expect(within(c).getByTestId("batch-state")).toHaveTextContent("无法读取文件为空（0 字节），请重新导出后再试。");
  // no error and both warnings explained
  expect(within(a).getByTestId("batch-state")).toHaveTextContent("可报送");
  // one of four warnings explained
  expect(within(e).getByTestId("batch-state")).toHaveTextContent("需修改");
  expect(within(b).getByTestId("batch-state")).toHaveTextContent("需修改");
  expect(
    within(a)
      .getAllByRole("cell")
      .map((x) => x.textContent),
  ).toEqual(["a-甲局.xlsx", "甲局", "2024", "附件2、附件3", "0", "2", "5", "2", "可报送"]);
  expect(screen.getByTestId("batch-count")).toHaveTextContent("已检查 5 个文件：可报送 1 个，需修改 3 个，无法读取 1 个。");
});

test("in English, an unreadable file's reason is the English sentence", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <BatchView snapshot={snap(RESULTS)} onOpen={jest.fn()} t={webTranslator("en")} lang="en" />
    </FluentProvider>,
  );
  const c = rows()[2];
  expect(within(c).getByTestId("batch-state")).toHaveTextContent(`Cannot be read${readErrors.empty().messageEn}`);
  expect(within(c).getByTestId("batch-state")).not.toHaveTextContent("文件为空");
});

test("sorting: a click sorts ascending, a second click descending; the unreadable file stays last", async () => {
  const user = userEvent.setup();
  show(snap(RESULTS));
  await user.click(screen.getByTestId("batch-sort-errors"));
  expect(files()).toEqual(["a-甲局.xlsx", "e-丁局.xlsx", "b-乙局.xlsx", "d-丙局.xlsx", "c-空.xlsx"]);
  await user.click(screen.getByTestId("batch-sort-errors"));
  expect(files()).toEqual(["d-丙局.xlsx", "b-乙局.xlsx", "a-甲局.xlsx", "e-丁局.xlsx", "c-空.xlsx"]);
  expect(screen.getByTestId("batch-sort-errors").closest('[role="columnheader"]')).toHaveAttribute("aria-sort", "descending");
  await user.click(screen.getByTestId("batch-sort-file"));
  expect(files()).toEqual(["a-甲局.xlsx", "b-乙局.xlsx", "c-空.xlsx", "d-丙局.xlsx", "e-丁局.xlsx"]);
  await user.click(screen.getByTestId("batch-sort-state"));
  expect(files()).toEqual(["a-甲局.xlsx", "b-乙局.xlsx", "d-丙局.xlsx", "e-丁局.xlsx", "c-空.xlsx"]);
});

test("只看有错误的文件 keeps the files with errors and the unreadable ones", async () => {
  const user = userEvent.setup();
  show(snap(RESULTS));
  await user.click(screen.getByLabelText("只看有错误的文件"));
  expect(files()).toEqual(["b-乙局.xlsx", "c-空.xlsx", "d-丙局.xlsx"]);
  await user.click(screen.getByLabelText("只看有错误的文件"));
  expect(rows()).toHaveLength(5);
});

test("a row opens its file on click and on Enter", async () => {
  const user = userEvent.setup();
  const onOpen = show(snap(RESULTS));
  await user.click(within(rows()[3]).getByText("丙局"));
  expect(onOpen).toHaveBeenLastCalledWith(3);
  rows()[1].focus();
  fireEvent.keyDown(rows()[1], { key: "Enter" });
  expect(onOpen).toHaveBeenLastCalledWith(1);
  expect(onOpen).toHaveBeenCalledTimes(2);
});

test("while running: progress n / total and a stop button", async () => {
  const user = userEvent.setup();
  const onStop = jest.fn();
  show(snap(RESULTS.slice(0, 2), true, 30), jest.fn(), onStop);
  expect(screen.getByTestId("batch-count")).toHaveTextContent("已检查 2 / 30");
  expect(screen.getByRole("progressbar")).toBeInTheDocument();
  expect(rows()).toHaveLength(2);
  await user.click(screen.getByRole("button", { name: "停止检查" }));
  expect(onStop).toHaveBeenCalledTimes(1);
});
