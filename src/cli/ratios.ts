/** xzzf ratios <file> --out <file> [--formulas]: fills every 同比变化 cell, changing nothing else. */
import { analyse } from "../check/analyse";
import { planRatios } from "../flows/ratios";
import { tableDef } from "../templates/tables";
import { checkOutput, CliError, EXIT_FINDINGS, EXIT_OK, writeOutput } from "./io";
import { flag, stringOption, type CommandContext } from "./types";
import { openWorkbook, shown } from "./workbook";

export async function run(ctx: CommandContext): Promise<number> {
  const { io, t, lang } = ctx;
  if (ctx.positionals.length !== 1) throw new CliError(t("ratios 需要且只需要一个输入文件。", "ratios takes exactly one input file."), { usage: true });
  const input = ctx.positionals[0];
  const force = flag(ctx, "force");
  const out = checkOutput(stringOption(ctx, "out"), [input], force, t);
  const host = await openWorkbook(input, t, lang);
  const analysis = analyse(await host.readSnapshot());
  if (!analysis.tables.some((x) => x.shape === "yearly")) {
    io.stderr.write(
      t(
        `${input}：没有识别到附件2或附件3，没有需要填写的同比变化；未生成文件。\n`,
        `${input}: no 附件2 or 附件3 recognised, no ratio to fill; nothing written.\n`,
      ),
    );
    return EXIT_FINDINGS;
  }
  const plan = planRatios(analysis, flag(ctx, "formulas") ? "formulas" : "values");
  await host.writeValues(plan.writes);
  writeOutput(out, await host.toBytes(), force, t);

  const replaced = new Set(plan.overwrites);
  for (const item of plan.items) {
    const where = `${tableDef(item.table).attachment}!${item.cell}`;
    const value = item.next === null ? t("（清空：上年或本年数缺失）", "(emptied: a year is missing)") : item.next;
    const formula = item.formula ? t("（公式）", " (formula)") : "";
    const was = replaced.has(item) ? t(`，替换原值 ${shown(item.old, t)}`, `, replacing ${shown(item.old, t)}`) : "";
    io.stdout.write(`  ${where} ${item.category}${t("：", ": ")}${value}${formula}${was}\n`);
  }
  io.stdout.write(
    t(
      `已填写 ${plan.items.length} 个同比变化单元格（其中替换原有内容 ${plan.overwrites.length} 个），已保存到 ${out}\n`,
      `Filled ${plan.items.length} ratio cells (${plan.overwrites.length} replaced a different value); saved to ${out}\n`,
    ),
  );
  return EXIT_OK;
}
