/**
 * Which cells get which note or comment when Excel's marks change, and which note each new mark saves
 * as the cell's own: decided here from what was found on the cells, without Excel, so it can be tested
 * alone. annotations.ts loads what is found and queues the changes.
 */
import type { SavedFormat as SavedMark } from "../../engine/stateSheet";
import { markKey, markNote, type MergedMark } from "../../flows/marks";
import { decodeSaved, localAddress, sheetOfAddress } from "./cells";

/** Starts every note or comment this product adds: how 清除标记 tells its own from the user's. */
export const NOTE_PREFIX = "【填报助手】";

export interface Annotation {
  content: string;
  /** Starts with NOTE_PREFIX: this product put it there. */
  ours: boolean;
}

/** The notes and comments on the cells that matter, by markKey. */
export interface Found {
  notes: Map<string, Annotation>;
  comments: Map<string, Annotation & { id: string; sheet: string }>;
}

/** The note a new mark saves as the cell's note before it. */
export interface SavedNote {
  note: string | null;
  noteSeen: boolean;
}

export interface AnnotationChange {
  sheet: string;
  cell: string;
  kind: "delete" | "add" | "set" | "comment";
  text?: string;
}

export interface AnnotationPlan {
  /** What each newly marked cell saves as its note before the mark, by markKey. */
  notes: Map<string, SavedNote>;
  /** Nothing to do at all (Excel below 1.10 has neither notes nor comments): no comment ids to reread. */
  none: boolean;
  /** This product's comments, all removed (on sheets open to change). */
  ourComments: Array<{ id: string; sheet: string }>;
  changes: AnnotationChange[];
}

/** What a mark shows in a note or comment: the prefix, then its messages. */
export function noteOf(m: Pick<MergedMark, "messages">): string {
  return `${NOTE_PREFIX}${markNote(m.messages)}`;
}

/** What probes found, read into maps; a comment's cell is the first of its location's address. */
export function foundFrom(
  comments: Array<{ id: string; address: string; content: string }>,
  notes: Array<{ sheet: string; cell: string; content: string }>,
): Found {
  const found: Found = { notes: new Map(), comments: new Map() };
  for (const c of comments) {
    const sheet = sheetOfAddress(c.address);
    const cell = localAddress(c.address).split(":")[0];
    found.comments.set(markKey(sheet, cell), { content: c.content, ours: c.content.startsWith(NOTE_PREFIX), id: c.id, sheet });
  }
  for (const n of notes) found.notes.set(markKey(n.sheet, n.cell), { content: n.content, ours: n.content.startsWith(NOTE_PREFIX) });
  return found;
}

/**
 * Notes and comments after the marks change, and the note each new mark saves.
 * - Comments (1.10): this product's are removed; a new mark adds one unless the user has a comment there.
 * - Notes (1.18): every cell marked before gets back the note it had before its first mark (whichever
 *   host marked it); a newly marked cell shows the finding as a note unless it has a note of its own,
 *   which stays and is saved.
 * - Below 1.10 nothing is touched, and the saved entries say the note was not seen.
 */
export function planAnnotations(
  found: Found,
  previous: readonly SavedMark[],
  cells: readonly MergedMark[],
  api: { comments: boolean; notes: boolean },
): AnnotationPlan {
  const notes = new Map<string, SavedNote>();
  if (!api.comments) return { notes, none: true, ourComments: [], changes: [] };
  const changes: AnnotationChange[] = [];
  if (!api.notes) {
    for (const m of cells) {
      const a = found.comments.get(markKey(m.sheet, m.address));
      if (!a || a.ours) changes.push({ sheet: m.sheet, cell: m.address, kind: "comment", text: noteOf(m) });
    }
  } else {
    const before = new Map(previous.map((m) => [markKey(m.sheet, m.cell), decodeSaved(m.format)]));
    const marked = new Map(cells.map((m) => [markKey(m.sheet, m.address), m]));
    const places = new Map<string, { sheet: string; cell: string }>();
    for (const m of previous) places.set(markKey(m.sheet, m.cell), { sheet: m.sheet, cell: m.cell.toUpperCase() });
    for (const m of cells) places.set(markKey(m.sheet, m.address), { sheet: m.sheet, cell: m.address });
    for (const [k, at] of places) {
      const current = found.notes.get(k);
      const comment = found.comments.get(k);
      const blocked = comment !== undefined && !comment.ours;
      const saved = before.get(k);
      const original = saved && saved.noteSeen ? saved.note : current && !current.ours ? current.content : null;
      const m = marked.get(k);
      if (m) notes.set(k, { note: original, noteSeen: true });
      const wanted = m ? (original ?? (blocked ? null : noteOf(m))) : original;
      if (wanted === null) {
        if (current) changes.push({ ...at, kind: "delete" });
      } else if (!current) {
        if (!blocked) changes.push({ ...at, kind: "add", text: wanted });
      } else if (current.content !== wanted) {
        changes.push({ ...at, kind: "set", text: wanted });
      }
    }
  }
  const ourComments = [...found.comments.values()].filter((a) => a.ours).map((a) => ({ id: a.id, sheet: a.sheet }));
  return { notes, none: false, ourComments, changes };
}
