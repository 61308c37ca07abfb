/**
 * 生成报送副本 inside Excel, the part without Office objects: which sheets go into the copy, their
 * values (formulas already computed), number formats and merges, how each cell is drawn, and the
 * base64 Excel.createWorkbook takes. What is left out is left out by construction: only sheets
 * holding a recognised table are copied, from values, so the state sheet, the 审核报告, marks, notes,
 * comments, formulas and workbook names never reach the copy.
 */
import type { CellValue, MergeArea, WorkbookSnapshot } from "../../grid/grid";
import type { RecognisedTable } from "../../engine/model";
import { recognise } from "../../engine/recognize";
import { STATE_SHEET } from "../../engine/stateSheet";
import { AUDIT_SHEET } from "../../templates/tables";
import type { CellRole } from "../../templates/layout";
import { layoutFor } from "../../templates/layout";
import type { TableId } from "../../templates/schema";
import { TABLE_IDS } from "../../templates/tables";

export interface CopySheet {
  /** The sheet's name in the copy. */
  name: string;
  /** The sheet it was copied from. */
  source: string;
  /** Values anchored at A1, as the snapshot holds them. */
  values: CellValue[][];
  /** Number formats anchored like `values` ("General" where unknown). */
  formats: string[][];
  /** Merged areas as read (ExcelApi 1.13), else the ones the official layout puts where the cells allow. */
  merges: MergeArea[];
  tables: RecognisedTable[];
  /** Column widths in characters, from column A (the official layout's, where a table starts). */
  colWidths: number[];
}

export interface SubmissionPlan {
  sheets: CopySheet[];
  tables: TableId[];
}

/** Prefix of the sheets added to the current workbook where no new workbook can be made. */
export const COPY_SHEET_PREFIX = "报送-";

const lower = (s: string) => s.toLowerCase();

/**
 * The copy's sheets: every sheet holding a recognised table, in workbook order, except the state and
 * 审核报告 sheets. A hidden sheet, or a copy made before (`报送-…`), goes in only when it holds a table
 * no other visible sheet holds (an old copy of a table must not be submitted next to the real one).
 * `inWorkbook` names the sheets `报送-附件2` … (free names among `taken`); otherwise they keep their names.
 */
export function planSubmission(
  snapshot: WorkbookSnapshot,
  formats: ReadonlyMap<string, string[][]>,
  opts: { inWorkbook: boolean; taken?: readonly string[] },
): SubmissionPlan {
  const skip = new Set([lower(STATE_SHEET), lower(AUDIT_SHEET)]);
  const tables = recognise(snapshot).filter((t) => !skip.has(lower(t.sheet)));
  // A hidden sheet or an earlier copy (报送-…) is a second copy of a table: left out when a visible sheet of the clerk's holds it.
  const secondary = new Set(snapshot.sheets.filter((s) => s.hidden || s.name.startsWith(COPY_SHEET_PREFIX)).map((s) => s.name));
  const visibleIds = new Set(tables.filter((t) => !secondary.has(t.sheet)).map((t) => t.id));
  const taken = new Set((opts.taken ?? snapshot.sheets.map((s) => s.name)).map(lower));
  const sheets: CopySheet[] = [];
  for (const sheet of snapshot.sheets) {
    const own = tables.filter((t) => t.sheet === sheet.name);
    if (own.length === 0) continue;
    if (secondary.has(sheet.name) && own.every((t) => visibleIds.has(t.id))) continue;
    let name = sheet.name;
    if (opts.inWorkbook) {
      name = freeName(`${COPY_SHEET_PREFIX}${own.map((t) => `附件${t.id.slice(1)}`).join("、")}`.slice(0, 31), taken);
      taken.add(lower(name));
    }
    const values = sheet.values.map((r) => [...(r ?? [])]);
    const given = formats.get(sheet.name) ?? [];
    const known = sheet.merges.length > 0;
    sheets.push({
      name,
      source: sheet.name,
      values,
      formats: values.map((r, i) => r.map((_, j) => given[i]?.[j] ?? "General")),
      merges: known ? sheet.merges.map((m) => ({ ...m })) : own.flatMap((t) => layoutMerges(t, values)),
      tables: own,
      colWidths: widthsFor(own[0]),
    });
  }
  const ids = new Set(sheets.flatMap((s) => s.tables.map((t) => t.id)));
  return { sheets, tables: TABLE_IDS.filter((id) => ids.has(id)) };
}

