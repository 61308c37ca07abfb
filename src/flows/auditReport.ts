/**
 * The 审核报告 sheet: every finding as a row a reviewer can print and sign off, with the reviewer's
 * 审核说明 beside it, then a summary. Plain rows, so every host writes it the same way.
 */
import type { CellValue } from "../grid/grid";
import type { Analysis } from "../check/analyse";
import { AUDIT_SHEET, tableDef } from "../templates/tables";
import { countBySeverity, SEVERITY_LABELS } from "./severity";

export { AUDIT_SHEET };

export const AUDIT_HEADER: readonly string[] = ["序号", "规则", "严重程度", "附件", "工作表", "单元格", "问题说明", "审核说明"];

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Local time as a clerk writes it: `2025-01-31 14:05`. */
export function formatCheckedAt(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function auditReportRows(analysis: Analysis, meta: { file?: string; checkedAt: Date }): CellValue[][] {
  const rows: CellValue[][] = [[...AUDIT_HEADER]];
  analysis.findings.forEach((f, i) => {
    rows.push([i + 1, f.rule, SEVERITY_LABELS[f.severity], f.table ? tableDef(f.table).attachment : "", f.sheet, f.cell, f.message, f.explanation ?? ""]);
  });
  const counts = countBySeverity(analysis.findings);
  const width = AUDIT_HEADER.length;
  const line = (text: string): CellValue[] => [text, ...Array.from({ length: width - 1 }, () => null)];
  rows.push(Array.from({ length: width }, () => null));
  rows.push(
    line(
      `共 ${analysis.findings.length} 条：${SEVERITY_LABELS.error} ${counts.error} 条，${SEVERITY_LABELS.warning} ${counts.warning} 条，${SEVERITY_LABELS.info} ${counts.info} 条。` +
        (counts.error > 0 ? "存在错误，须改正后再报送。" : "没有错误。"),
    ),
  );
  const tables = analysis.tables.map((t) => tableDef(t.id).attachment).join("、");
  rows.push(line(`报告年度：${analysis.year ?? "未识别"}；识别到的表：${tables || "无"}`));
  if (meta.file) rows.push(line(`文件：${meta.file}`));
  rows.push(line(`审核时间：${formatCheckedAt(meta.checkedAt)}`));
  return rows;
}
