/**
 * Figures in a sentence of a report, as written (rules.md, "The report body against the tables"):
 * Arabic (`12`, `4,005,196.42`, full-width `１２`) or Chinese numerals (`十二`, `两千`, `一百零五`), with
 * 万/亿, the qualifiers 余/多, 约/左右 and 近, and the unit after the figure. Each figure keeps its span
 * in the sentence, so a message can quote the sentence with the figure marked.
 */

export type Qualifier = "more" | "about" | "near";

export interface Figure {
  /** Span in the sentence as given (the reader folds full-width digits without moving anything). */
  start: number;
  end: number;
  /** The figure as written, qualifier and unit included: `589万余元`, `约30次`. */
  text: string;
  /** The number read, 万/亿 applied: `589万余元` → 5 890 000. */
  value: number;
  /** What the wording allows: [low, high], or [low, high) when `highOpen`. */
  low: number;
  high: number;
  highOpen: boolean;
  /** The unit after the number with 万/亿 taken off (`万元` → `元`); `%` for a percentage; "" when none. */
  unit: string;
  qualifier?: Qualifier;
  /** `2-4名`, `三四次`, `2018—2023年`: a range, not one figure. */
  range?: boolean;
  /** `十万元以上`, `不超过5000元`: a bound or a limit, not a figure of what was done. */
  bound?: boolean;
}

/**
 * Chinese numerals by character code: a digit's value (0–9), or a unit's (十 10 … 亿 1e8). A typed
 * array indexed by code (1 + the value's index in CN_VALUES; 0 for no numeral): one lookup per
 * character of the body has to be cheap, and an object keyed by code points is a slow hash there.
 */
const CN_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 1000, 1e4, 1e8];
const CN_INDEX = new Uint8Array(0x10000);
function setCn(chars: string, value: number): void {
  for (let i = 0; i < chars.length; i++) CN_INDEX[chars.charCodeAt(i)] = CN_VALUES.indexOf(value) + 1;
}
setCn("〇零", 0);
setCn("一壹", 1);
setCn("二贰两", 2);
setCn("三叁", 3);
setCn("四肆", 4);
setCn("五伍", 5);
setCn("六陆", 6);
setCn("七柒", 7);
setCn("八捌", 8);
setCn("九玖", 9);
setCn("十拾", 10);
setCn("百佰", 100);
setCn("千仟", 1000);
setCn("万", 1e4);
setCn("亿", 1e8);

/** The numeral's value at a position, or undefined. */
function cnAt(s: string, at: number): number | undefined {
  const k = CN_INDEX[s.charCodeAt(at)];
  return k ? CN_VALUES[k - 1] : undefined;
}

/**
 * Units a figure of a report carries, longest first so `人次` wins over `人` and `平方米` over `米`.
 * `万元` is not listed: 万 is read as part of the number.
 */
const UNITS = [
  "平方公里",
  "平方米",
  "立方米",
  "人次",
  "批次",
  "学时",
  "小时",
  "公顷",
  "公里",
  "件",
  "次",
  "人",
  "元",
  "宗",
  "份",
  "个",
  "家",
  "起",
  "名",
  "台",
  "辆",
  "套",
  "批",
  "场",
  "期",
  "项",
  "条",
  "处",
  "户",
  "亩",
  "吨",
  "米",
  "天",
  "日",
  "月",
  "年",
  "倍",
  "位",
  "所",
  "类",
  "部",
  "本",
  "张",
  "篇",
  "座",
];

/** Units by their first character: the unit after each figure is looked up among a few, not all. */
const UNITS_BY_FIRST: { [first: string]: string[] } = {};
for (const u of UNITS) (UNITS_BY_FIRST[u.charAt(0)] = UNITS_BY_FIRST[u.charAt(0)] ?? []).push(u);

const NEAR_BEFORE = ["将近", "接近", "近"];
const ABOUT_BEFORE = ["大约", "约为", "约计", "大概", "约"];
const BOUND_BEFORE = [
  "不超过",
  "不高于",
  "不低于",
  "不少于",
  "不足",
  "不到",
  "超过",
  "高于",
  "低于",
  "少于",
  "多于",
  "最高",
  "最低",
  "最多",
  "至少",
  "上限",
  "逾",
];
const BOUND_AFTER = ["以上", "以下", "以内", "之内", "之上", "之下", "封顶"];
const RANGE_MARKS = "-－~～—–至到";
const SPACE = /[ \t\u00a0]/;

/** The word of `words` that ends at `end` of `text`. */
function endsWithOne(text: string, end: number, words: readonly string[]): string | undefined {
  for (const w of words) if (end >= w.length && text.substr(end - w.length, w.length) === w) return w;
  return undefined;
}

