/**
 * A round of corrections compared: each resubmitted report paired with its old version (pairVersions:
 * by unit, then by file name) and compared (compareAnalyses), and the files nothing answers. Pure:
 * `xzzf compare <旧版文件夹> <新版文件夹>` reads folders into it, the web page chosen files.
 */
import type { Analysis } from "../check/analyse";
import type { Finding } from "../engine/findings";
import { compareAnalyses, type Comparison } from "./compare";
import { explainedWarnings, stateOf, stateText, type FileState } from "./fileState";
import { pairVersions, type VersionFile, type VersionPair } from "./pairVersions";
import { countBySeverity } from "./severity";

export interface SideFile extends VersionFile {
  analysis?: Analysis;
  /** Why the file could not be read, naming it. */
  error?: string;
}

export interface FolderPair extends VersionPair<SideFile> {
  /** When both versions were read. */
  comparison?: Comparison;
}

/** What the two sides come to: pairs in the new side's order, then the files only one side has. */
export interface RoundComparison {
  pairs: FolderPair[];
  onlyAfter: SideFile[];
  onlyBefore: SideFile[];
}

export function compareRound(before: readonly SideFile[], after: readonly SideFile[]): RoundComparison {
  const p = pairVersions(before, after);
  const pairs = p.pairs.map((x): FolderPair =>
    x.before.analysis && x.after.analysis ? { ...x, comparison: compareAnalyses(x.before.analysis, x.after.analysis) } : x,
  );
  return { pairs, onlyAfter: p.onlyAfter, onlyBefore: p.onlyBefore };
}

/** The findings of the new version of a pair, or of a new file. */
export function nowFindings(x: FolderPair | SideFile): readonly Finding[] {
  if ("comparison" in x && x.comparison) return [...x.comparison.remaining, ...x.comparison.added];
  const file = "after" in x ? x.after : x;
  return file.analysis?.findings ?? [];
}

function newState(file: SideFile): FileState {
  if (!file.analysis) return "unreadable";
  const f = file.analysis.findings;
  return stateOf(file.analysis.tables.length, countBySeverity(f), explainedWarnings(f));
}

/** The round in numbers, as the last line of compare's text report and the web page say it. */
export function roundTotals(c: RoundComparison): { compared: number; withErrors: number; uncompared: number; resolved: number; added: number } {
  const compared = c.pairs.filter((x) => x.comparison);
  return {
    compared: compared.length,
    withErrors: compared.filter((x) => countBySeverity(nowFindings(x)).error > 0).length,
    uncompared: c.pairs.length - compared.length,
    resolved: compared.reduce((n, x) => n + x.comparison!.resolved.length, 0),
    added: compared.reduce((n, x) => n + x.comparison!.added.length, 0),
  };
}

export function unitOrFile(f: SideFile): string {
  return f.unit || f.relative;
}

const ROUND_COLUMNS = {
  zh: ["单位", "旧版", "新版", "对应方式", "改动单元格", "已消除", "新出现", "仍有", "新版错误", "新版状态"],
  en: ["Unit", "Old", "New", "Paired by", "Cells changed", "Resolved", "New", "Remaining", "Errors", "State"],
};

/** One row per unit, header first: `xzzf compare --format summary` and the web page's 批次对比 table. */
export function roundRows(c: RoundComparison, lang: "zh" | "en"): string[][] {
  const by = { unit: lang === "en" ? "unit" : "单位", name: lang === "en" ? "file name" : "文件名" };
  const rows: string[][] = [ROUND_COLUMNS[lang]];
  const errors = (x: FolderPair | SideFile, f: SideFile) => (f.analysis ? String(countBySeverity(nowFindings(x)).error) : "");
  for (const x of c.pairs) {
    const k = x.comparison;
    const counts = k ? [k.cells.length, k.resolved.length, k.added.length, k.remaining.length].map(String) : ["", "", "", ""];
    rows.push([
      unitOrFile(x.after.analysis ? x.after : x.before),
      x.before.file,
      x.after.file,
      by[x.by],
      ...counts,
      errors(x, x.after),
      stateText(newState(x.after), lang),
    ]);
  }
  for (const f of c.onlyAfter) rows.push([f.unit, "", f.file, "", "", "", "", "", errors(f, f), stateText(newState(f), lang)]);
  for (const f of c.onlyBefore) rows.push([f.unit, f.file, "", "", "", "", "", "", "", lang === "en" ? "Not resubmitted" : "未重新报送"]);
  return rows;
}
