/**
 * Finds the four tables on any sheet, wherever they start, with or without merges, and binds every
 * cell the rules and writers need. It never depends on a fixed address: it anchors on the header
 * labels of templates.md and reads the frame (title, unit line, years) around them.
 */
import { rangeA1, toA1, type SheetSnapshot, type WorkbookSnapshot } from "../grid/grid";
import type { BodyRow, CategorySlots, LayoutProblem, RecognisedColumnTable, RecognisedTable, RecognisedYearlyTable, Slot, YearlyBlock } from "./model";
import { isZeroPlaceholder, normLabel, parseNumberText } from "./normalize";
import { SheetView } from "./sheetView";
import { ATTACHMENT_RE, coreLabel, matchingLabelIndex, NOTES_RE, yearHeader, yearInTitle } from "./labels";
import { TABLES, TABLE_NAMES } from "../templates/tables";
import type { ColumnTable, TableDef, YearlyTable } from "../templates/schema";
import { STATE_SHEET } from "./stateSheet";
import { nfkc } from "./nfkc";

/** Rows looked at above a header for the title and the unit line. */
const FRAME_ROWS_ABOVE = 6;
/** Body rows read at most per table; a longer body is someone else's data. */
const MAX_BODY_ROWS = 500;
const MIN_HEADER_MATCHES = 3;

interface HeaderHit {
  def: TableDef;
  row: number;
  /** Matched label columns, by category or group index. */
  score: number;
}

/**
 * Every header label of the four templates, folded once: a header cell is looked up in this index
 * instead of being compared with each label of each table (recognition ran on every row of every sheet).
 */
interface HeaderEntry {
  def: TableDef;
  /** A yearly table's category key, or a column table's folded group label. */
  key: string;
}

let headerIndex: Map<string, HeaderEntry[]> | undefined;
const subLabelCores = new Map<TableDef, Set<string>>();

function indexHeaders(): Map<string, HeaderEntry[]> {
  if (headerIndex) return headerIndex;
  const index = new Map<string, HeaderEntry[]>();
  const add = (form: string, entry: HeaderEntry) => {
    const list = index.get(form) ?? [];
    if (!list.some((e) => e.def === entry.def && e.key === entry.key)) list.push(entry);
    index.set(form, list);
  };
  for (const def of TABLES) {
    if (def.shape === "yearly") {
      for (const cat of def.categories) {
        const norm = normLabel(cat.label);
        add(norm, { def, key: cat.key });
        add(coreLabel(norm), { def, key: cat.key });
      }
    } else {
      for (const col of def.columns) add(normLabel(col.group), { def, key: normLabel(col.group) });
      subLabelCores.set(def, new Set(def.columns.filter((c) => c.label !== "").map((c) => coreLabel(normLabel(c.label)))));
    }
  }
  headerIndex = index;
  return index;
}

/** Distinct template labels of each table found in a row. */
function rowScores(view: SheetView, row: number): Map<TableDef, Set<string>> | undefined {
  const index = indexHeaders();
  let scores: Map<TableDef, Set<string>> | undefined;
  for (const c of view.filledCols(row)) {
    // only a text can be a header label (none folds to a figure): the figures of the body rows, most
    // of the cells this visits, need no folding and no lookup
    if (typeof view.raw(row, c) !== "string") continue;
    const n = view.norm(row, c);
    const entries = index.get(n) ?? index.get(coreLabel(n));
    if (!entries) continue;
    scores ??= new Map();
    for (const e of entries) {
      let found = scores.get(e.def);
      if (!found) scores.set(e.def, (found = new Set()));
      found.add(e.key);
    }
  }
  return scores;
}

/** A column table's group row needs a sub-label under it (the second header row). */
function hasSubLabelBelow(view: SheetView, row: number, def: ColumnTable): boolean {
  const subs = subLabelCores.get(def);
  return !!subs && view.filledCols(row + 1).some((c) => subs.has(coreLabel(view.norm(row + 1, c))));
}

