/**
 * Two versions of one unit's report side by side: which figures changed, which tables or rows came or
 * went, and which findings were resolved, are new or remain. A reviewer who sent a workbook back for
 * corrections reads this instead of checking the resubmission from scratch, and sees a figure changed
 * that nobody asked to change.
 *
 * Cells are matched by what they mean, not by address: the same table, the same unit (block or body
 * row, by name, else by position) and the same category or column. A row inserted above a table moves
 * every address and changes nothing here.
 */
import type { CellValue } from "../grid/grid";
import type { Analysis } from "../check/analyse";
import type { Finding } from "../engine/findings";
import type { BodyRow, RecognisedColumnTable, RecognisedTable, RecognisedYearlyTable, Slot, YearlyBlock } from "../engine/model";
import { firstCopies } from "../engine/tableSet";
import type { TableId, ValueKind } from "../templates/schema";
import { TABLE_IDS, TABLE_NAMES } from "../templates/tables";
import { sameFigure } from "./importPrior";
import { categoryLabel, columnName, rowLabel, rowLabelEn, unitKey } from "../rules/utils/between";
import { yearLabel } from "../rules/utils/cells";

/** One cell whose content differs between the versions. */
export interface CellChange {
  table: TableId;
  /** `附件2「行政处罚(件)」2024年`, with the unit when the table holds several. */
  where: string;
  whereEn: string;
  /** In the new version; empty when the cell is gone. */
  sheet: string;
  cell: string;
  /** In the old version; empty when the cell is new. */
  oldSheet: string;
  oldCell: string;
  before: CellValue;
  after: CellValue;
}

/** A unit block (附件2/3) or body row (附件4/5) found in only one of the versions. */
export interface UnitChange {
  table: TableId;
  /** The unit's name, or where its row is when it has none. */
  unit: string;
  unitEn: string;
  sheet: string;
  cell: string;
}

export interface Comparison {
  /** The new version's tables missing from the old one, and the other way round. */
  tablesAdded: TableId[];
  tablesRemoved: TableId[];
  unitsAdded: UnitChange[];
  unitsRemoved: UnitChange[];
  cells: CellChange[];
  /** Findings of the old version the new one no longer has, those it has for the first time, and those in both (the new version's). */
  resolved: Finding[];
  added: Finding[];
  remaining: Finding[];
}

const text = (v: CellValue): string => (v === null ? "" : String(v).replace(/\s+/g, " ").trim());

/** Whether a reader of the two cells sees a change: `9` and `9件` are the same figure, and so are texts differing only in spaces. */
function differs(a: CellValue, b: CellValue, kind: ValueKind): boolean {
  return !sameFigure(a, b, kind) && text(a) !== text(b);
}

/** Pairs by unit name, then what is left on both sides by position (a renamed unit keeps its place). */
function pairUnits<T>(left: readonly T[], right: readonly T[], name: (x: T) => string): { pairs: Array<[T, T]>; onlyLeft: T[]; onlyRight: T[] } {
  const pairs: Array<[T, T]> = [];
  const freeRight = [...right];
  const freeLeft: T[] = [];
  for (const l of left) {
    const key = name(l);
    const i = key === "" ? -1 : freeRight.findIndex((r) => name(r) === key);
    if (i >= 0) pairs.push([l, freeRight.splice(i, 1)[0]]);
    else freeLeft.push(l);
  }
  const n = Math.min(freeLeft.length, freeRight.length);
  for (let i = 0; i < n; i++) pairs.push([freeLeft[i], freeRight[i]]);
  return { pairs, onlyLeft: freeLeft.slice(n), onlyRight: freeRight.slice(n) };
}

const blockName = (b: YearlyBlock): string => unitKey(b.unit.raw);
const rowName = (r: BodyRow): string => unitKey(r.cells.name?.raw);

function blockUnit(b: YearlyBlock): { unit: string; unitEn: string } {
  const name = text(b.unit.raw);
  return name ? { unit: name, unitEn: name } : { unit: `工作表第${b.valueRow + 1}行`, unitEn: `sheet row ${b.valueRow + 1}` };
}

function bodyRowUnit(r: BodyRow): { unit: string; unitEn: string } {
  const name = text(r.cells.name?.raw ?? null);
  return name ? { unit: name, unitEn: name } : { unit: rowLabel(r), unitEn: rowLabelEn(r) };
}

/** Collects the changed cells of one pair of tables; `label` names a cell in both languages. */
class CellDiff {
  readonly cells: CellChange[] = [];
  constructor(
    private readonly before: RecognisedTable,
    private readonly after: RecognisedTable,
  ) {}

