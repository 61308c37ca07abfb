/**
 * A minimal pull scanner over XML text (indexOf-based, namespace prefixes ignored), and the decoding
 * of XML text: several times faster than a general SAX parser on sheet XML.
 */
import { readErrors } from "../errors";

/** Character codes the scanner compares with (charCodeAt). */
const TAB = 9;
const LF = 10;
const CR = 13;
/** Also the top of the white space and control characters: `ch <= SPACE`. */
const SPACE = 32;
const BANG = 33;
const DQUOTE = 34;
const HASH = 35;
const SQUOTE = 39;
const SLASH = 47;
const COLON = 58;
const LT = 60;
const EQUALS = 61;
const GT = 62;
const QUESTION = 63;
const LBRACKET = 91;
const LOWER_C = 99;
const LOWER_R = 114;
const LOWER_S = 115;
const LOWER_T = 116;
const LOWER_V = 118;

/** XML text content: line ends normalised, entities decoded; `_xHHHH_` escapes too when `xstring`. */
export function decodeXmlText(raw: string, xstring: boolean): string {
  let s = raw;
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  if (s.indexOf("&") >= 0) s = decodeEntities(s);
  if (xstring && s.indexOf("_x") >= 0) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

const ENTITY_RE = /&(#[xX][0-9A-Fa-f]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(ENTITY_RE, (m, e: string) => {
    if (e.charCodeAt(0) !== HASH) return NAMED[e];
    const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

const badXml = () => readErrors.corrupt("XML 内容不完整", "an XML part is incomplete");

/** What may follow an element name: white space, `>` or `/`. */
function isTagEnd(ch: number): boolean {
  return ch === GT || ch === SLASH || ch === SPACE || ch === TAB || ch === LF || ch === CR;
}

/** Thrown when skipping empty cells meets what it does not handle: the sheet is read again tag by tag. */
export const GENERAL_PATH = new Error("general path");

/**
 * A minimal pull scanner over XML text: start and end tags with their local names (prefix dropped),
 * attributes on demand, text up to the next tag. Comments, processing instructions, DOCTYPE and
 * CDATA outside text are skipped; no entity definitions are ever expanded.
 */
export class Scanner {
  /** Where reading goes on: just past the current tag. */
  pos = 0;
  name = "";
  closing = false;
  selfClosing = false;
  private attrStart = 0;
  private attrEnd = 0;

  constructor(private readonly s: string) {}

  next(): boolean {
    const s = this.s;
    for (;;) {
      const i = s.indexOf("<", this.pos);
      if (i < 0) return false;
      const c = s.charCodeAt(i + 1);
      if (c === QUESTION) {
        const j = s.indexOf("?>", i + 2);
        if (j < 0) return false;
        this.pos = j + 2;
        continue;
      }
      if (c === BANG) {
        this.pos = this.skipMarkup(i);
        continue;
      }
      if (c === LOWER_C && this.cellTag(i)) return true;
      this.cellScanned = false;
      const closing = c === SLASH;
      const ns = closing ? i + 2 : i + 1;
      let k = ns;
      let local = ns;
      const n = s.length;
      let ch = 0;
      while (k < n) {
        ch = s.charCodeAt(k);
        if (ch === GT || ch === SLASH || ch <= SPACE) break;
        if (ch === COLON) local = k + 1;
        k++;
      }
      const nameEnd = k;
      // the end of the tag, stepping over quoted attribute values (they may hold '>')
      while (k < n) {
        ch = s.charCodeAt(k);
        if (ch === GT) break;
        if (ch === DQUOTE || ch === SQUOTE) {
          const q = s.indexOf(ch === DQUOTE ? '"' : "'", k + 1);
          if (q < 0) throw badXml();
          k = q + 1;
        } else k++;
      }
      if (k >= n) throw badXml();
      this.name = s.slice(local, nameEnd);
      this.closing = closing;
      this.selfClosing = s.charCodeAt(k - 1) === SLASH;
      this.attrStart = nameEnd;
      this.attrEnd = this.selfClosing ? k - 1 : k;
      this.pos = k + 1;
      return true;
    }
  }

  private skipMarkup(i: number): number {
    const s = this.s;
    if (s.startsWith("<!--", i)) {
      const j = s.indexOf("-->", i + 4);
      return j < 0 ? s.length : j + 3;
    }
    if (s.startsWith("<![CDATA[", i)) {
      const j = s.indexOf("]]>", i + 9);
      return j < 0 ? s.length : j + 3;
    }
    // <!DOCTYPE ... [ internal subset ]> — skipped whole; its entities are never used
    const gt = s.indexOf(">", i);
    if (gt < 0) return s.length;
    // The subset's `[` comes before the first `>`. Looked for there only: searching the rest of the text
    // for every `<!…>` tag made a file of many such tags cost the square of its length.
    for (let k = i + 2; k < gt; k++) {
      if (s.charCodeAt(k) === LBRACKET) {
        const j = s.indexOf("]", k);
        const e = j < 0 ? -1 : s.indexOf(">", j);
        return e < 0 ? s.length : e + 1;
      }
    }
    return gt + 1;
  }

  /** The attribute scanAttr last read: its name [nameStart, nameEnd), local name from localStart, value [valueStart, valueEnd). */
  private nameStart = 0;
  private localStart = 0;
  private nameEnd = 0;
  private valueStart = 0;
  private valueEnd = 0;

  /**
   * Reads the attribute at or after `i` on the current tag into the fields above and returns where the
   * next one may start; -1 when there is none left, or it is malformed (no quoted value): either ends
   * the reading of the tag's attributes.
   */
  private scanAttr(i: number): number {
    const s = this.s;
    const e = this.attrEnd;
    let c = 0;
    while (i < e && s.charCodeAt(i) <= SPACE) i++;
    if (i >= e) return -1;
    this.nameStart = this.localStart = i;
    while (i < e && (c = s.charCodeAt(i)) !== EQUALS && c > SPACE) {
      if (c === COLON) this.localStart = i + 1;
      i++;
    }
    this.nameEnd = i;
    while (i < e && s.charCodeAt(i) !== EQUALS) i++;
    i++;
    while (i < e && s.charCodeAt(i) <= SPACE) i++;
    const q = s.charCodeAt(i);
    if (q !== DQUOTE && q !== SQUOTE) return -1;
    const ve = s.indexOf(q === DQUOTE ? '"' : "'", i + 1);
    if (ve < 0 || ve > e) return -1;
    this.valueStart = i + 1;
    this.valueEnd = ve;
    return ve + 1;
  }

  /** The raw (undecoded) value of the attribute with this local name on the current tag. */
  attr(want: string): string | undefined {
    const s = this.s;
    for (let i = this.scanAttr(this.attrStart); i >= 0; i = this.scanAttr(i)) {
      const local = this.localStart;
      if (this.nameEnd - local === want.length && s.startsWith(want, local) && !s.startsWith("xmlns", this.nameStart))
        return s.slice(this.valueStart, this.valueEnd);
    }
    return undefined;
  }

  /**
   * Where the values of `r`, `s` and `t` of the current cell tag lie in the text: [start, end), start
   * −1 when absent. Positions, not strings: most cells of a sheet are empty styled ones
   * (`<c r="B2" s="2"/>`), and slicing their attributes was a large part of reading.
   */
  rS = -1;
  rE = -1;
  sS = -1;
  sE = -1;
  tS = -1;
  tE = -1;
  /** Whether next() already read those positions (it does for well-formed `<c` tags). */
  cellScanned = false;

  /**
   * A `<c …>` tag read in one pass with its attributes (the hot path: a sheet is mostly cell tags).
   * False, with nothing moved, for anything unusual; the general path then reads the tag.
   */
  private cellTag(i: number): boolean {
    const s = this.s;
    const n = s.length;
    let k = i + 2;
    let ch = s.charCodeAt(k);
    // a longer name (`<col`, `<cfRule`): not a cell
    if (ch !== SPACE && ch !== GT && ch !== SLASH && ch !== TAB && ch !== LF && ch !== CR) return false;
    let rS = -1;
    let rE = -1;
    let sS = -1;
    let sE = -1;
    let tS = -1;
    let tE = -1;
    let end: number;
    let selfClosing: boolean;
    for (;;) {
      while (k < n && (ch = s.charCodeAt(k)) <= SPACE) k++;
      if (k >= n) return false;
      if (ch === GT) {
        end = k;
        selfClosing = false;
        break;
      }
      if (ch === SLASH) {
        if (s.charCodeAt(k + 1) !== GT) return false;
        end = k + 1;
        selfClosing = true;
        break;
      }
      const ns = k;
      while (k < n && (ch = s.charCodeAt(k)) !== EQUALS && ch > SPACE && ch !== GT && ch !== SLASH) k++;
      const len = k - ns;
      while (k < n && (ch = s.charCodeAt(k)) <= SPACE) k++;
      if (ch !== EQUALS) return false;
      k++;
      while (k < n && (ch = s.charCodeAt(k)) <= SPACE) k++;
      if (ch !== DQUOTE && ch !== SQUOTE) return false;
      const ve = s.indexOf(ch === DQUOTE ? '"' : "'", k + 1);
      if (ve < 0) return false;
      if (len === 1) {
        const first = s.charCodeAt(ns);
        if (first === LOWER_R) {
          rS = k + 1;
          rE = ve;
        } else if (first === LOWER_S) {
          sS = k + 1;
          sE = ve;
        } else if (first === LOWER_T) {
          tS = k + 1;
          tE = ve;
        }
      }
      k = ve + 1;
    }
    this.name = "c";
    this.closing = false;
    this.selfClosing = selfClosing;
    this.attrStart = i + 2;
    this.attrEnd = selfClosing ? end - 1 : end;
    this.pos = end + 1;
    this.rS = rS;
    this.rE = rE;
    this.sS = sS;
    this.sE = sE;
    this.tS = tS;
    this.tE = tE;
    this.cellScanned = true;
    return true;
  }

  /**
   * Moves to the next cell in [pos, end) that has content, skipping the empty `<c …/>` cells and the
   * row tags between without reading them: three in four cells of a template are empty styled ones.
   * A cell with content is the one whose `</c>` comes next; its opening tag is the last `<c` before
   * that (its content holds no cell tags, and no `<` appears in text or attribute values). Only for
   * sheet data without comments, CDATA or extensions (see fastRegionEnd). False at the end (pos = end).
   */
  seekFilledCell(end: number): boolean {
    const s = this.s;
    let close = s.indexOf("</c", this.pos);
    // `</c` of another element inside a cell (`</color>` of a rich-text run) is not the cell's end. A
    // guard, not a need: the search back for the opening `<c` below finds the same cell from either
    // end tag, so no sheet reads differently without it (none of the tests can tell).
    while (close >= 0 && close < end && !isTagEnd(s.charCodeAt(close + 3))) close = s.indexOf("</c", close + 3);
    if (close < 0 || close >= end) {
      this.pos = end;
      return false;
    }
    let open = s.lastIndexOf("<c", close);
    // `<color`, `<charset` of a rich-text run are not the cell's tag
    while (open >= this.pos && !isTagEnd(s.charCodeAt(open + 2))) open = s.lastIndexOf("<c", open - 1);
    if (open < this.pos) throw GENERAL_PATH;
    this.pos = open;
    return true;
  }

  /** `r`, `s` and `t` of a cell tag the general path read (cellTag gave up on it). */
  cellAttrs(): void {
    this.rS = this.sS = this.tS = -1;
    const s = this.s;
    for (let i = this.scanAttr(this.attrStart); i >= 0; i = this.scanAttr(i)) {
      // unprefixed names only: `x:r` is another attribute than the cell's `r`
      if (this.nameEnd - this.nameStart === 1) {
        const first = s.charCodeAt(this.nameStart);
        if (first === LOWER_R) {
          this.rS = this.valueStart;
          this.rE = this.valueEnd;
        } else if (first === LOWER_S) {
          this.sS = this.valueStart;
          this.sE = this.valueEnd;
        } else if (first === LOWER_T) {
          this.tS = this.valueStart;
          this.tE = this.valueEnd;
        }
      }
    }
  }

  /**
   * When the current (cell) tag is followed by exactly `<v>text</v></c>` — most cells, from every
   * writer we know — returns the text and moves past `</c>`; otherwise undefined, and nothing moves.
   */
  simpleValue(): string | undefined {
    const s = this.s;
    const p = this.pos;
    if (s.charCodeAt(p) !== LT || s.charCodeAt(p + 1) !== LOWER_V || s.charCodeAt(p + 2) !== GT) return undefined;
    const j = s.indexOf("<", p + 3);
    if (j < 0 || !s.startsWith("</v></c>", j)) return undefined;
    this.pos = j + 8;
    return s.slice(p + 3, j);
  }

  /** Raw text from the end of the current tag to the next tag (CDATA sections included, comments skipped). */
  text(): string {
    const s = this.s;
    let i = this.pos;
    let j = s.indexOf("<", i);
    if (j < 0) return s.slice(i);
    if (s.charCodeAt(j + 1) !== BANG) {
      this.pos = j;
      return s.slice(i, j);
    }
    let out = "";
    for (;;) {
      out += s.slice(i, j);
      if (s.startsWith("<![CDATA[", j)) {
        const e = s.indexOf("]]>", j + 9);
        if (e < 0) throw badXml();
        // CDATA content is literal: protect it from entity decoding by escaping its '&'
        out += s.slice(j + 9, e).replace(/&/g, "&amp;");
        i = e + 3;
      } else if (s.startsWith("<!--", j)) {
        const e = s.indexOf("-->", j + 4);
        if (e < 0) throw badXml();
        i = e + 3;
      } else break;
      j = s.indexOf("<", i);
      if (j < 0) {
        j = s.length;
        break;
      }
      if (s.charCodeAt(j + 1) !== BANG) break;
    }
    this.pos = j;
    return out;
  }

  /** Skips to the end tag of the element just opened (the current tag, not self-closing). */
  skipElement(): void {
    const name = this.name;
    let depth = 1;
    while (this.next()) {
      if (this.name !== name || this.selfClosing) continue;
      if (this.closing) {
        if (--depth === 0) return;
      } else depth++;
    }
  }

  /** Text of the `t` elements inside the element just opened (rich text runs), skipping phonetic `rPh` runs. */
  richText(): string {
    const name = this.name;
    let out = "";
    while (this.next()) {
      const n = this.name;
      if (this.closing) {
        if (n === name) break;
        continue;
      }
      if (n === "t") {
        if (!this.selfClosing) out += this.text();
      } else if (n === "rPh" && !this.selfClosing) this.skipElement();
    }
    return out;
  }
}
