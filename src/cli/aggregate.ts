/**
 * xzzf aggregate <file>... --out <file> [--unit <name>] [--contact <text>] [--keep <unit>=<file>]...:
 * 汇总 of several units into one report in the official layout (src/flows/aggregate.ts).
 */
import { analyse } from "../check/analyse";
import { planAggregate, type AggregateInput } from "../flows/aggregate";
import { readWorkbookFast } from "../host/xlsx/fastReader";
import { NODE_ZIP } from "./nodeZip";
import { WorkbookReadError } from "../host/xlsx/errors";
import { newWorkbook } from "./workbook";
import { layoutFor } from "../templates/layout";
import type { TableId } from "../templates/schema";
import { checkOutput, CliError, EXIT_OK, writeOutput } from "./io";
import { expandFileArgs } from "./fileArgs";
import { readWorkbookInput } from "./input";
import { flag, stringOption, type CommandContext } from "./types";
import { resolve } from "path";

function keepOptions(raw: unknown, t: (zh: string, en: string) => string): Record<string, string> {
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const keep: Record<string, string> = {};
  for (const item of list) {
    const s = String(item);
    const i = s.lastIndexOf("=");
    if (i <= 0 || i === s.length - 1)
      throw new CliError(t(`--keep 的格式应为 单位名=文件名，收到“${s}”。`, `--keep takes unit=file, got "${s}".`), { usage: true });
    keep[s.slice(0, i).trim()] = s.slice(i + 1).trim();
  }
  return keep;
}

export async function run(ctx: CommandContext): Promise<number> {
  const { io, t, lang } = ctx;
  // a folder or a pattern may stand for the units' files; an earlier total written into that folder is not one
  // of them (named as an input itself, it still is, and checkOutput refuses to overwrite it)
  const outArg = stringOption(ctx, "out");
  const literal = new Set(ctx.positionals.map((p) => resolve(p)));
  const files = expandFileArgs(ctx.positionals, t).filter((f) => outArg === undefined || resolve(f) !== resolve(outArg) || literal.has(resolve(f)));
  if (files.length < 2) throw new CliError(t("aggregate 至少需要两个文件。", "aggregate needs at least two files."), { usage: true });
  const force = flag(ctx, "force");
  const out = checkOutput(outArg, files, force, t);
  const inputs: AggregateInput[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    try {
      inputs.push({ file, analysis: analyse(readWorkbookFast(await readWorkbookInput(file, t, lang), { file, codec: NODE_ZIP }), { rules: [] }) });
    } catch (e) {
      if (!(e instanceof WorkbookReadError) && !(e instanceof CliError)) throw e;
      unreadable.push(`${file}${t("：", ": ")}${e instanceof WorkbookReadError && lang === "en" ? e.messageEn : e.message}`);
    }
  }
  // a unit left out silently would make the total wrong: refuse instead
  if (unreadable.length)
    throw new CliError(`${t("以下文件无法读取，未汇总：", "These files could not be read; nothing aggregated:")}\n${unreadable.join("\n")}`);
  const plan = planAggregate(inputs, {
    unit: stringOption(ctx, "unit")?.trim() || undefined,
    contact: stringOption(ctx, "contact")?.trim() || undefined,
    keep: keepOptions(ctx.values.keep, t),
  });
  if (!plan.ok) throw new CliError(plan.problems.join("\n"));
  for (const w of plan.warnings) io.stderr.write(`${w}\n`);
  const host = await newWorkbook();
  await host.insertSheets(Object.entries(plan.tables).map(([id, o]) => layoutFor(id as TableId, o!)));
  writeOutput(out, await host.toBytes(), force, t);
  if (plan.skipped.length) io.stdout.write(t(`按 --keep 未计入：${plan.skipped.join("、")}\n`, `Left out by --keep: ${plan.skipped.join(", ")}\n`));
  io.stdout.write(
    t(
      `已汇总 ${plan.units.length} 个单位（${plan.units.join("、")}）的 ${plan.year} 年报表：${out}\n`,
      `Aggregated the ${plan.year} reports of ${plan.units.length} units (${plan.units.join(", ")}): ${out}\n`,
    ),
  );
  return EXIT_OK;
}