  /** `values`: what to compare when it is not the cells' content (the unit read from a line that says more). */
  compare(a: Slot | undefined, b: Slot | undefined, kind: ValueKind, where: string, whereEn: string, values?: [CellValue, CellValue]): void {
    if (!a && !b) return;
    const [va, vb] = values ?? [a?.raw ?? null, b?.raw ?? null];
    if (!differs(va, vb, kind)) return;
    this.cells.push({
      table: this.after.id,
      where,
      whereEn,
      sheet: b ? this.after.sheet : "",
      cell: b?.address ?? "",
      oldSheet: a ? this.before.sheet : "",
      oldCell: a?.address ?? "",
      before: va,
      after: vb,
    });
  }

  /**
   * The frame every table of the four carries: the year of its title, the unit and the contact. What
   * they say is compared, not the cells: one form has unit and contact in one cell, another in two.
   */
  frame(): void {
    const { before: a, after: b } = this;
    const name = TABLE_NAMES[b.id];
    this.compare(a.title, b.title, "count", `${name} 标题中的年度`, `${b.id} year of the title`, [a.year, b.year]);
    this.compare(a.unitLine, b.unitLine, "text", `${name} 执法单位`, `${b.id} unit`, [a.unitFromLine ?? null, b.unitFromLine ?? null]);
    this.compare(a.contact, b.contact, "text", `${name} 联系人和联系方式`, `${b.id} contact`, [a.contactText ?? null, b.contactText ?? null]);
  }
}

function compareYearly(a: RecognisedYearlyTable, b: RecognisedYearlyTable, out: Comparison): CellChange[] {
  const diff = new CellDiff(a, b);
  diff.frame();
  const { pairs, onlyLeft, onlyRight } = pairUnits(a.blocks, b.blocks, blockName);
  const several = a.blocks.length > 1 || b.blocks.length > 1;
  for (const [x, y] of pairs) {
    const unit = blockUnit(y);
    const of = several ? `（${unit.unit}）` : "";
    const ofEn = several ? ` (${unit.unitEn})` : "";
    diff.compare(x.unit, y.unit, "text", `${TABLE_NAMES[b.id]}${of} 单位名称`, `${b.id}${ofEn} unit name`);
    for (const cat of b.def.categories) {
      const cx = x.categories[cat.key];
      const cy = y.categories[cat.key];
      if (!cx && !cy) continue;
      const label = `${TABLE_NAMES[b.id]}${of}「${categoryLabel(b, cat.key)}」`;
      const labelEn = `${b.id}${ofEn} ${cat.key}`;
      diff.compare(cx?.prior, cy?.prior, cat.kind, `${label}${yearLabel(b, "prior")}`, `${labelEn}, prior year`);
      diff.compare(cx?.current, cy?.current, cat.kind, `${label}${yearLabel(b, "current")}`, `${labelEn}, current year`);
      diff.compare(cx?.ratio, cy?.ratio, "text", `${label}同比变化`, `${labelEn}, change ratio`);
      diff.compare(cx?.explanation, cy?.explanation, "text", `${label}数据变化原因`, `${labelEn}, explanation`);
    }
  }
  for (const x of onlyLeft) out.unitsRemoved.push({ table: a.id, ...blockUnit(x), sheet: a.sheet, cell: x.unit.address });
  for (const y of onlyRight) out.unitsAdded.push({ table: b.id, ...blockUnit(y), sheet: b.sheet, cell: y.unit.address });
  return diff.cells;
}

function compareColumns(a: RecognisedColumnTable, b: RecognisedColumnTable, out: Comparison): CellChange[] {
  const diff = new CellDiff(a, b);
  diff.frame();
  const { pairs, onlyLeft, onlyRight } = pairUnits(
    a.rows.filter((r) => r.inUse),
    b.rows.filter((r) => r.inUse),
    rowName,
  );
  for (const [x, y] of pairs) {
    const unit = bodyRowUnit(y);
    for (const col of b.def.columns) {
      diff.compare(
        x.cells[col.key],
        y.cells[col.key],
        col.kind,
        `${TABLE_NAMES[b.id]}「${unit.unit}」${columnName(b, col.key)}`,
        `${b.id} ${unit.unitEn}, ${col.key}`,
      );
    }
  }
  const firstCell = (r: BodyRow): string => (r.cells.name ?? r.seq ?? Object.values(r.cells)[0])?.address ?? "";
  for (const x of onlyLeft) out.unitsRemoved.push({ table: a.id, ...bodyRowUnit(x), sheet: a.sheet, cell: firstCell(x) });
  for (const y of onlyRight) out.unitsAdded.push({ table: b.id, ...bodyRowUnit(y), sheet: b.sheet, cell: firstCell(y) });
  return diff.cells;
}

/**
 * What a cell means, for matching a finding across versions: `A2|<unit>|penalty|current`, or its
 * sheet and address when it is no cell of a recognised table (a finding about a sheet, say).
 */
