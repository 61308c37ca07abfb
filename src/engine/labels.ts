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
