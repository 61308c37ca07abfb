/** What `xzzf compare` prints of two versions of a report, as text and as JSON, and how it reads each. */
import { analyse, type Analysis } from "../check/analyse";
import { describeCell, describeUnit, unchanged, type CellChange, type Comparison, type UnitChange } from "../flows/compare";
import type { Settings } from "../rules/types";
import { TABLE_NAMES } from "../templates/tables";
import { CliError, type Lang, type Tr } from "./io";
import { readWorkbookInput } from "./input";
import { readBytesForCheck } from "./readFile";
import { countsText, findingLine, toJsonFinding } from "./report";

export async function analyseFile(file: string, settings: Partial<Settings>, t: Tr, lang: Lang): Promise<Analysis> {
  const read = readBytesForCheck(file, await readWorkbookInput(file, t, lang), { t, lang });
  if (read.error !== undefined) throw new CliError(`${file}${t("：", ": ")}${read.error}`);
  return analyse(read.snapshot, { settings, body: read.report?.body });
}

function unitLine(u: UnitChange, lang: Lang): string {
  return `  ${describeUnit(u, lang)} (${u.sheet}!${u.cell})`;
}

export function formatComparison(c: Comparison, before: string, after: string, t: Tr, lang: Lang): string {
  const out: string[] = [t(`对比：旧版 ${before} → 新版 ${after}`, `Compared: old ${before} → new ${after}`)];
  if (unchanged(c)) {
    out.push(t("两版的数字、表格和问题都相同。", "The two versions have the same figures, tables and findings."));
  }
  const names = (ids: string[]) => ids.map((id) => TABLE_NAMES[id as keyof typeof TABLE_NAMES]).join("、");
  if (c.tablesAdded.length) out.push(t(`新版多了：${names(c.tablesAdded)}`, `New in this version: ${c.tablesAdded.join(", ")}`));
  if (c.tablesRemoved.length) out.push(t(`新版缺少：${names(c.tablesRemoved)}`, `Missing from this version: ${c.tablesRemoved.join(", ")}`));
  if (c.unitsAdded.length) out.push(t(`新增的单位或行：`, `Units or rows added:`), ...c.unitsAdded.map((u) => unitLine(u, lang)));
  if (c.unitsRemoved.length) out.push(t(`删去的单位或行：`, `Units or rows removed:`), ...c.unitsRemoved.map((u) => unitLine(u, lang)));
  if (c.cells.length) {
    out.push("", t(`改动的单元格 ${c.cells.length} 处：`, `${c.cells.length} cell(s) changed:`));
    for (const x of c.cells) out.push(`  ${describeCell(x, lang)}`);
  } else if (!unchanged(c)) out.push(t("表中数字没有改动。", "No figure changed."));
  const now = [...c.remaining, ...c.added];
  out.push(
    "",
    t(
      `问题：已消除 ${c.resolved.length} 条，新出现 ${c.added.length} 条，仍有 ${c.remaining.length} 条；新版共 ${countsText(now, lang)}`,
      `Findings: ${c.resolved.length} resolved, ${c.added.length} new, ${c.remaining.length} remaining; the new version has ${countsText(now, lang)}`,
    ),
  );
  if (c.resolved.length) out.push(t("已消除：", "Resolved:"), ...c.resolved.map((f) => findingLine(f, lang)));
  if (c.added.length) out.push(t("新出现：", "New:"), ...c.added.map((f) => findingLine(f, lang)));
  return `${out.join("\n")}\n`;
}

/** The comparison as `--format json` gives it: for one pair of files, and for each pair of two folders. */
export function comparisonDoc(c: Comparison, before: string, after: string, lang: Lang): object {
  const cell = (x: CellChange) => ({
    table: x.table,
    where: lang === "en" ? x.whereEn : x.where,
    sheet: x.sheet,
    cell: x.cell,
    oldSheet: x.oldSheet,
    oldCell: x.oldCell,
    before: x.before,
    after: x.after,
  });
  const unit = (u: UnitChange) => ({ table: u.table, unit: lang === "en" ? u.unitEn : u.unit, sheet: u.sheet, cell: u.cell });
  return {
    old: before,
    new: after,
    tablesAdded: c.tablesAdded,
    tablesRemoved: c.tablesRemoved,
    unitsAdded: c.unitsAdded.map(unit),
    unitsRemoved: c.unitsRemoved.map(unit),
    cells: c.cells.map(cell),
    findings: {
      resolved: c.resolved.map((f) => toJsonFinding(f, lang)),
      added: c.added.map((f) => toJsonFinding(f, lang)),
      remaining: c.remaining.map((f) => toJsonFinding(f, lang)),
    },
  };
}

export function comparisonJson(c: Comparison, before: string, after: string, lang: Lang): string {
  return `${JSON.stringify(comparisonDoc(c, before, after, lang), null, 2)}\n`;
}
