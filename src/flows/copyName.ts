/** The names of the copies the web page and `xzzf annotate --out-dir` hand back, apart from the code that makes them. */
export type CopyKind = "annotated" | "ratios" | "submission";

const SUFFIX: Record<CopyKind, string> = { annotated: "标注", ratios: "同比", submission: "报送" };

/** The workbook's own extension; a copy is always .xlsx (`报表.xls` → `报表-标注.xlsx`, not `报表.xls-标注.xlsx`). */
const WORKBOOK_EXTENSION = /\.(xlsx|xlsm|xltx|xltm|xls|et|ods)$/i;

/** `报表.xlsx` → `报表-标注.xlsx`. */
export function copyName(fileName: string, kind: CopyKind): string {
  const base = fileName.replace(WORKBOOK_EXTENSION, "").trim() || "工作簿";
  return `${base}-${SUFFIX[kind]}.xlsx`;
}
