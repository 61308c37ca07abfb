/**
 * The workbook open in Excel, through Office.js. Core flows use ExcelApi 1.1 members only (Office
 * 2016); richer members are used where `isSetSupported` says so (see capabilities.ts).
 *
 * Round trips are what make an add-in slow, so every operation costs a fixed number of
 * `context.sync()` calls whatever the number of tables, cells or findings (never a sync in a loop, but
 * for a read over Excel on the web's 5 MB, below):
 * - readSnapshot: 1 when the sheet names are known from the previous operation (they are loaded in
 *   the same batch and compared), else 2 (names, then every sheet's used range or the named tables);
 *   one more when the sheets changed since, or a named read was found wanting. On Excel on the web a
 *   read over its 5 MB per response fails and is done again in parts: one round trip for the used
 *   ranges' addresses, then one per part of at most PART_CELLS cells (only such a workbook pays them).
 * - mark: 2 — one batch restores the previous marks and loads each target cell's fill (read after the
 *   restore: Office runs a batch in order); the second records the marks in the state sheet, then sets
 *   the fills, then adds notes or comments. A batch is not a transaction (the statements before a
 *   failing one stay applied), so a mark is never set before it is recorded, and sheets whose
 *   protection refuses fills (ExcelApi 1.2+) are left alone. When the second batch fails anyway (a sheet
 *   protected on ExcelApi 1.1, where protection cannot be read) it is run again without the notes, and
 *   when that fails too the marks it set are restored from the record: each failure costs one or two
 *   round trips more, the normal path none.
 * - clearMarks: 1 on ExcelApi < 1.10 (restore + state), 2 where notes or comments exist.
 * - writeValues, writeState, writeSheet, select: 1. insertSheets: 2 (fresh names, then all sheets).
 * - keepTables: 0 when the workbook names already say where the tables are, else 1.
 * - submissionCopy: the read, then 1 to add the copy's sheets (below 1.8), or none (a new workbook
 *   is opened outside the batch).
 * Each may add one read of names (and of the state sheet) the first time, before anything is known,
 * and one retry when a sheet was renamed or deleted since the names were read.
 *
 * From ExcelApi 1.4 the host keeps a workbook name per recognised table (`xzzf_A2` … `xzzf_A5`,
 * tableNames.ts), written with the marks of 校验 (no extra round trip) or by keepTables after 识别. A
 * read then loads only those ranges (and the state sheet) instead of every sheet's used range, and
 * falls back to the full read when a name is broken, the sheets changed, or a table is not found
 * whole inside its name.
 *
 * The mark rows of the state sheet belong to this host: `writeState` keeps the marks the workbook
 * holds, whatever mark rows the caller passes (a caller's state may predate the last 校验).
 */
