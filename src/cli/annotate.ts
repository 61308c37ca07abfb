/**
 * xzzf annotate <file> --out <file> [--prior <file>]: a copy with every finding marked in place
 * (fill per severity, the message as a note) and a 审核报告 sheet. Values are never changed.
 * Exit 1 when an error-severity finding was marked, as `check` does.
 *
 * xzzf annotate <files|folders>... --out-dir <folder>: the same for a reviewer's batch, one
 * `<name>-标注.xlsx` each in the folder, to send back to each unit; a file that cannot be read is
 * named and the others are annotated (exit 2 then, as `check`).
 */
import { existsSync, mkdirSync, statSync } from "fs";
import { basename, join, resolve, sep } from "path";
import { analyse, type Analysis } from "../check/analyse";
import { auditReportRows, AUDIT_SHEET } from "../flows/auditReport";
import { copyName } from "../flows/copyName";
import { countBySeverity } from "../flows/severity";
import { annotationMarks } from "../flows/marks";
import type { Settings } from "../rules/types";
import { expandFileArgs } from "./fileArgs";
import { checkOutput, CliError, EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, fileLabel, writeOutput, type Lang, type Tr } from "./io";
import { loadPrior, priorYearProblem, type PriorReport } from "./prior";
import { Progress } from "./progress";
import { countsText } from "./report";
import { parseThreshold } from "./settings";
import { flag, stringOption, type CommandContext } from "./types";
import { openWorkbook } from "./workbook";

interface AnnotateOptions {
  settings: Partial<Settings>;
  prior?: PriorReport;
  force: boolean;
  now: Date;
  t: Tr;
  lang: Lang;
}

/** One annotated copy written; what was found in it. */
async function annotateFile(input: string, out: string, o: AnnotateOptions): Promise<Analysis> {
  const host = await openWorkbook(input, o.t, o.lang);
  // Marks of an earlier run are restored first, so annotating an annotated file starts clean.
  await host.clearMarks();
  const analysis = analyse(await host.readSnapshot(), { settings: o.settings, prior: o.prior?.figures });
  if (o.prior) {
    const problem = priorYearProblem(o.prior, input, analysis.year, o.t);
    if (problem) throw new CliError(problem);
  }
  await host.mark(annotationMarks(analysis.findings, o.lang));
  await host.writeSheet(AUDIT_SHEET, auditReportRows(analysis, { file: fileLabel(input), checkedAt: o.now }));
  writeOutput(out, await host.toBytes(), o.force, o.t);
  return analysis;
}

function noTables(input: string, t: Tr): string {
  return t(`${input}：没有识别到附件2至附件5中的任何一张统计表。\n`, `${input}: none of 附件2–附件5 was recognised.\n`);
}

export async function run(ctx: CommandContext): Promise<number> {
  const { t } = ctx;
  const outDir = stringOption(ctx, "out-dir");
  if (outDir !== undefined) {
    if (stringOption(ctx, "out") !== undefined) throw new CliError(t("--out 和 --out-dir 只能选一个。", "Give --out or --out-dir, not both."), { usage: true });
    return annotateBatch(ctx, outDir);
  }
  if (ctx.positionals.length !== 1) throw new CliError(t("annotate 需要且只需要一个输入文件。", "annotate takes exactly one input file."), { usage: true });
  return annotateOne(ctx, ctx.positionals[0]);
}

