/** Label matching for recognition: a header matches a template label by its normalised text or its core (unit suffix dropped). */
import { normLabel } from "./normalize";

/** `行政许可(件)` → `行政许可`; `罚没金额(元)` → `罚没金额`. */
export function coreLabel(norm: string): string {
  return norm.replace(/\([^()]*\)$/, "");
}

export function labelMatches(cellNorm: string, templateLabel: string): boolean {
  if (cellNorm === "") return false;
  const t = normLabel(templateLabel);
  return cellNorm === t || coreLabel(cellNorm) === coreLabel(t);
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
