/**
 * What the product keeps in the workbook itself, so it travels with the file and works on ExcelApi 1.1:
 * reviewers' 审核说明, last year's figures (for prior-mismatch without the old file), and the
 * formatting a mark replaced (so 清除标记 restores it exactly). One hidden sheet of plain rows.
 */
import type { CellValue, WorkbookSnapshot } from "../grid/grid";
import type { TableId } from "../templates/schema";

export const STATE_SHEET = "_xzzf";
const MAGIC = "xzzf-state";
const VERSION = 1;
const BANNER = "本表由行政执法统计填报助手保存审核说明、上年数和标记前的格式，请勿修改或删除。";

export interface ReviewNote {
  rule: string;
  sheet: string;
  cell: string;
  text: string;
  time: string;
}

export interface PriorFigure {
  table: TableId;
  unit: string;
  key: string;
  value: CellValue;
  source: string;
}

/** A marked cell's formatting before the mark, as the host saved it (opaque JSON to the engine). */
export interface SavedFormat {
  sheet: string;
  cell: string;
  format: string;
}

export interface WorkbookState {
  notes: ReviewNote[];
  prior: PriorFigure[];
  marks: SavedFormat[];
}

export function emptyState(): WorkbookState {
  return { notes: [], prior: [], marks: [] };
}

export function noteKey(rule: string, sheet: string, cell: string): string {
  return `${rule}\u0000${sheet}\u0000${cell}`;
}

export function priorKey(table: TableId, unit: string, key: string): string {
  return `${table}\u0000${unit.trim()}\u0000${key}`;
}

const str = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v));

export function readState(workbook: WorkbookSnapshot): WorkbookState {
  const state = emptyState();
  const sheet = workbook.sheets.find((s) => s.name === STATE_SHEET);
  if (!sheet || str(sheet.values[0]?.[0]) !== MAGIC) return state;
  for (const row of sheet.values.slice(1)) {
    if (!row) continue;
    const kind = str(row[0]);
    if (kind === "note" && str(row[4]).trim()) {
      state.notes.push({ rule: str(row[1]), sheet: str(row[2]), cell: str(row[3]), text: str(row[4]), time: str(row[5]) });
    } else if (kind === "prior" && /^A[2-5]$/.test(str(row[1]))) {
      state.prior.push({ table: str(row[1]) as TableId, unit: str(row[2]), key: str(row[3]), value: row[4] ?? null, source: str(row[5]) });
    } else if (kind === "mark") {
      state.marks.push({ sheet: str(row[1]), cell: str(row[2]), format: str(row[3]) });
    }
  }
  return state;
}

/** The state sheet's rows, for a host to write in place of the old ones. */
export function stateRows(state: WorkbookState): CellValue[][] {
  const rows: CellValue[][] = [[MAGIC, VERSION, BANNER, null, null, null]];
  for (const n of state.notes) rows.push(["note", n.rule, n.sheet, n.cell, n.text, n.time]);
  for (const p of state.prior) rows.push(["prior", p.table, p.unit, p.key, p.value, p.source]);
  for (const m of state.marks) rows.push(["mark", m.sheet, m.cell, m.format, null, null]);
  return rows.map((r) => {
    const out = r.slice();
    while (out.length < 6) out.push(null);
    return out;
  });
}

/** Adds or replaces a reviewer's note; an empty text removes it. */
export function setNote(state: WorkbookState, note: ReviewNote): WorkbookState {
  const key = noteKey(note.rule, note.sheet, note.cell);
  const notes = state.notes.filter((n) => noteKey(n.rule, n.sheet, n.cell) !== key);
  if (note.text.trim()) notes.push(note);
  return { ...state, notes };
}
