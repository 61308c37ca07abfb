/**
 * 对照工作报告 in the pane: the .docx is read by the real reader (a LibreOffice-made fixture of the seed
 * report), its body is checked against the open workbook's tables, and the findings mark those cells.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { analyse } from "../check/analyse";
import type { RecognisedYearlyTable } from "../engine/model";
import { MemoryHost } from "../../tests/helpers/memoryHost";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";
import "../../tests/helpers/domStubs";
import { Pane } from "./Pane";

const FIXTURES = join(__dirname, "..", "..", "tests", "fixtures");
const SEED_REPORT = readFileSync(join(FIXTURES, "report", "seed-report.docx"));
const SEED_XLSX = readFileSync(join(FIXTURES, "files", "seed.xlsx"));

function a2Of(host: MemoryHost): RecognisedYearlyTable {
  const t = analyse(host.workbook).tables.find((x) => x.id === "A2");
  if (!t || t.shape !== "yearly") throw new Error("A2 not recognised");
  return t;
}

function setup() {
  const host = new MemoryHost(seedSnapshot());
  const user = userEvent.setup();
  render(<Pane host={host} mode="excel" />);
  return { host, user, a2: a2Of(host) };
}

const lastMarks = (host: MemoryHost) => {
  const calls = host.callsOf("mark");
  return calls.length ? calls[calls.length - 1].marks : [];
};

test("对照工作报告 checks the body against the tables and marks the table cells", async () => {
  const { host, user, a2 } = setup();
  await user.upload(screen.getByTestId("report-input"), new File([SEED_REPORT], "2024年工作报告.docx"));
  const notice = await screen.findByTestId("notice", {}, { timeout: 10000 });
  expect(notice).toHaveTextContent("已对照工作报告「2024年工作报告.docx」");
  expect(notice).toHaveTextContent("3 处数字需核对");
  expect(screen.getByTestId("report-attached")).toHaveTextContent("2024年工作报告.docx");

  const fines = a2.blocks[0].categories.fines.current.address;
  const marked = lastMarks(host).filter((m) => m.sheet === a2.sheet && m.address === fines);
  // 罚款589万余元 cannot be right beside 4,005,196.42 元 of 罚没 (需核实); 已执收到位512万余元 is a note on the same cell.
  expect(marked.map((m) => m.severity).sort()).toEqual(["info", "warning"]);
  expect(marked.find((m) => m.severity === "warning")?.message).toContain("589万余元");
  expect(marked.find((m) => m.severity === "info")?.message).toContain("512万余元");
});

test("every later 校验 includes the body until 取消对照", async () => {
  const { host, user } = setup();
  await user.upload(screen.getByTestId("report-input"), new File([SEED_REPORT], "报告.docx"));
  await screen.findByTestId("report-attached", {}, { timeout: 10000 });
  const withReport = lastMarks(host).length;

  await user.click(screen.getByTestId("validate"));
  await waitFor(() => expect(host.callsOf("mark").length).toBe(2));
  expect(lastMarks(host).length).toBe(withReport);

  await user.click(screen.getByTestId("report-detach"));
  expect(screen.queryByTestId("report-attached")).toBeNull();
  await user.click(screen.getByTestId("validate"));
  await waitFor(() => expect(host.callsOf("mark").length).toBe(3));
  expect(lastMarks(host).length).toBeLessThan(withReport);
  expect(lastMarks(host).some((m) => /第\d+段/.test(m.message))).toBe(false);
});

test("a workbook chosen instead of a report is named in one sentence, and nothing is marked", async () => {
  const { host, user } = setup();
  await user.upload(screen.getByTestId("report-input"), new File([SEED_XLSX], "统计表.docx"));
  const notice = await screen.findByTestId("notice", {}, { timeout: 10000 });
  expect(notice).toHaveAttribute("data-intent", "error");
  expect(notice).toHaveTextContent("统计表.docx");
  expect(host.callsOf("mark")).toEqual([]);
  expect(screen.queryByTestId("report-attached")).toBeNull();
});
