/** The formulas of a shared formula's other cells: the master's, with relative references moved. */
import { colToLetters, lettersToCol } from "../../../grid/grid";
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS } from "./limits";

// a cell reference not inside a name, a function name (LOG10), a number (1E5) or a structured reference ([Q1]).
// The character before it is matched (group 1, given back as it was) rather than looked behind at, which IE11
// cannot parse. That character never belongs to the previous match: a match ends in a digit, which may not
// precede a reference anyway.
const REF_RE = /(^|[^A-Za-z0-9_.$[])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(.![])/g;

/** Moves the relative references of a formula by (dRow, dCol), leaving strings and quoted sheet names alone. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    // the next quoted part ("text" or 'sheet name') starts a segment that is copied as is
    let q = i;
    while (q < n && formula[q] !== '"' && formula[q] !== "'") q++;
    out += formula.slice(i, q).replace(REF_RE, (m, before: string, cd: string, cl: string, rd: string, rn: string) => {
      let col = lettersToCol(cl);
      let row = Number(rn) - 1;
      if (col >= EXCEL_MAX_COLS || row >= EXCEL_MAX_ROWS || row < 0) return m;
      if (!cd) col += dCol;
      if (!rd) row += dRow;
      if (col < 0 || row < 0 || col >= EXCEL_MAX_COLS || row >= EXCEL_MAX_ROWS) return `${before}#REF!`;
      return `${before}${cd}${colToLetters(col)}${rd}${row + 1}`;
    });
    if (q >= n) break;
    const quote = formula[q];
    let e = q + 1;
    for (;;) {
      e = formula.indexOf(quote, e);
      if (e < 0) {
        e = n;
        break;
      }
      if (formula[e + 1] === quote)
        e += 2; // doubled quote inside
      else {
        e += 1;
        break;
      }
    }
    out += formula.slice(q, e);
    i = e;
  }
  return out;
}
