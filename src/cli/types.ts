/** The shape of a CLI command, so a new one is a module exporting its `run` plus an entry in commands.ts. */
import type { ParseArgsConfig } from "util";
import type { CliIO, Lang, Tr } from "./io";

export type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

export interface CommandContext {
  io: CliIO;
  lang: Lang;
  t: Tr;
  /** Parsed options (strings and booleans; a `multiple` option gives an array). */
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  /** One line for the command list, Chinese and English. */
  summary: { zh: string; en: string };
  /** The usage lines shown by `xzzf help <command>` and on wrong arguments. */
  usage: { zh: string; en: string };
  /** Options besides the global ones (--lang, --help). */
  options: OptionsConfig;
  /**
   * The module that runs the command, loaded on first use: `--help` loads no engine, and each
   * command only what it needs (the start-up of a one-file check is mostly module loading).
   */
  load(): Promise<CommandRun>;
}

export type CommandRun = (ctx: CommandContext) => Promise<number>;

export function stringOption(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  if (Array.isArray(v)) return v.length ? String(v[v.length - 1]) : undefined;
  return typeof v === "string" ? v : undefined;
}

export function flag(ctx: CommandContext, name: string): boolean {
  return ctx.values[name] === true;
}
