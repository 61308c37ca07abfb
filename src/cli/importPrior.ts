/**
 * xzzf import-prior <file> --from <last-year.xlsx> --out <file> [--force]: fills this year's {Y-1}
 * columns from last year's {Y} columns. A differing non-empty value is never replaced without --force;
 * the figures are also kept in the state sheet so prior-mismatch works later without the old file.
 */
import { analyse } from "../check/analyse";
import { readState, stateRows } from "../engine/stateSheet";
import { importWrites, planImportPrior, type PriorPreviewRow } from "../flows/importPrior";
import { readWorkbookFast } from "../host/xlsx/fastReader";
import { NODE_ZIP } from "./nodeZip";
import { WorkbookReadError } from "../host/xlsx/errors";
import { tableDef } from "../templates/tables";
import { checkOutput, CliError, EXIT_FINDINGS, EXIT_OK, fileLabel, writeOutput } from "./io";
import { readWorkbookInput } from "./input";
import { flag, stringOption, type CommandContext } from "./types";
import { openWorkbook, shown } from "./workbook";

export async function run(ctx: CommandContext): Promise<number> {
  const { io, t, lang } = ctx;
  if (ctx.positionals.length !== 1) throw new CliError(t("import-prior 需要且只需要一个本年文件。", "import-prior takes exactly one file."), { usage: true });
  const input = ctx.positionals[0];
  const from = stringOption(ctx, "from");
  if (!from) throw new CliError(t("缺少 --from <上年报表.xlsx>。", "Missing --from <last-year.xlsx>."), { usage: true });
  const force = flag(ctx, "force");
  const out = checkOutput(stringOption(ctx, "out"), [input, from], force, t);

  let last;
  try {
    last = analyse(readWorkbookFast(await readWorkbookInput(from, t, lang), { file: from, codec: NODE_ZIP }), { rules: [] });
  } catch (e) {
    if (e instanceof WorkbookReadError)
      throw new CliError(t(`无法读取上年报表“${from}”：${e.message}`, `Cannot read last year's report "${from}": ${e.messageEn}`));
    throw e;
  }
  const host = await openWorkbook(input, t, lang);
  const snapshot = await host.readSnapshot();
  const current = analyse(snapshot, { rules: [] });
  const plan = planImportPrior(current, last, fileLabel(from));
  if (plan.problems.length && plan.rows.length === 0) throw new CliError(plan.problems.join("\n"));
  for (const p of plan.problems) io.stderr.write(`${p}\n`);

  const writes = importWrites(plan, { force });
  const written = new Set(writes.map((w) => `${w.sheet}!${w.address}`));
  const line = (r: PriorPreviewRow) => `  ${tableDef(r.table).attachment}!${r.cell} ${r.label}`;
  for (const r of plan.rows) {
    const id = `${r.sheet}!${r.cell}`;
    if (r.action === "fill") io.stdout.write(`${line(r)}${t("：填入 ", ": filled ")}${shown(r.lastYear, t)}\n`);
    else if (r.action === "conflict" && written.has(id))
      io.stdout.write(`${line(r)}${t("：已替换 ", ": replaced ")}${shown(r.now, t)} → ${shown(r.lastYear, t)}${t("（--force）", " (--force)")}\n`);
  }
  const conflicts = plan.rows.filter((r) => r.action === "conflict" && !written.has(`${r.sheet}!${r.cell}`));
  for (const r of conflicts) {
    io.stderr.write(
      `${line(r)}${t("：表中已有 ", ": holds ")}${shown(r.now, t)}${t("，上年报表为 ", ", last year's report says ")}${shown(r.lastYear, t)}${t("，未替换（核实后可加 --force）", "; not replaced (add --force after checking)")}\n`,
    );
  }
  await host.writeValues(writes);
  // keep last year's figures in the workbook, so prior-mismatch works without the old file
  const state = readState(snapshot);
  const keys = new Set(plan.figures.map((f) => `${f.table}|${f.unit}|${f.key}`));
  await host.writeState(stateRows({ ...state, prior: [...state.prior.filter((p) => !keys.has(`${p.table}|${p.unit}|${p.key}`)), ...plan.figures] }));
  writeOutput(out, await host.toBytes(), force, t);
  const same = plan.rows.filter((r) => r.action === "same").length;
  io.stdout.write(
    t(
      `已填入 ${writes.length} 个上年数，${same} 个与上年报表一致，${conflicts.length} 个不一致未替换；已保存到 ${out}\n`,
      `Filled ${writes.length} prior-year cells, ${same} already agreed, ${conflicts.length} differing left as they were; saved to ${out}\n`,
    ),
  );
  return conflicts.length ? EXIT_FINDINGS : EXIT_OK;
}
