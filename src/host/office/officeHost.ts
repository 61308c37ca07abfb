/**
 * The workbook open in Excel, through Office.js. Core flows use ExcelApi 1.1 members only (Office
 * 2016); richer members are used where `isSetSupported` says so (see capabilities.ts).
 *
 * This class is the front: one Excel.run per operation, errors in Chinese, a retry on stale names.
 * The work is done beside it: reading.ts (the reads), marking.ts (marks and the state sheet), with
 * annotationPlan.ts deciding notes and comments without Excel and annotations.ts queueing them,
 * layout.ts (templates and copies), and sheetCache.ts (what is remembered between operations).
 *
 * Round trips are what make an add-in slow, so every operation costs a fixed number of
 * `context.sync()` calls whatever the number of tables, cells or findings (never a sync in a loop, but
 * for a read over Excel on the web's 5 MB, below):
 * - readSnapshot: 1 when the sheet names are known from the previous operation (they are loaded in
 *   the same batch and compared), else 2 (names, then every sheet's used range or the named tables);
 *   one more when the sheets changed since, or a named read was found wanting. On Excel on the web a
 *   read over its 5 MB per response fails and is done again in parts: one round trip for the used
 *   ranges' addresses, then one per part of at most PART_CELLS cells (reading.ts; only such a workbook pays them).
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
import type { CellValue, WorkbookSnapshot } from "../../grid/grid";
import { fromA1, rangeA1 } from "../../grid/grid";
import { mergeMarks } from "../../flows/marks";
import { readState, STATE_SHEET, stateRows, emptyState, type WorkbookState } from "../../engine/stateSheet";
import type { SheetLayout } from "../../templates/layout";
import type { CellMark, CellWrite, HostNotice, SubmissionCopyResult, WorkbookHost } from "../types";
import { detectCapabilities, officeIsSetSupported, type CapabilityCost, type IsSetSupported, type OfficeApi } from "./capabilities";
import { needsTextFormat, sheetNameProblem } from "./cells";
import {
  badAddressError,
  hiddenSheetError,
  missingSheetError,
  officeErrorCode,
  OfficeHostError,
  protectedSheetError,
  readOnlyError,
  sheetExistsError,
  toHostError,
  type ErrorContext,
  type ErrorTarget,
} from "./errors";
import { queueCopySheet, queueLayout, queueRows } from "./layout";
import { clearCells, markCells, queueStateWrite } from "./marking";
import { namedPlan, readFull, readNamed, readValues, type FullRead } from "./reading";
import { SheetCache, touch } from "./sheetCache";
import { bytesToBase64, planSubmission } from "./submission";
import { namesDiffer } from "./tableNames";

export { NOTE_PREFIX } from "./annotationPlan";

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

const SINGLE_OR_RANGE = /^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;

function defaultRun(): ExcelRun {
  return (batch) => Excel.run(batch);
}

function defaultCreateWorkbook(base64: string): Promise<void> {
  return Excel.createWorkbook(base64);
}

export class OfficeHost implements WorkbookHost {
  readonly api: OfficeApi;
  /** What the missing ExcelApi sets cost, one sentence each, for the pane to show once. */
  readonly costs: CapabilityCost[];
  private readonly run: ExcelRun;
  private readonly createWorkbookFn: (base64: string) => Promise<void>;
  private readonly copyIntoWorkbook: boolean;
  /** Things operations could not do but did not fail for (a note that could not be added), until taken. */
  private notices: HostNotice[] = [];
  /** What is known of the workbook from earlier operations (names, state, protection). */
  private readonly cache: SheetCache;

  constructor(options: OfficeHostOptions = {}) {
    const detected = detectCapabilities(options.isSetSupported ?? officeIsSetSupported());
    this.api = detected.api;
    this.costs = detected.costs;
    this.cache = new SheetCache(this.api);
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
      const known = this.cache.sheets;
      if (known) {
        const plan = namedTried ? null : namedPlan(this.cache, known);
        if (plan) {
          namedTried = true;
          const named = await readNamed(context, this.cache, known, plan, true);
          if (named) return named;
        } else {
          const warm = await readValues(context, this.cache, known, true);
          if (warm) return warm.snapshot;
        }
      }
      if (!this.cache.namesFresh) await this.cache.loadNames(context);
      const plan = namedTried ? null : namedPlan(this.cache, this.cache.known());
      if (plan) {
        const named = await readNamed(context, this.cache, this.cache.known(), plan, false);
        if (named) return named;
      }
      return (await readFull(context, this.cache, false)).snapshot;
    });
  }

  /**
   * Saves a workbook name per recognised table (ExcelApi 1.4+) when the last read found them somewhere
   * else than the names say; one round trip then, none otherwise. 校验 saves them with its marks.
   */
  async keepTables(): Promise<void> {
    if (!this.api.names || !this.cache.sheets || !this.cache.wantedNames || !namesDiffer(this.cache.wantedNames, this.cache.tableNames, this.cache.known()))
      return;
    await this.operation({ action: "保存表格位置", actionEn: "save where the tables are" }, (context) =>
      this.retryIfStale(context, async () => {
        await this.prepare(context, false);
        if (!this.cache.tableNames) await this.cache.loadNames(context);
        await this.cache.syncNames(context, this.cache.queueNames(context));
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
      if (this.cache.sheets) read = await readValues(context, this.cache, this.cache.sheets, true, true);
      if (!read) {
        if (!this.cache.namesFresh) await this.cache.loadNames(context);
        read = await readFull(context, this.cache, true);
      }
      const planned = planSubmission(read.snapshot, read.formats, { inWorkbook, taken: this.cache.known().map((x) => x.name) });
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
        for (const x of planned.sheets) queueCopySheet(context.workbook.worksheets.add(x.name), x, this.api);
        await context.sync();
        this.cache.known().push(...planned.sheets.map((x) => ({ name: x.name, hidden: false })));
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
        await this.requireSheets(
          context,
          writes.map((w) => ({ sheet: w.sheet, cell: w.address })),
        );
        const sheets = this.cache.sheetGetter(context);
        touch(
          sheets,
          writes.map((w) => w.sheet),
        );
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
    for (const m of marks) if (!fromA1(m.address)) throw badAddressError(m.sheet, m.address);
    const cells = mergeMarks(marks);
    const ctx: ErrorContext = { action: "标记单元格", actionEn: "mark cells", targets: firstCells(cells.map((m) => ({ sheet: m.sheet, cell: m.address }))) };
    await this.operation(ctx, (context) =>
      this.retryIfStale(context, async () => {
        await this.prepare(context, true);
        await this.requireSheets(
          context,
          cells.map((m) => ({ sheet: m.sheet, cell: m.address })),
        );
        await markCells(context, this.cache, cells, (n) => this.warn(n));
      }),
    );
  }

  async clearMarks(): Promise<void> {
    const ctx: ErrorContext = { action: "清除标记", actionEn: "clear the marks" };
    await this.operation(ctx, (context) =>
      this.retryIfStale(context, async () => {
        await this.prepare(context, true);
        ctx.targets = firstCells(this.cache.currentState().marks.map((m) => ({ sheet: m.sheet, cell: m.cell })));
        await clearCells(context, this.cache, (n) => this.warn(n));
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
    const ctx: ErrorContext = {
      action: "插入模板",
      actionEn: "insert the templates",
      addingSheet: layouts[0].sheetName,
      targets: layouts.map((l) => ({ sheet: l.sheetName, cell: "A1" })),
    };
    await this.operation(ctx, async (context) => {
      // Fresh names: refusing a taken name must not depend on what was true minutes ago.
      await this.cache.loadNames(context);
      for (const l of layouts) if (this.cache.info(l.sheetName)) throw sheetExistsError(this.cache.info(l.sheetName)?.name ?? l.sheetName);
      const added = layouts.map((l) => context.workbook.worksheets.add(l.sheetName));
      layouts.forEach((l, i) => queueLayout(added[i], l, this.api));
      added[0].activate();
      await context.sync();
      this.cache.known().push(...layouts.map((l) => ({ name: l.sheetName, hidden: false })));
    });
  }

  async writeState(rows: CellValue[][]): Promise<void> {
    const given = readState({ sheets: [{ name: STATE_SHEET, values: rows, merges: [] }] });
    if (!isStateHeader(rows)) {
      throw new OfficeHostError(
        "BadStateRows",
        "内部错误：审核状态的格式不正确，未写入。",
        "Internal error: the state rows are malformed; nothing was written.",
      );
    }
    const ctx: ErrorContext = { action: "保存审核状态", actionEn: "save the review state", targets: [{ sheet: STATE_SHEET, cell: "A1" }] };
    await this.operation(ctx, (context) =>
      this.retryIfStale(context, async () => {
        await this.prepare(context, true);
        const state: WorkbookState = { ...given, marks: this.cache.currentState().marks };
        if (!this.cache.info(STATE_SHEET)) ctx.addingSheet = STATE_SHEET;
        queueStateWrite(context, this.cache, state);
        await context.sync();
        this.cache.stateWritten(state);
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
        const existing = this.cache.info(name);
        let ws: Excel.Worksheet;
        if (existing) {
          ws = context.workbook.worksheets.getItem(existing.name);
          ws.getRange().clear();
        } else {
          ctx.addingSheet = name;
          ws = context.workbook.worksheets.add(name);
        }
        const { cols } = queueRows(ws, rows);
        if (rows.length > 0) ws.getRange(rangeA1(0, 0, 0, cols - 1)).format.font.bold = true;
        await context.sync();
        if (!existing) this.cache.known().push({ name, hidden: false });
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
        if (!this.cache.namesFresh && (this.cache.info(sheet)?.hidden ?? true)) await this.cache.loadNames(context);
        const info = this.cache.info(sheet);
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
    this.cache.namesFresh = false;
    try {
      return await this.run(body);
    } catch (err) {
      if (officeErrorCode(err) === "AccessDenied" && !ctx.addingSheet) {
        const targets = ctx.targets ?? [];
        const hit = targets.filter((t) => this.cache.protectedSheets.has(t.sheet.toLowerCase()));
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
        const protection = context.workbook.worksheets.getItem((this.cache.sheets && this.cache.info(t.sheet)?.name) || t.sheet).protection;
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
      if (this.cache.namesFresh || (code !== "ItemNotFound" && code !== "ItemAlreadyExists")) throw err;
      this.cache.forget();
      return await attempt();
    }
  }

  /** Loads what the operation needs and the cache lacks (names; the state sheet's rows). */
  private async prepare(context: Excel.RequestContext, needState: boolean): Promise<void> {
    // Comment ids go with the names: without them our old comments could not be found and removed.
    if (!this.cache.sheets || (this.api.comments && this.cache.commentIds === null)) await this.cache.loadNames(context);
    if (needState && !this.cache.state) await this.cache.loadState(context);
  }

  /** Every target sheet exists; names read in an earlier operation are re-read once before saying one is missing. */
  private async requireSheets(context: Excel.RequestContext, targets: ErrorTarget[]): Promise<void> {
    if (!this.cache.namesFresh && targets.some((t) => !this.cache.info(t.sheet))) await this.cache.loadNames(context);
    for (const t of targets) if (!this.cache.info(t.sheet)) throw missingSheetError(t.sheet, t.cell);
  }
}

// ------------------------------------------------------------------------------------------
// Helpers

function isStateHeader(rows: CellValue[][]): boolean {
  return rows[0]?.[0] === stateRows(emptyState())[0][0];
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