function startsWithOne(text: string, at: number, words: readonly string[]): string | undefined {
  for (const w of words) if (text.substr(at, w.length) === w) return w;
  return undefined;
}

/** A number read at a position: its value before 万/亿 qualifiers, and how precisely it was written. */
interface Read {
  end: number;
  /** The digits as an integer: `4.1` → 41 (with `decimals` 1), so scaling it gives no float noise. */
  digits: number;
  /** Digits after the decimal point (Arabic only). */
  decimals: number;
  /** A run of Chinese digits without units: `三四` (a range), `二〇二四` (digit by digit). */
  digitRun?: boolean;
}

const ARABIC = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/;

function readArabic(s: string, at: number): Read | null {
  const m = ARABIC.exec(s.slice(at, at + 40));
  if (!m) return null;
  const whole = m[1].replace(/,/g, "");
  const frac = m[2] ?? "";
  // an integer scaled by the decimal places, so 4.1 reads as 41 / 10 and not 4.0999…
  return { end: at + m[0].length, digits: Number(whole + frac), decimals: frac.length };
}

function readChinese(s: string, at: number): Read | null {
  let end = at;
  let hasUnit = false;
  for (let v = cnAt(s, end); v !== undefined; v = cnAt(s, ++end)) if (v >= 10) hasUnit = true;
  if (end === at) return null;
  if (!hasUnit) {
    // 三 is 3; 二〇二四 is read digit by digit; 三四 is a range (figureAt)
    let v = 0;
    for (let i = at; i < end; i++) v = v * 10 + (cnAt(s, i) as number);
    return end - at === 1 ? { end, digits: v, decimals: 0 } : { end, digits: v, decimals: 0, digitRun: true };
  }
  let total = 0;
  let section = 0;
  let num = 0;
  let sawDigit = false;
  for (let i = at; i < end; i++) {
    const v = cnAt(s, i) as number;
    if (v < 10) {
      num = v;
      sawDigit = true;
    } else if (v < 1e4) {
      // 十二 is 12 and 百余 is 100: a unit with no digit before it counts once
      section += (sawDigit ? num : 1) * v;
      num = 0;
      sawDigit = false;
    } else {
      // 万 closes a section (三万五千); 亿 everything before it (三亿五千万)
      if (v === 1e4) total += (section + num || 1) * v;
      else total = (total + section + num || 1) * v;
      section = 0;
      num = 0;
      sawDigit = false;
    }
  }
  return { end, digits: total + section + num, decimals: 0 };
}

/** 10 to the number of trailing zeros: `400` → 100, `589万` → 1万 (rules.md: the last significant unit). */
function lastUnit(x: number): number {
  let step = 1;
  let v = Math.round(x);
  if (v <= 0) return 1;
  while (v % 10 === 0) {
    v /= 10;
    step *= 10;
  }
  return step;
}

function skipSpaces(s: string, at: number): number {
  while (at < s.length && SPACE.test(s.charAt(at))) at++;
  return at;
}

/** A Chinese run may start with 百/千/万 only as in `近百件`, `百余人`, `千余次`: elsewhere (千方百计) it is a word. */
function bareUnitStart(s: string, at: number, end: number): boolean {
  const v = cnAt(s, at) as number;
  if (v <= 10) return true;
  const before = s.charAt(at - 1);
  const after = s.charAt(end);
  return before === "近" || before === "约" || before === "逾" || after === "余" || after === "多";
}

function isWordChar(c: string): boolean {
  return /[A-Za-z0-9_.]/.test(c);
}

/**
 * Full-width digits, point and percent sign to ASCII, the ideographic space to a space: one character
 * for one, so spans stay those of the sentence. Not the full-width comma: `12件，罚款` is two clauses.
 */
function foldDigits(text: string): string {
  if (!/[\uff10-\uff19\uff0e\uff05\u3000]/.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += (c >= 0xff10 && c <= 0xff19) || c === 0xff0e || c === 0xff05 ? String.fromCharCode(c - 0xfee0) : c === 0x3000 ? " " : text.charAt(i);
  }
  return out;
}

/** Every figure of a sentence, in order. */
export function readFigures(sentence: string): Figure[] {
  const s = foldDigits(sentence);
  const out: Figure[] = [];
  let i = 0;
  while (i < s.length) {
    const code = s.charCodeAt(i);
    let read: Read | null = null;
    if (code >= 48 && code <= 57) {
      if (i === 0 || !isWordChar(s.charAt(i - 1))) read = readArabic(s, i);
    } else if (CN_INDEX[code]) {
      const r = readChinese(s, i);
      if (r && bareUnitStart(s, i, r.end)) read = r;
      else if (r) {
        i = r.end;
        continue;
      }
    }
    if (!read) {
      i++;
      continue;
    }
    const fig = figureAt(sentence, s, i, read);
    out.push(fig);
    i = fig.end;
  }
  return out;
}

