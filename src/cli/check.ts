/**
 * xzzf check <file|folder|pattern>... : the fast path. Reads each file with readWorkbookFast (no
 * ExcelJS; an .xls/.et/.ods through LibreOffice first, when it is installed), runs the engine, and
 * prints text, JSON, CSV or a line per file (summary), to standard output or to --out's file. Exit 0
 * without error-severity findings, 1 with, 2 when a file could not be read or the arguments are wrong
 * (2 wins). Reading a file is one step (readFile.ts: a snapshot, or why not), so
 * another kind of file is another read step; the batch is checkBatch.ts.
 */
import { checkOutput, CliError, EXIT_OK, type Tr, type Writer } from "./io";
import type { CheckFormat, RenderedResult } from "./checkOne";
import { expandFileArgs } from "./fileArgs";
import { Progress } from "./progress";
import { ReportFile } from "./reportFile";
import { MIN_FILES_FOR_WORKERS, startReaders, stopReaders, type Readers } from "./readerThreads";
import type { Settings } from "../rules/types";
import { parseThreshold } from "./settings";
import { flag, stringOption, type CommandContext } from "./types";

/** What separates a file's entry from the previous one's. */
function separator(format: CheckFormat, index: number): string {
  if (index === 0 || format === "csv" || format === "summary") return "";
  return format === "json" ? "," : "\n";
}

export async function run(ctx: CommandContext): Promise<number> {
  const { t, lang } = ctx;
  if (ctx.positionals.length === 0) throw new CliError(t("缺少要检查的文件。", "No file to check."), { usage: true });
  const format = (stringOption(ctx, "format") ?? "text") as CheckFormat;
  if (!["text", "json", "csv", "summary"].includes(format)) {
    throw new CliError(t(`--format 只能是 text、json、csv 或 summary，收到“${format}”。`, `--format must be text, json, csv or summary; got "${format}".`));
  }
  const settings = parseThreshold(stringOption(ctx, "threshold"), t);
  // The reader threads start before anything else loads: their start-up runs beside the engine's
  // loading. With enough files named they start even before the names are expanded (a stat each:
  // 8 ms for 300), since expanding only adds files or stops the command.
  let readers = ctx.positionals.length >= MIN_FILES_FOR_WORKERS ? startReaders(ctx.positionals.length, lang) : null;
  try {
    // a folder or a pattern the shell left as typed (cmd.exe, PowerShell) stands for its files
    const files = expandFileArgs(ctx.positionals, t);
    const outPath = stringOption(ctx, "out");
    // never one of the inputs; an existing file only with --force
    if (outPath !== undefined) checkOutput(outPath, files, flag(ctx, "force"), t);
    readers ??= startReaders(files.length, lang);
    return await checkFiles(ctx, files, format, settings, readers);
  } finally {
    if (readers) await stopReaders(readers);
  }
}

async function checkFiles(ctx: CommandContext, files: string[], format: CheckFormat, settings: Partial<Settings>, readers: Readers): Promise<number> {
  const { io, t } = ctx;
  const outPath = stringOption(ctx, "out");
  const file = outPath === undefined ? null : new ReportFile(outPath, flag(ctx, "force"), t);
  try {
    const { exit, tally } = await checkInto(file ?? io.stdout, ctx, files, format, settings, readers, file !== null);
    if (file) {
      file.finish();
      io.stdout.write(`${t(`检查结果已写入“${outPath}”。`, `The report is in "${outPath}". `)}${tallyText(files.length, tally, t)}\n`);
    }
    return exit;
  } catch (e) {
    file?.abandon();
    throw e;
  }
}

/** The report, to `sink`: standard output, or the file of --out (`toFile`). */
async function checkInto(
  sink: Writer,
  ctx: CommandContext,
  files: string[],
  format: CheckFormat,
  settings: Partial<Settings>,
  readers: Readers,
  toFile: boolean,
): Promise<{ exit: number; tally: Tally }> {
  const { io, t, lang } = ctx;
  // the engine and the rules (through the batch), and the templates (through the report)
  const [{ checkAll }, { csvHeader, JSON_CLOSE, JSON_OPEN, summaryHeader }] = await Promise.all([import("./checkBatch"), import("./report")]);
  const priorPath = stringOption(ctx, "prior");
  // the prior report's reader and flows are loaded only for --prior
  const prior = priorPath ? await (await import("./prior")).loadPrior(priorPath, t, lang) : undefined;
  const reportPath = stringOption(ctx, "report");
  const body = reportPath ? (await import("./reportBody")).loadReportBody(reportPath, t, lang) : undefined;

  const progress = new Progress(io.stderr, files.length, t("检查中", "Checking"));
  // results are written as they come and only counted, so memory stays flat over any batch
  const tally: Tally = { unreadable: 0, skipped: 0, withErrors: 0, errors: 0 };
  let exit = EXIT_OK;
  // a text report in a file starts with a BOM, as the CSV does: Notepad before Windows 10 1903 reads UTF-8 without one as GBK
  if (format === "text" && toFile) sink.write("\ufeff");
  if (format === "json") sink.write(JSON_OPEN);
  else if (format === "csv") sink.write(csvHeader());
  else if (format === "summary") sink.write(summaryHeader(lang));
  progress.update(0, files[0]);
  const each = (r: RenderedResult, i: number): void => {
    exit = Math.max(exit, r.exit);
    if (r.skipped) tally.skipped++;
    if (r.unreadable) tally.unreadable++;
    if (r.errors) tally.withErrors++;
    tally.errors += r.errors;
    progress.clear();
    if (r.err) io.stderr.write(r.err);
    sink.write(separator(format, i) + r.out);
    if (i + 1 < files.length) progress.update(i + 1, files[i + 1]);
  };
  await checkAll({ files, opts: { settings, prior, body, t, lang }, format, each }, readers);
  progress.clear();
  if (format === "json") sink.write(JSON_CLOSE);
  else if (format === "text" && files.length > 1) sink.write(`\n${tallyText(files.length, tally, t)}\n`);
  return { exit, tally };
}

interface Tally {
  unreadable: number;
  skipped: number;
  withErrors: number;
  errors: number;
}

function tallyText(files: number, tally: Tally, t: Tr): string {
  const skippedZh = tally.skipped ? `，${tally.skipped} 个与 --prior 年份不符未检查` : "";
  const skippedEn = tally.skipped ? `, ${tally.skipped} not checked (year does not follow --prior)` : "";
  return t(
    `共 ${files} 个文件：${tally.unreadable} 个无法读取${skippedZh}，${tally.withErrors} 个有错误（错误共 ${tally.errors} 条）。`,
    `${files} files: ${tally.unreadable} unreadable${skippedEn}, ${tally.withErrors} with errors (${tally.errors} errors in all).`,
  );
}
