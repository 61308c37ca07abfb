/**
 * The `xzzf` command line: `main(argv)` returns the exit code; bin/xzzf.js runs the compiled copy.
 * Writers are injectable so that tests run commands in-process. Loads only the command table here;
 * a command's module (engine, reader, ExcelJS) is loaded when that command runs. The tables are not
 * checked against their zod schema at start: they are constant data, checked by
 * src/templates/validate.test.ts, and zod was a third of a one-file check's start-up.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseArgs } from "util";
import { COMMANDS, findCommand } from "./commands";
import { CliError, defaultIO, EXIT_FAILURE, EXIT_OK, translator, type CliIO, type Lang, type Tr } from "./io";
import type { Command, CommandContext } from "./types";

export function version(): string {
  try {
    // dist-cli/bundle/main.js, dist-cli/cli/main.js and src/cli/main.ts all sit two levels below the package root.
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

export function usage(lang: Lang): string {
  const t = translator(lang);
  const lines = [
    t("xzzf — 行政执法统计填报助手（命令行）", "xzzf — statistics assistant for administrative law enforcement reports (command line)"),
    "",
    t("用法：xzzf <命令> [参数]", "Usage: xzzf <command> [arguments]"),
    "",
    t("命令：", "Commands:"),
    ...COMMANDS.map((c) => `  ${c.name.padEnd(13)} ${lang === "en" ? c.summary.en : c.summary.zh}`),
    `  ${"help".padEnd(13)} ${t("显示帮助；xzzf help <命令> 显示该命令的用法", "show help; xzzf help <command> shows a command's usage")}`,
    "",
    t("通用选项：--lang en（英文提示）  --help  --version", "Global options: --lang zh|en  --help  --version"),
    "",
    t("示例：", "Examples:"),
    "  xzzf check 2024年统计表.xlsx",
    "  xzzf check *.xlsx --format csv > 检查结果.csv",
    "  xzzf check 各单位报表\\ --format csv > 检查结果.csv",
    "  xzzf check 2025年统计表.xlsx --prior 2024年统计表.xlsx",
    "  xzzf ratios 2024年统计表.xlsx --out 2024年统计表-同比.xlsx",
    "  xzzf annotate 2024年统计表.xlsx --out 2024年统计表-审核.xlsx",
    "  xzzf template --year 2025 --unit 某某县自然资源局 --out 2025年统计表.xlsx",
    "  xzzf import-prior 2025年统计表.xlsx --from 2024年统计表.xlsx --out 2025年统计表-已导入.xlsx",
    "  xzzf aggregate 各单位/*.xlsx --unit 某某县 --out 某某县汇总.xlsx",
  ];
  return `${lines.join("\n")}\n`;
}

function commandUsage(c: Command, lang: Lang): string {
  const t = translator(lang);
  return `${t("用法：", "Usage: ")}${lang === "en" ? c.usage.en : c.usage.zh}\n`;
}

/** Takes `--lang xx` / `--lang=xx` out of argv, wherever it stands. */
function extractLang(argv: string[]): { lang: Lang | null; bad?: string; rest: string[] } {
  const rest: string[] = [];
  let lang: Lang | null = null;
  let bad: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let v: string | undefined;
    if (a === "--lang") v = argv[++i] ?? "";
    else if (a.startsWith("--lang=")) v = a.slice("--lang=".length);
    else {
      rest.push(a);
      continue;
    }
    const norm = v.toLowerCase();
    if (norm === "zh" || norm === "zh-cn" || norm === "cn") lang = "zh";
    else if (norm === "en" || norm === "en-us") lang = "en";
    else bad = v;
  }
  return { lang, bad, rest };
}

/** node's parseArgs errors, in the user's language. */
function argError(e: unknown, t: Tr): string {
  const err = e as { code?: string; message?: string };
  const opt = /'(-[^']*)'/.exec(err.message ?? "")?.[1] ?? "";
  switch (err.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return t(`未知选项：${opt.split(",")[0]}`, `Unknown option: ${opt.split(",")[0]}`);
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return t(`选项 ${opt.split(",")[0] || ""} 的值有误或缺少值。`, `Option ${opt.split(",")[0] || ""} has a wrong or missing value.`);
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return t("多余的参数。", "Unexpected argument.");
    default:
      return err.message ?? String(e);
  }
}

export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  const { lang: chosen, bad, rest } = extractLang(argv);
  const lang: Lang = chosen ?? "zh";
  const t = translator(lang);
  if (bad !== undefined) {
    io.stderr.write(t(`--lang 只能是 zh 或 en，收到“${bad}”。\n`, `--lang must be zh or en; got "${bad}".\n`));
    return EXIT_FAILURE;
  }
  const [first, ...args] = rest;
  if (first === undefined) {
    io.stderr.write(usage(lang));
    return EXIT_FAILURE;
  }
  if (first === "--version" || first === "-v" || first === "version") {
    io.stdout.write(`xzzf ${version()}\n`);
    return EXIT_OK;
  }
  if (first === "help" || first === "--help" || first === "-h") {
    const c = args[0] ? findCommand(args[0]) : undefined;
    if (args[0] && !c) {
      io.stderr.write(`${t(`未知命令“${args[0]}”。`, `Unknown command "${args[0]}".`)}\n\n${usage(lang)}`);
      return EXIT_FAILURE;
    }
    io.stdout.write(c ? commandUsage(c, lang) : usage(lang));
    return EXIT_OK;
  }
  const command = findCommand(first);
  if (!command) {
    const what = first.startsWith("-")
      ? t(`缺少命令（收到选项“${first}”）。`, `Missing command (got the option "${first}").`)
      : t(`未知命令“${first}”。`, `Unknown command "${first}".`);
    io.stderr.write(`${what}\n\n${usage(lang)}`);
    return EXIT_FAILURE;
  }

  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...command.options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (e) {
    io.stderr.write(`xzzf ${command.name}: ${argError(e, t)}\n${commandUsage(command, lang)}`);
    return EXIT_FAILURE;
  }
  if (parsed.values.help === true) {
    io.stdout.write(commandUsage(command, lang));
    return EXIT_OK;
  }
  const ctx: CommandContext = { io, lang, t, values: parsed.values, positionals: parsed.positionals };
  try {
    const run = await command.load();
    return await run(ctx);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr.write(`xzzf ${command.name}: ${e.message}\n`);
      if (e.showUsage) io.stderr.write(commandUsage(command, lang));
      return e.exitCode;
    }
    // A HostError (exceljsHost.ts), told by name so that ExcelJS is not loaded to recognise it.
    if (e instanceof Error && e.name === "HostError") {
      const en = (e as Error & { messageEn?: string }).messageEn;
      io.stderr.write(`xzzf ${command.name}: ${lang === "en" && en ? en : e.message}\n`);
      return EXIT_FAILURE;
    }
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    io.stderr.write(t(`xzzf 内部错误（请将以下信息反馈给开发者）：${detail}\n`, `xzzf internal error (please report): ${detail}\n`));
    return EXIT_FAILURE;
  }
}
