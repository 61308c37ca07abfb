/**
 * Which resubmitted file answers which file sent back, when a reviewer has a folder of each: by the
 * unit the report is about, then by file name. Resubmissions are often renamed (`…（修改后）.xlsx`,
 * `…-标注.xlsx` corrected and sent back as is), and units sometimes name their files alike
 * (`统计表.xlsx` in a subfolder per unit), so the unit decides first and the name only for the rest.
 * Unit names are compared as the rules between tables compare them (unitKey).
 */
import { unitKey } from "../rules/utils/between";

export interface VersionFile {
  /** As the user will read it in the output. */
  file: string;
  /** Relative to the folder given: what the file name pairing compares. */
  relative: string;
  /** The unit the report is about (reportUnit); empty when none was found or the file could not be read. */
  unit: string;
}

export interface VersionPair<T extends VersionFile> {
  before: T;
  after: T;
  by: "unit" | "name";
}

export interface Pairing<T extends VersionFile> {
  /** In the order of the new folder's files. */
  pairs: Array<VersionPair<T>>;
  /** New files no old one answers: a first submission, or a unit renamed and its file renamed too. */
  onlyAfter: T[];
  /** Old files nothing was resubmitted for. */
  onlyBefore: T[];
}

/**
 * A file name with what a resubmission adds taken off: the extension (an .xls resubmitted as .xlsx),
 * case, the reviewer's `-标注` copy suffix, and a trailing note in brackets or after a dash that says
 * it was corrected (`（修改后）`, `-修改版`, `_v2`).
 */
export function nameKey(relative: string): string {
  return relative
    .replace(/\\/g, "/")
    .replace(/\.[^./]+$/, "")
    .replace(/-标注$/, "")
    .replace(/\s*[（(](?:已?修改后?|修订后?|更正后?|更新后?|改后|新版?|重报|第?[0-9一二三四五]+版|v\d+)[）)]$/i, "")
    .replace(/\s*[-_ ](?:已?修改后?版?|修订版?|更正版?|重报|新版|v\d+)$/i, "")
    .toLowerCase();
}

/** Keys that occur exactly once on a side: a unit reported twice cannot say which file answers which. */
function unique<T>(items: readonly T[], key: (x: T) => string): Map<string, T> {
  const seen = new Map<string, T | null>();
  for (const x of items) {
    const k = key(x);
    if (k === "") continue;
    seen.set(k, seen.has(k) ? null : x);
  }
  const out = new Map<string, T>();
  for (const [k, x] of seen) if (x !== null) out.set(k, x);
  return out;
}

export function pairVersions<T extends VersionFile>(before: readonly T[], after: readonly T[]): Pairing<T> {
  const taken = new Set<T>();
  const partner = new Map<T, VersionPair<T>>();
  const byUnit = unique(before, (f) => unitKey(f.unit));
  const afterUnits = unique(after, (f) => unitKey(f.unit));
  for (const [k, a] of afterUnits) {
    const b = byUnit.get(k);
    if (!b) continue;
    partner.set(a, { before: b, after: a, by: "unit" });
    taken.add(b);
  }
  const freeBefore = before.filter((b) => !taken.has(b));
  const byName = unique(freeBefore, (f) => nameKey(f.relative));
  const afterNames = unique(
    after.filter((a) => !partner.has(a)),
    (f) => nameKey(f.relative),
  );
  for (const [k, a] of afterNames) {
    const b = byName.get(k);
    // two units named in their tables are two units, whatever their files are called
    if (!b || (b.unit !== "" && a.unit !== "" && unitKey(b.unit) !== unitKey(a.unit))) continue;
    partner.set(a, { before: b, after: a, by: "name" });
    taken.add(b);
  }
  const pairs: Array<VersionPair<T>> = [];
  const onlyAfter: T[] = [];
  for (const a of after) {
    const p = partner.get(a);
    if (p) pairs.push(p);
    else onlyAfter.push(a);
  }
  return { pairs, onlyAfter, onlyBefore: before.filter((b) => !taken.has(b)) };
}