function meanings(tables: readonly RecognisedTable[]): Map<string, string> {
  const map = new Map<string, string>();
  const put = (t: RecognisedTable, slot: Slot | undefined, meaning: string) => {
    if (slot && !map.has(`${t.sheet}!${slot.address}`)) map.set(`${t.sheet}!${slot.address}`, `${t.id}|${meaning}`);
  };
  for (const t of tables) {
    put(t, t.title, "title");
    put(t, t.unitLine, "unitLine");
    put(t, t.contact, "contact");
    if (t.shape === "yearly") {
      t.blocks.forEach((blk, i) => {
        const unit = blockName(blk) || `#${i}`;
        put(t, blk.unit, `${unit}|unit`);
        for (const [key, c] of Object.entries(blk.categories)) {
          put(t, c.prior, `${unit}|${key}|prior`);
          put(t, c.current, `${unit}|${key}|current`);
          put(t, c.ratio, `${unit}|${key}|ratio`);
          put(t, c.explanation, `${unit}|${key}|explanation`);
        }
      });
    } else {
      t.rows.forEach((row, i) => {
        const unit = rowName(row) || `#${i}`;
        for (const [key, slot] of Object.entries(row.cells)) put(t, slot, `${unit}|${key}`);
      });
    }
  }
  return map;
}

function findingKey(f: Finding, meaning: Map<string, string>): string {
  return `${f.rule}|${meaning.get(`${f.sheet}!${f.cell}`) ?? `${f.sheet}!${f.cell}`}`;
}

/** The new version against the old: figures, tables and units, findings. */
export function compareAnalyses(before: Analysis, after: Analysis): Comparison {
  const out: Comparison = { tablesAdded: [], tablesRemoved: [], unitsAdded: [], unitsRemoved: [], cells: [], resolved: [], added: [], remaining: [] };
  const a = firstCopies(before.tables).checked;
  const b = firstCopies(after.tables).checked;
  for (const id of TABLE_IDS) {
    const x = a.find((t) => t.id === id);
    const y = b.find((t) => t.id === id);
    if (!x && !y) continue;
    if (!x) out.tablesAdded.push(id);
    else if (!y) out.tablesRemoved.push(id);
    else if (x.shape === "yearly" && y.shape === "yearly") out.cells.push(...compareYearly(x, y, out));
    else if (x.shape === "columns" && y.shape === "columns") out.cells.push(...compareColumns(x, y, out));
  }

  const oldMeaning = meanings(before.tables);
  const newMeaning = meanings(after.tables);
  const waiting = new Map<string, Finding[]>();
  for (const f of before.findings) {
    const key = findingKey(f, oldMeaning);
    const list = waiting.get(key);
    if (list) list.push(f);
    else waiting.set(key, [f]);
  }
  for (const f of after.findings) {
    const same = waiting.get(findingKey(f, newMeaning));
    if (same && same.length) {
      same.shift();
      out.remaining.push(f);
    } else out.added.push(f);
  }
  // in the old version's order, as its report listed them
  const left = new Set([...waiting.values()].flat());
  out.resolved = before.findings.filter((f) => left.has(f));
  return out;
}

/** Nothing differs that the comparison looks at: no figure, no table, no unit and no finding. */
export function unchanged(c: Comparison): boolean {
  return (
    !c.cells.length &&
    !c.tablesAdded.length &&
    !c.tablesRemoved.length &&
    !c.unitsAdded.length &&
    !c.unitsRemoved.length &&
    !c.resolved.length &&
    !c.added.length
  );
}

/** A value as the comparison shows it: `（空）`, a figure as is, a text in quotes. */
function shownValue(v: CellValue, lang: "zh" | "en"): string {
  if (text(v) === "") return lang === "en" ? "(empty)" : "（空）";
  return typeof v === "string" ? (lang === "en" ? `"${text(v)}"` : `“${text(v)}”`) : String(v);
}

/** `附件2 …「行政处罚(件)」2024年（N7）：-9 → 9`; a cell that moved (rows inserted above its table) shows both addresses. */
export function describeCell(c: CellChange, lang: "zh" | "en"): string {
  const at = c.cell && c.oldCell && c.cell !== c.oldCell ? `${c.oldCell}→${c.cell}` : c.cell || c.oldCell;
  const change = `${shownValue(c.before, lang)} → ${shownValue(c.after, lang)}`;
  return lang === "en" ? `${c.whereEn} (${at}): ${change}` : `${c.where}（${at}）：${change}`;
}

/** `附件4 行政执法保障情况「执法监察大队」` */
export function describeUnit(u: UnitChange, lang: "zh" | "en"): string {
  return lang === "en" ? `${u.table} ${u.unitEn}` : `${TABLE_NAMES[u.table]}「${u.unit}」`;
}
