/**
 * Marks in Excel: 校验's fills, notes and record in the state sheet, and 清除标记 putting back what was
 * there. The state sheet records each marked cell's format from before its first mark, and is written
 * before the fills it records, so a mark is never set unrecorded (a batch is not a transaction).
 */
import { fromA1 } from "../../grid/grid";
import { markKey, type MergedMark } from "../../flows/marks";
import { STATE_SHEET, stateRows, type SavedFormat as SavedMark, type WorkbookState } from "../../engine/stateSheet";
import { MARK_FILLS, type HostNotice } from "../types";
import { planAnnotations } from "./annotationPlan";
import { queueAnnotations, queueProbes, readProbes } from "./annotations";
import { decodeSaved, encodeSaved, fillFrom } from "./cells";
import { protectedSkipNotice } from "./errors";
import { queueRows } from "./layout";
import { touch, type SheetCache } from "./sheetCache";

/** Where a mark or clear tells what it could not do but did not fail for. */
type Warn = (notice: HostNotice) => void;

function liveMarks(cache: SheetCache): SavedMark[] {
  return cache.currentState().marks.filter((m) => cache.info(m.sheet) && fromA1(m.cell));
}

/** Tells the clerk which protected sheets kept no marks, and what to do. */
function warnProtected(cache: SheetCache, warn: Warn, sheetsSkipped: string[], cellsSkipped: number, leftOver: number): void {
  const names = [...new Set(sheetsSkipped.map((n) => cache.info(n)?.name ?? n))];
  if (names.length > 0) warn(protectedSkipNotice(names, cellsSkipped, leftOver));
}

/**
 * 校验's marks in two round trips (the header of officeHost.ts says how), on names and state the
 * caller has loaded; the previous marks are restored in the same batches.
 */
export async function markCells(context: Excel.RequestContext, cache: SheetCache, wanted: MergedMark[], warn: Warn): Promise<void> {
  const api = cache.api;
  const live = liveMarks(cache);
  if (wanted.length === 0 && cache.currentState().marks.length === 0) return;
  // Protected sheets (as this 校验's read found them) keep what they have: their old marks stay recorded.
  const previous = live.filter((m) => !cache.blocked(m.sheet));
  const kept = live.filter((m) => cache.blocked(m.sheet));
  const cells = wanted.filter((m) => !cache.blocked(m.sheet));
  const skipped = wanted.filter((m) => cache.blocked(m.sheet));
  const sheets = cache.sheetGetter(context);

  // Batch 1. Loads first (a stale sheet or comment fails here, before anything changed), then the
  // restore of the old marks (each recorded), then each target's fill (read after the restore).
  const list = context.workbook.worksheets;
  list.load("items/name,items/visibility");
  touch(sheets, [...previous.map((m) => m.sheet), ...cells.map((m) => m.sheet)]);
  const probes = queueProbes(context, api, cache.commentIds, sheets, [
    ...previous.map((m) => ({ sheet: m.sheet, cell: m.cell })),
    ...cells.map((m) => ({ sheet: m.sheet, cell: m.address })),
  ]);
  for (const m of previous) queueRestore(sheets, m);
  const fills = cells.map((m) => {
    const fill = sheets(m.sheet).getRange(m.address).format.fill;
    fill.load(api.fillTint ? "color,tintAndShade" : "color");
    return fill;
  });
  await context.sync();
  cache.freshNames(list);

  // Batch 2. The record first, then the fills it records, then notes (a note that cannot be added
  // leaves the fills and the record in place), then the tables' names (no round trip of their own).
  const plan = planAnnotations(readProbes(api, probes), previous, cells, api);
  const marks: SavedMark[] = cells.map((m, i) => {
    const fill = fillFrom(fills[i].color, api.fillTint ? fills[i].tintAndShade : undefined, api.fillTint);
    const note = plan.notes.get(markKey(m.sheet, m.address)) ?? { note: null, noteSeen: false };
    return { sheet: cache.info(m.sheet)?.name ?? m.sheet, cell: m.address.toUpperCase(), format: encodeSaved({ fill, ...note }) };
  });
  const before = cache.currentState();
  const state: WorkbookState = { ...before, marks: [...kept, ...marks] };
  const hadStateSheet = cache.info(STATE_SHEET) !== undefined;
  const paint = () => {
    queueStateWrite(context, cache, state);
    cells.forEach((m) => {
      sheets(m.sheet).getRange(m.address).format.fill.color = MARK_FILLS[m.severity];
    });
  };
  paint();
  const reload = queueAnnotations(context, plan, sheets, (sheet) => !cache.blocked(sheet));
  const named = cache.queueNames(context);
  let complete: boolean;
  try {
    complete = await syncMarks(
      context,
      cache,
      warn,
      reload,
      () => {
        if (!hadStateSheet) cache.stateWritten(state);
        paint();
      },
      () => {
        // The old marks were restored by batch 1: the record keeps only the protected sheets' ones.
        queueStateWrite(context, cache, { ...before, marks: kept });
        for (const m of marks) queueRestore(sheets, m);
      },
    );
  } catch (err) {
    if (named) cache.tableNames = null;
    // What the failed batches left (the state sheet added or not) is not known: read the names afresh next time.
    cache.sheets = null;
    cache.state = null;
    throw err;
  }
  cache.stateWritten(state);
  if (named) cache.tableNames = complete ? named : null;
  warnProtected(cache, warn, skipped.map((m) => m.sheet).concat(kept.map((m) => m.sheet)), skipped.length, kept.length);
}