/** The header rows of every table on a sheet, best-scoring definition per row. */
function findHeaders(view: SheetView): HeaderHit[] {
  const hits: HeaderHit[] = [];
  for (let r = 0; r < view.rows; r++) {
    if (view.filledCols(r).length < MIN_HEADER_MATCHES) continue;
    let best: HeaderHit | undefined;
    const scores = rowScores(view, r);
    if (!scores) continue;
    // forEach, not for-of: no [key, value] pair and iterator result allocated per entry (performance.md, session 13)
    scores.forEach((found, def) => {
      const needed = def.shape === "yearly" ? Math.max(MIN_HEADER_MATCHES, Math.ceil(def.categories.length / 3)) : MIN_HEADER_MATCHES;
      if (found.size < needed) return;
      if (def.shape === "columns" && !hasSubLabelBelow(view, r, def)) return;
      // ties go to the table listed first, as before
      if (!best || found.size > best.score || (found.size === best.score && TABLES.indexOf(def) < TABLES.indexOf(best.def)))
        best = { def, row: r, score: found.size };
    });
    if (best) hits.push(best);
  }
  return hits;
}

interface Frame {
  title?: Slot;
  year: number | null;
  unitLine?: Slot;
  unitFromLine?: string;
  contact?: Slot;
  contactText?: string;
  top: number;
}

/** The unit line's label as forms spell it: `执法单位` (the template), `填报单位` (many local copies). */
const UNIT_LINE_RE = /(?:执\s*法|填\s*报)\s*单\s*位/;
/**
 * The contact label: the template's `联系人和联系方式`, or the `联系人：… 联系电话：…` of local copies.
 * Spaces between the characters are allowed, since it is also matched against the raw text.
 */
const CONTACT_RE = /联\s*系\s*人\s*(?:[和及与]?\s*联\s*系\s*方\s*式)?|联\s*系\s*方\s*式|联\s*系\s*电\s*话/;

function isUnitLine(norm: string): boolean {
  return UNIT_LINE_RE.test(norm) && !norm.includes("单位名称");
}

function unitFromText(raw: string): string {
  const s = raw.replace(/\s+/g, " ");
  // both orders occur on real forms: `执法单位：(盖章)X` and `执法单位（盖章）：X`
  const m = /(?:执\s*法|填\s*报)\s*单\s*位\s*[:：]?\s*(?:[(（]\s*盖\s*章\s*[)）])?\s*[:：]?\s*(.*)$/.exec(s);
  if (!m) return "";
  const rest = m[1];
  const c = CONTACT_RE.exec(rest);
  return (c ? rest.slice(0, c.index) : rest).trim();
}

/**
 * The text a clerk typed in the cell after a label cell (`联系人和联系方式：` | `王洪江 151…`), when the
 * label's own cell holds nothing after the colon. Another frame label ends the search.
 */
function textAfter(view: SheetView, row: number, col: number): string {
  for (const c of view.filledCols(row)) {
    if (c <= col) continue;
    const n = view.norm(row, c);
    if (isUnitLine(n) || CONTACT_RE.test(n)) return "";
    return String(view.raw(row, c) ?? "").trim();
  }
  return "";
}

function contactFromText(raw: string): string {
  const m = CONTACT_RE.exec(raw);
  if (!m) return "";
  return raw
    .slice(m.index + m[0].length)
    .replace(/^\s*[:：]\s*/, "")
    .trim();
}

