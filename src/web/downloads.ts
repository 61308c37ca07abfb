/**
 * The copies the web page hands back as downloads. Each is made from a fresh copy of the open
 * workbook (its bytes read again), so preparing a download never changes what is on screen, and
 * the user's values are only ever changed in a copy, and only where they confirmed.
 */
import { analyse, type Analysis } from "../check/analyse";
import { AUDIT_SHEET, auditReportRows } from "../flows/auditReport";
import { planRatios, type RatioPlan } from "../flows/ratios";
import type { FileHost, HostFactory } from "./webHost";
import { annotationMarks } from "../flows/marks";
import { saveFile, XLSX_MIME } from "./save";

export { XLSX_MIME };

export { copyName, type CopyKind } from "../flows/copyName";

async function copyOf(host: FileHost, factory: HostFactory): Promise<FileHost> {
  return factory.fromBytes(await host.toBytes());
}

/**
 * 标注副本: every finding marked in place (fill per severity, the message as a note) and the
 * 审核报告 sheet; values unchanged. With `body` (a report's, or one to check against) the findings on
 * the body are marked and listed too.
 */
export async function annotatedCopy(
  host: FileHost,
  factory: HostFactory,
  meta: { file?: string; checkedAt: Date; body?: readonly string[] },
): Promise<{ bytes: Uint8Array; analysis: Analysis }> {
  const copy = await copyOf(host, factory);
  const analysis = analyse(await copy.readSnapshot(), { body: meta.body });
  // Marks of an earlier check go first: a cell fixed since then must not stay marked in the copy.
  await copy.clearMarks();
  await copy.mark(annotationMarks(analysis.findings));
  await copy.writeSheet(AUDIT_SHEET, auditReportRows(analysis, meta));
  return { bytes: await copy.toBytes(), analysis };
}

export interface RatioCopy {
  copy: FileHost;
  plan: RatioPlan;
}

/** 已填同比副本, first half: the plan, so the page can show what it would overwrite before writing. */
export async function prepareRatioCopy(host: FileHost, factory: HostFactory): Promise<RatioCopy> {
  const copy = await copyOf(host, factory);
  return { copy, plan: planRatios(analyse(await copy.readSnapshot()), "values") };
}

/** Second half: write the ratios; cells that hold something else are only written when the user confirmed. */
export async function finishRatioCopy({ copy, plan }: RatioCopy, overwrite: boolean): Promise<Uint8Array> {
  const keep = new Set(overwrite ? [] : plan.overwrites.map((i) => `${i.sheet}\u0000${i.cell}`));
  const writes = plan.writes.filter((w) => !keep.has(`${w.sheet}\u0000${w.address}`));
  if (writes.length > 0) await copy.writeValues(writes);
  return copy.toBytes();
}

/** Hands an .xlsx to the browser as a download (save.ts; nothing leaves the machine). */
export function saveBytes(bytes: Uint8Array, fileName: string, doc: Document = document): void {
  saveFile(bytes, fileName, XLSX_MIME, doc);
}
