/**
 * xzzf check <file>... : the fast path. Reads each file with readWorkbookFast (no ExcelJS), runs
 * the engine, and prints text, JSON or CSV. Exit 0 without error-severity findings, 1 with, 2 when a
 * file could not be read or the arguments are wrong (2 wins).
 */
import { analyse } from "../engine/analyse";
import type { Settings } from "../rules/types";
import { CliError, EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, type Lang, type Tr } from "./io";
import { readForCheck, type ReadOutcome } from "./readFile";
import { loadPrior, priorYearProblem, type PriorReport } from "./prior";
import { Progress } from "./progress";
import { csvHeader, csvRows, formatText, JSON_CLOSE, JSON_OPEN, jsonFileEntry, type FileResult } from "./report";
import { checkAll } from "./checkPool";
import { parseThreshold } from "./settings";
import { stringOption, type Command } from "./types";

export type CheckFormat = "text" | "json" | "csv";

export interface CheckOptions {
  settings: Partial<Settings>;
  prior?: PriorReport;
  t: Tr;
  lang: Lang;
}

function failed(file: string, error: string): FileResult {
  return { file, year: null, tables: [], findings: [], error };
}

/** The other half: the tables recognised and the rules run over a read file. */
export function analyseRead(file: string, read: ReadOutcome, opts: CheckOptions): FileResult {
  if (read.error !== undefined) return failed(file, read.error);
  const analysis = analyse(read.snapshot, { settings: opts.settings, prior: opts.prior?.figures });
  if (opts.prior) {
    const problem = priorYearProblem(opts.prior, file, analysis.year, opts.t);
    if (problem) return { ...failed(file, problem), priorYearMismatch: true };
  }
  return {
    file,
    year: analysis.year,
    tables: analysis.tables.map((t) => ({ id: t.id, sheet: t.sheet, range: t.range })),
    findings: analysis.findings,
    error: null,
  };
}

/** Checks one file; never throws for a bad file (its message goes in `error`). */
export function checkFile(file: string, opts: CheckOptions): FileResult {
  return analyseRead(file, readForCheck(file, opts), opts);
}

export function exitCodeOf(results: FileResult[]): number {
  if (results.some((r) => r.error !== null)) return EXIT_FAILURE;
  if (results.some((r) => r.findings.some((f) => f.severity === "error"))) return EXIT_FINDINGS;
  return EXIT_OK;
}

/**
 * One file's share of the report, already printed to text: what the batch keeps of a result once
 * its findings are printed, so a batch of thousands never holds their findings.
 */
export interface RenderedResult {
  /** The entry for stdout, without the separator from the previous file's. */
  out: string;
  /** A line for stderr, or "". */
  err: string;
  exit: number;
  errors: number;
  unreadable: boolean;
  skipped: boolean;
}

export function renderResult(r: FileResult, format: CheckFormat, t: Tr, lang: Lang): RenderedResult {
  const errors = r.findings.reduce((n, f) => (f.severity === "error" ? n + 1 : n), 0);
  // The text report already shows a read error; other formats, and a report not following --prior's year, say it on stderr.
  const err = r.error !== null && (format !== "text" || r.priorYearMismatch) ? `xzzf: ${r.file}${t("：", ": ")}${r.error}\n` : "";
  const out = format === "text" ? formatText(r, t, lang) : format === "json" ? jsonFileEntry(r, lang, true) : csvRows(r, lang);
  return { out, err, exit: exitCodeOf([r]), errors, unreadable: r.error !== null && !r.priorYearMismatch, skipped: !!r.priorYearMismatch };
}

/** What separates a file's entry from the previous one's. */
function separator(format: CheckFormat, index: number): string {
  if (index === 0 || format === "csv") return "";
  return format === "json" ? "," : "\n";
}

export const checkCommand: Command = {
  name: "check",
  summary: { zh: "检查一个或多个统计表文件，列出错误和需核实的问题", en: "Check one or more workbooks and list errors and items to verify" },
  usage: {
    zh: [
      "xzzf check <文件.xlsx>... [--prior <上年报表.xlsx>] [--format text|json|csv] [--threshold <百分数>]",
      "  --prior      上年报表：其本年数与本报表的上年数比对（prior-mismatch）",
      "  --format     输出格式：text（默认，中文报告）、json、csv（Excel 可直接打开）",
      "  --threshold  同比变化超过该百分数须说明原因，默认 30",
      "  退出码：0 没有错误；1 有错误；2 有文件无法读取或参数有误",
    ].join("\n"),
    en: [
      "xzzf check <file.xlsx>... [--prior <last-year.xlsx>] [--format text|json|csv] [--threshold <percent>]",
      "  --prior      last year's report: its current-year figures are compared with this year's prior-year column",
      "  --format     text (default), json, or csv (opens in Excel)",
      "  --threshold  a change of at least this percentage must be explained; default 30",
      "  Exit code: 0 no error; 1 errors found; 2 a file could not be read or the arguments are wrong",
    ].join("\n"),
  },
  options: {
    prior: { type: "string" },
    format: { type: "string", short: "f" },
    threshold: { type: "string" },
  },
  async run(ctx) {
    const { io, t, lang } = ctx;
    if (ctx.positionals.length === 0) throw new CliError(t("缺少要检查的文件。", "No file to check."), { usage: true });
    const format = (stringOption(ctx, "format") ?? "text") as CheckFormat;
    if (!["text", "json", "csv"].includes(format)) {
      throw new CliError(t(`--format 只能是 text、json 或 csv，收到“${format}”。`, `--format must be text, json or csv; got "${format}".`));
    }
    const settings = parseThreshold(stringOption(ctx, "threshold"), t);
    const priorPath = stringOption(ctx, "prior");
    const prior = priorPath ? loadPrior(priorPath, t) : undefined;

    const files = ctx.positionals;
    const progress = new Progress(io.stderr, files.length, t("检查中", "Checking"));
    // results are written as they come and only counted, so memory stays flat over any batch
    const tally = { unreadable: 0, skipped: 0, withErrors: 0, errors: 0 };
    let exit = EXIT_OK;
    if (format === "json") io.stdout.write(JSON_OPEN);
    else if (format === "csv") io.stdout.write(csvHeader());
    progress.update(0, files[0]);
    await checkAll(files, { settings, prior, t, lang }, format, (r, i) => {
      exit = Math.max(exit, r.exit);
      if (r.skipped) tally.skipped++;
      if (r.unreadable) tally.unreadable++;
      if (r.errors) tally.withErrors++;
      tally.errors += r.errors;
      progress.clear();
      if (r.err) io.stderr.write(r.err);
      io.stdout.write(separator(format, i) + r.out);
      if (i + 1 < files.length) progress.update(i + 1, files[i + 1]);
    });
    progress.clear();
    if (format === "json") io.stdout.write(JSON_CLOSE);
    else if (format === "text" && files.length > 1) {
      const skippedZh = tally.skipped ? `，${tally.skipped} 个与 --prior 年份不符未检查` : "";
      const skippedEn = tally.skipped ? `, ${tally.skipped} not checked (year does not follow --prior)` : "";
      io.stdout.write(
        t(
          `\n共 ${files.length} 个文件：${tally.unreadable} 个无法读取${skippedZh}，${tally.withErrors} 个有错误（错误共 ${tally.errors} 条）。\n`,
          `\n${files.length} files: ${tally.unreadable} unreadable${skippedEn}, ${tally.withErrors} with errors (${tally.errors} errors in all).\n`,
        ),
      );
    }
    return exit;
  },
};
