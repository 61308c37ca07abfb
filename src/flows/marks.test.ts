import type { Finding } from "../engine/findings";
import { annotationMarks, combineMarks, findingMark, markAddress, markKey, markNote, mergeMarks } from "./marks";

const finding = (cell: string, severity: Finding["severity"], message: string): Finding => ({
  rule: "r",
  severity,
  sheet: "附件2",
  cell,
  related: [],
  message,
  messageEn: `${message} (en)`,
});

describe("markKey", () => {
  it("treats $D$7 and d7 as the same cell", () => {
    expect(markAddress("$d$7")).toBe("D7");
    expect(markKey("S", "$D$7")).toBe(markKey("S", "d7"));
  });

  it("ignores the case of the sheet name, as Excel does", () => {
    expect(markKey("Sheet1", "A1")).toBe(markKey("SHEET1", "a1"));
    expect(markKey("Sheet1", "A1")).not.toBe(markKey("Sheet2", "A1"));
    expect(markKey("Sheet1", "A1")).not.toBe(markKey("Sheet1", "A11"));
  });

  it("keeps sheet and cell apart: no name and address run into another's", () => {
    expect(markKey("S1", "1A")).not.toBe(markKey("S", "11A"));
  });
});

describe("mergeMarks", () => {
  it("gives one mark per cell: the most severe severity and every distinct message, in order", () => {
    const merged = mergeMarks([
      findingMark(finding("D7", "info", "提示一")),
      findingMark(finding("D7", "error", "错误一")),
      findingMark(finding("E7", "warning", "需核实一")),
      findingMark(finding("d7", "info", "提示一")),
    ]);
    expect(merged).toEqual([
      { sheet: "附件2", address: "D7", severity: "error", messages: ["提示一", "错误一"] },
      { sheet: "附件2", address: "E7", severity: "warning", messages: ["需核实一"] },
    ]);
  });

  it("merges marks on one cell named with another case of its sheet, keeping the first name", () => {
    const merged = mergeMarks([
      { sheet: "Sheet1", address: "$B$2", severity: "warning", message: "a" },
      { sheet: "SHEET1", address: "b2", severity: "error", message: "b" },
    ]);
    expect(merged).toEqual([{ sheet: "Sheet1", address: "B2", severity: "error", messages: ["a", "b"] }]);
  });

  it("adds nothing twice when merged marks are merged again", () => {
    const once = combineMarks([
      { sheet: "S", address: "A1", severity: "info", message: "a" },
      { sheet: "S", address: "A1", severity: "info", message: "b" },
    ]);
    const again = combineMarks([
      ...once,
      { sheet: "S", address: "A1", severity: "warning", message: "b" },
      { sheet: "S", address: "A1", severity: "info", message: "c" },
    ]);
    expect(again).toEqual([{ sheet: "S", address: "A1", severity: "warning", message: "a\nb\nc" }]);
  });
});

test("a note lists one message a line", () => {
  expect(markNote(["一", "二"])).toBe("一\n二");
  expect(markNote([])).toBe("");
});

test("combineMarks gives each cell's messages as its note", () => {
  const marks = combineMarks([findingMark(finding("D7", "info", "提示一")), findingMark(finding("D7", "error", "错误一"))]);
  expect(marks).toEqual([{ sheet: "附件2", address: "D7", severity: "error", message: "提示一\n错误一" }]);
});

describe("annotationMarks", () => {
  it("names the severity and the rule of each finding on its own line", () => {
    const [m] = annotationMarks([finding("D7", "warning", "需核实一"), { ...finding("D7", "error", "错误一"), rule: "value-negative" }]);
    expect(m.severity).toBe("error");
    expect(m.message.split("\n")).toEqual(["【需核实】需核实一（r）", "【错误】错误一（value-negative）"]);
  });

  it("words them in English when asked", () => {
    const [m] = annotationMarks([finding("D7", "info", "提示一")], "en");
    expect(m.message).toBe("【Info】提示一 (en)（r）");
  });
});
