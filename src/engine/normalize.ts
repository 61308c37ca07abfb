/**
 * Reading values as clerks type them (rules.md, "Numbers as clerks type them" and "Real explanation").
 * Never throws: every input gives a ParsedValue, whose notes say what the rules report.
 */
import type { CellValue } from "../grid/grid";
import type { ValueKind } from "../templates/schema";
import { memoByText } from "./textMemo";
import { nfkc } from "./nfkc";

/**
 * Folded labels, remembered: headers and template labels repeat in every workbook of a batch, and
 * folding them was most of the engine's time.
 */
const foldShortLabel = memoByText((text) => foldLabel(text), 20_000);

/** Compare labels after folding spellings: line breaks, spaces, bracket and quote widths, case. */
export function normLabel(v: CellValue): string {
  if (v === null || v === undefined) return "";
  const text = String(v);
  // long texts (explanations, notes) are rarely compared twice and would crowd the memo out
  return text.length > 64 ? foldLabel(text) : foldShortLabel(text);
}

function foldLabel(text: string): string {
  return nfkc(text) // full-width letters, digits and brackets to half-width
    .replace(/[\s\u3000\u200b\ufeff]+/g, "")
    .replace(/[【［]/g, "[")
    .replace(/[】］]/g, "]")
    .replace(/[“”„‟″"「」『』]/g, '"')
    .replace(/[‘’‚‛′'']/g, "'")
    .replace(/[：]/g, ":")
    .replace(/[，]/g, ",")
    .toLowerCase();
}

export const EXCEL_ERROR_RE =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)$/i;

const ZERO_PLACEHOLDERS = new Set(["无", "/", "／", "-", "—", "——", "－", "–"]);

export function isZeroPlaceholder(v: CellValue): boolean {
  return (
    (typeof v === "string" && ZERO_PLACEHOLDERS.has(nfkc(v.trim()).replace(/\s+/g, "") || "_")) || (typeof v === "string" && ZERO_PLACEHOLDERS.has(v.trim()))
  );
}

/** Units a clerk may type after a number. */
const UNIT_SUFFIX_RE = /(?:件|次|人次|人|台|辆|起|时|学时|个|元|万元|套|部|条|项|份)$/;
const MONEY_SUFFIX_RE = /(?:元|万元)$/;

export type ValueNote =
  | "as-text" // a number written as text, with separators, full-width digits or a unit
  | "placeholder"; // 无, /, -, — read as 0

export type ValueProblem = "not-number" | "negative" | "not-integer" | "precision" | "yesno" | "transfer-format";

export interface ParsedValue {
  /** The cell is empty. */
  empty: boolean;
  /** The number read (for transfer: N); null when empty or unreadable. */
  num: number | null;
  /** For transfer cells: M, the cases not placed on file. */
  unfiled?: number | null;
  /** For text and yesno cells, the trimmed text. */
  text?: string;
  note?: ValueNote;
  problem?: ValueProblem;
}

const EMPTY: ParsedValue = { empty: true, num: null };

function decimals(text: string): number {
  const m = /\.(\d+)$/.exec(text);
  return m ? m[1].length : 0;
}

/** Decimal places of a JS number, robust to binary float noise (0.1 + 0.2) and to exponent notation (1e-7). */
export function decimalPlaces(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return 0;
  const m = /^-?\d+(?:\.(\d*?))?0*e([+-]\d+)$/.exec(n.toExponential(14));
  if (!m) return 0;
  const mantissaPlaces = (m[1] ?? "").length;
  return Math.max(0, mantissaPlaces - Number(m[2]));
}

/**
 * Reads a number as typed: `1,234.5`, `１２`, `9件`, ` 7 `, `+3`. Returns null for anything else.
 * `fromText` tells whether the cell held text (then the value is reported as number-as-text).
 */
export function parseNumberText(raw: string): { num: number; places: number } | null {
  let s = nfkc(raw).trim();
  if (s === "") return null;
  s = s.replace(/\s+/g, "");
  s = s.replace(UNIT_SUFFIX_RE, "");
  // thousands separators only in the 1,234,567 shape, so `1,2` is not read as 12
  if (s.includes(",")) {
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return null;
    s = s.replace(/,/g, "");
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const num = Number(s);
  if (!Number.isFinite(num)) return null;
  return { num, places: decimals(s.replace(/\.$/, "")) };
}

/**
 * Whether a unit typed after the number fits the column: `5万元` in a 元 column is 50000 元, not 5, and
 * `3件` in a money column is no amount at all; reading either as the bare number would change the figure.
 */
function suffixFits(raw: string, kind: ValueKind): boolean {
  const s = nfkc(raw).replace(/\s+/g, "");
  const money = MONEY_SUFFIX_RE.exec(s)?.[0];
  if (kind === "yuan") return money === undefined ? !UNIT_SUFFIX_RE.test(s) : money === "元";
  if (kind === "wan") return money === undefined ? !UNIT_SUFFIX_RE.test(s) : money === "万元";
  return money === undefined;
}

function checkNumber(num: number, places: number, kind: ValueKind): ValueProblem | undefined {
  if (num < 0) return "negative";
  if ((kind === "count" || kind === "transfer" || kind === "countOrText") && !Number.isInteger(num)) return "not-integer";
  if (kind === "yuan" && places > 2) return "precision";
  if (kind === "wan" && places > 4) return "precision";
  return undefined;
}

const TRANSFER_RE = /^(\d+)(?:\((\d+)\))?$/;

function parseTransfer(raw: CellValue): ParsedValue {
  if (typeof raw === "number") {
    const problem = !Number.isFinite(raw) ? "not-number" : raw < 0 ? "negative" : !Number.isInteger(raw) ? "transfer-format" : undefined;
    return { empty: false, num: Number.isFinite(raw) ? raw : null, unfiled: 0, problem };
  }
  const text = nfkc(String(raw)).replace(/\s+/g, "").replace(/件/g, "");
  if (isZeroPlaceholder(raw)) return { empty: false, num: 0, unfiled: 0, note: "placeholder" };
  if (typeof raw === "string" && EXCEL_ERROR_RE.test(raw.trim())) return { empty: false, num: null, problem: "not-number" };
  const m = TRANSFER_RE.exec(text);
  if (!m) {
    if (/^-\d/.test(text)) {
      // `-1e999` or 400 digits read as -Infinity: no number a rule could use
      const n = Number.parseFloat(text);
      return Number.isFinite(n) ? { empty: false, num: n, problem: "negative" } : { empty: false, num: null, problem: "not-number" };
    }
    return { empty: false, num: null, problem: "transfer-format" };
  }
  const n = Number(m[1]);
  const unfiled = m[2] === undefined ? 0 : Number(m[2]);
  if (!Number.isFinite(n) || !Number.isFinite(unfiled)) return { empty: false, num: null, problem: "not-number" };
  const note: ValueNote | undefined = m[2] === undefined && typeof raw === "string" ? "as-text" : undefined;
  return { empty: false, num: n, unfiled, note, problem: unfiled > n ? "transfer-format" : undefined };
}

/** Reads one cell as the given kind. */
export function parseValue(raw: CellValue, kind: ValueKind): ParsedValue {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return EMPTY;
  if (kind === "text") return { empty: false, num: null, text: String(raw).trim() };
  if (kind === "yesno") {
    const t = nfkc(String(raw)).trim();
    return { empty: false, num: null, text: t, problem: t === "是" || t === "否" ? undefined : "yesno" };
  }
  if (kind === "transfer") return parseTransfer(raw);
  if (typeof raw === "boolean") {
    return kind === "countOrText" ? { empty: false, num: null, text: String(raw) } : { empty: false, num: null, problem: "not-number" };
  }
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return { empty: false, num: null, problem: "not-number" };
    return { empty: false, num: raw, problem: checkNumber(raw, decimalPlaces(raw), kind) };
  }
  const text = raw.trim();
  if (isZeroPlaceholder(text)) return { empty: false, num: 0, note: "placeholder" };
  if (EXCEL_ERROR_RE.test(text)) return { empty: false, num: null, problem: "not-number" };
  const parsed = suffixFits(text, kind) ? parseNumberText(text) : null;
  if (!parsed) {
    if (kind === "countOrText") return { empty: false, num: null, text };
    return { empty: false, num: null, problem: "not-number" };
  }
  return { empty: false, num: parsed.num, note: "as-text", problem: checkNumber(parsed.num, parsed.places, kind) };
}

/** A usable number: present and without a problem that makes it unreliable. */
export function usable(p: ParsedValue): number | null {
  if (p.num === null) return null;
  if (p.problem === "not-number") return null;
  return p.num;
}

// Bracketed instruction text, possibly cut at one end when pasted: `(说明…)`, `(说明…`, `说明…)`.
// An unbracketed `说明：本年…` is the clerk's own explanation and is not a fragment.
const FRAGMENT_RE = /^(?:[(（]\s*(说明|填写)[^)）]*[)）]?|(说明|填写)[^()（）]*[)）])$/;
const BRACKETED_INSTRUCTION_RE = /[(（]\s*(说明|填写)[^)）]*[)）]/g;
const KNOWN_FRAGMENTS = ["和未立案的主要原因)", "和未立案的主要原因）", "(和未立案的主要原因)", "（和未立案的主要原因）", "和未立案的主要原因"];

