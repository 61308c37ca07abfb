/**
 * The batch's downloads, each made when asked (ExcelJS is fetched then, not before):
 *  - 审核汇总.xlsx: sheet 汇总 (one row per file, the summary table's columns) and sheet 问题清单 (every
 *    finding, with the columns of `xzzf check --format csv` plus the unit);
 *  - the annotated copy of one file, or of every readable file in one .zip (each made as the single
 *    page's 下载标注副本 makes it, from the file read again);
 *  - the 汇总 report of the units, by the rules of `xzzf aggregate` (mixed years and a unit twice refused).
 */
import { zipSync } from "fflate";
import type { CellValue } from "../../grid/grid";
import { analyse } from "../../check/analyse";
import { planAggregate, type AggregateInput } from "../../flows/aggregate";
import { WorkbookReadError } from "../../host/xlsx/errors";
import { layoutFor } from "../../templates/layout";
import type { TableId } from "../../templates/schema";
import { tableDef } from "../../templates/tables";
import { webTranslator, type WebTranslate as Translate } from "../../i18n/web";
import { annotatedCopy, copyName } from "../downloads";
import type { HostFactory } from "../webHost";
import { fileBytes } from "../../pane/fileBytes";
import { readForBatch } from "./readForBatch";
import type { FileSummary } from "./types";
import { tablesText } from "../../flows/fileState";

const zh = webTranslator("zh");

export const SUMMARY_FILE = "审核汇总.xlsx";
export const ANNOTATED_ZIP = "标注副本.zip";
export const AGGREGATE_FILE = "汇总.xlsx";

/** ExcelJS behind the same chunk the single page uses for its copies. */
export async function loadBatchFactory(): Promise<HostFactory> {
  const { ExcelJSHost } = await import(/* webpackChunkName: "xlsx-host" */ "../../host/xlsx/exceljsHost");
  return { fromBytes: (bytes) => ExcelJSHost.fromBytes(bytes), empty: async () => ExcelJSHost.empty() };
}

export function stateText(s: FileSummary, t: Translate = zh): string {
  if (s.state === "unreadable") return `${t("batchStateUnreadable")}：${s.error ?? ""}`;
  return s.state === "ready" ? t("batchStateReady") : t("batchStateFix");
}

/** Sheet 汇总: a header and one row per file, in the order received. */
export function summaryRows(results: readonly FileSummary[], t: Translate = zh): CellValue[][] {
  const header = [
    "batchColFile",
    "batchColUnit",
    "batchColYear",
    "batchColTables",
    "batchColErrors",
    "batchColWarnings",
    "batchColInfos",
    "batchColExplained",
    "batchColState",
  ] as const;
  const rows: CellValue[][] = [header.map((k) => t(k))];
  for (const s of results) {
    if (s.state === "unreadable") rows.push([s.name, null, null, null, null, null, null, null, stateText(s, t)]);
    else
      rows.push([
        s.name,
        s.unit || null,
        s.year,
        tablesText(s.tables) || t("batchNoTables"),
        s.counts.error,
        s.counts.warning,
        s.counts.info,
        s.explained,
        stateText(s, t),
      ]);
  }
  return rows;
}

const SEVERITY_TEXT = { error: "错误", warning: "需核实", info: "提示" } as const;

/**
 * Sheet 问题清单: the CLI's CSV columns (file, table, sheet, cell, rule, severity, message) with the
 * unit after the file and the 审核说明 last; an unreadable file is one row with its sentence, as in the CSV.
 */
export function findingRows(results: readonly FileSummary[], t: Translate = zh): CellValue[][] {
  const header = [
    "batchColFile",
    "batchColUnit",
    "batchColTables",
    "batchColSheet",
    "batchColCell",
    "batchColRule",
    "batchColSeverity",
    "batchColMessage",
    "batchColExplanation",
  ] as const;
  const rows: CellValue[][] = [header.map((k) => t(k))];
  for (const s of results) {
    if (s.state === "unreadable") rows.push([s.name, null, null, null, null, null, t("batchStateUnreadable"), s.error ?? null, null]);
    for (const f of s.findings) {
      rows.push([
        s.name,
        s.unit || null,
        f.table ? tableDef(f.table).attachment : null,
        f.sheet,
        f.cell,
        f.rule,
        SEVERITY_TEXT[f.severity],
        f.message,
        f.explanation ?? null,
      ]);
    }
  }
  return rows;
}