/** The figure whose number was read at `start` of `s` (the sentence folded), with its text from the sentence as given. */
function figureAt(sentence: string, s: string, start: number, read: Read): Figure {
  let at = read.end;
  let range = !!read.digitRun && read.end - start === 2;
  const arabic = /[0-9]/.test(s.charAt(start));
  // 2-4名, 2018—2023年, 三到五次: the second number is part of the same (range) figure
  if (RANGE_MARKS.indexOf(s.charAt(at)) >= 0) {
    const next = s.charAt(at + 1);
    const second = next >= "0" && next <= "9" ? readArabic(s, at + 1) : cnAt(s, at + 1) !== undefined ? readChinese(s, at + 1) : null;
    if (second) {
      range = true;
      at = second.end;
    }
  }
  let more = false;
  let mult = 1;
  if (/[余多]/.test(s.charAt(at))) {
    more = true;
    at++;
  }
  if (arabic && /[千万亿]/.test(s.charAt(at))) {
    mult = s.charAt(at) === "千" ? 1e3 : s.charAt(at) === "万" ? 1e4 : 1e8;
    at++;
    if (s.charAt(at) === "亿" && mult === 1e4) {
      mult = 1e12;
      at++;
    }
  } else if (!arabic && /[万亿]/.test(s.charAt(at))) {
    mult = s.charAt(at) === "万" ? 1e4 : 1e8;
    at++;
  }
  if (/[余多]/.test(s.charAt(at)) && !more) {
    more = true;
    at++;
  }
  let unit = "";
  const unitAt = skipSpaces(s, at);
  if (s.charAt(unitAt) === "%") {
    unit = "%";
    at = unitAt + 1;
  } else {
    const candidates = UNITS_BY_FIRST[s.charAt(unitAt)];
    const u = candidates && startsWithOne(s, unitAt, candidates);
    if (u) {
      unit = u;
      at = unitAt + u.length;
    }
  }
  let about = false;
  const afterAt = skipSpaces(s, at);
  if (s.substr(afterAt, 2) === "左右") {
    about = true;
    at = afterAt + 2;
  }
  // the words before the number, spaces between them and it skipped
  let before = start;
  while (before > 0 && SPACE.test(s.charAt(before - 1))) before--;
  const aboutWord = endsWithOne(s, before, ABOUT_BEFORE);
  // 最近3次 is "the last 3", not "nearly 3"
  const nearWord = aboutWord || (before >= 2 && s.substr(before - 2, 2) === "最近") ? undefined : endsWithOne(s, before, NEAR_BEFORE);
  if (aboutWord) about = true;
  const near = nearWord !== undefined;
  // 约 and 近 belong to the figure: the quote marks `【约30次】`
  const qualifierWord = aboutWord ?? nearWord;
  const spanStart = qualifierWord ? before - qualifierWord.length : start;
  if (start >= 3 && s.substr(start - 3, 3) === "百分之") unit = "%";
  const bound = endsWithOne(s, before, BOUND_BEFORE) !== undefined || startsWithOne(s, skipSpaces(s, at), BOUND_AFTER) !== undefined;

  const value = (read.digits * mult) / Math.pow(10, read.decimals);
  // the precision the figure was written with: a decimal 万元 figure allows half of its last digit
  const lastDigit = read.decimals > 0 ? mult / Math.pow(10, read.decimals) : lastUnit(value);
  let low = value;
  let high = value;
  let highOpen = false;
  if (more) {
    high = value + lastDigit;
    highOpen = true;
  } else if (read.decimals > 0 && mult >= 1e4) {
    low = value - lastDigit / 2;
    high = value + lastDigit / 2;
  }
  let qualifier: Qualifier | undefined = more ? "more" : undefined;
  if (near) {
    low = 0.9 * value;
    high = value;
    highOpen = false;
    qualifier = "near";
  }
  if (about) {
    low = 0.95 * low;
    high = 1.05 * high;
    qualifier = "about";
  }
  const fig: Figure = { start: spanStart, end: at, text: sentence.slice(spanStart, at), value, low, high, highOpen, unit };
  if (qualifier) fig.qualifier = qualifier;
  if (range) fig.range = true;
  if (bound) fig.bound = true;
  return fig;
}

/** Whether a table's value lies within what the figure's wording allows (a cent of float noise forgiven). */
export function allows(f: Pick<Figure, "low" | "high" | "highOpen">, v: number): boolean {
  const eps = 1e-6;
  if (v < f.low - eps) return false;
  return f.highOpen ? v < f.high - eps : v <= f.high + eps;
}