/** Title, unit line and contact above a header row; stops at the previous table's last row. */
function readFrame(view: SheetView, def: TableDef, headerRow: number, floor: number): Frame {
  const frame: Frame = { year: null, top: headerRow };
  const suffix = coreLabel(normLabel(def.titleSuffix).replace(/^年/, ""));
  for (let r = headerRow - 1; r >= Math.max(floor, headerRow - FRAME_ROWS_ABOVE); r--) {
    for (const c of view.filledCols(r)) {
      const n = view.norm(r, c);
      const raw = String(view.raw(r, c) ?? "");
      if (!frame.title && (n.includes(suffix) || (n.includes("统计表") && yearInTitle(n) !== null))) {
        frame.title = view.slot(r, c);
        frame.year = yearInTitle(n);
        frame.top = Math.min(frame.top, r);
      }
      if (!frame.unitLine && isUnitLine(n)) {
        frame.unitLine = view.slot(r, c);
        frame.unitFromLine = unitFromText(raw) || (CONTACT_RE.test(n) ? "" : textAfter(view, r, c));
        frame.top = Math.min(frame.top, r);
      }
      if (!frame.contact && CONTACT_RE.test(n)) {
        frame.contact = view.slot(r, c);
        frame.contactText = contactFromText(raw) || textAfter(view, r, c);
        frame.top = Math.min(frame.top, r);
      }
      if (ATTACHMENT_RE.test(n)) frame.top = Math.min(frame.top, r);
    }
    if (frame.title) {
      // the attachment marker sits just above the title
      if (r - 1 >= floor && view.filledCols(r - 1).some((c) => ATTACHMENT_RE.test(view.norm(r - 1, c)))) frame.top = Math.min(frame.top, r - 1);
      break;
    }
  }
  return frame;
}

/** Where a table's body ends: notes, the next table, or a run of empty rows. */
function isBodyEnd(view: SheetView, row: number, nextHeader: number): boolean {
  if (row >= nextHeader) return true;
  for (const c of view.filledCols(row)) {
    // notes, markers and titles are texts; the figures of a body row are not
    if (typeof view.raw(row, c) !== "string") continue;
    const n = view.norm(row, c);
    if (NOTES_RE.test(n) || ATTACHMENT_RE.test(n) || (n.includes("统计表") && yearInTitle(n) !== null)) return true;
  }
  return false;
}

/** A 序号 cell as a number (`4`, `"4"`, `"４"`), or null. */
function seqNumber(view: SheetView, row: number, col: number): number | null {
  const v = view.raw(row, col);
  if (typeof v === "number") return Number.isInteger(v) ? v : null;
  if (typeof v !== "string") return null;
  const t = nfkc(v).trim();
  return /^\d{1,4}$/.test(t) ? Number(t) : null;
}

/**
 * After an empty row, whether row `row` still belongs to the body: its 序号 goes on from the last one
 * (a few rows may have been left out), or — in 附件2/3 — a further unit numbered from 1 again. Anything
 * else after an empty row (figures of another table, a signature block) ends the table even when its
 * notes were deleted.
 */
function continuesBody(view: SheetView, row: number, seqCol: number, lastSeq: number | null, unitCol?: number): boolean {
  const n = seqNumber(view, row, seqCol);
  if (n === null) return false;
  if (lastSeq !== null && n > lastSeq && n <= lastSeq + 5) return true;
  return unitCol !== undefined && n === 1 && typeof view.raw(row, unitCol) === "string";
}

/** A 附件2/3 row that starts a unit's 同比变化 or 数据变化原因 row, by its label. */
function blockRowLabel(view: SheetView, row: number, seqCol: number, unitCol: number): "ratio" | "explanation" | null {
  const label = view.shown(row, unitCol) || view.shown(row, seqCol);
  return label.startsWith("同比变化") ? "ratio" : label.startsWith("数据变化原因") ? "explanation" : null;
}

/**
 * A row a clerk inserted between a unit's value row and its 同比变化 / 数据变化原因 rows to write a
 * note in: no 序号, no number (nor 无, —) in any year column, and the ratio or explanation row comes next. It is
 * no unit of its own, so the rows after it still belong to the unit above (taking it for a unit gave
 * that unit's ratios and explanations to an empty block), even when the note starts with 注：.
 */
function isInsertedNote(view: SheetView, row: number, seqCol: number, unitCol: number, right: number, yearCols: number[]): boolean {
  if (view.rowIsEmpty(row, seqCol, right) || seqNumber(view, row, seqCol) !== null) return false;
  for (const c of yearCols) {
    const v = view.raw(row, c);
    if (typeof v === "number" || isZeroPlaceholder(v) || (typeof v === "string" && parseNumberText(v) !== null)) return false;
  }
  for (let k = row + 1; k <= row + 3; k++) {
    if (view.rowIsEmpty(k, seqCol, right)) continue;
    return blockRowLabel(view, k, seqCol, unitCol) !== null;
  }
  return false;
}