/** `报送-附件2`, else `报送-附件2 (2)`, … (Excel compares sheet names without case). */
function freeName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(lower(wanted))) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${wanted.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.has(lower(name))) return name;
  }
}

function widthsFor(t: RecognisedTable): number[] {
  const official = layoutFor(t.id, { year: t.year ?? 2000 }).colWidths;
  return [...Array.from({ length: t.left }, () => 9), ...official];
}

const isEmpty = (v: CellValue | undefined) => v === null || v === undefined || v === "";

/**
 * Merges of the official layout that the table's own cells allow, for an Excel that could not read
 * merges (below 1.13): the title across the table, and in 附件2/3 each category label over its two
 * year columns and each ratio and explanation over the same two. An area is merged only when all
 * but its first cell are empty, so no value is ever hidden.
 */
export function layoutMerges(t: RecognisedTable, values: CellValue[][]): MergeArea[] {
  const areas: MergeArea[] = [];
  const at = (r: number, c: number) => values[r]?.[c];
  const add = (top: number, left: number, bottom: number, right: number) => {
    if (bottom === top && right === left) return;
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if ((r !== top || c !== left) && !isEmpty(at(r, c))) return;
    areas.push({ top, left, bottom, right });
  };
  if (t.title) add(t.title.row, t.left, t.title.row, t.right);
  if (t.shape === "yearly") {
    for (const yh of Object.values(t.yearHeaders)) {
      if (yh.prior.row > 0) add(yh.prior.row - 1, yh.prior.col, yh.prior.row - 1, yh.current.col);
    }
    for (const b of t.blocks) {
      for (const cat of Object.values(b.categories)) {
        for (const slot of [cat.ratio, cat.explanation]) if (slot) add(slot.row, slot.col, slot.row, Math.max(slot.col, cat.current.col));
      }
    }
  }
  return areas;
}

/** The first row of the table's body. */
function bodyTop(t: RecognisedTable): number {
  if (t.shape === "yearly") return t.blocks[0]?.valueRow ?? t.bottom + 1;
  return t.rows[0]?.row ?? t.bottom + 1;
}

/** The first header row: below the title and the unit/contact line. */
export function headerTop(t: RecognisedTable): number {
  const above = [t.title?.row, t.unitLine?.row, t.contact?.row].filter((r): r is number => r !== undefined);
  return above.length > 0 ? Math.max(...above) + 1 : t.top;
}

/**
 * How each cell of the table is drawn, by `row,col` (0-based), in the roles the template renderer
 * knows; cells inside the grid (header and body) also get borders.
 */
export function cellRoles(t: RecognisedTable, values: CellValue[][]): { roles: Map<string, CellRole>; grid: MergeArea } {
  const roles = new Map<string, CellRole>();
  const put = (r: number, c: number, role: CellRole) => roles.set(`${r},${c}`, role);
  const head = headerTop(t);
  const body = bodyTop(t);
  for (let r = t.top; r < (t.title?.row ?? t.top); r++) put(r, t.left, "attachment");
  if (t.title) put(t.title.row, t.title.col, "title");
  if (t.unitLine) put(t.unitLine.row, t.unitLine.col, "meta");
  if (t.contact) put(t.contact.row, t.contact.col, "meta");
  for (let r = head; r < body; r++) for (let c = t.left; c <= t.right; c++) put(r, c, "header");
  for (let r = body; r <= t.bottom; r++) for (let c = t.left; c <= t.right; c++) put(r, c, c === t.left ? "seq" : "label");
  if (t.shape === "yearly") {
    for (const b of t.blocks) {
      for (const cat of Object.values(b.categories)) {
        put(cat.prior.row, cat.prior.col, "value");
        put(cat.current.row, cat.current.col, "value");
        if (cat.ratio) for (let c = cat.ratio.col; c <= cat.current.col; c++) put(cat.ratio.row, c, "ratio");
        if (cat.explanation) for (let c = cat.explanation.col; c <= cat.current.col; c++) put(cat.explanation.row, c, "explanation");
      }
    }
  } else {
    const first = t.def.columns[0]?.key;
    for (const row of t.rows) for (const [k, slot] of Object.entries(row.cells)) put(slot.row, slot.col, k === first ? "label" : "value");
  }
  // The notes under the table, up to the first empty row.
  for (let r = t.bottom + 1; r < values.length && !isEmpty(values[r]?.[t.left]); r++) put(r, t.left, "note");
  return { roles, grid: { top: head, left: t.left, bottom: t.bottom, right: t.right } };
}

/** Base64 of bytes, in chunks (a spread of a whole workbook would overflow the call stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
