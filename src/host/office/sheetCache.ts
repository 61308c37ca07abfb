/**
 * What the Office host remembers of the workbook between operations, so that an operation does not
 * pay a round trip for it again: the sheet names, the state sheet, comment ids, this product's
 * workbook names, protection. Any of it may be stale (the user edits between operations): the host
 * retries once on fresh names when a cached name fails (OfficeHost.retryIfStale), after `forget`.
 */
import { emptyState, readState, STATE_SHEET, type WorkbookState } from "../../engine/stateSheet";
import { rangeA1 } from "../../grid/grid";
import type { OfficeApi } from "./capabilities";
import { anchorRange } from "./cells";
import { namesDiffer, readTableNames, sheetsTag, tableNameComment, type TableName, type WantedName } from "./tableNames";

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

export class SheetCache {
  /** Sheet names and visibility in workbook order, as last read; null until read. */
  sheets: SheetInfo[] | null = null;
  /** True once names were read during the current operation (a stale-name retry is then pointless). */
  namesFresh = false;
  /** The state sheet's contents as last read or written; null until known. */
  state: WorkbookState | null = null;
  /** This product's workbook names (xzzf_A2 …) as last read (ExcelApi 1.4+); null until read. */
  tableNames: Map<string, TableName> | null = null;
  /** The names the last read asks for, from the tables it found; null until a read found them. */
  wantedNames: Map<string, WantedName> | null = null;
  /** Sheets read as protected (ExcelApi 1.2+), lower-cased, to name the right one when a write is refused. */
  protectedSheets = new Set<string>();
  /** Protected sheets (lower-cased) whose options refuse fills (or notes, where this Excel adds them): 校验 does not mark there. */
  unmarkable = new Set<string>();
  /** Ids of the workbook's comments as last read (ExcelApi 1.10+); null until read. */
  commentIds: string[] | null = null;

  constructor(readonly api: OfficeApi) {}

  /** A cached name failed: everything named by it is unknown. */
  forget(): void {
    this.sheets = null;
    this.state = null;
    this.commentIds = null;
    this.tableNames = null;
  }

  known(): SheetInfo[] {
    if (!this.sheets) throw new Error("sheet names not loaded");
    return this.sheets;
  }

  currentState(): WorkbookState {
    if (!this.state) throw new Error("state not loaded");
    return this.state;
  }

  /** The sheet of that name, whatever its case (Excel's sheet names ignore case). */
  info(name: string): SheetInfo | undefined {
    const low = name.toLowerCase();
    return this.known().find((s) => s.name.toLowerCase() === low);
  }

  /** Whether 校验 leaves this sheet alone: protected so that its fills (or notes) are refused, as last read. */
  blocked(sheet: string): boolean {
    return this.unmarkable.has(sheet.toLowerCase());
  }

  resetProtection(): void {
    this.protectedSheets = new Set();
    this.unmarkable = new Set();
  }

  /**
   * Names loaded in a batch (that may also have changed cells): from here on a failure must not be
   * retried (the retry would read the cells this batch already changed).
   */
  freshNames(list: Excel.WorksheetCollection): void {
    this.sheets = list.items.map((w) => ({ name: w.name, hidden: w.visibility !== "Visible" }));
    this.namesFresh = true;
  }

  /** Takes the sheet list loaded with a read; false when it is not the one the read was planned on. */
  sameSheets(list: Excel.WorksheetCollection, planned: SheetInfo[]): boolean {
    this.freshNames(list);
    const now = this.known();
    return now.length === planned.length && now.every((s, i) => s.name === planned[i].name);
  }

  /** The state sheet was written: remember it, and the sheet when it was added. */
  stateWritten(state: WorkbookState): void {
    this.state = state;
    if (!this.info(STATE_SHEET)) this.known().push({ name: STATE_SHEET, hidden: this.api.setVisibility });
  }

  /** One round trip: sheet names, comment ids (1.10) and workbook names (1.4). */
  async loadNames(context: Excel.RequestContext): Promise<void> {
    const list = context.workbook.worksheets;
    list.load("items/name,items/visibility");
    const comments = this.api.comments ? context.workbook.comments : null;
    if (comments) comments.load("items/id");
    const names = this.queueNamesLoad(context);
    await context.sync();
    this.freshNames(list);
    if (comments) this.commentIds = comments.items.map((x) => x.id);
    if (names) this.tableNames = readTableNames(names.items);
  }

  /** Loads the workbook's names with the batch (ExcelApi 1.4+: ours can be kept). */
  queueNamesLoad(context: Excel.RequestContext): Excel.NamedItemCollection | null {
    if (!this.api.names) return null;
    const names = context.workbook.names;
    names.load("items/name,items/type,items/value,items/comment");
    return names;
  }

  /** One round trip, none when the workbook has no state sheet. */
  async loadState(context: Excel.RequestContext): Promise<void> {
    const info = this.info(STATE_SHEET);
    if (!info) {
      this.state = emptyState();
      return;
    }
    const used = context.workbook.worksheets.getItem(info.name).getUsedRange();
    used.load(["address", "values"]);
    await context.sync();
    const read = anchorRange(used.address, used.values);
    this.state = readState({ sheets: [{ name: STATE_SHEET, values: read.values, merges: [] }] });
  }

  // Workbook names of the tables (ExcelApi 1.4+), kept with the marks of 校验 or by keepTables.

  /**
   * Queues replacing this product's names by the ones the last read asks for, when they differ;
   * returns what the names will be after the sync, or null when nothing was queued.
   */
  queueNames(context: Excel.RequestContext): Map<string, TableName> | null {
    const wanted = this.wantedNames;
    const current = this.tableNames;
    if (!this.api.names || !wanted || !current) return null;
    const sheets = this.known();
    if (!namesDiffer(wanted, current, sheets)) return null;
    const tag = sheetsTag(sheets);
    const names = context.workbook.names;
    for (const n of current.values()) names.getItem(n.name).delete();
    const after = new Map<string, TableName>();
    for (const [k, w] of wanted) {
      const sheet = this.info(w.sheet)?.name ?? w.sheet;
      const range = context.workbook.worksheets.getItem(sheet).getRange(rangeA1(w.area.top, w.area.left, w.area.bottom, w.area.right));
      names.add(w.name, range, tableNameComment(w.id, tag));
      after.set(k, { ...w, sheet, tag });
    }
    return after;
  }

  async syncNames(context: Excel.RequestContext, after: Map<string, TableName> | null): Promise<void> {
    if (!after) return;
    try {
      await context.sync();
    } catch (err) {
      this.tableNames = null;
      throw err;
    }
    this.tableNames = after;
  }

  /** One Worksheet object per name for the whole Excel.run. */
  sheetGetter(context: Excel.RequestContext): (name: string) => Excel.Worksheet {
    const cache = new Map<string, Excel.Worksheet>();
    return (name) => {
      const low = name.toLowerCase();
      let ws = cache.get(low);
      if (!ws) {
        ws = context.workbook.worksheets.getItem(this.info(name)?.name ?? name);
        cache.set(low, ws);
      }
      return ws;
    };
  }
}

/** Queues a cheap load of each sheet first, so a vanished sheet fails the batch before any write. */
export function touch(sheets: (name: string) => Excel.Worksheet, names: string[]): void {
  const seen = new Set<string>();
  for (const n of names) {
    const low = n.toLowerCase();
    if (seen.has(low)) continue;
    seen.add(low);
    sheets(n).load("name");
  }
}