function problem(rule: LayoutProblem["rule"], cell: string, message: string, messageEn: string): LayoutProblem {
  return { rule, cell, message, messageEn };
}

/** The title gives no year, or there is no title: at the title, else at the table's top-left cell. */
function noYearProblem(name: string, def: TableDef, title: Slot | undefined, topLeft: string): LayoutProblem {
  return problem(
    "layout-year",
    title?.address ?? topLeft,
    `${name}：${title ? "标题中没有年份" : "没有找到表格标题"}，无法确定报告年度；请按模板填写「XXXX${def.titleSuffix}」。`,
    `${name}: the title gives no report year.`,
  );
}

interface LabelCell {
  col: number;
  /** The row of the label: a 附件4/5 sub-label sits in the second header row. */
  row?: number;
  norm: string;
  index: number; // template index or -1
}

/** Compares the labels found in order with the template's, naming each category missing, repeated, unknown or out of order. */
function compareOrder(
  found: LabelCell[],
  expected: string[],
  tableName: string,
  what: string,
  row: number,
  problems: LayoutProblem[],
  /** 附件4/5: which expected columns have a sub-label (a missing one is marked in the sub-label row). */
  hasSub: boolean[] = [],
): void {
  const at = (f: LabelCell): string => toA1(f.row ?? row, f.col);
  const seen = new Map<number, number>();
  for (const f of found) {
    if (f.index < 0) {
      problems.push(
        problem(
          "layout-header",
          at(f),
          `${tableName}：表头出现模板中没有的${what}「${f.norm}」，请对照官方模板修改。`,
          `${tableName}: unexpected ${what} "${f.norm}".`,
        ),
      );
      continue;
    }
    if (seen.has(f.index)) {
      problems.push(
        problem(
          "layout-header",
          at(f),
          `${tableName}：${what}「${expected[f.index]}」重复出现，请删除多余的列。`,
          `${tableName}: ${what} "${expected[f.index]}" is duplicated.`,
        ),
      );
      continue;
    }
    seen.set(f.index, f.col);
  }
  const known = found.filter((f) => f.index >= 0);
  expected.forEach((label, i) => {
    if (!seen.has(i)) {
      // mark where the label belongs: the header that now stands in its place (the next one of the template)
      const next = known.filter((f) => f.index > i).sort((a, b) => a.index - b.index)[0] ?? known[known.length - 1];
      const anchor = next ? (hasSub[i] ? at(next) : toA1(row, next.col)) : toA1(row, 0);
      problems.push(
        problem("layout-header", anchor, `${tableName}：表头缺少${what}「${label}」，请对照官方模板补上该列。`, `${tableName}: ${what} "${label}" is missing.`),
      );
    }
  });
  let last = -1;
  for (const f of found) {
    if (f.index < 0 || seen.get(f.index) !== f.col) continue;
    if (f.index < last) {
      problems.push(
        problem(
          "layout-header",
          at(f),
          `${tableName}：${what}「${expected[f.index]}」的位置与模板顺序不一致，请按官方模板的顺序排列。`,
          `${tableName}: ${what} "${expected[f.index]}" is out of order.`,
        ),
      );
    }
    last = Math.max(last, f.index);
  }
}

function findCol(view: SheetView, rows: number[], label: string, before: number): number | undefined {
  const want = normLabel(label);
  for (const r of rows) {
    if (r < 0) continue;
    for (let c = before - 1; c >= 0; c--) if (view.shown(r, c) === want) return view.owner(r, c).col;
  }
  return undefined;
}

/** A table's labels in template order, made once per definition (matchingLabelIndex indexes the array it is given). */
const categoryLabels = new Map<YearlyTable, string[]>();

function categoryLabelsOf(def: YearlyTable): string[] {
  let labels = categoryLabels.get(def);
  if (!labels) categoryLabels.set(def, (labels = def.categories.map((c) => c.label)));
  return labels;
}

