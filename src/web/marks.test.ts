import type { Finding } from "../engine/findings";
import { annotationMarks, combineMarks, markKey, marksForFindings } from "./marks";

const finding = (cell: string, severity: Finding["severity"], message: string): Finding => ({
  rule: "r",
  severity,
  sheet: "附件2",
  cell,
  related: [],
  message,
  messageEn: message,
});

describe("marks", () => {
  it("gives one mark per cell: the most severe severity and every distinct message", () => {
    const marks = marksForFindings([
      finding("D7", "info", "提示一"),
      finding("D7", "error", "错误一"),
      finding("E7", "warning", "需核实一"),
      finding("D7", "info", "提示一"),
    ]);
    expect(marks).toHaveLength(2);
    const d7 = marks.find((m) => m.address === "D7");
    expect(d7).toEqual({ sheet: "附件2", address: "D7", severity: "error", message: "提示一\n错误一" });
  });

  it("treats $D$7 and d7 as the same cell", () => {
    expect(markKey("S", "$D$7")).toBe(markKey("S", "d7"));
    expect(combineMarks([
      { sheet: "S", address: "D7", severity: "warning", message: "a" },
      { sheet: "S", address: "$D$7", severity: "warning", message: "b" },
    ])).toHaveLength(1);
  });
});

test("an annotated copy's note names the severity and the rule of each finding", () => {
  const [m] = annotationMarks([finding("D7", "warning", "需核实一"), { ...finding("D7", "error", "错误一"), rule: "value-negative" }]);
  expect(m.severity).toBe("error");
  expect(m.message.split("\n")).toEqual(["【需核实】需核实一（r）", "【错误】错误一（value-negative）"]);
});
