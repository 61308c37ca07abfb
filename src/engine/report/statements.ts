/**
 * The statements of a report's body about the tables: each figure of a sentence of the report year
 * that is of a known measure (templates/measures.ts). A figure of no known measure is no statement.
 */
import { MEASURES, type Measure } from "../../templates/measures";
import { readFigures, type Figure } from "./numbers";
import { sentencesOf, skipReason, wordsBefore } from "./sentences";

export interface Statement {
  /** 1-based paragraph of the body. */
  paragraph: number;
  sentence: string;
  figure: Figure;
  measure: Measure;
}

function lastWord(text: string, words: readonly string[]): { end: number; length: number } | undefined {
  let best: { end: number; length: number } | undefined;
  for (const w of words) {
    const at = text.lastIndexOf(w);
    if (at < 0) continue;
    const end = at + w.length;
    if (!best || end > best.end || (end === best.end && w.length > best.length)) best = { end, length: w.length };
  }
  return best;
}

/**
 * The measure a figure states, given the words before it in its clause (sentences.ts `wordsBefore`).
 * A range (`2-4名`) or a bound (`十万元以上`, `不超过5000元`) states no figure of the year.
 */
export function measureOf(words: string, figure: Figure, measures: readonly Measure[] = MEASURES): Measure | undefined {
  if (figure.range || figure.bound || figure.unit === "") return undefined;
  let best: { m: Measure; end: number; length: number } | undefined;
  for (const m of measures) {
    if (m.units.indexOf(figure.unit) < 0) continue;
    const hit = lastWord(words, m.words);
    if (!hit) continue;
    if (m.not.some((w) => words.indexOf(w) >= 0)) continue;
    if (!best || hit.end > best.end || (hit.end === best.end && hit.length > best.length)) best = { m, ...hit };
  }
  return best?.m;
}

/** The statements of one sentence (already known to be of the report year). */
export function statementsIn(paragraph: number, sentence: string, measures: readonly Measure[] = MEASURES): Statement[] {
  const out: Statement[] = [];
  let previousEnd = 0;
  for (const figure of readFigures(sentence)) {
    const measure = measureOf(wordsBefore(sentence, figure.start, previousEnd), figure, measures);
    if (measure) out.push({ paragraph, sentence, figure, measure });
    // a numeral without a unit is part of a word (一共, 进一步, 统一): it does not end the words before the next figure
    if (figure.unit !== "") previousEnd = figure.end;
  }
  return out;
}

// The three body rules read the same body in one analysis: the last one read is kept.
let lastBody: readonly string[] | undefined;
let lastYear: number | null = null;
let lastStatements: Statement[] = [];

/** Every statement of the body about a table measure of the report year, in order. */
export function statementsOf(body: readonly string[], year: number | null): Statement[] {
  if (body === lastBody && year === lastYear) return lastStatements;
  const out: Statement[] = [];
  for (const s of sentencesOf(body)) {
    if (skipReason(s.text, year)) continue;
    out.push(...statementsIn(s.paragraph, s.text));
  }
  lastBody = body;
  lastYear = year;
  lastStatements = out;
  return out;
}