interface ColumnLabels {
  /** `group/label` or `group`, as messages name them. */
  expected: string[];
  folded: Array<{ group: string; label: string; core: string }>;
  hasSub: boolean[];
}

const columnLabels = new Map<ColumnTable, ColumnLabels>();

function columnLabelsOf(def: ColumnTable): ColumnLabels {
  let labels = columnLabels.get(def);
  if (!labels) {
    labels = {
      expected: def.columns.map((c) => (c.label ? `${c.group}/${c.label}` : c.group)),
      folded: def.columns.map((c) => {
        const label = normLabel(c.label);
        return { group: normLabel(c.group), label, core: coreLabel(label) };
      }),
      hasSub: def.columns.map((c) => c.label !== ""),
    };
    columnLabels.set(def, labels);
  }
  return labels;
}

function recogniseYearly(view: SheetView, def: YearlyTable, h: number, floor: number, nextHeader: number): RecognisedYearlyTable {
  const name = TABLE_NAMES[def.id];
  const problems: LayoutProblem[] = [];
  // label cells of the header row, left to right, from the first that matches
  const filled = view.filledCols(h);
  const labels: LabelCell[] = [];
  let started = false;
  let lastMatched = -1;
  const categoryLabels = categoryLabelsOf(def);
  for (const c of filled) {
    const n = view.norm(h, c);
    const index = matchingLabelIndex(n, categoryLabels);
    if (index >= 0) started = true;
    if (!started) continue;
    if (index < 0 && lastMatched >= 0 && c - lastMatched > 4) break;
    labels.push({ col: c, norm: n, index });
    if (index >= 0) lastMatched = c;
  }
  while (labels.length && labels[labels.length - 1].index < 0) labels.pop();
  compareOrder(labels, categoryLabels, name, "类别", h, problems);

  const frame = readFrame(view, def, h - 1, floor);
  const firstCol = labels.length ? labels[0].col : 2;
  const unitCol = findCol(view, [h - 1, h, h - 2], def.unitHeader, firstCol) ?? firstCol - 1;
  const seqCol = findCol(view, [h - 1, h, h - 2], "序号", unitCol) ?? Math.max(0, unitCol - 1);

  // years: the row under the labels; the title gives Y
  const yRow = h + 1;
  const yearHeaders: RecognisedYearlyTable["yearHeaders"] = {};
  const colOf = new Map<string, { prior: number; current: number }>();
  const headerYears = new Set<string>();
  let year = frame.year;
  for (const l of labels) {
    if (l.index < 0) continue;
    const key = def.categories[l.index].key;
    if (colOf.has(key)) continue;
    let prior = l.col;
    let current = l.col + 1;
    const a = yearHeader(view.norm(yRow, prior));
    const b = yearHeader(view.norm(yRow, current));
    if (frame.year !== null && a === frame.year && b === frame.year - 1) [prior, current] = [current, prior];
    colOf.set(key, { prior, current });
    yearHeaders[key] = { prior: view.slot(yRow, prior), current: view.slot(yRow, current) };
    headerYears.add(`${a ?? "?"}|${b ?? "?"}`);
    if (frame.year !== null && (a !== frame.year - 1 || b !== frame.year)) {
      // the wrong year cells of the category, left to right: layout-year marks the first of the table's
      const wrong = a !== frame.year - 1 ? [toA1(yRow, l.col)] : [];
      if (b !== frame.year) wrong.push(toA1(yRow, l.col + 1));
      const p = problem(
        "layout-year",
        wrong[0],
        `${name}：「${def.categories[l.index].label}」的年份列应为 ${frame.year - 1} 和 ${frame.year}（标题年份 ${frame.year}），现为 ${a ?? "空"} 和 ${b ?? "空"}。`,
        `${name}: the year columns of "${def.categories[l.index].label}" should be ${frame.year - 1} and ${frame.year}.`,
      );
      if (wrong.length > 1) p.related = wrong.slice(1);
      p.subject = def.categories[l.index].label;
      problems.push(p);
    }
  }
  if (frame.year === null) {
    problems.push(noYearProblem(name, def, frame.title, toA1(h, firstCol)));
    // the year headers still tell the years, so ratios and reading can go on
    const only = [...headerYears].filter((y) => !y.includes("?"));
    if (only.length === 1) year = Number(only[0].split("|")[1]);
  }

  // body: value rows, each followed by its ratio and explanation rows
  const blocks: YearlyBlock[] = [];
  let r = yRow + 1;
  let emptyRun = 0;
  let lastUsed = yRow;
  let lastSeq: number | null = null;
  // a plain loop: spreading the map and flatMap cost a tenth of recognising the table
  const yearCols: number[] = [];
  for (const c of colOf.values()) yearCols.push(c.prior, c.current);
  for (; r < Math.min(view.rows, yRow + 1 + MAX_BODY_ROWS); r++) {
    const right = labels.length ? labels[labels.length - 1].col + 1 : unitCol;
    const open = blocks[blocks.length - 1];
    if (
      r < nextHeader &&
      open &&
      open.ratioRow === undefined &&
      open.explanationRow === undefined &&
      isInsertedNote(view, r, seqCol, unitCol, right, yearCols)
    ) {
      emptyRun = 0;
      lastUsed = r;
      continue;
    }
    if (isBodyEnd(view, r, nextHeader)) break;
    if (view.rowIsEmpty(r, seqCol, right)) {
      if (++emptyRun >= 3) break;
      continue;
    }
    if (emptyRun > 0 && blocks.length > 0 && !continuesBody(view, r, seqCol, lastSeq, unitCol)) break;
    emptyRun = 0;
    lastUsed = r;
    lastSeq = seqNumber(view, r, seqCol) ?? lastSeq;
    const kind = blockRowLabel(view, r, seqCol, unitCol);
    const current = blocks[blocks.length - 1];
    if (kind === "ratio" && current) current.ratioRow = r;
    else if (kind === "explanation" && current) current.explanationRow = r;
    else blocks.push({ unit: view.slot(r, unitCol), seq: view.slot(r, seqCol), valueRow: r, categories: {} });
  }
  for (const block of blocks) {
    colOf.forEach((cols, key) => {
      const slots: CategorySlots = { key, prior: view.slot(block.valueRow, cols.prior), current: view.slot(block.valueRow, cols.current) };
      const left = Math.min(cols.prior, cols.current);
      if (block.ratioRow !== undefined) slots.ratio = view.slot(block.ratioRow, left);
      if (block.explanationRow !== undefined) slots.explanation = view.slot(block.explanationRow, left);
      block.categories[key] = slots;
    });
  }
  const right = labels.length ? Math.max(...labels.map((l) => l.col)) + 1 : unitCol;
  const top = Math.min(frame.top, h - 1);
  return {
    shape: "yearly",
    id: def.id,
    def,
    sheet: view.sheet.name,
    range: rangeA1(top, seqCol, lastUsed, right),
    year,
    ...frameSlots(frame),
    top,
    bottom: lastUsed,
    left: seqCol,
    right,
    problems,
    yearHeaders,
    blocks,
  };
}

