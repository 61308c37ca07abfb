/**
 * xzzf aggregate <file>... --out <file> [--unit <name>] [--contact <text>] [--keep <unit>=<file>]...:
 * 汇总 of several units into one report in the official layout (src/flows/aggregate.ts).
 */
import { analyse } from "../engine/analyse";
import { planAggregate, type AggregateInput } from "../flows/aggregate";
import { readWorkbookFast } from "../host/xlsx/fastReader";
import { NODE_ZIP } from "./nodeZip";
import { WorkbookReadError } from "../host/xlsx/errors";
import { newWorkbook } from "./workbook";
import { layoutFor } from "../templates/layout";
import type { TableId } from "../templates/schema";
import { checkOutput, CliError, EXIT_OK, readInput, writeOutput } from "./io";
import { flag, stringOption, type Command } from "./types";

function keepOptions(raw: unknown, t: (zh: string, en: string) => string): Record<string, string> {
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const keep: Record<string, string> = {};
  for (const item of list) {
    const s = String(item);
    const i = s.lastIndexOf("=");
    if (i <= 0 || i === s.length - 1) throw new CliError(t(`--keep 的格式应为 单位名=文件名，收到“${s}”。`, `--keep takes unit=file, got "${s}".`), { usage: true });
    keep[s.slice(0, i).trim()] = s.slice(i + 1).trim();
  }
  return keep;
}

export const aggregateCommand: Command = {
  name: "aggregate",
  summary: { zh: "把多个单位的报表汇总为一份（附件2/3 相加，附件4/5 逐单位列出）", en: "Aggregate several units' reports into one" },
  usage: {
    zh: [
      "xzzf aggregate <文件.xlsx>... --out <汇总.xlsx> [--unit <汇总单位名>] [--contact <联系人和电话>] [--keep <单位=文件>]... [--force]",
      "  报告年度不一致时拒绝汇总；同一单位出现在多个文件中时（防止重复统计），需用 --keep 指定保留哪一份",
    ].join("\n"),
    en: [
      "xzzf aggregate <file.xlsx>... --out <total.xlsx> [--unit <name>] [--contact <text>] [--keep <unit=file>]... [--force]",
      "  Refuses mixed report years; a unit found in several files needs --keep to say which to keep",
    ].join("\n"),
  },
  options: {
    out: { type: "string", short: "o" },
    unit: { type: "string" },
    contact: { type: "string" },
    keep: { type: "string", multiple: true },
    force: { type: "boolean" },
  },
  async run(ctx) {
    const { io, t, lang } = ctx;
    if (ctx.positionals.length < 2) throw new CliError(t("aggregate 至少需要两个文件。", "aggregate needs at least two files."), { usage: true });
    const force = flag(ctx, "force");
    const out = checkOutput(stringOption(ctx, "out"), ctx.positionals, force, t);
    const inputs: AggregateInput[] = [];
    const unreadable: string[] = [];
    for (const file of ctx.positionals) {
      try {
        inputs.push({ file, analysis: analyse(readWorkbookFast(readInput(file, t), { file, codec: NODE_ZIP }), { rules: [] }) });
      } catch (e) {
        if (!(e instanceof WorkbookReadError) && !(e instanceof CliError)) throw e;
        unreadable.push(`${file}${t("：", ": ")}${e instanceof WorkbookReadError && lang === "en" ? e.messageEn : e.message}`);
      }
    }
    // a unit left out silently would make the total wrong: refuse instead
    if (unreadable.length) throw new CliError(`${t("以下文件无法读取，未汇总：", "These files could not be read; nothing aggregated:")}\n${unreadable.join("\n")}`);
    const plan = planAggregate(inputs, { unit: stringOption(ctx, "unit")?.trim() || undefined, contact: stringOption(ctx, "contact")?.trim() || undefined, keep: keepOptions(ctx.values.keep, t) });
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
  },
};
