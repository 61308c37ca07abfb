/**
 * What the rules between tables share: reading a unit name the way people mean it, grouping tables by
 * report year, pairing the unit rows of two tables, and naming a cell that sits on another sheet.
 */
import type { CellValue } from "../../grid/grid";
import { memoByText } from "../../engine/textMemo";
import { differsFromWorkbook } from "../../engine/tableSet";
import type { BodyRow, RecognisedColumnTable, RecognisedTable, RecognisedYearlyTable, Slot, YearlyBlock } from "../../engine/model";
import { nfkc } from "../../engine/nfkc";
import { tableName, yearLabel } from "./cells";

/**
 * A unit name for comparison: full-width folded, spaces and the `(盖章)` mark dropped (they are how a
 * name is written on the form, not part of it), and a colon left over from `执法单位（盖章）：` removed.
 */
export function unitKey(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? foldUnitNameText(v) : foldUnitName(String(v));
}

// several rules compare the same few names in every file of a batch
const foldUnitNameText = memoByText((text) => foldUnitName(text), 5000);

function foldUnitName(text: string): string {
  return nfkc(text)
    .replace(/[\s\u3000\u200b\ufeff]+/g, "")
    .replace(/\(盖章\)/g, "")
    .replace(/^[:：]+/, "");
}

/**
 * The tables the rules between tables compare: a table whose year differs from the workbook's is left
 * out (table-year-differs reports it; rules.md). The list itself when none differs, as is usual.
 */
export function sameYear<T extends RecognisedTable>(year: number | null, tables: readonly T[]): readonly T[] {
  for (const t of tables) if (differsFromWorkbook(t, year)) return tables.filter((u) => !differsFromWorkbook(u, year));
  return tables;
}

/** Tables by report year; a table whose year is unknown is only grouped with others of unknown year. */
export function byYear<T extends RecognisedTable>(tables: readonly T[]): Map<number | null, T[]> {
  const out = new Map<number | null, T[]>();
  for (const t of tables) {
    const list = out.get(t.year) ?? [];
    list.push(t);
    out.set(t.year, list);
  }
  return out;
}

export interface UnitBlock {
  table: RecognisedYearlyTable;
  block: YearlyBlock;
}

export interface UnitRow {
  table: RecognisedColumnTable;
  row: BodyRow;
}

export function blocksOf(tables: readonly RecognisedYearlyTable[]): UnitBlock[] {
  return tables.flatMap((table) => table.blocks.map((block) => ({ table, block })));
}

/** Body rows in use of column tables. */
export function rowsInUse(tables: readonly RecognisedColumnTable[]): UnitRow[] {
  return tables.flatMap((table) => table.rows.filter((row) => row.inUse).map((row) => ({ table, row })));
}

/**
 * Pairs left items with right items of the same unit. With exactly one on each side they are paired
 * whatever their names say: a misspelt name must not hide a wrong figure (unit-name-differs reports
 * the name). Otherwise only equal, non-empty names pair, each left item with the first right item.
 */
export function pairByUnit<L, R>(left: readonly L[], right: readonly R[], nameOfLeft: (l: L) => string, nameOfRight: (r: R) => string): Array<[L, R]> {
  if (left.length === 1 && right.length === 1) return [[left[0], right[0]]];
  const out: Array<[L, R]> = [];
  for (const l of left) {
    const name = nameOfLeft(l);
    if (name === "") continue;
    const r = right.find((x) => nameOfRight(x) === name);
    if (r !== undefined) out.push([l, r]);
  }
  return out;
}

/**
 * A related cell as a finding can carry it: the slot when it is on the primary cell's sheet, else
 * Excel's sheet-qualified reference (`'附件2 执法案件'!N7`), since a bare address would point at the
 * wrong sheet.
 */
export function refFrom(primary: RecognisedTable, owner: RecognisedTable, slot: Slot): Slot | string {
  if (owner.sheet === primary.sheet) return slot;
  return `'${owner.sheet.replace(/'/g, "''")}'!${slot.address}`;
}

/** Money read from cells carries float noise (0.1 + 0.2); a difference below a cent is no difference. */
const EPSILON = 1e-6;

export function exceeds(a: number, b: number): boolean {
  return a - b > EPSILON;
}

/** `1,234.5`-free rendering for messages: the number as read, without float noise. */
export function show(n: number): string {
  return String(Number(n.toFixed(6)));
}

function seqOf(row: BodyRow): string {
  const seq = row.seq?.raw;
  return seq === null || seq === undefined ? "" : String(seq).trim();
}

/** `第1行` for a body row by its 序号; `工作表第9行` when it has none. */
export function rowLabel(row: BodyRow): string {
  const seq = seqOf(row);
  return seq ? `第${seq}行` : `工作表第${row.row + 1}行`;
}

export function rowLabelEn(row: BodyRow): string {
  const seq = seqOf(row);
  return seq ? `row ${seq}` : `sheet row ${row.row + 1}`;
}

/** The `{{table}}` and `{{row}}` of a message about one body row, in both languages. */
export function rowData(t: RecognisedColumnTable, row: BodyRow): { table: string; tableEn: string; row: string; rowEn: string } {
  return { table: tableName(t), tableEn: t.id, row: rowLabel(row), rowEn: rowLabelEn(row) };
}

/**
 * The slots that exist. A column or category missing from the header (layout-header) leaves its slot
 * undefined at run time although the record type says otherwise.
 */
export function present(...slots: Array<Slot | undefined>): Slot[] {
  return slots.filter((s): s is Slot => s !== undefined);
}

/** A category's label in a 附件2/3 table (`行政处罚(件)`), or its key when the template lacks it. */
export function categoryLabel(t: RecognisedYearlyTable, key: string): string {
  return t.def.categories.find((c) => c.key === key)?.label ?? key;
}

/** The English twin of cells.ts `yearLabel`: which year column, since the English messages give no year. */
export function yearLabelEn(which: "prior" | "current"): string {
  return which === "prior" ? "prior year" : "current year";
}

/** A category slot of a block for one year, if the header has the category. */
export function yearSlot(block: YearlyBlock, key: string, which: "prior" | "current"): Slot | undefined {
  return block.categories[key]?.[which];
}

/** `（湘潭县林业局）` when a table holds several units, so the message says which; nothing otherwise. */
export function unitOfBlock(t: RecognisedYearlyTable, block: YearlyBlock): string {
  if (t.blocks.length < 2) return "";
  const name = String(block.unit.raw ?? "").trim();
  return name ? `（${name}）` : `（工作表第${block.valueRow + 1}行）`;
}

/** The `{{table}}`, `{{unit}}` and `{{year}}` of a message about one unit's figures of one year, in both languages. */
export function blockData(
  t: RecognisedYearlyTable,
  block: YearlyBlock,
  which: "prior" | "current",
): { table: string; tableEn: string; unit: string; year: string; yearEn: string } {
  return { table: tableName(t), tableEn: t.id, unit: unitOfBlock(t, block), year: yearLabel(t, which), yearEn: yearLabelEn(which) };
}

/** A column's label in a 附件4/5 table (`实有在岗人数/行政`), or its key when the template lacks it. */
export function columnName(t: RecognisedColumnTable, key: string): string {
  const col = t.def.columns.find((c) => c.key === key);
  if (!col) return key;
  return col.label ? `${col.group}/${col.label}` : col.group;
}
