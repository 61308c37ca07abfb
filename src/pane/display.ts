/** How a cell value reads in the pane: empty cells say so instead of showing nothing. */
import type { CellValue } from "../grid/grid";
import { isBlank } from "../grid/grid";

export function shown(v: CellValue, empty: string): string {
  if (v === null || isBlank(v)) return empty;
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}
