/**
 * The web page opening a 工作报告 (.docx) like a workbook (issue 14): its tables in the grid, 校验 on
 * the tables and the body, the body findings with their sentence, the report's download, and every
 * bad report refused with one sentence naming the file while the open workbook stays.
 */
import { TextDecoder, TextEncoder } from "util";
Object.assign(globalThis, { TextDecoder, TextEncoder });

import "../../tests/helpers/domStubs";
import { readFileSync } from "fs";
import { join } from "path";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { analyse } from "../check/analyse";
import { readState } from "../engine/stateSheet";
import { AUDIT_SHEET } from "../flows/auditReport";
import { countBySeverity } from "../flows/severity";
import { readDocx } from "../host/docx/readDocx";
import { ExcelJSHost } from "../host/xlsx/exceljsHost";
import { ole2, rawZip, rezip, zerosDeflate } from "../../tests/robust/bytes";
import WebApp, { reportCopyName } from "./WebApp";
import { SAMPLE_FILE_NAME } from "./sampleWorkbook";
import { blobBytes, captureDownloads } from "../../tests/helpers/downloads";

jest.setTimeout(90_000);

const REPORT = "seed-report.docx";
const reportBytes = () => new Uint8Array(readFileSync(join(__dirname, "..", "..", "tests", "fixtures", "report", REPORT)));
const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function file(bytes: Uint8Array, name: string): File {
  return new File([bytes.slice().buffer as ArrayBuffer], name, { type: DOCX_MIME });
}

async function opened(name: string) {
  await waitFor(() => expect(screen.getByTestId("current-file")).toHaveTextContent(name), { timeout: 30_000 });
  await waitFor(() => expect(screen.queryByTestId("busy")).not.toBeInTheDocument(), { timeout: 30_000 });
}

async function validated(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId("validate"));
  await screen.findByTestId("count-error", undefined, { timeout: 30_000 });
  await waitFor(() => expect(screen.queryByTestId("busy")).not.toBeInTheDocument(), { timeout: 30_000 });
}

beforeEach(() => localStorage.clear());

test("a .docx opens as its tables; 校验 checks the tables and the body; a body finding shows its sentence", async () => {
  const user = userEvent.setup();
  render(<WebApp />);
  await opened(SAMPLE_FILE_NAME);
  expect(screen.getByTestId("file-input").getAttribute("accept")).toContain(".docx");
  await user.upload(screen.getByTestId("file-input"), file(reportBytes(), REPORT));
  await opened(REPORT);

  const tablist = within(screen.getByRole("tablist", { name: "工作表" }));
  expect(tablist.getAllByRole("tab").map((t) => t.textContent)).toEqual(["表1", "表2", "表3", "表4"]);
  // the fix of a report goes into Word: no ratio or submission copy of tables read out of it
  expect(screen.getByTestId("download-annotated")).toBeInTheDocument();
  expect(screen.queryByTestId("download-ratios")).toBeNull();
  expect(screen.queryByTestId("download-submission")).toBeNull();
  expect(screen.queryByTestId("submission-copy")).toBeNull();
  expect(screen.getByTestId("report-attached")).toHaveTextContent(REPORT);

  await validated(user);
  const r = readDocx(reportBytes(), { file: REPORT });
  const expected = countBySeverity(analyse(r.snapshot, { body: r.paragraphs }).findings);
  const shown = { error: 0, warning: 0, info: 0 };
  for (const sev of ["error", "warning", "info"] as const) shown[sev] = Number(screen.getByTestId(`count-${sev}`).textContent);
  expect(shown).toEqual(expected);
  // issue 14: the seed's 46 table findings, and the three on its body
  expect(shown.error + shown.warning + shown.info).toBe(49);
  // 提示 is folded until opened
  await user.click(screen.getByRole("button", { name: /^提示/ }));
  const findings = await screen.findAllByTestId("finding");
  expect(findings).toHaveLength(49);
  const body = findings.filter((li) => li.getAttribute("data-rule")!.startsWith("report-"));
  expect(body.map((li) => li.getAttribute("data-rule")).sort()).toEqual(["report-measure-differs", "report-measure-note", "report-measure-note"]);
  for (const li of body) expect(within(li).getByTestId("finding-quote").querySelector("mark")).not.toBeNull();

  const fine = body.find((li) => li.getAttribute("data-rule") === "report-measure-differs")!;
  const quote = within(fine).getByTestId("finding-quote");
  expect(quote.querySelector("mark")!.textContent).toBe("589万余元");
  const paragraph = r.paragraphs.findIndex((p) => p.includes("589万余元")) + 1;
  expect(quote).toHaveTextContent(`第${paragraph}段`);
  expect(quote).toHaveTextContent("罚款589万余元");
  // the message does not quote the sentence a second time
  const message = within(fine).getByRole("button", { name: /正文所述/ });
  expect(message.textContent).not.toContain(`第${paragraph}段`);
  expect(message.textContent).toContain("589万余元");
  expect(fine.querySelectorAll("mark")).toHaveLength(1);
});

