/** Label matching for recognition: a header matches a template label by its normalised text or its core (unit suffix dropped). */
import { normLabel } from "./normalize";

/** `行政许可(件)` → `行政许可`; `罚没金额(元)` → `罚没金额`. */
export function coreLabel(norm: string): string {
  // most cells end in no bracket at all: skip the regex for them
  if (!norm.endsWith(")")) return norm;
  return norm.replace(/\([^()]*\)$/, "");
}

/** A template label folded once: it is compared with every header cell of every workbook. */
const templateMemo = new Map<string, { norm: string; core: string }>();

function templateForms(label: string): { norm: string; core: string } {
  let forms = templateMemo.get(label);
  if (!forms) {
    const norm = normLabel(label);
    forms = { norm, core: coreLabel(norm) };
    templateMemo.set(label, forms);
  }
  return forms;
}

export function labelMatches(cellNorm: string, templateLabel: string): boolean {
  if (cellNorm === "") return false;
  const t = templateForms(templateLabel);
  return cellNorm === t.norm || coreLabel(cellNorm) === t.core;
}

/** Where each folded form of a label list first occurs. */
interface LabelIndex {
  byNorm: Map<string, number>;
  byCore: Map<string, number>;
}

const labelIndexes = new WeakMap<readonly string[], LabelIndex>();

/**
 * The index of the first label in `labels` that `cellNorm` matches (as labelMatches decides), or -1.
 * Two lookups instead of a comparison with each label; the list is indexed once, so pass the same
 * array each time.
 */
export function matchingLabelIndex(cellNorm: string, labels: readonly string[]): number {
  if (cellNorm === "") return -1;
  let index = labelIndexes.get(labels);
  if (!index) {
    index = { byNorm: new Map(), byCore: new Map() };
    labels.forEach((label, i) => {
      const t = templateForms(label);
      if (!index!.byNorm.has(t.norm)) index!.byNorm.set(t.norm, i);
      if (!index!.byCore.has(t.core)) index!.byCore.set(t.core, i);
    });
    labelIndexes.set(labels, index);
  }
  const byNorm = index.byNorm.get(cellNorm) ?? -1;
  const byCore = index.byCore.get(coreLabel(cellNorm)) ?? -1;
  return byNorm < 0 ? byCore : byCore < 0 ? byNorm : Math.min(byNorm, byCore);
}

const TITLE_YEAR_RE = /((?:19|20)\d{2})年/;

export function yearInTitle(norm: string): number | null {
  const m = TITLE_YEAR_RE.exec(norm);
  return m ? Number(m[1]) : null;
}

/** A year header cell: `2023`, `2023年`, `2023年度`. */
export function yearHeader(norm: string): number | null {
  const m = /^((?:19|20)\d{2})(?:年度?)?$/.exec(norm);
  return m ? Number(m[1]) : null;
}

export const NOTES_RE = /^(填表说明|注[:：]|备注[:：])/;
export const ATTACHMENT_RE = /^附件\s*\d+$/;