/** The frame cells every recognised table carries (title, unit line, contact). */
function frameSlots(frame: Frame): Pick<RecognisedTable, "title" | "unitLine" | "unitFromLine" | "contact" | "contactText"> {
  return { title: frame.title, unitLine: frame.unitLine, unitFromLine: frame.unitFromLine, contact: frame.contact, contactText: frame.contactText };
}

function recogniseColumns(view: SheetView, def: ColumnTable, h: number, floor: number, nextHeader: number): RecognisedColumnTable {
  const name = TABLE_NAMES[def.id];
  const problems: LayoutProblem[] = [];
  const sub = h + 1;
  const seqCol = findCol(view, [h, sub], "序号", view.cols + 1) ?? 0;
  const { expected, folded: expectedNorm, hasSub } = columnLabelsOf(def);

  // walk the header columns: a group label in the first row holds for the sub-labels under it
  const found: LabelCell[] = [];
  let group = "";
  let groupCol = -1;
  let blank = 0;
  for (let c = seqCol + 1; c < view.cols + 1 && blank < 3; c++) {
    const gOwner = view.owner(h, c);
    const ownG = gOwner.col === c || gOwner.row !== h ? view.norm(gOwner.row, gOwner.col) : "";
    const vertical = view.merge(h, c)?.bottom !== undefined && (view.merge(h, c)?.bottom ?? h) > h;
    const subLabel = vertical ? "" : view.norm(sub, c);
    if (ownG && gOwner.col === c) {
      group = ownG;
      groupCol = c;
    } else if (!ownG && !subLabel && !(view.merge(h, c) && groupCol >= 0)) {
      blank++;
      continue;
    }
    blank = 0;
    const subCore = coreLabel(subLabel);
    const index = expectedNorm.findIndex((e) => e.group === group && (e.label === subLabel || (e.label !== "" && e.core === subCore)));
    found.push({ col: c, row: subLabel ? sub : h, norm: subLabel ? `${group}/${subLabel}` : group, index });
  }
  while (found.length && found[found.length - 1].index < 0) found.pop();
  compareOrder(found, expected, name, "栏目", h, problems, hasSub);

  const frame = readFrame(view, def, h, floor);
  if (frame.year === null) {
    problems.push(noYearProblem(name, def, frame.title, toA1(h, seqCol)));
  }
  const colOf = new Map<string, number>();
  for (const f of found) if (f.index >= 0 && !colOf.has(def.columns[f.index].key)) colOf.set(def.columns[f.index].key, f.col);

  const rows: BodyRow[] = [];
  let emptyRun = 0;
  let lastUsed = sub;
  let lastSeq: number | null = null;
  const right = found.length ? found[found.length - 1].col : seqCol + def.columns.length;
  for (let r = sub + 1; r < Math.min(view.rows, sub + 1 + MAX_BODY_ROWS); r++) {
    if (isBodyEnd(view, r, nextHeader)) break;
    if (view.rowIsEmpty(r, seqCol, right)) {
      if (++emptyRun >= 3) break;
      continue;
    }
    if (emptyRun > 0 && rows.length > 0 && !continuesBody(view, r, seqCol, lastSeq)) break;
    emptyRun = 0;
    lastUsed = r;
    lastSeq = seqNumber(view, r, seqCol) ?? lastSeq;
    const cells: Record<string, Slot> = {};
    let inUse = false;
    colOf.forEach((c, key) => {
      const s = view.slot(r, c);
      cells[key] = s;
      if (s.raw !== null && !(typeof s.raw === "string" && s.raw.trim() === "")) inUse = true;
    });
    rows.push({ row: r, seq: view.slot(r, seqCol), cells, inUse });
  }
  const top = Math.min(frame.top, h);
  return {
    shape: "columns",
    id: def.id,
    def,
    sheet: view.sheet.name,
    range: rangeA1(top, seqCol, lastUsed, right),
    year: frame.year,
    ...frameSlots(frame),
    top,
    bottom: lastUsed,
    left: seqCol,
    right,
    problems,
    rows,
  };
}

export function recogniseSheet(sheet: SheetSnapshot): RecognisedTable[] {
  const view = new SheetView(sheet);
  const hits = findHeaders(view);
  const tables: RecognisedTable[] = [];
  let floor = 0;
  hits.forEach((hit, i) => {
    // the next table's header rows end this one's body (its title and 附件 line end it earlier)
    const following = hits[i + 1];
    const nextHeader = following ? following.row - (following.def.shape === "yearly" ? 1 : 0) : Number.MAX_SAFE_INTEGER;
    const t =
      hit.def.shape === "yearly" ? recogniseYearly(view, hit.def, hit.row, floor, nextHeader) : recogniseColumns(view, hit.def, hit.row, floor, nextHeader);
    tables.push(t);
    floor = t.bottom + 1;
  });
  return tables;
}

/** Every table in the workbook, sheet by sheet, top to bottom. The product's own state sheet is skipped. */
export function recognise(workbook: WorkbookSnapshot): RecognisedTable[] {
  const out: RecognisedTable[] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.name === STATE_SHEET) continue;
    out.push(...recogniseSheet(sheet));
  }
  return out;
}
