/** Matching units between two reports or two tables: by normalised name, or the single block of each when names differ. */
import type { RecognisedYearlyTable, YearlyBlock } from "../engine/model";
import { nfkc } from "../engine/nfkc";

export function unitKey(name: unknown): string {
  return nfkc(String(name ?? ""))
    .replace(/[\s\u3000]+/g, "")
    .replace(/\(盖章\)/g, "");
}

export function blockUnit(block: YearlyBlock): string {
  return String(block.unit.raw ?? "").trim();
}

/** Pairs the blocks of two tables: same unit name first; one block each pairs whatever the names. */
export function pairBlocks(a: RecognisedYearlyTable, b: RecognisedYearlyTable): Array<[YearlyBlock, YearlyBlock]> {
  if (a.blocks.length === 1 && b.blocks.length === 1) return [[a.blocks[0], b.blocks[0]]];
  const byName = new Map(b.blocks.map((blk) => [unitKey(blk.unit.raw), blk]));
  const out: Array<[YearlyBlock, YearlyBlock]> = [];
  for (const blk of a.blocks) {
    const other = byName.get(unitKey(blk.unit.raw));
    if (other) out.push([blk, other]);
  }
  return out;
}
