/**
 * Notes (ExcelApi 1.18) and comments (1.10) in Excel: loading what is on the cells a mark touches, and
 * queueing what annotationPlan.ts decided. No round trip of their own: both go into a mark's batches.
 */
import { markKey } from "../../flows/marks";
import { foundFrom, type AnnotationPlan, type Found } from "./annotationPlan";
import type { OfficeApi } from "./capabilities";

export interface AnnotationProbes {
  notes: Array<{ sheet: string; cell: string; note: Excel.Note }>;
  comments: Array<{ id: string; comment: Excel.Comment; location: Excel.Range }>;
}

/** Loads what notes (1.18) and comments (1.10, by the ids last read) exist on the given cells. */
export function queueProbes(
  context: Excel.RequestContext,
  api: OfficeApi,
  commentIds: readonly string[] | null,
  sheets: (name: string) => Excel.Worksheet,
  cells: Array<{ sheet: string; cell: string }>,
): AnnotationProbes {
  const probes: AnnotationProbes = { notes: [], comments: [] };
  if (api.comments) {
    for (const id of commentIds ?? []) {
      const comment = api.commentOrNull ? context.workbook.comments.getItemOrNullObject(id) : context.workbook.comments.getItem(id);
      comment.load("content");
      const location = comment.getLocation();
      location.load("address");
      probes.comments.push({ id, comment, location });
    }
  }
  if (api.notes) {
    const seen = new Set<string>();
    for (const x of cells) {
      const k = markKey(x.sheet, x.cell);
      if (seen.has(k)) continue;
      seen.add(k);
      const note = sheets(x.sheet).notes.getItemOrNullObject(x.cell.toUpperCase());
      note.load("content");
      probes.notes.push({ sheet: x.sheet, cell: x.cell.toUpperCase(), note });
    }
  }
  return probes;
}

/** What the probes found, after the sync. */
export function readProbes(api: OfficeApi, probes: AnnotationProbes): Found {
  return foundFrom(
    probes.comments
      .filter((p) => !(api.commentOrNull && p.comment.isNullObject))
      .map((p) => ({ id: p.id, address: p.location.address, content: p.comment.content ?? "" })),
    probes.notes.filter((p) => !p.note.isNullObject).map((p) => ({ sheet: p.sheet, cell: p.cell, content: p.note.content ?? "" })),
  );
}

/**
 * Queues the plan's changes on the sheets `open` allows (a protected sheet's notes are left as they
 * are), after the state write; returns the comment collection to reread the ids from, or null when
 * this Excel has no comments.
 */
export function queueAnnotations(
  context: Excel.RequestContext,
  plan: AnnotationPlan,
  sheets: (name: string) => Excel.Worksheet,
  open: (sheet: string) => boolean,
): Excel.CommentCollection | null {
  if (plan.none) return null;
  for (const a of plan.ourComments) if (open(a.sheet)) context.workbook.comments.getItem(a.id).delete();
  for (const ch of plan.changes) {
    if (!open(ch.sheet)) continue;
    const ws = sheets(ch.sheet);
    const body = ch.text ?? "";
    if (ch.kind === "comment") context.workbook.comments.add(ws.getRange(ch.cell), body);
    else if (ch.kind === "add") ws.notes.add(ch.cell, body);
    else if (ch.kind === "set") ws.notes.getItem(ch.cell).content = body;
    else ws.notes.getItem(ch.cell).delete();
  }
  const collection = context.workbook.comments;
  collection.load("items/id");
  return collection;
}
