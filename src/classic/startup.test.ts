/**
 * @jest-environment jsdom
 *
 * How the classic bundle starts: Excel mounts the pane; anywhere else, or when Office never answers,
 * the page says where it belongs; a failure while mounting is a sentence, never a blank pane.
 */
import { OfficeHost } from "../host/office/officeHost";
import { FakeWorkbook } from "../../tests/helpers/fakeExcel";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";
import { isExcel, startClassic, waitForExcel, type OfficeLike } from "./startup";

const HostType = { Excel: "Excel", Word: "Word" };

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement("div");
  root.id = "root";
  document.body.appendChild(root);
});
afterEach(() => {
  if (root.parentNode) root.parentNode.removeChild(root);
  jest.useRealTimers();
});

function fakeHost(): OfficeHost {
  const book = FakeWorkbook.fromSnapshot(seedSnapshot(), { level: 1 });
  return new OfficeHost({ run: book.run, isSetSupported: book.isSetSupported, createWorkbook: book.createWorkbook });
}

test("isExcel compares with Office's own HostType.Excel", () => {
  expect(isExcel({ HostType }, { host: "Excel" })).toBe(true);
  expect(isExcel({ HostType }, { host: "Word" })).toBe(false);
  expect(isExcel({ HostType }, null)).toBe(false);
  expect(isExcel({}, { host: "Excel" })).toBe(true);
});

test("in Excel (Office.onReady) the classic pane is mounted, with 生成报送副本 from the Office host", async () => {
  const office: OfficeLike = { HostType, onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }) };
  const pane = await startClassic(root, { office, createHost: fakeHost });
  expect(pane).not.toBeNull();
  expect(document.documentElement.getAttribute("data-pane")).toBe("classic");
  expect(root.getAttribute("data-pane")).toBe("classic");
  expect(root.querySelector('[data-testid="validate"]')).not.toBeNull();
  expect(root.querySelector('[data-testid="submission-copy"]')).not.toBeNull();
  pane?.destroy();
});

test("an office.js without onReady: Office.initialize, and the host from Office.context", async () => {
  const office: OfficeLike = { HostType, context: { requirements: { isSetSupported: () => true } } };
  const started = startClassic(root, { office, createHost: fakeHost });
  expect(typeof office.initialize).toBe("function");
  office.initialize?.("inserted");
  const pane = await started;
  expect(root.querySelector('[data-testid="validate"]')).not.toBeNull();
  pane?.destroy();
});

test("Office in another host: the page says it is Excel's pane, in Chinese and English", async () => {
  const office: OfficeLike = { HostType, onReady: () => Promise.resolve({ host: "Word" }) };
  expect(await startClassic(root, { office, createHost: fakeHost })).toBeNull();
  expect(root.textContent).toContain("开始 › 执法统计");
  expect(root.textContent).toContain("index.html");
  expect(root.textContent).toContain("Excel add-in");
});

test("no Office at all: the same message at once", async () => {
  expect(await startClassic(root, { office: undefined, createHost: fakeHost })).toBeNull();
  expect(root.textContent).toContain("需要在 Excel 中打开");
});

test("Office silent for 10 s: the message; an Excel answer afterwards still mounts the pane", () => {
  jest.useFakeTimers();
  let answer: (info: { host: unknown }) => void = () => undefined;
  const office: OfficeLike = { HostType, onReady: (cb) => void (answer = cb as typeof answer) };
  const onExcel = jest.fn();
  const onElsewhere = jest.fn();
  waitForExcel(office, 10000, onExcel, onElsewhere);
  jest.advanceTimersByTime(9999);
  expect(onElsewhere).not.toHaveBeenCalled();
  jest.advanceTimersByTime(1);
  expect(onElsewhere).toHaveBeenCalledTimes(1);
  answer({ host: "Excel" });
  expect(onExcel).toHaveBeenCalledTimes(1);
});

test("onReady answering through both its callback and its promise mounts once", async () => {
  const office: OfficeLike = {
    HostType,
    onReady: (cb) => {
      cb?.({ host: "Excel" });
      return Promise.resolve({ host: "Excel" });
    },
  };
  const onExcel = jest.fn();
  waitForExcel(office, 10000, onExcel, () => undefined);
  await Promise.resolve();
  await Promise.resolve();
  expect(onExcel).toHaveBeenCalledTimes(1);
});

test("a failure while mounting is a Chinese sentence with the error, not a blank pane", async () => {
  const office: OfficeLike = { HostType, onReady: () => Promise.resolve({ host: "Excel" }) };
  const pane = await startClassic(root, {
    office,
    createHost: () => {
      throw new Error("Excel.run is not a function");
    },
  });
  expect(pane).toBeNull();
  const alert = root.querySelector('[role="alert"]');
  expect(alert?.textContent).toContain("任务窗格加载失败");
  expect(alert?.textContent).toContain("Excel.run is not a function");
});
