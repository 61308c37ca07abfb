/** What 校验 must leave in the cells: each still-open finding's cell with its most severe finding's fill. */
import { analyse } from "../../src/check/analyse";
import { SEVERITY_ORDER, type Severity } from "../../src/engine/findings";
import type { FakeWorkbook } from "./fakeExcel";

export function expectedMarkFills(book: FakeWorkbook): Map<string, Severity> {
  const worst = new Map<string, Severity>();
  for (const f of analyse(book.snapshot()).findings) {
    if (f.explanation) continue;
    const k = `${f.sheet}!${f.cell}`;
    const had = worst.get(k);
    if (!had || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[had]) worst.set(k, f.severity);
  }
  return worst;
}

/** Every fill in the workbook, by `sheet!row,col`. */
export function fills(book: FakeWorkbook): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of book.sheets) for (const [k, c] of s.cells) if (c.fill !== null) out[`${s.name}!${k}`] = c.fill;
  return out;
}
