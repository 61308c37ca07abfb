/**
 * xzzf annotate <file> --out <file> [--prior <file>]: a copy with every finding marked in place
 * (fill per severity, the message as a note) and a 审核报告 sheet. Values are never changed.
 * Exit 1 when an error-severity finding was marked, as `check` does.
 */
import { analyse } from "../check/analyse";
import { auditReportRows, AUDIT_SHEET } from "../flows/auditReport";
import { countBySeverity } from "../flows/severity";
import { annotationMarks } from "../flows/marks";
import { checkOutput, CliError, EXIT_FINDINGS, EXIT_OK, fileLabel, writeOutput } from "./io";
import { loadPrior, priorYearProblem } from "./prior";
import { countsText } from "./report";
import { parseThreshold } from "./settings";
import { flag, stringOption, type CommandContext } from "./types";
import { openWorkbook } from "./workbook";

export async function run(ctx: CommandContext): Promise<number> {
  const { io, t, lang } = ctx;
  if (ctx.positionals.length !== 1) throw new CliError(t("annotate 需要且只需要一个输入文件。", "annotate takes exactly one input file."), { usage: true });
  const input = ctx.positionals[0];
  const force = flag(ctx, "force");
  const priorPath = stringOption(ctx, "prior");
  const out = checkOutput(stringOption(ctx, "out"), priorPath ? [input, priorPath] : [input], force, t);
  const settings = parseThreshold(stringOption(ctx, "threshold"), t);
  const prior = priorPath ? await loadPrior(priorPath, t, lang) : undefined;

  const host = await openWorkbook(input, t, lang);
  // Marks of an earlier run are restored first, so annotating an annotated file starts clean.
  await host.clearMarks();
  const analysis = analyse(await host.readSnapshot(), { settings, prior: prior?.figures });
  if (prior) {
    const problem = priorYearProblem(prior, input, analysis.year, t);
    if (problem) throw new CliError(problem);
  }
  const marks = annotationMarks(analysis.findings, lang);
  await host.mark(marks);
  await host.writeSheet(AUDIT_SHEET, auditReportRows(analysis, { file: fileLabel(input), checkedAt: io.now() }));
  writeOutput(out, await host.toBytes(), force, t);

  if (analysis.tables.length === 0)
    io.stderr.write(t(`${input}：没有识别到附件2至附件5中的任何一张统计表。\n`, `${input}: none of 附件2–附件5 was recognised.\n`));
  io.stdout.write(
    t(
      `已标注 ${analysis.findings.length} 条（${countsText(analysis.findings, lang)}），并生成“${AUDIT_SHEET}”工作表；已保存到 ${out}\n`,
      `Marked ${analysis.findings.length} findings (${countsText(analysis.findings, lang)}) and added the "${AUDIT_SHEET}" sheet; saved to ${out}\n`,
    ),
  );
  return countBySeverity(analysis.findings).error > 0 ? EXIT_FINDINGS : EXIT_OK;
}
