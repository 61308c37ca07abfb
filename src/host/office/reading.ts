/**
 * Reading the workbook in Excel: the full read (every sheet's used range), the quick named read (only
 * the tables' ranges, ExcelApi 1.4+), and the read in parts for Excel on the web's 5 MB per response.
 * Each takes what it needs from the host's SheetCache and leaves there what it learnt (names, state,
 * protection, comment ids).
 */
import type { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../../grid/grid";
import { rangeA1 } from "../../grid/grid";
import { recognise } from "../../engine/recognize";
import { readState, STATE_SHEET } from "../../engine/stateSheet";
import type { OfficeApi } from "./capabilities";
import { anchorFormats, anchorRange, parseAreasAddress, sheetOfAddress } from "./cells";
import { officeErrorCode } from "./errors";
import type { SheetCache, SheetInfo } from "./sheetCache";
import { namedReadPlan, readTableNames, tableNameOf, verifyNamedRead, wantedTableNames, type NamedRead } from "./tableNames";

/**
 * Cells per batch when a read is split (Excel on the web: at most 5 MB per response). Values, number
 * formats and formulas of 20 000 ordinary cells come to well under 2 MB; a batch over the limit anyway
 * is split again.
 */
const PART_CELLS = 20000;

interface SheetRead {
  name: string;
  /** Null for a sheet a named read skips. */
  used: Excel.Range | null;
  merged?: Excel.RangeAreas;
  protection?: Excel.WorksheetProtection;
}

/** A range as loaded: its address and its cells. */
interface RangeRead {
  address: string;
  values: unknown[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
}

/** A full read, with the number formats of every sheet read when asked (the submission copy keeps them). */
export interface FullRead {
  snapshot: WorkbookSnapshot;
  formats: Map<string, string[][]>;
}

/**
 * One batch: every named sheet's used range (values, number formats, formulas), merged areas where
 * 1.13, protection where 1.2, comment ids where 1.10, workbook names where 1.4. With `checkNames`, the
 * sheet list is loaded in the same batch and null is returned when it differs from `names` (the
 * caller then reads again).
 */
export async function readValues(
  context: Excel.RequestContext,
  cache: SheetCache,
  names: SheetInfo[],
  checkNames: boolean,
  withFormats = false,
  chunked = false,
): Promise<FullRead | null> {
  const api = cache.api;
  const list = checkNames ? context.workbook.worksheets : null;
  if (list) list.load("items/name,items/visibility");
  const reads: SheetRead[] = names.map((s) => queueSheetRead(context, api, s.name, true, chunked));
  const comments = api.comments ? context.workbook.comments : null;
  if (comments) comments.load("items/id");
  const namedItems = cache.queueNamesLoad(context);
  try {
    await context.sync();
  } catch (err) {
    // A sheet renamed or deleted since the names were read (ExcelApi 1.1 has no getItemOrNullObject).
    if (checkNames && officeErrorCode(err) === "ItemNotFound") return null;
    // Excel on the web answers at most 5 MB per batch: read the used ranges' addresses, then their cells in parts.
    if (!chunked && officeErrorCode(err) === "ResponsePayloadSizeLimitExceeded") return readValues(context, cache, names, checkNames, withFormats, true);
    throw err;
  }
  if (list && !cache.sameSheets(list, names)) return null;
  if (comments) cache.commentIds = comments.items.map((x) => x.id);
  if (namedItems) cache.tableNames = readTableNames(namedItems.items);
  const parts = chunked ? await readInParts(context, api, reads) : null;
  const infos = cache.known();
  const sheets: SheetSnapshot[] = [];
  const formats = new Map<string, string[][]>();
  cache.resetProtection();
  reads.forEach((r, i) => {
    const hidden = infos[i]?.hidden ?? false;
    const snap: SheetSnapshot = { name: r.name, values: [], merges: [], ...(hidden ? { hidden: true } : {}) };
    sheets.push(snap);
    readSheetExtras(cache, r, snap);
    const used = r.used;
    if (!used || (api.orNull && used.isNullObject)) return;
    const pieces: RangeRead[] = parts ? (parts.get(i) ?? []) : [used];
    const anchored = pieces.map((x) => anchorRange(x.address, x.values, x.numberFormat, x.formulas));
    const read = anchored.length === 1 ? anchored[0] : overlay(anchored);
    snap.values = read.values;
    if (Object.keys(read.formulas).length > 0) snap.formulas = read.formulas;
    if (withFormats) {
      const all: string[][] = [];
      for (const x of pieces) {
        anchorFormats(x.address, x.numberFormat).forEach((row, r) => {
          if (row.length > 0) all[r] = row;
        });
      }
      formats.set(
        r.name,
        Array.from(all, (row) => row ?? []),
      );
    }
  });
  const snapshot: WorkbookSnapshot = { sheets };
  cache.state = readState(snapshot);
  if (api.names) cache.wantedNames = wantedTableNames(recognise(snapshot));
  return { snapshot, formats };
}

/**
 * The used ranges' cells in parts of at most PART_CELLS cells per batch (values, number formats and
 * formulas), by rows; a batch still over the web's 5 MB (long texts) is split again. One round trip
 * per batch: only a workbook too big for one batch costs more than one.
 */
async function readInParts(context: Excel.RequestContext, api: OfficeApi, reads: SheetRead[]): Promise<Map<number, RangeRead[]>> {
  type Part = { i: number; top: number; bottom: number; left: number; right: number };
  const size = (p: Part) => (p.bottom - p.top + 1) * (p.right - p.left + 1);
  const todo: Part[] = [];
  reads.forEach((r, i) => {
    const used = r.used;
    if (!used || (api.orNull && used.isNullObject)) return;
    const area = parseAreasAddress(used.address)[0];
    if (!area) return;
    const rows = Math.max(1, Math.floor(PART_CELLS / (area.right - area.left + 1)));
    for (let top = area.top; top <= area.bottom; top += rows)
      todo.push({ i, top, bottom: Math.min(area.bottom, top + rows - 1), left: area.left, right: area.right });
  });
  const out = new Map<number, RangeRead[]>();
  let budget = PART_CELLS;
  while (todo.length > 0) {
    const batch: Part[] = [];
    let cells = 0;
    while (todo.length > 0 && (batch.length === 0 || cells + size(todo[0]) <= budget)) {
      const next = todo.shift() as Part;
      batch.push(next);
      cells += size(next);
    }
    const ranges = batch.map((p) => {
      const range = context.workbook.worksheets.getItem(reads[p.i].name).getRange(rangeA1(p.top, p.left, p.bottom, p.right));
      range.load("address,values,numberFormat,formulas");
      return range;
    });
    try {
      // The one place with a sync per step: the web's 5 MB limit is what splits the read (only a workbook over it gets here).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (err) {
      if (officeErrorCode(err) !== "ResponsePayloadSizeLimitExceeded" || (batch.length === 1 && batch[0].top === batch[0].bottom)) throw err;
      budget = Math.max(1, Math.floor(budget / 2));
      const halves = batch.flatMap((p) => {
        if (p.top === p.bottom) return [p];
        const mid = p.top + Math.floor((p.bottom - p.top) / 2);
        return [
          { ...p, bottom: mid },
          { ...p, top: mid + 1 },
        ];
      });
      todo.unshift(...halves);
      continue;
    }
    ranges.forEach((range, k) => {
      const list = out.get(batch[k].i) ?? [];
      list.push({ address: range.address, values: range.values, numberFormat: range.numberFormat, formulas: range.formulas });
      out.set(batch[k].i, list);
    });
  }
  return out;
}

/** The full read on names known to be fresh. */
export async function readFull(context: Excel.RequestContext, cache: SheetCache, withFormats: boolean): Promise<FullRead> {
  const read = await readValues(context, cache, cache.known(), false, withFormats);
  if (!read) throw new Error("unreachable: a read without name check returned nothing");
  return read;
}

/** The named read this workbook allows now, or null (no names, a broken one, other sheets than when they were saved). */
export function namedPlan(cache: SheetCache, sheets: SheetInfo[]): NamedRead[] | null {
  if (!cache.api.names || !cache.tableNames) return null;
  return namedReadPlan(cache.tableNames, sheets);
}

/**
 * The quick read: only the named tables' ranges, the state sheet, and merges and protection of the
 * tables' sheets; every other sheet is listed with no values. Null when anything does not hold, for
 * the caller to read everything.
 *
 * The ranges are read by the addresses the names had when last read, never through the names: a name
 * whose sheet was deleted since is `#REF!`, and dereferencing it (NamedItem.getRange…) crashed Excel
 * (office-js #263, build 16.0.10827 of the Office 2019 volume-licence line; no fix confirmed there). The
 * names are loaded in the same batch, and the read holds only when each still says what was read
 * (rows inserted inside a table move its name's end: then everything is read again).
 */
export async function readNamed(
  context: Excel.RequestContext,
  cache: SheetCache,
  names: SheetInfo[],
  plan: NamedRead[],
  checkNames: boolean,
): Promise<WorkbookSnapshot | null> {
  const api = cache.api;
  const list = checkNames ? context.workbook.worksheets : null;
  if (list) list.load("items/name,items/visibility");
  const namedItems = context.workbook.names;
  namedItems.load("items/name,items/type,items/value,items/comment");
  const cached = cache.tableNames;
  const expected = plan.map((p) => cached?.get(tableNameOf(p.id))?.area ?? null);
  if (expected.some((a) => a === null)) return null;
  const ranges = plan.map((p, i) => {
    const area = expected[i] as MergeArea;
    const ws = context.workbook.worksheets.getItemOrNullObject(p.sheet);
    const range = ws.getRange(rangeA1(area.top, area.left, area.bottom, area.right));
    range.load("address,values,numberFormat,formulas");
    return { ws, range };
  });
  const tableSheets = new Set(plan.map((p) => p.sheet.toLowerCase()));
  const reads: Array<SheetRead | null> = names.map((s) => {
    const low = s.name.toLowerCase();
    if (tableSheets.has(low)) return queueSheetRead(context, api, s.name, false);
    if (low === STATE_SHEET.toLowerCase()) return queueSheetRead(context, api, s.name, true);
    return null;
  });
  const comments = api.comments ? context.workbook.comments : null;
  if (comments) comments.load("items/id");
  try {
    await context.sync();
  } catch {
    // A name deleted or a sheet gone since the plan: the full read says what is there.
    return null;
  }
  if (list && !cache.sameSheets(list, names)) return null;
  cache.tableNames = readTableNames(namedItems.items);
  if (comments) cache.commentIds = comments.items.map((x) => x.id);
  const live = namedReadPlan(cache.tableNames, cache.known());
  if (!live || live.map((p) => p.name).join() !== plan.map((p) => p.name).join()) return null;
  const areas: Array<NamedRead & { area: MergeArea }> = [];
  const bySheet = new Map<string, Array<{ values: CellValue[][]; formulas: Record<string, string> }>>();
  for (let i = 0; i < plan.length; i++) {
    const now = cache.tableNames.get(tableNameOf(plan[i].id));
    const was = expected[i] as MergeArea;
    if (
      !now?.area ||
      now.sheet.toLowerCase() !== plan[i].sheet.toLowerCase() ||
      rangeA1(now.area.top, now.area.left, now.area.bottom, now.area.right) !== rangeA1(was.top, was.left, was.bottom, was.right)
    )
      return null;
    const { ws, range } = ranges[i];
    if (ws.isNullObject) return null;
    const area = parseAreasAddress(range.address)[0];
    if (!area || sheetOfAddress(range.address).toLowerCase() !== plan[i].sheet.toLowerCase()) return null;
    areas.push({ ...plan[i], area });
    const low = plan[i].sheet.toLowerCase();
    const parts = bySheet.get(low) ?? [];
    parts.push(anchorRange(range.address, range.values, range.numberFormat, range.formulas));
    bySheet.set(low, parts);
  }
  const sheets: SheetSnapshot[] = [];
  cache.resetProtection();
  cache.known().forEach((info, i) => {
    const snap: SheetSnapshot = { name: info.name, values: [], merges: [], ...(info.hidden ? { hidden: true } : {}) };
    sheets.push(snap);
    const r = reads[i];
    if (!r) return;
    readSheetExtras(cache, r, snap);
    const parts = bySheet.get(info.name.toLowerCase());
    if (parts) {
      const merged = overlay(parts);
      snap.values = merged.values;
      if (Object.keys(merged.formulas).length > 0) snap.formulas = merged.formulas;
    } else if (r.used && !(api.orNull && r.used.isNullObject)) {
      snap.values = anchorRange(r.used.address, r.used.values).values;
    }
  });
  const snapshot: WorkbookSnapshot = { sheets };
  const tables = recognise(snapshot);
  if (!verifyNamedRead(tables, areas)) return null;
  cache.state = readState(snapshot);
  cache.wantedNames = wantedTableNames(tables);
  return snapshot;
}

/** Merged areas (1.13) and protection (1.2) of a sheet read in the batch. */
function readSheetExtras(cache: SheetCache, r: SheetRead, snap: SheetSnapshot): void {
  const api = cache.api;
  if (r.protection) {
    const low = r.name.toLowerCase();
    if (r.protection.protected) {
      cache.protectedSheets.add(low);
      // Excel.WorksheetProtectionOptions: fills need allowFormatCells; notes and comments are objects.
      const o = r.protection.options;
      if (!o.allowFormatCells || (api.comments && !o.allowEditObjects)) cache.unmarkable.add(low);
    }
  }
  if (r.merged && !r.merged.isNullObject) snap.merges = parseAreasAddress(r.merged.address);
}

function queueSheetRead(context: Excel.RequestContext, api: OfficeApi, name: string, withUsed: boolean, addressOnly = false): SheetRead {
  const ws = api.orNull ? context.workbook.worksheets.getItemOrNullObject(name) : context.workbook.worksheets.getItem(name);
  let used: Excel.Range | null = null;
  if (withUsed) {
    // valuesOnly: a column formatted to the bottom of the sheet must not make the read a million rows.
    used = api.orNull ? ws.getUsedRangeOrNullObject(true) : api.usedRangeValuesOnly ? ws.getUsedRange(true) : ws.getUsedRange();
    used.load(addressOnly ? "address" : "address,values,numberFormat,formulas");
  }
  const read: SheetRead = { name, used };
  if (api.mergedAreas) {
    // The whole sheet: merges are formatting, and the values-only used range may be null.
    read.merged = ws.getRange().getMergedAreasOrNullObject();
    read.merged.load("address");
  }
  if (api.protection) {
    read.protection = ws.protection;
    read.protection.load("protected,options");
  }
  return read;
}

/** Several anchored reads of one sheet as one: every value any of them holds. */
function overlay(parts: Array<{ values: CellValue[][]; formulas: Record<string, string> }>): { values: CellValue[][]; formulas: Record<string, string> } {
  const values: CellValue[][] = [];
  const formulas: Record<string, string> = {};
  for (const p of parts) {
    p.values.forEach((row, r) => {
      while (values.length <= r) values.push([]);
      const line = values[r];
      row.forEach((v, c) => {
        while (line.length <= c) line.push(null);
        if (v !== null) line[c] = v;
      });
    });
    Object.assign(formulas, p.formulas);
  }
  return { values, formulas };
}
