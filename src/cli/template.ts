/** xzzf template --year <Y> [--unit] [--contact] --out <file>: the four tables in the official layout. */
import { layoutFor } from "../templates/layout";
import { TABLE_IDS } from "../templates/tables";
import { checkOutput, CliError, EXIT_OK, writeOutput } from "./io";
import { flag, stringOption, type CommandContext } from "./types";
import { newWorkbook } from "./workbook";

export async function run(ctx: CommandContext): Promise<number> {
  const { io, t } = ctx;
  if (ctx.positionals.length > 0)
    throw new CliError(t(`template 不接受文件参数（收到“${ctx.positionals[0]}”）。`, `template takes no file argument (got "${ctx.positionals[0]}").`), {
      usage: true,
    });
  const rawYear = stringOption(ctx, "year");
  if (!rawYear) throw new CliError(t("缺少 --year <年度>，例如 --year 2025。", "Missing --year <year>, e.g. --year 2025."), { usage: true });
  if (!/^\d{4}$/.test(rawYear.trim()) || Number(rawYear) < 2000 || Number(rawYear) > 2099) {
    throw new CliError(
      t(`--year 应为 2000 至 2099 之间的四位年份，收到“${rawYear}”。`, `--year must be a four-digit year from 2000 to 2099; got "${rawYear}".`),
    );
  }
  const year = Number(rawYear);
  const force = flag(ctx, "force");
  const out = checkOutput(stringOption(ctx, "out"), [], force, t);
  const unit = stringOption(ctx, "unit")?.trim() || undefined;
  const contact = stringOption(ctx, "contact")?.trim() || undefined;
  const host = await newWorkbook();
  await host.insertSheets(TABLE_IDS.map((id) => layoutFor(id, { year, unit, contact })));
  writeOutput(out, await host.toBytes(), force, t);
  io.stdout.write(t(`已生成 ${year} 年统计表模板（附件2—附件5）：${out}\n`, `Wrote the ${year} tables (附件2–附件5): ${out}\n`));
  return EXIT_OK;
}