/** 清除标记: one round trip below ExcelApi 1.10, two where notes or comments exist. */
export async function clearCells(context: Excel.RequestContext, cache: SheetCache, warn: Warn): Promise<void> {
  const api = cache.api;
  const live = liveMarks(cache);
  if (cache.currentState().marks.length === 0) return;
  // A protected sheet's marks stay (and stay recorded); the protection is looked at again next time.
  const previous = live.filter((m) => !cache.blocked(m.sheet));
  const kept = live.filter((m) => cache.blocked(m.sheet));
  cache.unmarkable = new Set();
  const state: WorkbookState = { ...cache.currentState(), marks: kept };
  const sheets = cache.sheetGetter(context);
  touch(
    sheets,
    previous.map((m) => m.sheet),
  );
  if (!api.comments) {
    for (const m of previous) queueRestore(sheets, m);
    queueStateWrite(context, cache, state);
    await context.sync();
    cache.stateWritten(state);
    warnProtected(
      cache,
      warn,
      kept.map((m) => m.sheet),
      0,
      kept.length,
    );
    return;
  }
  const list = context.workbook.worksheets;
  list.load("items/name,items/visibility");
  const probes = queueProbes(
    context,
    api,
    cache.commentIds,
    sheets,
    previous.map((m) => ({ sheet: m.sheet, cell: m.cell })),
  );
  for (const m of previous) queueRestore(sheets, m);
  await context.sync();
  cache.freshNames(list);
  const plan = planAnnotations(readProbes(api, probes), previous, [], api);
  queueStateWrite(context, cache, state);
  const keptSheets = new Set(kept.map((m) => m.sheet.toLowerCase()));
  const reload = queueAnnotations(context, plan, sheets, (sheet) => !keptSheets.has(sheet.toLowerCase()));
  await syncMarks(context, cache, warn, reload, () => queueStateWrite(context, cache, state), null);
  cache.stateWritten(state);
  warnProtected(
    cache,
    warn,
    kept.map((m) => m.sheet),
    0,
    kept.length,
  );
}

function queueRestore(sheets: (name: string) => Excel.Worksheet, m: SavedMark): void {
  const saved = decodeSaved(m.format);
  const fill = sheets(m.sheet).getRange(m.cell).format.fill;
  if (saved.fill === null) fill.clear();
  else fill.color = saved.fill;
}

/**
 * The last sync of a mark or clear: the record, the fills, then notes and comments. Office does not say
 * which statement failed (nor are the codes the same everywhere), so a failure is told apart by doing
 * the record and fills again without the notes (`redo`): when that holds, only a note or comment could
 * not be added (a cell holding a note Excel 1.10–1.17 cannot see) and that is a warning. When it fails
 * too, `undo` restores what the record says, in the order the fills were set, so the refused statement
 * stops it exactly where the fills stopped; the first error is thrown.
 */
async function syncMarks(
  context: Excel.RequestContext,
  cache: SheetCache,
  warn: Warn,
  reload: Excel.CommentCollection | null,
  redo: () => void,
  undo: (() => void) | null,
): Promise<boolean> {
  try {
    await context.sync();
  } catch (err) {
    cache.commentIds = null;
    redo();
    try {
      await context.sync();
    } catch {
      if (undo) {
        undo();
        try {
          await context.sync();
        } catch {
          // Refused where the fills were refused: nothing after it had been set.
        }
      }
      throw err;
    }
    if (reload) {
      warn({
        message: "部分单元格已有备注或批注，未能添加问题说明；这些问题仍在任务窗格中列出，单元格底色已标记。",
        messageEn:
          "Some cells already have a note or comment, so the finding could not be added there; the findings are still listed in the pane and the cells are filled.",
      });
    }
    return false;
  }
  if (reload) cache.commentIds = reload.items.map((x) => x.id);
  return true;
}

/** Replaces the state sheet's rows, adding (and hiding, where 1.2) the sheet when it is missing. */
export function queueStateWrite(context: Excel.RequestContext, cache: SheetCache, state: WorkbookState): void {
  const info = cache.info(STATE_SHEET);
  let ws: Excel.Worksheet;
  if (info) {
    ws = context.workbook.worksheets.getItem(info.name);
    ws.getRange().clear();
  } else {
    ws = context.workbook.worksheets.add(STATE_SHEET);
    if (cache.api.setVisibility) ws.visibility = "VeryHidden";
  }
  queueRows(ws, stateRows(state));
}
