/**
 * xzzf compare <旧版文件夹> <新版文件夹>: a round of corrections for many units at once. The reviewer
 * keeps what was sent back in one folder and what came back in another; each resubmission is paired
 * with its old version (src/flows/pairVersions.ts: by unit, then by file name) and compared as
 * `compare` compares two files. Files nothing answers are listed: a unit that sent a report for the
 * first time, and one that has not resubmitted.
 */
import { relative } from "path";
import { reportUnit } from "../flows/aggregate";
import { csvText } from "../flows/csv";
import { compareRound, nowFindings, roundRows, roundTotals, unitOrFile, type FolderPair, type RoundComparison, type SideFile } from "../flows/folderComparison";
import { countBySeverity } from "../flows/severity";
import type { Settings } from "../rules/types";
import { analyseFile, comparisonDoc, formatComparison } from "./compareReport";
import { expandFileArgs } from "./fileArgs";
import { CliError, EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, type Lang, type Tr, type Writer } from "./io";
import { Progress } from "./progress";
import { countsText, toJsonFinding } from "./report";

export type { FolderPair, SideFile };

export interface FolderComparison extends RoundComparison {
  before: string;
  after: string;
}

/** Every workbook and report of both folders, read and checked one after the other, with progress on a terminal. */
export async function compareFolders(before: string, after: string, settings: Partial<Settings>, t: Tr, lang: Lang, stderr: Writer): Promise<FolderComparison> {
  const lists = [expandFileArgs([before], t), expandFileArgs([after], t)];
  const total = lists[0].length + lists[1].length;
  const progress = new Progress(stderr, total, t("读取中", "Reading"));
  let done = 0;
  const read = async (dir: string, files: string[]): Promise<SideFile[]> => {
    const out: SideFile[] = [];
    for (const file of files) {
      progress.update(done++, file);
      const base = { file, relative: relative(dir, file) };
      try {
        const analysis = await analyseFile(file, settings, t, lang);
        out.push({ ...base, unit: reportUnit(analysis), analysis });
      } catch (e) {
        // one unreadable file is named in the output; the others are still compared
        if (!(e instanceof CliError)) throw e;
        out.push({ ...base, unit: "", error: e.message });
      }
    }
    return out;
  };
  const sides = [await read(before, lists[0]), await read(after, lists[1])];
  progress.clear();
  return { before, after, ...compareRound(sides[0], sides[1]) };
}

/** 2 when a file could not be read, else 1 while a new version has an error, as check's. */
export function folderExitCode(c: FolderComparison): number {
  const all = [...c.pairs.flatMap((x) => [x.before, x.after]), ...c.onlyAfter, ...c.onlyBefore];
  if (all.some((f) => f.error !== undefined)) return EXIT_FAILURE;
  const news = [...c.pairs, ...c.onlyAfter];
  return news.some((x) => countBySeverity(nowFindings(x)).error > 0) ? EXIT_FINDINGS : EXIT_OK;
}

export function folderText(c: FolderComparison, t: Tr, lang: Lang): string {
  const byUnit = c.pairs.filter((x) => x.by === "unit").length;
  const out = [
    t(`对比文件夹：旧版 ${c.before} → 新版 ${c.after}`, `Compared folders: old ${c.before} → new ${c.after}`),
    t(
      `重新报送 ${c.pairs.length} 份（按单位对应 ${byUnit} 份，按文件名对应 ${c.pairs.length - byUnit} 份）；只有新版的 ${c.onlyAfter.length} 份；旧版未重新报送的 ${c.onlyBefore.length} 份。`,
      `${c.pairs.length} resubmitted (${byUnit} paired by unit, ${c.pairs.length - byUnit} by file name); ${c.onlyAfter.length} only in the new folder; ${c.onlyBefore.length} not resubmitted.`,
    ),
  ];
  c.pairs.forEach((x, i) => {
    out.push("", `━━ ${i + 1}/${c.pairs.length} ${unitOrFile(x.after.analysis ? x.after : x.before)} ━━`);
    if (x.comparison) out.push(formatComparison(x.comparison, x.before.file, x.after.file, t, lang).trimEnd());
    else {
      out.push(t(`对比：旧版 ${x.before.file} → 新版 ${x.after.file}`, `Compared: old ${x.before.file} → new ${x.after.file}`));
      for (const [f, zh, en] of [
        [x.before, "旧版无法读取", "The old version cannot be read"],
        [x.after, "新版无法读取", "The new version cannot be read"],
      ] as const)
        if (f.error !== undefined) out.push(t(`${zh}：${f.error}`, `${en}: ${f.error}`));
      if (x.after.analysis)
        out.push(t(`新版共 ${countsText(x.after.analysis.findings, lang)}`, `The new version has ${countsText(x.after.analysis.findings, lang)}`));
    }
  });
  if (c.onlyAfter.length) {
    out.push("", t("━━ 只有新版（旧版文件夹里没有同一单位或同名的文件）━━", "━━ Only in the new folder (no old file of the same unit or name) ━━"));
    for (const f of c.onlyAfter) {
      if (f.error !== undefined) out.push(`  ${t(`无法读取：${f.error}`, `cannot be read: ${f.error}`)}`);
      else out.push(`  ${f.file}${f.unit ? t(`（${f.unit}）`, ` (${f.unit})`) : ""}${t("：", ": ")}${countsText(nowFindings(f), lang)}`);
    }
  }
  if (c.onlyBefore.length) {
    out.push("", t("━━ 旧版未重新报送 ━━", "━━ Not resubmitted ━━"));
    for (const f of c.onlyBefore) out.push(`  ${f.file}${f.unit ? t(`（${f.unit}）`, ` (${f.unit})`) : ""}`);
  }
  const { compared, withErrors, uncompared: unreadable, resolved, added } = roundTotals(c);
  out.push(
    "",
    t(
      `汇总：对比了 ${compared} 份，新版仍有错误的 ${withErrors} 份${unreadable ? `，无法对比的 ${unreadable} 份` : ""}；问题已消除 ${resolved} 条，新出现 ${added} 条。`,
      `In all: ${compared} compared, ${withErrors} still with errors${unreadable ? `, ${unreadable} could not be compared` : ""}; ${resolved} findings resolved, ${added} new.`,
    ),
  );
  return `${out.join("\n")}\n`;
}

/** One line per unit, for Excel: UTF-8 with a BOM and CRLF, as check --format summary. */
export function folderSummary(c: FolderComparison, lang: Lang): string {
  return csvText(roundRows(c, lang));
}

export function folderJson(c: FolderComparison, lang: Lang): string {
  const file = (f: SideFile) => ({ file: f.file, unit: f.unit, ...(f.error !== undefined ? { error: f.error } : {}) });
  const doc = {
    old: c.before,
    new: c.after,
    pairs: c.pairs.map((x) =>
      x.comparison
        ? { pairedBy: x.by, unit: x.after.unit || x.before.unit, ...comparisonDoc(x.comparison, x.before.file, x.after.file, lang) }
        : { pairedBy: x.by, unit: x.after.unit || x.before.unit, old: file(x.before), new: file(x.after) },
    ),
    onlyNew: c.onlyAfter.map((f) => ({ ...file(f), findings: (f.analysis?.findings ?? []).map((x) => toJsonFinding(x, lang)) })),
    notResubmitted: c.onlyBefore.map(file),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
