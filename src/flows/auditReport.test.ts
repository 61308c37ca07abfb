import { analyse } from "../check/analyse";
import { stateRows, setNote, emptyState, STATE_SHEET } from "../engine/stateSheet";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";
import { AUDIT_HEADER, auditReportRows, formatCheckedAt } from "./auditReport";
import { SEVERITY_LABELS, countBySeverity } from "./severity";

describe("auditReportRows", () => {
  const checkedAt = new Date(2025, 0, 31, 14, 5);

  test("a header, one row per finding in order, then a summary with counts, file and time", () => {
    const a = analyse(seedSnapshot());
    const rows = auditReportRows(a, { file: "seed.xlsx", checkedAt });
    expect(rows[0]).toEqual(["序号", "规则", "严重程度", "附件", "工作表", "单元格", "问题说明", "审核说明"]);
    const body = rows.slice(1, 1 + a.findings.length);
    body.forEach((r, i) => {
      const f = a.findings[i];
      expect(r).toEqual([i + 1, f.rule, SEVERITY_LABELS[f.severity], `附件${f.table?.slice(1)}`, f.sheet, f.cell, f.message, ""]);
    });
    const summary = rows
      .slice(1 + a.findings.length)
      .map((r) => String(r[0] ?? ""))
      .join("\n");
    expect(summary).toContain("共 46 条：错误 0 条，需核实 38 条，提示 8 条");
    expect(summary).toContain("报告年度：2024");
    expect(summary).toContain("文件：seed.xlsx");
    expect(summary).toContain("审核时间：2025-01-31 14:05");
    for (const r of rows) expect(r).toHaveLength(AUDIT_HEADER.length);
  });

  test("a reviewer's note kept in the state sheet appears as 审核说明 beside its finding", () => {
    const first = analyse(seedSnapshot()).findings.find((f) => f.severity === "warning");
    if (!first) throw new Error("the seed has warnings");
    const state = setNote(emptyState(), { rule: first.rule, sheet: first.sheet, cell: first.cell, text: "本年度未发生此类案件", time: "t" });
    const snap = seedSnapshot();
    snap.sheets.push({ name: STATE_SHEET, values: stateRows(state), merges: [], hidden: true });
    const a = analyse(snap);
    const rows = auditReportRows(a, { checkedAt });
    const row = rows.find((r) => r[1] === first.rule && r[5] === first.cell);
    expect(row?.[7]).toBe("本年度未发生此类案件");
  });

  test("formatCheckedAt pads", () => {
    expect(formatCheckedAt(new Date(2024, 2, 5, 7, 9))).toBe("2024-03-05 07:09");
  });

  test("countBySeverity counts every severity", () => {
    expect(countBySeverity([{ severity: "error" }, { severity: "info" }, { severity: "error" }])).toEqual({ error: 2, warning: 0, info: 1 });
  });
});