test("the report's download is a new .xlsx of its tables, marked, with the 审核报告 listing the body findings", async () => {
  const downloads = captureDownloads();
  try {
    const user = userEvent.setup();
    render(<WebApp />);
    await opened(SAMPLE_FILE_NAME);
    await user.upload(screen.getByTestId("file-input"), file(reportBytes(), REPORT));
    await opened(REPORT);
    await validated(user);
    await user.click(screen.getByTestId("download-annotated"));
    await waitFor(() => expect(downloads.saved.map((d) => d.name)).toEqual(["seed-report-审核.xlsx"]), { timeout: 60_000 });
    const copy = await (await ExcelJSHost.fromBytes(await blobBytes(downloads.saved[0].blob))).readSnapshot();
    expect(copy.sheets.filter((s) => !s.hidden).map((s) => s.name)).toEqual(["表1", "表2", "表3", "表4", AUDIT_SHEET]);
    const r = readDocx(reportBytes(), { file: REPORT });
    // the tables as read, merges too
    for (const s of r.snapshot.sheets) {
      const c = copy.sheets.find((x) => x.name === s.name)!;
      expect(c.merges.length).toBe(s.merges.length);
      s.values.forEach((row, i) => row?.forEach((v, j) => expect([s.name, i, j, c.values[i]?.[j]]).toEqual([s.name, i, j, v])));
    }
    // the body finding's cell is marked like any other
    const fine = analyse(r.snapshot, { body: r.paragraphs }).findings.find((f) => f.rule === "report-measure-differs")!;
    expect(readState(copy).marks.map((m) => `${m.sheet}!${m.cell}`)).toContain(`${fine.sheet}!${fine.cell}`);
    const audit = copy.sheets.find((s) => s.name === AUDIT_SHEET)!;
    const rules = audit.values
      .slice(1)
      .map((row) => row?.[1])
      .filter((x) => typeof x === "string" && x.length > 0);
    expect(rules).toHaveLength(49);
    expect(rules.filter((x) => String(x).startsWith("report-"))).toHaveLength(3);
  } finally {
    downloads.restore();
  }
});

test("the report's copy is named after it", () => {
  expect(reportCopyName("工作报告.docx")).toBe("工作报告-审核.xlsx");
  expect(reportCopyName("县局报告.DOCX")).toBe("县局报告-审核.xlsx");
  // a report named .xlsx (told apart by what it holds)
  expect(reportCopyName("报告.xlsx")).toBe("报告-审核.xlsx");
  expect(reportCopyName(".docx")).toBe("工作报告-审核.xlsx");
});

