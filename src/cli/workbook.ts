/**
 * Opening and making workbooks for the writing commands. ExcelJS is loaded only here, on first use:
 * it costs most of the CLI's start-up time, and `check` never needs it.
 */
import type { ExcelJSHost } from "../host/xlsx/exceljsHost";
import { WorkbookReadError } from "../host/xlsx/errors";
import { CliError, type Lang, type Tr } from "./io";
import { readWorkbookInput } from "./input";

async function hostClass(): Promise<typeof ExcelJSHost> {
  return (await import("../host/xlsx/exceljsHost")).ExcelJSHost;
}

export async function openWorkbook(path: string, t: Tr, lang: Lang): Promise<ExcelJSHost> {
  const bytes = await readWorkbookInput(path, t, lang);
  const Host = await hostClass();
  try {
    return await Host.fromBytes(bytes, { file: path });
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new CliError(`${path}${t("：", ": ")}${lang === "en" ? e.messageEn : e.message}`);
    throw e;
  }
}

export async function newWorkbook(): Promise<ExcelJSHost> {
  return (await hostClass()).empty();
}

/** A cell value as shown in a message: text in quotes, empty as 空. */
export function shown(v: unknown, t: Tr): string {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return t("空", "empty");
  return typeof v === "string" ? `“${v}”` : String(v);
}
