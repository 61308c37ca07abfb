/**
 * The workbook names that remember where each table is (ExcelApi 1.4+), without Office objects:
 * `xzzf_A2` … `xzzf_A5`, one per table found exactly once, each covering its table and a margin of
 * empty rows and a column past it (so a unit appended below, or rows inserted at its end, fall inside
 * the name and a table cut off by its name is noticed). The name's comment carries a tag of the
 * workbook's sheet list when the names were saved: a sheet added, removed or renamed since (with the
 * pane closed too) means the names may not cover every table, and everything is read again.
 */
import type { MergeArea } from "../../grid/grid";
import type { RecognisedTable } from "../../engine/model";
import { STATE_SHEET } from "../../engine/stateSheet";
import type { TableId } from "../../templates/schema";
import { localAddress, sheetOfAddress } from "./cells";
import { parseRange } from "../../grid/grid";

export const TABLE_NAME_PREFIX = "xzzf_";
/** Rows below and columns right of a table its name also covers. */
export const ROW_MARGIN = 5;
export const COL_MARGIN = 1;

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** One of this product's names as read from the workbook. */
export interface TableName {
  /** As the workbook spells it. */
  name: string;
  id: TableId;
  sheet: string;
  /** Null when the name is broken (`#REF!`: its rows or sheet were deleted). */
  area: MergeArea | null;
  /** The sheet-list tag from its comment; null when it has none. */
  tag: string | null;
}

export interface WantedName {
  name: string;
  id: TableId;
  sheet: string;
  area: MergeArea;
}

export interface NamedRead {
  name: string;
  id: TableId;
  sheet: string;
}

export function tableNameOf(id: TableId): string {
  return `${TABLE_NAME_PREFIX}${id}`;
}

const NAME_RE = /^xzzf_(A[2-5])$/i;
const TAG_RE = /#([0-9a-f]{8})/;

/** This product's names among the workbook's, by their canonical name (`xzzf_A2`). */
export function readTableNames(items: ReadonlyArray<{ name: string; type: string; value: unknown; comment?: string }>): Map<string, TableName> {
  const out = new Map<string, TableName>();
  for (const item of items) {
    const m = NAME_RE.exec(item.name);
    if (!m) continue;
    const id = m[1].toUpperCase() as TableId;
    const value = typeof item.value === "string" ? item.value.replace(/^=/, "") : "";
    const area = item.type === "Range" && !value.includes("#REF!") ? parseRange(localAddress(value)) : null;
    const sheet = sheetOfAddress(value);
    const tag = TAG_RE.exec(item.comment ?? "")?.[1] ?? null;
    out.set(tableNameOf(id), { name: item.name, id, sheet, area: area && sheet ? area : null, tag });
  }
  return out;
}

/** A short tag of the sheet list (names in order, the state sheet left out: it comes and goes with the marks). */
export function sheetsTag(sheets: ReadonlyArray<{ name: string }>): string {
  let h = 0x811c9dc5;
  const text = sheets
    .map((s) => s.name.toLowerCase())
    .filter((n) => n !== STATE_SHEET.toLowerCase())
    .join("\u0000");
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

export function tableNameComment(id: TableId, tag: string): string {
  return `填报助手：附件${id.slice(1)}所在区域，用于加快下次校验，请勿修改（#${tag}）`;
}

/** The names the tables ask for; none at all when a table appears twice (a read of names would miss one). */
export function wantedTableNames(tables: readonly RecognisedTable[]): Map<string, WantedName> {
  const out = new Map<string, WantedName>();
  const seen = new Set<TableId>();
  for (const t of tables) {
    if (seen.has(t.id)) return new Map();
    seen.add(t.id);
    const area = { top: t.top, left: t.left, bottom: Math.min(MAX_ROW, t.bottom + ROW_MARGIN), right: Math.min(MAX_COL, t.right + COL_MARGIN) };
    out.set(tableNameOf(t.id), { name: tableNameOf(t.id), id: t.id, sheet: t.sheet, area });
  }
  return out;
}

const sameArea = (a: MergeArea, b: MergeArea) => a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;

/** Whether the workbook's names must be rewritten to say what `wanted` says (for this sheet list). */
export function namesDiffer(
  wanted: ReadonlyMap<string, WantedName>,
  current: ReadonlyMap<string, TableName> | null,
  sheets: ReadonlyArray<{ name: string }>,
): boolean {
  if (!current) return wanted.size > 0;
  const tag = sheetsTag(sheets);
  for (const k of current.keys()) if (!wanted.has(k)) return true;
  for (const [k, w] of wanted) {
    const c = current.get(k);
    if (!c || !c.area || c.tag !== tag || c.sheet.toLowerCase() !== w.sheet.toLowerCase() || !sameArea(c.area, w.area)) return true;
  }
  return false;
}

/** The names to read instead of the used ranges, or null when they cannot be trusted for this sheet list. */
export function namedReadPlan(current: ReadonlyMap<string, TableName>, sheets: ReadonlyArray<{ name: string }>): NamedRead[] | null {
  if (current.size === 0) return null;
  const tag = sheetsTag(sheets);
  const present = new Set(sheets.map((s) => s.name.toLowerCase()));
  const plan: NamedRead[] = [];
  for (const n of current.values()) {
    if (!n.area || n.tag !== tag || !present.has(n.sheet.toLowerCase())) return null;
    plan.push({ name: n.name, id: n.id, sheet: n.sheet });
  }
  // The names are ASCII (xzzf_A2 …): a plain comparison, the same in every engine (IE11's localeCompare follows the system locale).
  return plan.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * A named read holds when it found exactly the named tables, once each, each whole inside its name:
 * ending above the name's last row and left of its last column (otherwise it may go on outside).
 */
export function verifyNamedRead(tables: readonly RecognisedTable[], reads: ReadonlyArray<NamedRead & { area: MergeArea }>): boolean {
  if (tables.length !== reads.length) return false;
  for (const r of reads) {
    const found = tables.filter((t) => t.id === r.id);
    if (found.length !== 1) return false;
    const t = found[0];
    if (t.sheet.toLowerCase() !== r.sheet.toLowerCase()) return false;
    if (t.top < r.area.top || t.left < r.area.left || t.bottom >= r.area.bottom || t.right >= r.area.right) return false;
  }
  return true;
}