// a unit copies one explanation into 附件2 and 附件3, and a county's units share phrasing
const judgeExplanationText = memoByText((text) => judgeExplanation(text), 5000);

/**
 * Filler words of rules.md ("Real explanation"), removed before the characters are counted: `暂无说明`,
 * `无变化原因`, `待补充`, `同上` say nothing. Longer words first, so `待补充` and `暂无` go as one word.
 */
const FILLER_RE = /待补充|暂无|没有|说明|原因|分析|情况|变化|数据|待定|补充|详见|见上|同上|不详|未知|其他|无|暂|略/g;

/**
 * "Real explanation" (rules.md): non-empty; not a zero placeholder; not only a fragment of template
 * instruction text; at least 4 CJK characters or 8 letters once the filler words are removed
 * (`本年度未发生此类案件`, `辖区内无矿山企业` are explanations; `暂无说明`, `无变化原因` are not).
 */
export function isRealExplanation(v: CellValue): boolean {
  if (v === null || v === undefined) return false;
  return typeof v === "string" ? judgeExplanationText(v) : judgeExplanation(v);
}

function judgeExplanation(v: string | number | boolean): boolean {
  let s = String(v).trim();
  if (s === "" || isZeroPlaceholder(s) || s === "0") return false;
  for (const f of KNOWN_FRAGMENTS) s = s.split(f).join("");
  s = s.replace(BRACKETED_INSTRUCTION_RE, "").trim();
  if (s === "" || FRAGMENT_RE.test(s)) return false;
  s = s.replace(FILLER_RE, "");
  const cjk = (s.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
  const letters = (s.match(/[A-Za-z]/g) ?? []).length;
  return cjk >= 4 || letters >= 8;
}

/** Whether an explanation gives the reasons for transfers not placed on file (unfiled-unexplained). */
export function explainsUnfiled(v: CellValue): boolean {
  if (!isRealExplanation(v)) return false;
  const s = String(v);
  return /未立案|未予立案|不予立案|不立案|没有立案|没立案|未被立案/.test(s.replace(/[(（]?和未立案的主要原因[)）]?/g, ""));
}
