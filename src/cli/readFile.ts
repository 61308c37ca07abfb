/**
 * Reading one file for `check`: the half of checking the CLI's reader threads do (checkPool.ts).
 * Kept apart from check.ts so that a reader thread loads the reader alone, not the engine and rules.
 */
import type { WorkbookSnapshot } from "../engine/grid";
import { readWorkbookFast } from "../host/xlsx/fastReader";
import { WorkbookReadError } from "../host/xlsx/errors";
import { NODE_ZIP } from "./nodeZip";
import type { PartCache } from "../host/xlsx/partCache";
import { CliError, readInput, type Lang, type Tr } from "./io";

/** A file read, or why it could not be read. */
export type ReadOutcome = { snapshot: WorkbookSnapshot; error?: undefined } | { snapshot?: undefined; error: string };

/** Reads one file; never throws for a bad file (its message goes in `error`). */
export function readForCheck(file: string, opts: { t: Tr; lang: Lang; parts?: PartCache }): ReadOutcome {
  try {
    return { snapshot: readWorkbookFast(readInput(file, opts.t), { file, codec: NODE_ZIP, parts: opts.parts }) };
  } catch (e) {
    if (e instanceof CliError) return { error: e.message };
    if (e instanceof WorkbookReadError) return { error: opts.lang === "en" ? e.messageEn : e.message };
    throw e;
  }
}
