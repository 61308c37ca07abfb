/**
 * The sample workbook the page opens for a newcomer: the seed report's four tables, built in the
 * browser from the template data (no binary sample is shipped or committed, and no xlsx code is
 * needed to show and check it). Its download replays the same insertSheets on an empty ExcelJS workbook.
 */
import { layoutFor, type SheetLayout } from "../templates/layout";
import { seedLayoutOptions } from "../templates/sample";
import { TABLE_IDS } from "../templates/tables";
import { SnapshotHost } from "./snapshotHost";
import { WebHost, type HostFactory } from "./webHost";

export const SAMPLE_FILE_NAME = "示例工作簿.xlsx";

export function sampleLayouts(): SheetLayout[] {
  return TABLE_IDS.map((id) => layoutFor(id, seedLayoutOptions(id)));
}

export async function openSample(loadFactory: () => Promise<HostFactory>, layouts: SheetLayout[] = sampleLayouts()): Promise<WebHost> {
  const host = SnapshotHost.empty(loadFactory);
  await host.insertSheets(layouts);
  return WebHost.open(host, SAMPLE_FILE_NAME);
}
