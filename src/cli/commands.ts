/**
 * The command table. A new command is a module exporting a Command (types.ts) and one line here;
 * main.ts parses its options, prints its usage and handles its errors.
 */
import type { Command } from "./types";
import { checkCommand } from "./check";
import { ratiosCommand } from "./ratios";
import { annotateCommand } from "./annotate";
import { templateCommand } from "./template";
import { importPriorCommand } from "./importPrior";
import { aggregateCommand } from "./aggregate";

export const COMMANDS: Command[] = [checkCommand, ratiosCommand, annotateCommand, templateCommand, importPriorCommand, aggregateCommand];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
