/**
 * xzzf compare <旧版> <新版> [--format text|json] [--threshold <percent>] [--out <file>]: a unit's
 * resubmitted report against the one the reviewer sent back (src/flows/compare.ts). Either may be a
 * workbook, an .xls/.et/.ods LibreOffice converts, or a 工作报告 .docx. Two folders compare every
 * resubmission with its old version (compareFolders.ts).
 */
import { compareAnalyses } from "../flows/compare";
import { countBySeverity } from "../flows/severity";
import { analyseFile, comparisonJson, formatComparison } from "./compareReport";
import { isExistingDir } from "./fileArgs";
import { checkOutput, CliError, EXIT_FINDINGS, EXIT_OK, writeOutput } from "./io";
import { parseThreshold } from "./settings";
import { flag, stringOption, type CommandContext } from "./types";

export async function run(ctx: CommandContext): Promise<number> {
  const { io, t, lang } = ctx;
  if (ctx.positionals.length !== 2)
    throw new CliError(t("compare 需要两个文件或两个文件夹：先旧版，后新版。", "compare takes two files or two folders: the old version, then the new one."), {
      usage: true,
    });
  const [before, after] = ctx.positionals;
  const folders = [isExistingDir(before), isExistingDir(after)];
  if (folders[0] !== folders[1]) {
    const [dir, file] = folders[0] ? [before, after] : [after, before];
    throw new CliError(
      t(`“${dir}”是文件夹，“${file}”不是：请给两个文件，或两个文件夹。`, `"${dir}" is a folder and "${file}" is not: give two files, or two folders.`),
      { usage: true },
    );
  }
  const format = stringOption(ctx, "format") ?? "text";
  const formats = folders[0] ? ["text", "json", "summary"] : ["text", "json"];
  if (!formats.includes(format)) {
    const zh = folders[0] ? "text、json 或 summary" : "text 或 json（summary 用于对比两个文件夹）";
    const en = folders[0] ? "text, json or summary" : "text or json (summary is for two folders)";
    throw new CliError(t(`--format 只能是 ${zh}，收到“${format}”。`, `--format must be ${en}; got "${format}".`));
  }
  const settings = parseThreshold(stringOption(ctx, "threshold"), t);
  const outArg = stringOption(ctx, "out");
  const force = flag(ctx, "force");
  const out = outArg === undefined ? undefined : checkOutput(outArg, [before, after], force, t);
  let text: string;
  let exit: number;
  if (folders[0]) {
    const { compareFolders, folderExitCode, folderJson, folderSummary, folderText } = await import("./compareFolders");
    const c = await compareFolders(before, after, settings, t, lang, io.stderr);
    text = format === "json" ? folderJson(c, lang) : format === "summary" ? folderSummary(c, lang) : folderText(c, t, lang);
    exit = folderExitCode(c);
  } else {
    const c = compareAnalyses(await analyseFile(before, settings, t, lang), await analyseFile(after, settings, t, lang));
    text = format === "json" ? comparisonJson(c, before, after, lang) : formatComparison(c, before, after, t, lang);
    // as check's: 1 while the new version still has an error, so a script can ask "is it fixed?"
    exit = countBySeverity([...c.remaining, ...c.added]).error > 0 ? EXIT_FINDINGS : EXIT_OK;
  }
  if (out === undefined) io.stdout.write(text);
  else {
    // a text file gets a BOM, as check --out's does: Notepad before Windows 10 1903 reads UTF-8 without one as GBK
    writeOutput(out, new TextEncoder().encode(format === "text" ? `\ufeff${text}` : text), force, t);
    io.stdout.write(t(`对比结果已写入 ${out}\n`, `Comparison written to ${out}\n`));
  }
  return exit;
}