import type { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../../grid/grid";
import { colToLetters, fromA1, rangeA1 } from "../../grid/grid";
import { recognise } from "../../engine/recognize";
import { SEVERITY_ORDER } from "../../engine/findings";
import { emptyState, readState, STATE_SHEET, stateRows, type SavedFormat as SavedMark, type WorkbookState } from "../../engine/stateSheet";
import type { LayoutCell, SheetLayout } from "../../templates/layout";
import { MARK_FILLS, type CellMark, type CellWrite, type HostCapabilities, type HostNotice, type SubmissionCopyResult, type WorkbookHost } from "../types";
import { detectCapabilities, officeIsSetSupported, type CapabilityCost, type IsSetSupported, type OfficeApi } from "./capabilities";
import {
  anchorFormats,
  anchorRange,
  charsToPoints,
  decodeSaved,
  encodeSaved,
  fillFrom,
  localAddress,
  needsTextFormat,
  parseAreasAddress,
  sheetNameProblem,
  sheetOfAddress,
  toGrid,
} from "./cells";
import {
  badAddressError,
  hiddenSheetError,
  missingSheetError,
  officeErrorCode,
  OfficeHostError,
  protectedSheetError,
  protectedSkipNotice,
  readOnlyError,
  sheetExistsError,
  toHostError,
  type ErrorContext,
  type ErrorTarget,
} from "./errors";
import { bytesToBase64, planSubmission, type CopySheet } from "./submission";
import {
  namedReadPlan,
  namesDiffer,
  readTableNames,
  sheetsTag,
  tableNameComment,
  tableNameOf,
  verifyNamedRead,
  wantedTableNames,
  type NamedRead,
  type TableName,
  type WantedName,
} from "./tableNames";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeHostOptions {
  /** Defaults to `Excel.run`; tests pass a fake. */
  run?: ExcelRun;
  /** Defaults to `Office.context.requirements.isSetSupported`. */
  isSetSupported?: IsSetSupported;
  /** Defaults to `Excel.createWorkbook` (ExcelApi 1.8); tests pass a fake. */
  createWorkbook?: (base64: string) => Promise<void>;
  /**
   * 生成报送副本 always as sheets in this workbook, even where Excel could open a new one: the classic
   * pane (Office 2019 in Trident) has no ExcelJS to build the new workbook's .xlsx.
   */
  copyIntoWorkbook?: boolean;
}

/** Starts every note or comment this product adds: how 清除标记 tells its own from the user's. */
export const NOTE_PREFIX = "【填报助手】";

const HEADER_ROW_HEIGHT = 45;

/**
 * Cells per batch when a read is split (Excel on the web: at most 5 MB per response). Values, number
 * formats and formulas of 20 000 ordinary cells come to well under 2 MB; a batch over the limit anyway
 * is split again.
 */
const PART_CELLS = 20000;

interface SheetInfo {
  name: string;
  hidden: boolean;
}

/** One cell to mark: marks of several findings on one cell merged (most severe fill, all messages). */
interface CellToMark {
  sheet: string;
  address: string;
  severity: CellMark["severity"];
  messages: string[];
}

interface Annotation {
  content: string;
  /** Starts with NOTE_PREFIX: this product put it there. */
  ours: boolean;
}

/** The notes and comments on the cells that matter, by cellKey. */
interface Found {
  notes: Map<string, Annotation>;
  comments: Map<string, Annotation & { id: string; sheet: string }>;
}

/** The note a new mark saves as the cell's note before it. */
interface SavedNote {
  note: string | null;
  noteSeen: boolean;
}

interface AnnotationProbes {
  notes: Array<{ sheet: string; cell: string; note: Excel.Note }>;
  comments: Array<{ id: string; comment: Excel.Comment; location: Excel.Range }>;
}

interface SheetRead {
  name: string;
  /** Null for a sheet a named read skips. */
  used: Excel.Range | null;
  merged?: Excel.RangeAreas;
  protection?: Excel.WorksheetProtection;
}

const cellKey = (sheet: string, cell: string) => `${sheet.toLowerCase()}\u0000${cell.toUpperCase()}`;

const SINGLE_OR_RANGE = /^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;

function defaultRun(): ExcelRun {
  return (batch) => Excel.run(batch);
}

function defaultCreateWorkbook(base64: string): Promise<void> {
  return Excel.createWorkbook(base64);
}

/** A full read, with the number formats of every sheet read when asked (the submission copy keeps them). */
interface FullRead {
  snapshot: WorkbookSnapshot;
  formats: Map<string, string[][]>;
}

export class OfficeHost implements WorkbookHost {
  readonly capabilities: HostCapabilities;
  readonly api: OfficeApi;
  /** What the missing ExcelApi sets cost, one sentence each, for the pane to show once. */
  readonly costs: CapabilityCost[];
  private readonly run: ExcelRun;
  private readonly createWorkbookFn: (base64: string) => Promise<void>;
  private readonly copyIntoWorkbook: boolean;
  /** Things operations could not do but did not fail for (a note that could not be added), until taken. */
  private notices: HostNotice[] = [];
  /** This product's workbook names (xzzf_A2 …) as last read (ExcelApi 1.4+); null until read. */
  private tableNames: Map<string, TableName> | null = null;
  /** The names the last read asks for, from the tables it found; null until a read found them. */
  private wantedNames: Map<string, WantedName> | null = null;
  /** Sheet names and visibility in workbook order, as last read; null until read. */
  private sheets: SheetInfo[] | null = null;
  /** True once names were read during the current operation (a stale-name retry is then pointless). */
  private namesFresh = false;
  /** The state sheet's contents as last read or written; null until known. */
  private state: WorkbookState | null = null;
  /** Sheets read as protected (ExcelApi 1.2+), to name the right one when a write is refused. */
  private protectedSheets = new Set<string>();
  /** Protected sheets whose options refuse fills (or notes, where this Excel adds them): 校验 does not mark there. */
  private unmarkable = new Set<string>();
  /** Ids of the workbook's comments as last read (ExcelApi 1.10+); null until read. */
  private commentIds: string[] | null = null;

  constructor(options: OfficeHostOptions = {}) {
    const detected = detectCapabilities(options.isSetSupported ?? officeIsSetSupported());
    this.capabilities = detected.capabilities;
    this.api = detected.api;
    this.costs = detected.costs;
    this.run = options.run ?? defaultRun();
    this.createWorkbookFn = options.createWorkbook ?? defaultCreateWorkbook;
    this.copyIntoWorkbook = options.copyIntoWorkbook === true;
  }

  /** Things operations since the last takeWarnings could not do but did not fail for. */
  get warnings(): readonly HostNotice[] {
    return this.notices;
  }

  takeWarnings(): HostNotice[] {
    const out = this.notices;
    this.notices = [];
    return out;
  }

  private warn(notice: HostNotice): void {
    if (!this.notices.some((n) => n.message === notice.message)) this.notices.push(notice);
  }

  // ------------------------------------------------------------------------------------------
  // Operations

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return this.read(true);
  }

  /** The full read, never the named one: 识别 and 插入模板 must see a table pasted into any sheet. */
  async readSnapshotFull(): Promise<WorkbookSnapshot> {
    return this.read(false);
  }

  private read(useNames: boolean): Promise<WorkbookSnapshot> {
    return this.operation({ action: "读取工作簿", actionEn: "read the workbook" }, async (context) => {
      let namedTried = !useNames;
      const known = this.sheets;
      if (known) {
        const plan = namedTried ? null : this.namedPlan(known);
        if (plan) {
          namedTried = true;
          const named = await this.readNamed(context, known, plan, true);
          if (named) return named;
        } else {
          const warm = await this.readValues(context, known, true);
          if (warm) return warm.snapshot;
        }
      }
      if (!this.namesFresh) await this.loadNames(context);
      const plan = namedTried ? null : this.namedPlan(this.knownSheets());
      if (plan) {
        const named = await this.readNamed(context, this.knownSheets(), plan, false);
        if (named) return named;
      }
      return (await this.readFull(context, false)).snapshot;
    });
  }

  /**
   * Saves a workbook name per recognised table (ExcelApi 1.4+) when the last read found them somewhere
   * else than the names say; one round trip then, none otherwise. 校验 saves them with its marks.
   */
  async keepTables(): Promise<void> {
    if (!this.api.names || !this.sheets || !this.wantedNames || !namesDiffer(this.wantedNames, this.tableNames, this.knownSheets())) return;
    await this.operation({ action: "保存表格位置", actionEn: "save where the tables are" }, (context) =>
      this.retryIfStale(context, async () => {
        await this.prepare(context, false);
        if (!this.tableNames) await this.loadNames(context);
        await this.syncNames(context, this.queueNames(context));
      }),
    );
  }

  /**
   * 生成报送副本: the finished tables as values only, without marks, notes, formulas, helper names or
   * hidden data. From ExcelApi 1.8 a new workbook opens holding the copy (its .xlsx is built here, with
   * ExcelJS loaded now); below, sheets `报送-附件2` … are added to this workbook in one write, for the
   * user to move into a new workbook. This workbook's own sheets are never changed.
   */
  async submissionCopy(): Promise<SubmissionCopyResult> {
    const inWorkbook = !this.api.createWorkbook || this.copyIntoWorkbook;
    const ctx: ErrorContext = { action: "生成报送副本", actionEn: "make the submission copy" };
    const plan = await this.operation(ctx, async (context) => {
      let read: FullRead | null = null;
      if (this.sheets) read = await this.readValues(context, this.sheets, true, true);
      if (!read) {
        if (!this.namesFresh) await this.loadNames(context);
        read = await this.readFull(context, true);
      }
      const planned = planSubmission(read.snapshot, read.formats, { inWorkbook, taken: this.knownSheets().map((x) => x.name) });
      if (planned.sheets.length === 0) {
        throw new OfficeHostError(
          "NoTables",
          "没有识别到附件2–5 的统计表，未生成报送副本。请先“识别”或“插入模板”。",
          "No table of Annex 2–5 was recognised; no submission copy was made. Use Recognise or Insert templates first.",
        );
      }
      if (inWorkbook) {
        // The names were loaded with the read, so the copy's sheet names are free.
        ctx.addingSheet = planned.sheets[0].name;
        ctx.targets = planned.sheets.map((x) => ({ sheet: x.name, cell: "A1" }));
        for (const x of planned.sheets) this.queueCopySheet(context.workbook.worksheets.add(x.name), x);
        await context.sync();
        this.knownSheets().push(...planned.sheets.map((x) => ({ name: x.name, hidden: false })));
      }
      return planned;
    });
    const result: SubmissionCopyResult = { kind: inWorkbook ? "sheets" : "workbook", sheets: plan.sheets.map((x) => x.name), tables: plan.tables };
    if (inWorkbook) return result;
    const { buildSubmissionXlsx } = await import(/* webpackChunkName: "submission-xlsx" */ "./submissionXlsx");
    const base64 = bytesToBase64(await buildSubmissionXlsx(plan.sheets));
    try {
      await this.createWorkbookFn(base64);
    } catch (err) {
      throw toHostError(err, { action: "新建报送副本工作簿", actionEn: "create the submission workbook" });
    }
    return result;
  }

  async writeValues(writes: CellWrite[]): Promise<void> {
    for (const w of writes) if (!fromA1(w.address)) throw badAddressError(w.sheet, w.address);
    if (writes.length === 0) return;
    const ctx: ErrorContext = { action: "写入数值", actionEn: "write values", targets: firstCells(writes.map((w) => ({ sheet: w.sheet, cell: w.address }))) };
    await this.operation(ctx, (context) =>
      this.retryIfStale(context, async () => {
        await this.prepare(context, false);
        await this.requireSheets(context, writes.map((w) => ({ sheet: w.sheet, cell: w.address })));
        const sheets = this.sheetGetter(context);
        this.touch(sheets, writes.map((w) => w.sheet));
        for (const w of writes) {
          const range = sheets(w.sheet).getRange(w.address);
          if (w.formula) {
            // A cell formatted Text (`@`, as 计算同比 in values mode leaves it) would keep the formula as text.
            range.numberFormat = [[w.numberFormat && w.numberFormat !== "@" ? w.numberFormat : "General"]];
            range.formulas = [[w.formula]];
          } else {
            // The format goes first: Excel keeps text typed into an `@` cell, and converts it otherwise.
            const format = w.numberFormat ?? (typeof w.value === "string" && needsTextFormat(w.value) ? "@" : undefined);
            if (format) range.numberFormat = [[format]];
            range.values = [[w.value ?? ""]];
          }
        }
        await context.sync();
      }),
    );
  }

  async mark(marks: CellMark[]): Promise<void> {
    const cells = mergeMarks(marks);
    const ctx: ErrorContext = { action: "标记单元格", actionEn: "mark cells", targets: firstCells(cells.map((m) => ({ sheet: m.sheet, cell: m.address }))) };
    await this.operation(ctx, (context) => this.retryIfStale(context, () => this.markIn(context, cells)));
  }

  async clearMarks(): Promise<void> {
    const ctx: ErrorContext = { action: "清除标记", actionEn: "clear the marks" };
    await this.operation(ctx, (context) =>
      this.retryIfStale(context, async () => {
        await this.prepare(context, true);
        ctx.targets = firstCells(this.currentState().marks.map((m) => ({ sheet: m.sheet, cell: m.cell })));
        await this.clearIn(context);
      }),
    );
  }

  async insertSheets(layouts: SheetLayout[]): Promise<void> {
    const seen = new Set<string>();
    for (const l of layouts) {
      const problem = sheetNameProblem(l.sheetName);
      if (problem) throw new OfficeHostError("BadSheetName", problem, `Sheet name "${l.sheetName}" is not allowed in Excel.`, { sheet: l.sheetName });
      const low = l.sheetName.toLowerCase();
      if (seen.has(low)) throw sheetExistsError(l.sheetName);
      seen.add(low);
    }
    if (layouts.length === 0) return;
    const ctx: ErrorContext = { action: "插入模板", actionEn: "insert the templates", addingSheet: layouts[0].sheetName, targets: layouts.map((l) => ({ sheet: l.sheetName, cell: "A1" })) };
    await this.operation(ctx, async (context) => {
      // Fresh names: refusing a taken name must not depend on what was true minutes ago.
      await this.loadNames(context);
      for (const l of layouts) if (this.info(l.sheetName)) throw sheetExistsError(this.info(l.sheetName)?.name ?? l.sheetName);
      const added = layouts.map((l) => context.workbook.worksheets.add(l.sheetName));
      layouts.forEach((l, i) => this.queueLayout(added[i], l));
      added[0].activate();
      await context.sync();
      this.knownSheets().push(...layouts.map((l) => ({ name: l.sheetName, hidden: false })));
    });
  }

  async writeState(rows: CellValue[][]): Promise<void> {
    const given = readState({ sheets: [{ name: STATE_SHEET, values: rows, merges: [] }] });
    if (!isStateHeader(rows)) {
      throw new OfficeHostError("BadStateRows", "内部错误：审核状态的格式不正确，未写入。", "Internal error: the state rows are malformed; nothing was written.");
    }
    const ctx: ErrorContext = { action: "保存审核状态", actionEn: "save the review state", targets: [{ sheet: STATE_SHEET, cell: "A1" }] };
    await this.operation(ctx, (context) =>
      this.retryIfStale(context, async () => {
        await this.prepare(context, true);
        const state: WorkbookState = { ...given, marks: this.currentState().marks };
        if (!this.info(STATE_SHEET)) ctx.addingSheet = STATE_SHEET;
        this.queueStateWrite(context, state);
        await context.sync();
        this.stateWritten(state);
      }),
    );
  }

  async writeSheet(name: string, rows: CellValue[][]): Promise<void> {
    const problem = sheetNameProblem(name);
    if (problem) throw new OfficeHostError("BadSheetName", problem, `Sheet name "${name}" is not allowed in Excel.`, { sheet: name });
    const ctx: ErrorContext = { action: `写入工作表「${name}」`, actionEn: `write sheet "${name}"`, targets: [{ sheet: name, cell: "A1" }] };
    await this.operation(ctx, (context) =>
      this.retryIfStale(context, async () => {
        await this.prepare(context, false);
        const existing = this.info(name);
        let ws: Excel.Worksheet;
        if (existing) {
          ws = context.workbook.worksheets.getItem(existing.name);
          ws.getRange().clear();
        } else {
          ctx.addingSheet = name;
          ws = context.workbook.worksheets.add(name);
        }
        const grid = toGrid(rows, 1, true);
        const region = ws.getRange(rangeA1(0, 0, grid.rows - 1, grid.cols - 1));
        region.numberFormat = grid.formats;
        region.values = grid.values;
        if (rows.length > 0) ws.getRange(rangeA1(0, 0, 0, grid.cols - 1)).format.font.bold = true;
        await context.sync();
        if (!existing) this.knownSheets().push({ name, hidden: false });
      }),
    );
  }

  async select(sheet: string, address: string): Promise<void> {
    if (!SINGLE_OR_RANGE.test(address.trim())) throw badAddressError(sheet, address);
    const ctx: ErrorContext = { action: `定位到 ${address}`, actionEn: `go to ${address}`, targets: [{ sheet, cell: address }] };
    await this.operation(ctx, (context) =>
      this.retryIfStale(context, async () => {
        await this.prepare(context, false);
        // A sheet unhidden or added since the names were read must not be refused.
        if (!this.namesFresh && (this.info(sheet)?.hidden ?? true)) await this.loadNames(context);
        const info = this.info(sheet);
        if (!info) throw missingSheetError(sheet, address);
        if (info.hidden) throw hiddenSheetError(info.name, address);
        const ws = context.workbook.worksheets.getItem(info.name);
        ws.activate();
        ws.getRange(address.trim()).select();
        await context.sync();
      }),
    );
  }

  // ------------------------------------------------------------------------------------------
  // Plumbing: one Excel.run per operation, errors in Chinese, a retry when cached names were stale

  private async operation<T>(ctx: ErrorContext, body: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    this.namesFresh = false;
    try {
      return await this.run(body);
    } catch (err) {
      if (officeErrorCode(err) === "AccessDenied" && !ctx.addingSheet) {
        const targets = ctx.targets ?? [];
        const hit = targets.filter((t) => this.protectedSheets.has(t.sheet.toLowerCase()));
        if (hit.length > 0) throw protectedSheetError(hit.slice(0, 1));
        // Protection may have changed since the last read: where Excel reads it (1.2+), one more round trip
        // (on this failure only) tells a protected sheet from a workbook that cannot be edited at all
        // (opened to view in Excel on the web, read-only, rights-managed).
        if (targets.length > 0 && this.api.protection) {
          const now = await this.protectedNow(targets).catch(() => null);
          if (now && now.length > 0) throw protectedSheetError(now.slice(0, 1));
          if (now) throw readOnlyError(ctx);
        }
      }
      throw toHostError(err, ctx);
    }
  }

  /** The targets on sheets protected now (ExcelApi 1.2+), read in a batch of their own. */
  private protectedNow(targets: ErrorTarget[]): Promise<ErrorTarget[]> {
    return this.run(async (context) => {
      const probes = targets.map((t) => {
        const protection = context.workbook.worksheets.getItem((this.sheets && this.info(t.sheet)?.name) || t.sheet).protection;
        protection.load("protected");
        return { t, protection };
      });
      await context.sync();
      return probes.filter((p) => p.protection.protected).map((p) => p.t);
    });
  }

  /**
   * Runs `attempt`; when it failed because a sheet the cache named is gone (or a sheet it did not know
   * exists), forgets the cache and runs it once more on fresh names. Attempts order their statements
   * so that such a failure happens before anything was written.
   */
  private async retryIfStale<T>(context: Excel.RequestContext, attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (err) {
      const code = officeErrorCode(err);
      if (this.namesFresh || (code !== "ItemNotFound" && code !== "ItemAlreadyExists")) throw err;
      this.sheets = null;
      this.state = null;
      this.commentIds = null;
      this.tableNames = null;
      return await attempt();
    }
  }

  /** Loads what the operation needs and the cache lacks (names; the state sheet's rows). */
  private async prepare(context: Excel.RequestContext, needState: boolean): Promise<void> {
    // Comment ids go with the names: without them our old comments could not be found and removed.
    if (!this.sheets || (this.api.comments && this.commentIds === null)) await this.loadNames(context);
    if (needState && !this.state) await this.loadState(context);
  }

  private async loadNames(context: Excel.RequestContext): Promise<void> {
    const list = context.workbook.worksheets;
    list.load("items/name,items/visibility");
    const comments = this.api.comments ? context.workbook.comments : null;
    if (comments) comments.load("items/id");
    const names = this.queueNamesLoad(context);
    await context.sync();
    this.sheets = list.items.map((w) => ({ name: w.name, hidden: w.visibility !== "Visible" }));
    this.namesFresh = true;
    if (comments) this.commentIds = comments.items.map((x) => x.id);
    if (names) this.tableNames = readTableNames(names.items);
  }

  /** Loads the workbook's names with the batch (ExcelApi 1.4+: ours can be kept). */
  private queueNamesLoad(context: Excel.RequestContext): Excel.NamedItemCollection | null {
    if (!this.api.names) return null;
    const names = context.workbook.names;
    names.load("items/name,items/type,items/value,items/comment");
    return names;
  }

  private async loadState(context: Excel.RequestContext): Promise<void> {
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

  /**
   * Names loaded in a batch that also changed cells: from here on a failure must not be retried
   * (the retry would read the cells this batch already changed).
   */
  private freshNames(list: Excel.WorksheetCollection): void {
    this.sheets = list.items.map((w) => ({ name: w.name, hidden: w.visibility !== "Visible" }));
    this.namesFresh = true;
  }

  private knownSheets(): SheetInfo[] {
    if (!this.sheets) throw new Error("sheet names not loaded");
    return this.sheets;
  }

  private currentState(): WorkbookState {
    if (!this.state) throw new Error("state not loaded");
    return this.state;
  }

  private info(name: string): SheetInfo | undefined {
    const low = name.toLowerCase();
    return this.knownSheets().find((s) => s.name.toLowerCase() === low);
  }

  /** Every target sheet exists; names read in an earlier operation are re-read once before saying one is missing. */
  private async requireSheets(context: Excel.RequestContext, targets: ErrorTarget[]): Promise<void> {
    if (!this.namesFresh && targets.some((t) => !this.info(t.sheet))) await this.loadNames(context);
    for (const t of targets) if (!this.info(t.sheet)) throw missingSheetError(t.sheet, t.cell);
  }

  /** One Worksheet object per name for the whole Excel.run. */
  private sheetGetter(context: Excel.RequestContext): (name: string) => Excel.Worksheet {
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

  /** Queues a cheap load of each sheet first, so a vanished sheet fails the batch before any write. */
  private touch(sheets: (name: string) => Excel.Worksheet, names: string[]): void {
    const seen = new Set<string>();
    for (const n of names) {
      const low = n.toLowerCase();
      if (seen.has(low)) continue;
      seen.add(low);
      sheets(n).load("name");
    }
  }

  // ------------------------------------------------------------------------------------------
  // Reading

  /**
   * One batch: every named sheet's used range (values, number formats, formulas), merged areas where
   * 1.13, protection where 1.2, comment ids where 1.10, workbook names where 1.4. With `checkNames`, the
   * sheet list is loaded in the same batch and null is returned when it differs from `names` (the
   * caller then reads again).
   */
  private async readValues(context: Excel.RequestContext, names: SheetInfo[], checkNames: boolean, withFormats = false, chunked = false): Promise<FullRead | null> {
    const list = checkNames ? context.workbook.worksheets : null;
    if (list) list.load("items/name,items/visibility");
    const reads: SheetRead[] = names.map((s) => this.queueSheetRead(context, s.name, true, chunked));
    const comments = this.api.comments ? context.workbook.comments : null;
    if (comments) comments.load("items/id");
    const namedItems = this.queueNamesLoad(context);
    try {
      await context.sync();
    } catch (err) {
      // A sheet renamed or deleted since the names were read (ExcelApi 1.1 has no getItemOrNullObject).
      if (checkNames && officeErrorCode(err) === "ItemNotFound") return null;
      // Excel on the web answers at most 5 MB per batch: read the used ranges' addresses, then their cells in parts.
      if (!chunked && officeErrorCode(err) === "ResponsePayloadSizeLimitExceeded") return this.readValues(context, names, checkNames, withFormats, true);
      throw err;
    }
    if (list && !this.sameSheets(list, names)) return null;
    if (comments) this.commentIds = comments.items.map((x) => x.id);
    if (namedItems) this.tableNames = readTableNames(namedItems.items);
    const parts = chunked ? await this.readInParts(context, reads) : null;
    const infos = this.knownSheets();
    const sheets: SheetSnapshot[] = [];
    const formats = new Map<string, string[][]>();
    this.resetProtection();
    reads.forEach((r, i) => {
      const hidden = infos[i]?.hidden ?? false;
      const snap: SheetSnapshot = { name: r.name, values: [], merges: [], ...(hidden ? { hidden: true } : {}) };
      sheets.push(snap);
      this.readSheetExtras(r, snap);
      const used = r.used;
      if (!used || (this.api.orNull && used.isNullObject)) return;
      const pieces: Array<{ address: string; values: unknown[][]; numberFormat: unknown[][]; formulas: unknown[][] }> = parts ? (parts.get(i) ?? []) : [used];
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
        formats.set(r.name, Array.from(all, (row) => row ?? []));
      }
    });
    const snapshot: WorkbookSnapshot = { sheets };
    this.state = readState(snapshot);
    if (this.api.names) this.wantedNames = wantedTableNames(recognise(snapshot));
    return { snapshot, formats };
  }

  /**
   * The used ranges' cells in parts of at most PART_CELLS cells per batch (values, number formats and
   * formulas), by rows; a batch still over the web's 5 MB (long texts) is split again. One round trip
   * per batch: only a workbook too big for one batch costs more than one.
   */
  private async readInParts(context: Excel.RequestContext, reads: SheetRead[]): Promise<Map<number, Array<{ address: string; values: unknown[][]; numberFormat: unknown[][]; formulas: unknown[][] }>>> {
    type Part = { i: number; top: number; bottom: number; left: number; right: number };
    const size = (p: Part) => (p.bottom - p.top + 1) * (p.right - p.left + 1);
    const todo: Part[] = [];
    reads.forEach((r, i) => {
      const used = r.used;
      if (!used || (this.api.orNull && used.isNullObject)) return;
      const area = parseAreasAddress(used.address)[0];
      if (!area) return;
      const rows = Math.max(1, Math.floor(PART_CELLS / (area.right - area.left + 1)));
      for (let top = area.top; top <= area.bottom; top += rows) todo.push({ i, top, bottom: Math.min(area.bottom, top + rows - 1), left: area.left, right: area.right });
    });
    const out = new Map<number, Array<{ address: string; values: unknown[][]; numberFormat: unknown[][]; formulas: unknown[][] }>>();
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
          return [{ ...p, bottom: mid }, { ...p, top: mid + 1 }];
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
  private async readFull(context: Excel.RequestContext, withFormats: boolean): Promise<FullRead> {
    const read = await this.readValues(context, this.knownSheets(), false, withFormats);
    if (!read) throw new Error("unreachable: a read without name check returned nothing");
    return read;
  }

  /** Takes the sheet list loaded with a read; false when it is not the one the read was planned on. */
  private sameSheets(list: Excel.WorksheetCollection, planned: SheetInfo[]): boolean {
    const now = list.items.map((w) => ({ name: w.name, hidden: w.visibility !== "Visible" }));
    this.sheets = now;
    this.namesFresh = true;
    return now.length === planned.length && now.every((s, i) => s.name === planned[i].name);
  }

  /** The named read this workbook allows now, or null (no names, a broken one, other sheets than when they were saved). */
  private namedPlan(sheets: SheetInfo[]): NamedRead[] | null {
    if (!this.api.names || !this.tableNames) return null;
    return namedReadPlan(this.tableNames, sheets);
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
  private async readNamed(context: Excel.RequestContext, names: SheetInfo[], plan: NamedRead[], checkNames: boolean): Promise<WorkbookSnapshot | null> {
    const list = checkNames ? context.workbook.worksheets : null;
    if (list) list.load("items/name,items/visibility");
    const namedItems = context.workbook.names;
    namedItems.load("items/name,items/type,items/value,items/comment");
    const cached = this.tableNames;
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
      if (tableSheets.has(low)) return this.queueSheetRead(context, s.name, false);
      if (low === STATE_SHEET.toLowerCase()) return this.queueSheetRead(context, s.name, true);
      return null;
    });
    const comments = this.api.comments ? context.workbook.comments : null;
    if (comments) comments.load("items/id");
    try {
      await context.sync();
    } catch {
      // A name deleted or a sheet gone since the plan: the full read says what is there.
      return null;
    }
    if (list && !this.sameSheets(list, names)) return null;
    this.tableNames = readTableNames(namedItems.items);
    if (comments) this.commentIds = comments.items.map((x) => x.id);
    const live = namedReadPlan(this.tableNames, this.knownSheets());
    if (!live || live.map((p) => p.name).join() !== plan.map((p) => p.name).join()) return null;
    const areas: Array<NamedRead & { area: MergeArea }> = [];
    const bySheet = new Map<string, Array<{ values: CellValue[][]; formulas: Record<string, string> }>>();
    for (let i = 0; i < plan.length; i++) {
      const now = this.tableNames.get(tableNameOf(plan[i].id));
      const was = expected[i] as MergeArea;
      if (!now?.area || now.sheet.toLowerCase() !== plan[i].sheet.toLowerCase() || rangeA1(now.area.top, now.area.left, now.area.bottom, now.area.right) !== rangeA1(was.top, was.left, was.bottom, was.right)) return null;
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
    this.resetProtection();
    this.knownSheets().forEach((info, i) => {
      const snap: SheetSnapshot = { name: info.name, values: [], merges: [], ...(info.hidden ? { hidden: true } : {}) };
      sheets.push(snap);
      const r = reads[i];
      if (!r) return;
      this.readSheetExtras(r, snap);
      const parts = bySheet.get(info.name.toLowerCase());
      if (parts) {
        const merged = overlay(parts);
        snap.values = merged.values;
        if (Object.keys(merged.formulas).length > 0) snap.formulas = merged.formulas;
      } else if (r.used && !(this.api.orNull && r.used.isNullObject)) {
        snap.values = anchorRange(r.used.address, r.used.values).values;
      }
    });
    const snapshot: WorkbookSnapshot = { sheets };
    const tables = recognise(snapshot);
    if (!verifyNamedRead(tables, areas)) return null;
    this.state = readState(snapshot);
    this.wantedNames = wantedTableNames(tables);
    return snapshot;
  }

  private resetProtection(): void {
    this.protectedSheets = new Set();
    this.unmarkable = new Set();
  }

  /** Merged areas (1.13) and protection (1.2) of a sheet read in the batch. */
  private readSheetExtras(r: SheetRead, snap: SheetSnapshot): void {
    if (r.protection) {
      const low = r.name.toLowerCase();
      if (r.protection.protected) {
        this.protectedSheets.add(low);
        // Excel.WorksheetProtectionOptions: fills need allowFormatCells; notes and comments are objects.
        const o = r.protection.options;
        if (!o.allowFormatCells || (this.api.comments && !o.allowEditObjects)) this.unmarkable.add(low);
      }
    }
    if (r.merged && !r.merged.isNullObject) snap.merges = parseAreasAddress(r.merged.address);
  }

  private queueSheetRead(context: Excel.RequestContext, name: string, withUsed: boolean, addressOnly = false): SheetRead {
    const api = this.api;
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

  // ------------------------------------------------------------------------------------------
  // Workbook names of the tables (ExcelApi 1.4+)

  /**
   * Queues replacing this product's names by the ones the last read asks for, when they differ;
   * returns what the names will be after the sync, or null when nothing was queued.
   */
  private queueNames(context: Excel.RequestContext): Map<string, TableName> | null {
    const wanted = this.wantedNames;
    const current = this.tableNames;
    if (!this.api.names || !wanted || !current) return null;
    const sheets = this.knownSheets();
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

  private async syncNames(context: Excel.RequestContext, after: Map<string, TableName> | null): Promise<void> {
    if (!after) return;
    try {
      await context.sync();
    } catch (err) {
      this.tableNames = null;
      throw err;
    }
    this.tableNames = after;
  }

  /** The copy's sheet in this workbook: values and number formats in one write, widths where 1.2. */
  private queueCopySheet(ws: Excel.Worksheet, sheet: CopySheet): void {
    const cols = Math.max(1, ...sheet.values.map((r) => r.length));
    const grid = toGrid(sheet.values, cols);
    // A number keeps its format (0.00%); text Excel would convert keeps `@` (toGrid).
    const formats = grid.formats.map((row, i) => row.map((f, j) => (typeof sheet.values[i]?.[j] === "number" && sheet.formats[i]?.[j] ? sheet.formats[i][j] : f)));
    const region = ws.getRange(rangeA1(0, 0, grid.rows - 1, grid.cols - 1));
    region.numberFormat = formats;
    region.values = grid.values;
    if (this.api.merge) for (const m of sheet.merges) ws.getRange(rangeA1(m.top, m.left, m.bottom, m.right)).merge(false);
    if (this.api.formatSize) {
      sheet.colWidths.forEach((w, i) => {
        const col = colToLetters(i);
        ws.getRange(`${col}:${col}`).format.columnWidth = charsToPoints(w);
      });
    }
  }

  // ------------------------------------------------------------------------------------------
  // Marks

  private liveMarks(): SavedMark[] {
    return this.currentState().marks.filter((m) => this.info(m.sheet) && fromA1(m.cell));
  }

  /** Whether 校验 leaves this sheet alone: protected so that its fills (or notes) are refused, as last read. */
  private blocked(sheet: string): boolean {
    return this.unmarkable.has(sheet.toLowerCase());
  }

  /** Tells the clerk which protected sheets kept no marks, and what to do. */
  private warnProtected(sheetsSkipped: string[], cellsSkipped: number, leftOver: number): void {
    const names = [...new Set(sheetsSkipped.map((n) => this.info(n)?.name ?? n))];
    if (names.length > 0) this.warn(protectedSkipNotice(names, cellsSkipped, leftOver));
  }

  private async markIn(context: Excel.RequestContext, wanted: CellToMark[]): Promise<void> {
    await this.prepare(context, true);
    await this.requireSheets(context, wanted.map((m) => ({ sheet: m.sheet, cell: m.address })));
    const live = this.liveMarks();
    if (wanted.length === 0 && this.currentState().marks.length === 0) return;
    // Protected sheets (as this 校验's read found them) keep what they have: their old marks stay recorded.
    const previous = live.filter((m) => !this.blocked(m.sheet));
    const kept = live.filter((m) => this.blocked(m.sheet));
    const cells = wanted.filter((m) => !this.blocked(m.sheet));
    const skipped = wanted.filter((m) => this.blocked(m.sheet));
    const sheets = this.sheetGetter(context);

    // Batch 1. Loads first (a stale sheet or comment fails here, before anything changed), then the
    // restore of the old marks (each recorded), then each target's fill (read after the restore).
    const list = context.workbook.worksheets;
    list.load("items/name,items/visibility");
    this.touch(sheets, [...previous.map((m) => m.sheet), ...cells.map((m) => m.sheet)]);
    const probes = this.queueProbes(context, sheets, [...previous.map((m) => ({ sheet: m.sheet, cell: m.cell })), ...cells.map((m) => ({ sheet: m.sheet, cell: m.address }))]);
    for (const m of previous) this.queueRestore(sheets, m);
    const fills = cells.map((m) => {
      const fill = sheets(m.sheet).getRange(m.address).format.fill;
      fill.load(this.api.fillTint ? "color,tintAndShade" : "color");
      return fill;
    });
    await context.sync();
    this.freshNames(list);

    // Batch 2. The record first, then the fills it records, then notes (a note that cannot be added
    // leaves the fills and the record in place), then the tables' names (no round trip of their own).
    const plan = this.planAnnotations(this.readProbes(probes), previous, cells);
    const marks: SavedMark[] = cells.map((m, i) => {
      const fill = fillFrom(fills[i].color, this.api.fillTint ? fills[i].tintAndShade : undefined, this.api.fillTint);
      const note = plan.notes.get(cellKey(m.sheet, m.address)) ?? { note: null, noteSeen: false };
      return { sheet: this.info(m.sheet)?.name ?? m.sheet, cell: m.address.toUpperCase(), format: encodeSaved({ fill, ...note }) };
    });
    const before = this.currentState();
    const state: WorkbookState = { ...before, marks: [...kept, ...marks] };
    const hadStateSheet = this.info(STATE_SHEET) !== undefined;
    const paint = () => {
      this.queueStateWrite(context, state);
      cells.forEach((m) => {
        sheets(m.sheet).getRange(m.address).format.fill.color = MARK_FILLS[m.severity];
      });
    };
    paint();
    const reload = plan.apply(context, sheets, (sheet) => !this.blocked(sheet));
    const named = this.queueNames(context);
    let complete: boolean;
    try {
      complete = await this.syncMarks(
        context,
        reload,
        () => {
          if (!hadStateSheet) this.stateWritten(state);
          paint();
        },
        () => {
          // The old marks were restored by batch 1: the record keeps only the protected sheets' ones.
          this.queueStateWrite(context, { ...before, marks: kept });
          for (const m of marks) this.queueRestore(sheets, m);
        },
      );
    } catch (err) {
      if (named) this.tableNames = null;
      // What the failed batches left (the state sheet added or not) is not known: read the names afresh next time.
      this.sheets = null;
      this.state = null;
      throw err;
    }
    this.stateWritten(state);
    if (named) this.tableNames = complete ? named : null;
    this.warnProtected(skipped.map((m) => m.sheet).concat(kept.map((m) => m.sheet)), skipped.length, kept.length);
  }

  private async clearIn(context: Excel.RequestContext): Promise<void> {
    const live = this.liveMarks();
    if (this.currentState().marks.length === 0) return;
    // A protected sheet's marks stay (and stay recorded); the protection is looked at again next time.
    const previous = live.filter((m) => !this.blocked(m.sheet));
    const kept = live.filter((m) => this.blocked(m.sheet));
    this.unmarkable = new Set();
    const state: WorkbookState = { ...this.currentState(), marks: kept };
    const sheets = this.sheetGetter(context);
    this.touch(sheets, previous.map((m) => m.sheet));
    if (!this.api.comments) {
      for (const m of previous) this.queueRestore(sheets, m);
      this.queueStateWrite(context, state);
      await context.sync();
      this.stateWritten(state);
      this.warnProtected(kept.map((m) => m.sheet), 0, kept.length);
      return;
    }
    const list = context.workbook.worksheets;
    list.load("items/name,items/visibility");
    const probes = this.queueProbes(context, sheets, previous.map((m) => ({ sheet: m.sheet, cell: m.cell })));
    for (const m of previous) this.queueRestore(sheets, m);
    await context.sync();
    this.freshNames(list);
    const plan = this.planAnnotations(this.readProbes(probes), previous, []);
    this.queueStateWrite(context, state);
    const keptSheets = new Set(kept.map((m) => m.sheet.toLowerCase()));
    const reload = plan.apply(context, sheets, (sheet) => !keptSheets.has(sheet.toLowerCase()));
    await this.syncMarks(context, reload, () => this.queueStateWrite(context, state), null);
    this.stateWritten(state);
    this.warnProtected(kept.map((m) => m.sheet), 0, kept.length);
  }

  private queueRestore(sheets: (name: string) => Excel.Worksheet, m: SavedMark): void {
    const saved = decodeSaved(m.format);
    const fill = sheets(m.sheet).getRange(m.cell).format.fill;
    if (saved.fill === null) fill.clear();
    else fill.color = saved.fill;
  }

  /** Loads what notes (1.18) and comments (1.10, by the ids last read) exist on the given cells. */
  private queueProbes(context: Excel.RequestContext, sheets: (name: string) => Excel.Worksheet, cells: Array<{ sheet: string; cell: string }>): AnnotationProbes {
    const probes: AnnotationProbes = { notes: [], comments: [] };
    if (this.api.comments) {
      for (const id of this.commentIds ?? []) {
        const comment = this.api.commentOrNull ? context.workbook.comments.getItemOrNullObject(id) : context.workbook.comments.getItem(id);
        comment.load("content");
        const location = comment.getLocation();
        location.load("address");
        probes.comments.push({ id, comment, location });
      }
    }
    if (this.api.notes) {
      const seen = new Set<string>();
      for (const x of cells) {
        const k = cellKey(x.sheet, x.cell);
        if (seen.has(k)) continue;
        seen.add(k);
        const note = sheets(x.sheet).notes.getItemOrNullObject(x.cell.toUpperCase());
        note.load("content");
        probes.notes.push({ sheet: x.sheet, cell: x.cell.toUpperCase(), note });
      }
    }
    return probes;
  }

  private readProbes(probes: AnnotationProbes): Found {
    const found: Found = { notes: new Map(), comments: new Map() };
    for (const p of probes.comments) {
      if (this.api.commentOrNull && p.comment.isNullObject) continue;
      const sheet = sheetOfAddress(p.location.address);
      const cell = localAddress(p.location.address).split(":")[0];
      const content = p.comment.content ?? "";
      found.comments.set(cellKey(sheet, cell), { content, ours: content.startsWith(NOTE_PREFIX), id: p.id, sheet });
    }
    for (const p of probes.notes) {
      if (p.note.isNullObject) continue;
      const content = p.note.content ?? "";
      found.notes.set(cellKey(p.sheet, p.cell), { content, ours: content.startsWith(NOTE_PREFIX) });
    }
    return found;
  }

  /**
   * Notes and comments after the marks change, and the note each new mark saves; `apply` queues the
   * changes (after the state write) and returns the comment collection to reread the ids from.
   * - Comments (1.10): this product's are removed; a new mark adds one unless the user has a comment there.
   * - Notes (1.18): every cell marked before gets back the note it had before its first mark (whichever
   *   host marked it); a newly marked cell shows the finding as a note unless it has a note of its own,
   *   which stays and is saved.
   * - Below 1.10 nothing is touched, and the saved entries say the note was not seen.
   */
  private planAnnotations(
    found: Found,
    previous: SavedMark[],
    cells: CellToMark[],
  ): {
    notes: Map<string, SavedNote>;
    apply: (context: Excel.RequestContext, sheets: (name: string) => Excel.Worksheet, open: (sheet: string) => boolean) => Excel.CommentCollection | null;
  } {
    const notes = new Map<string, SavedNote>();
    if (!this.api.comments) return { notes, apply: () => null };
    const text = (m: CellToMark) => `${NOTE_PREFIX}${m.messages.join("\n")}`;
    type Change = { sheet: string; cell: string; kind: "delete" | "add" | "set" | "comment"; text?: string };
    const changes: Change[] = [];
    if (!this.api.notes) {
      for (const m of cells) {
        const a = found.comments.get(cellKey(m.sheet, m.address));
        if (!a || a.ours) changes.push({ sheet: m.sheet, cell: m.address, kind: "comment", text: text(m) });
      }
    } else {
      const before = new Map(previous.map((m) => [cellKey(m.sheet, m.cell), decodeSaved(m.format)]));
      const marked = new Map(cells.map((m) => [cellKey(m.sheet, m.address), m]));
      const places = new Map<string, { sheet: string; cell: string }>();
      for (const m of previous) places.set(cellKey(m.sheet, m.cell), { sheet: m.sheet, cell: m.cell.toUpperCase() });
      for (const m of cells) places.set(cellKey(m.sheet, m.address), { sheet: m.sheet, cell: m.address });
      for (const [k, at] of places) {
        const current = found.notes.get(k);
        const comment = found.comments.get(k);
        const blocked = comment !== undefined && !comment.ours;
        const saved = before.get(k);
        const original = saved && saved.noteSeen ? saved.note : current && !current.ours ? current.content : null;
        const m = marked.get(k);
        if (m) notes.set(k, { note: original, noteSeen: true });
        const wanted = m ? (original ?? (blocked ? null : text(m))) : original;
        if (wanted === null) {
          if (current) changes.push({ ...at, kind: "delete" });
        } else if (!current) {
          if (!blocked) changes.push({ ...at, kind: "add", text: wanted });
        } else if (current.content !== wanted) {
          changes.push({ ...at, kind: "set", text: wanted });
        }
      }
    }
    // `open`: sheets whose notes may change (a protected sheet's are left as they are).
    const apply = (context: Excel.RequestContext, sheets: (name: string) => Excel.Worksheet, open: (sheet: string) => boolean) => {
      for (const a of found.comments.values()) if (a.ours && open(a.sheet)) context.workbook.comments.getItem(a.id).delete();
      for (const ch of changes) {
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
    };
    return { notes, apply };
  }

  /**
   * The last sync of a mark or clear: the record, the fills, then notes and comments. Office does not say
   * which statement failed (nor are the codes the same everywhere), so a failure is told apart by doing
   * the record and fills again without the notes (`redo`): when that holds, only a note or comment could
   * not be added (a cell holding a note Excel 1.10–1.17 cannot see) and that is a warning. When it fails
   * too, `undo` restores what the record says, in the order the fills were set, so the refused statement
   * stops it exactly where the fills stopped; the first error is thrown.
   */
  private async syncMarks(context: Excel.RequestContext, reload: Excel.CommentCollection | null, redo: () => void, undo: (() => void) | null): Promise<boolean> {
    try {
      await context.sync();
    } catch (err) {
      this.commentIds = null;
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
        this.warn({
          message: "部分单元格已有备注或批注，未能添加问题说明；这些问题仍在任务窗格中列出，单元格底色已标记。",
          messageEn: "Some cells already have a note or comment, so the finding could not be added there; the findings are still listed in the pane and the cells are filled.",
        });
      }
      return false;
    }
    if (reload) this.commentIds = reload.items.map((x) => x.id);
    return true;
  }

  // ------------------------------------------------------------------------------------------
  // State sheet, templates

  /** Replaces the state sheet's rows, adding (and hiding, where 1.2) the sheet when it is missing. */
  private queueStateWrite(context: Excel.RequestContext, state: WorkbookState): void {
    const info = this.info(STATE_SHEET);
    let ws: Excel.Worksheet;
    if (info) {
      ws = context.workbook.worksheets.getItem(info.name);
      ws.getRange().clear();
    } else {
      ws = context.workbook.worksheets.add(STATE_SHEET);
      if (this.api.setVisibility) ws.visibility = "VeryHidden";
    }
    const grid = toGrid(stateRows(state), 1, true);
    const region = ws.getRange(rangeA1(0, 0, grid.rows - 1, grid.cols - 1));
    region.numberFormat = grid.formats;
    region.values = grid.values;
  }

  private stateWritten(state: WorkbookState): void {
    this.state = state;
    if (!this.info(STATE_SHEET)) this.knownSheets().push({ name: STATE_SHEET, hidden: this.api.setVisibility });
  }

  private queueLayout(ws: Excel.Worksheet, layout: SheetLayout): void {
    const api = this.api;
    const rows: CellValue[][] = [];
    let lastCol = layout.lastCol;
    for (const cell of layout.cells) {
      while (rows.length <= cell.row) rows.push([]);
      rows[cell.row][cell.col] = cell.value;
      lastCol = Math.max(lastCol, cell.col);
    }
    const filled = rows.map((r) => Array.from({ length: lastCol + 1 }, (_, i) => r[i] ?? null));
    const grid = toGrid(filled, lastCol + 1);
    const region = ws.getRange(rangeA1(0, 0, grid.rows - 1, grid.cols - 1));
    region.numberFormat = grid.formats;
    region.values = grid.values;

    const spanOf = new Map<string, MergeArea>();
    for (const m of layout.merges) spanOf.set(`${m.top},${m.left}`, m);
    const horizontal = (cell: LayoutCell) => {
      const m = spanOf.get(`${cell.row},${cell.col}`);
      return m !== undefined && m.right > m.left;
    };
    const rowRange = (r: number) => ws.getRange(rangeA1(r, 0, r, lastCol));
    const cellRange = (cell: LayoutCell) => {
      const m = spanOf.get(`${cell.row},${cell.col}`);
      return ws.getRange(m ? rangeA1(m.top, m.left, m.bottom, m.right) : rangeA1(cell.row, cell.col, cell.row, cell.col));
    };

    // Borders around and inside the header and body.
    const body = ws.getRange(rangeA1(layout.gridTop, 0, layout.gridBottom, lastCol));
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
      const b = body.format.borders.getItem(edge);
      b.style = "Continuous";
      b.weight = "Thin";
    }
    body.format.verticalAlignment = "Center";

    const titleRows = new Set<number>();
    for (const cell of layout.cells) {
      if (cell.role === "title") titleRows.add(cell.row);
      if (cell.role === "attachment") ws.getRange(rangeA1(cell.row, cell.col, cell.row, cell.col)).format.font.bold = true;
    }
    for (const r of titleRows) {
      const range = rowRange(r);
      range.format.font.bold = true;
      range.format.font.size = 16;
      // Without merges (1.1) the title sits in A and is centred across the table instead.
      range.format.horizontalAlignment = api.merge ? "Center" : "CenterAcrossSelection";
    }
    for (const cell of layout.cells) {
      if (cell.role === "header") {
        const range = cellRange(cell);
        range.format.font.bold = true;
        const across = !api.merge && horizontal(cell);
        range.format.horizontalAlignment = across ? "CenterAcrossSelection" : "Center";
        // A label alone in the first cell of its span would wrap into a narrow column: let it run across.
        if (!across) range.format.wrapText = true;
      } else if (cell.role === "seq") {
        cellRange(cell).format.horizontalAlignment = "Center";
      } else if (cell.role === "explanation" || cell.role === "ratio") {
        const range = cellRange(cell);
        range.format.wrapText = cell.role === "explanation";
        range.format.horizontalAlignment = cell.role === "ratio" ? "Center" : "Left";
      } else if (cell.role === "note" && api.merge) {
        cellRange(cell).format.wrapText = true;
      }
    }

    if (api.merge) for (const m of layout.merges) ws.getRange(rangeA1(m.top, m.left, m.bottom, m.right)).merge(false);
    if (api.formatSize) {
      layout.colWidths.forEach((w, i) => {
        const col = colToLetters(i);
        ws.getRange(`${col}:${col}`).format.columnWidth = charsToPoints(w);
      });
      for (const r of layout.headerRows) ws.getRange(`${r + 1}:${r + 1}`).format.rowHeight = HEADER_ROW_HEIGHT;
    }
  }
}

// ------------------------------------------------------------------------------------------
// Helpers

function isStateHeader(rows: CellValue[][]): boolean {
  return rows[0]?.[0] === stateRows(emptyState())[0][0];
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

/** The first cell per sheet, in order: what an error message names. */
function firstCells(targets: ErrorTarget[]): ErrorTarget[] {
  const seen = new Set<string>();
  const out: ErrorTarget[] = [];
  for (const t of targets) {
    const low = t.sheet.toLowerCase();
    if (seen.has(low)) continue;
    seen.add(low);
    out.push(t);
  }
  return out;
}

/** One mark per cell: the most severe fill, every message once. */
export function mergeMarks(marks: CellMark[]): CellToMark[] {
  const byCell = new Map<string, CellToMark>();
  for (const m of marks) {
    if (!fromA1(m.address)) throw badAddressError(m.sheet, m.address);
    const k = cellKey(m.sheet, m.address);
    const had = byCell.get(k);
    if (!had) {
      byCell.set(k, { sheet: m.sheet, address: m.address.toUpperCase().replace(/\$/g, ""), severity: m.severity, messages: [m.message] });
      continue;
    }
    if (SEVERITY_ORDER[m.severity] < SEVERITY_ORDER[had.severity]) had.severity = m.severity;
    if (!had.messages.includes(m.message)) had.messages.push(m.message);
  }
  return [...byCell.values()];
}
