/**
 * The sample workbook the page opens for a newcomer: the seed report's four tables, built in the
 * browser from the template data (no binary sample is shipped or committed).
 */
import { layoutFor, type SheetLayout } from "../templates/layout";
import { seedLayoutOptions } from "../templates/sample";
import { TABLE_IDS } from "../templates/tables";
import { WebHost, type HostFactory } from "./webHost";

export const SAMPLE_FILE_NAME = "示例工作簿.xlsx";

export function sampleLayouts(): SheetLayout[] {
  return TABLE_IDS.map((id) => layoutFor(id, seedLayoutOptions(id)));
}

export async function openSample(factory: HostFactory): Promise<WebHost> {
  const host = await factory.empty();
  await host.insertSheets(sampleLayouts());
  return WebHost.open(host, SAMPLE_FILE_NAME);
}
