/** The names of the copies the web page hands back, apart from the code that makes them (loaded with ExcelJS). */
export type CopyKind = "annotated" | "ratios" | "submission";

const SUFFIX: Record<CopyKind, string> = { annotated: "标注", ratios: "同比", submission: "报送" };

/** `报表.xlsx` → `报表-标注.xlsx`. */
export function copyName(fileName: string, kind: CopyKind): string {
  const base = fileName.replace(/\.xlsx$/i, "").trim() || "工作簿";
  return `${base}-${SUFFIX[kind]}.xlsx`;
}