async function annotateOne(ctx: CommandContext, input: string): Promise<number> {
  const { io, t, lang } = ctx;
  const force = flag(ctx, "force");
  const priorPath = stringOption(ctx, "prior");
  const out = checkOutput(stringOption(ctx, "out"), priorPath ? [input, priorPath] : [input], force, t);
  const settings = parseThreshold(stringOption(ctx, "threshold"), t);
  const prior = priorPath ? await loadPrior(priorPath, t, lang) : undefined;

  const analysis = await annotateFile(input, out, { settings, prior, force, now: io.now(), t, lang });
  if (analysis.tables.length === 0) io.stderr.write(noTables(input, t));
  io.stdout.write(
    t(
      `已标注 ${analysis.findings.length} 条（${countsText(analysis.findings, lang)}），并生成“${AUDIT_SHEET}”工作表；已保存到 ${out}\n`,
      `Marked ${analysis.findings.length} findings (${countsText(analysis.findings, lang)}) and added the "${AUDIT_SHEET}" sheet; saved to ${out}\n`,
    ),
  );
  return countBySeverity(analysis.findings).error > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** Each input's copy in `dir`: `<name>-标注.xlsx`, and `(2)`, `(3)`… where two inputs share a name. */
function batchOutputs(inputs: string[], dir: string): string[] {
  const taken = new Set<string>();
  return inputs.map((input) => {
    const name = copyName(basename(input), "annotated");
    let candidate = name;
    // compared without case: Windows and macOS would write both to one file
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = name.replace(/\.xlsx$/, `(${n}).xlsx`);
    taken.add(candidate.toLowerCase());
    return join(dir, candidate);
  });
}

async function annotateBatch(ctx: CommandContext, dir: string): Promise<number> {
  const { io, t, lang } = ctx;
  const force = flag(ctx, "force");
  if (ctx.positionals.length === 0) throw new CliError(t("缺少要标注的文件。", "No file to annotate."), { usage: true });
  // the copies of an earlier run, when --out-dir lies inside a folder given (`annotate . --out-dir 审核`), are not inputs
  const inside = resolve(dir) + sep;
  const inputs = expandFileArgs(ctx.positionals, t).filter((f) => !resolve(f).startsWith(inside));
  if (inputs.length === 0) throw new CliError(t("除 --out-dir 里的文件外，没有要标注的文件。", "No file to annotate outside --out-dir."));
  const priorPath = stringOption(ctx, "prior");
  // last year's report is one unit's: it cannot stand for every unit of a batch
  if (priorPath !== undefined && inputs.length > 1) {
    throw new CliError(t("--prior 只能与单个文件一起使用（上年报表只属于一个单位）。", "--prior goes with a single file (last year's report is one unit's)."));
  }
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new CliError(t(`“${dir}”不是文件夹。`, `"${dir}" is not a folder.`));
  const outs = batchOutputs(inputs, dir);
  // every copy's name is checked before any is written: never an input, never an existing file without --force
  outs.forEach((out) => checkOutput(out, priorPath ? [...inputs, priorPath] : inputs, force, t));
  const settings = parseThreshold(stringOption(ctx, "threshold"), t);
  const prior = priorPath ? await loadPrior(priorPath, t, lang) : undefined;
  mkdirSync(dir, { recursive: true });

  const o: AnnotateOptions = { settings, prior, force, now: io.now(), t, lang };
  const progress = new Progress(io.stderr, inputs.length, t("标注中", "Annotating"));
  let unreadable = 0;
  let withErrors = 0;
  for (let i = 0; i < inputs.length; i++) {
    progress.update(i, inputs[i]);
    let analysis: Analysis;
    try {
      analysis = await annotateFile(inputs[i], outs[i], o);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      unreadable++;
      progress.clear();
      io.stderr.write(`xzzf annotate: ${e.message}\n`);
      continue;
    }
    progress.clear();
    if (analysis.tables.length === 0) io.stderr.write(noTables(inputs[i], t));
    if (countBySeverity(analysis.findings).error > 0) withErrors++;
    io.stdout.write(`${inputs[i]} → ${outs[i]}${t("：", ": ")}${countsText(analysis.findings, lang)}\n`);
  }
  progress.clear();
  const done = inputs.length - unreadable;
  io.stdout.write(
    t(
      `共 ${inputs.length} 个文件：已标注 ${done} 个（${withErrors} 个有错误），${unreadable} 个无法读取；标注副本在 ${dir}\n`,
      `${inputs.length} files: ${done} annotated (${withErrors} with errors), ${unreadable} unreadable; the copies are in ${dir}\n`,
    ),
  );
  return unreadable > 0 ? EXIT_FAILURE : withErrors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
