/** The seed report's four tables as a workbook snapshot, in the official layout or as pasted from Word. */
import type { WorkbookSnapshot } from "../../src/grid/grid";
import { layoutFor, layoutToSnapshot, type LayoutOptions } from "../../src/templates/layout";
import { seedLayoutOptions } from "../../src/templates/sample";
import { TABLE_IDS } from "../../src/templates/tables";
import type { TableId } from "../../src/templates/schema";

export function seedSnapshot(extra: Partial<LayoutOptions> = {}, ids: readonly TableId[] = TABLE_IDS): WorkbookSnapshot {
  return { sheets: ids.map((id) => layoutToSnapshot(layoutFor(id, { ...seedLayoutOptions(id), ...extra }))) };
}