export async function summaryWorkbook(results: readonly FileSummary[], factory: HostFactory, t: Translate = zh): Promise<Uint8Array> {
  const host = await factory.empty();
  await host.writeSheet(t("batchSummarySheet"), summaryRows(results, t));
  await host.writeSheet(t("batchFindingsSheet"), findingRows(results, t));
  return host.toBytes();
}

export interface NamedFile {
  name: string;
  file: Blob;
}

/** One file's 标注副本, as the single page makes it. */
export async function annotatedOne(f: NamedFile, factory: HostFactory, checkedAt: Date): Promise<{ name: string; bytes: Uint8Array }> {
  const host = await factory.fromBytes(await fileBytes(f.file));
  const { bytes } = await annotatedCopy(host, factory, { file: f.name, checkedAt });
  return { name: copyName(f.name, "annotated"), bytes };
}

/** Every file's 标注副本 in one .zip, made one file at a time; names kept apart when two files share one. */
export async function annotatedZip(
  files: readonly NamedFile[],
  factory: HostFactory,
  checkedAt: Date,
  onProgress?: (done: number) => void,
): Promise<Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  let done = 0;
  for (const f of files) {
    const one = await annotatedOne(f, factory, checkedAt);
    let name = one.name;
    for (let n = 2; name in entries; n++) name = one.name.replace(/\.xlsx$/, `(${n}).xlsx`);
    entries[name] = one.bytes;
    onProgress?.(++done);
  }
  // The copies are zip files already: stored, not compressed again.
  return zipSync(entries, { level: 0 });
}

export type AggregateOutcome =
  { ok: true; bytes: Uint8Array; units: string[]; year: number; warnings: string[]; leftOut: string[] } | { ok: false; problems: string[]; leftOut: string[] };

/** The CLI's advice names its --keep option; the page has none, so its refusal says what to do here. */
export function forThePage(problem: string): string {
  return problem.replace(/；请用 --keep .*$/, "；请只保留其中一份后再汇总。");
}

/**
 * 汇总 of the readable files (unreadable ones are left out and named): each read again and
 * recognised as `xzzf aggregate` does (no rules), then planAggregate, whose refusals are shown as they are.
 */
export async function aggregateReport(
  files: readonly NamedFile[],
  results: readonly FileSummary[],
  factory: () => Promise<HostFactory>,
  opts: { unit?: string } = {},
): Promise<AggregateOutcome> {
  const leftOut = results.filter((r) => r.state === "unreadable").map((r) => r.name);
  const inputs: AggregateInput[] = [];
  for (const r of results) {
    if (r.state === "unreadable") continue;
    const f = files[r.index];
    try {
      const input = readForBatch(f.name, await fileBytes(f.file));
      inputs.push({ file: f.name, analysis: analyse(input.snapshot, { ...input.options, rules: [] }) });
    } catch (err) {
      if (!(err instanceof WorkbookReadError)) throw err;
      // changed on disk since it was checked
      leftOut.push(f.name);
    }
    // one file at a time, and the page gets its frames in between
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (inputs.length === 0) return { ok: false, problems: [zh("batchNothingReadable")], leftOut };
  const plan = planAggregate(inputs, { unit: opts.unit?.trim() || undefined });
  if (!plan.ok) return { ok: false, problems: plan.problems.map(forThePage), leftOut };
  const host = await (await factory()).empty();
  await host.insertSheets(Object.entries(plan.tables).map(([id, o]) => layoutFor(id as TableId, o!)));
  return { ok: true, bytes: await host.toBytes(), units: plan.units, year: plan.year, warnings: plan.warnings, leftOut };
}
