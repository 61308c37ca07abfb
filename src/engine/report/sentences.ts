/**
 * A report's body as sentences, and which of them state figures of the report year (rules.md, "The
 * report body against the tables"): a sentence about a change, a total over years, a percentage or
 * another year is skipped.
 */

export interface Sentence {
  /** 1-based: paragraph n is the n-th entry of the body. */
  paragraph: number;
  /** The sentence with its closing mark, trimmed. */
  text: string;
}

/** 。；！？ and line ends close a sentence (full-width or not). */
const SENTENCE_END = /[^。；！？;!?\r\n]*(?:[。；！？;!?]+|[\r\n]+|$)/g;

export function sentencesOf(body: readonly string[]): Sentence[] {
  const out: Sentence[] = [];
  body.forEach((paragraph, i) => {
    const parts = paragraph.match(SENTENCE_END) ?? [];
    for (const part of parts) {
      const text = part.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
      // a closing mark alone (`。。`) is no sentence
      if (text !== "" && !/^[。；！？;!?]+$/.test(text)) out.push({ paragraph: i + 1, text });
    }
  });
  return out;
}

/**
 * Words of a statement about a change or a total over time: rules.md lists 同比, 增长, 下降, 上年/去年,
 * 累计, 以来; 环比, 增加, 减少, 上升, 前年, 历年 and `近三年` say the same.
 */
const NOT_THIS_YEAR = /同比|环比|增长|下降|增加|减少|上升|上年|去年|前年|累计|以来|历年|近[0-9一二两三四五六七八九十]+年/;
const PERCENT = /[%％]|百分之|百分点/;
/** `2024年`, `2024年度`, each year of `2018—2023年`, `二〇二四年` (digits before it are no year). */
const ARABIC_YEAR = /(^|[^0-9０-９])([12１２][0-9０-９]{3})(?=[\s\u3000]*(?:年|[-－~～—–至到][\s\u3000]*[0-9０-９]{4}[\s\u3000]*年))/g;
const RANGE_SECOND_YEAR = /[-－~～—–至到][\s\u3000]*([0-9０-９]{4})[\s\u3000]*年/g;

function toNumber(digits: string): number {
  let v = 0;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    v = v * 10 + (c >= 0xff10 ? c - 0xff10 : c - 48);
  }
  return v;
}

const CN_DIGIT = "〇一二三四五六七八九";

/** The years a sentence names, each once. */
export function yearsIn(text: string): number[] {
  const out: number[] = [];
  let m: RegExpExecArray | null;
  ARABIC_YEAR.lastIndex = 0;
  while ((m = ARABIC_YEAR.exec(text))) out.push(toNumber(m[2]));
  RANGE_SECOND_YEAR.lastIndex = 0;
  while ((m = RANGE_SECOND_YEAR.exec(text))) out.push(toNumber(m[1]));
  // 二〇二四年: four Chinese digits before a 年 (looked for at each 年: a regexp would try every character)
  for (let at = text.indexOf("年", 4); at >= 0; at = text.indexOf("年", at + 1)) {
    let v = 0;
    for (let i = at - 4; i < at && v >= 0; i++) {
      const c = text.charAt(i);
      const d = c === "零" ? 0 : CN_DIGIT.indexOf(c);
      v = d < 0 ? -1 : v * 10 + d;
    }
    if (v >= 0) out.push(v);
  }
  return out.filter((y, i) => y >= 1900 && y <= 2199 && out.indexOf(y) === i);
}

export type SkipReason = "change" | "percent" | "other-year";

/**
 * Why a sentence states no figure of the report year, or undefined when it may. With no report year
 * known, a sentence naming any year is skipped: nothing says it is the tables' year.
 */
export function skipReason(text: string, year: number | null): SkipReason | undefined {
  if (NOT_THIS_YEAR.test(text)) return "change";
  if (PERCENT.test(text)) return "percent";
  if (yearsIn(text).some((y) => y !== year)) return "other-year";
  return undefined;
}

/** A clause ends at a comma: the words that name a figure stand in the figure's own clause. */
const CLAUSE_END = /[，,]/;

/**
 * The words before a figure that may name it: from the end of the figure before it or the start of
 * its clause, whichever is later, to the figure.
 */
export function wordsBefore(text: string, start: number, previousEnd: number): string {
  let from = start;
  while (from > previousEnd && !CLAUSE_END.test(text.charAt(from - 1))) from--;
  return text.slice(from, start);
}