describe("a bad report: one sentence naming the file, and the open workbook stays", () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const noTables = () =>
    rezip(reportBytes(), (parts) => {
      parts["word/document.xml"] = new TextEncoder().encode(
        `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>立案查处自然资源违法行为12件</w:t></w:r></w:p></w:body></w:document>`,
      );
    });
  const cases: Array<[string, string, () => Uint8Array, string]> = [
    [
      "a Word 97 .doc",
      "工作报告.doc",
      () => new Uint8Array(readFileSync(join(__dirname, "..", "..", "tests", "fixtures", "report", "seed-report.doc"))),
      "是旧版 Word .doc 文件",
    ],
    ["a truncated .docx", "截断.docx", () => reportBytes().subarray(0, Math.floor(reportBytes().length / 2)), "已损坏或不完整"],
    ["a .docx without tables", "无表.docx", noTables, "中未找到表格"],
    [
      "an encrypted .docx",
      "加密.docx",
      () =>
        ole2([
          { name: "EncryptionInfo", data: new Uint8Array(300) },
          { name: "EncryptedPackage", data: new Uint8Array(5000) },
        ]),
      "已加密",
    ],
    [
      "a zip bomb disguised as .docx",
      "炸弹.docx",
      () => rawZip([{ name: "word/document.xml", data: zerosDeflate(1000), size: 200 * 1024 * 1024 }]),
      "疑似压缩炸弹",
    ],
    // named .xlsx: told apart by what it holds
    ["a report without tables named .xlsx", "无表.xlsx", noTables, "中未找到表格"],
  ];

  test.each(cases)("%s", async (_what, name, bytes, says) => {
    const user = userEvent.setup({ applyAccept: false });
    render(<WebApp />);
    await opened(SAMPLE_FILE_NAME);
    const before = screen.getByTestId("sheet-grid").innerHTML;
    await user.upload(screen.getByTestId("file-input"), file(bytes(), name));
    const alert = await screen.findByRole("alert", undefined, { timeout: 30_000 });
    expect(alert).toHaveTextContent(`“${name}”`);
    expect(alert).toHaveTextContent(says);
    expect(alert.textContent).not.toMatch(/at \w+ \(|Error:/);
    expect(screen.getByTestId("current-file")).toHaveTextContent(SAMPLE_FILE_NAME);
    expect(screen.getByTestId("sheet-grid").innerHTML).toBe(before);
  });
});

test("a report attached in the pane to a workbook: the 标注副本 lists its body findings; detached, it does not", async () => {
  const downloads = captureDownloads();
  try {
    const user = userEvent.setup();
    render(<WebApp />);
    await opened(SAMPLE_FILE_NAME);
    const seed = new Uint8Array(readFileSync(join(__dirname, "..", "..", "tests", "fixtures", "files", "seed.xlsx")));
    await user.upload(screen.getByTestId("file-input"), new File([seed.slice().buffer as ArrayBuffer], "seed.xlsx"));
    await opened("seed.xlsx");
    await user.upload(screen.getByTestId("report-input"), file(reportBytes(), REPORT));
    await screen.findByTestId("report-attached", undefined, { timeout: 30_000 });
    await waitFor(() => expect(screen.queryByTestId("busy")).not.toBeInTheDocument(), { timeout: 30_000 });

    const auditRules = async (n: number) => {
      await user.click(screen.getByTestId("download-annotated"));
      await waitFor(() => expect(downloads.saved).toHaveLength(n), { timeout: 60_000 });
      const copy = await (await ExcelJSHost.fromBytes(await blobBytes(downloads.saved[n - 1].blob))).readSnapshot();
      const audit = copy.sheets.find((s) => s.name === AUDIT_SHEET)!;
      return audit.values
        .slice(1)
        .map((row) => row?.[1])
        .filter((x): x is string => typeof x === "string" && x.length > 0);
    };
    const seedSnapshot = await (await ExcelJSHost.fromBytes(seed)).readSnapshot();
    const body = readDocx(reportBytes(), { file: REPORT }).paragraphs;
    const expected = analyse(seedSnapshot, { body })
      .findings.filter((f) => f.rule.startsWith("report-"))
      .map((f) => f.rule);
    expect(expected.length).toBeGreaterThan(0);

    const withReport = await auditRules(1);
    expect(withReport.filter((r) => r.startsWith("report-")).sort()).toEqual(expected.sort());

    await user.click(screen.getByTestId("report-detach"));
    const without = await auditRules(2);
    expect(without.filter((r) => r.startsWith("report-"))).toEqual([]);
    expect(without.length).toBe(withReport.length - expected.length);
  } finally {
    downloads.restore();
  }
});
