/**
 * What each button of the pane does, independent of the host: Excel through Office.js or a file in
 * the web page. Each action reads a fresh snapshot (the user may have typed since the last one), asks
 * the engine and the flows for a plan, and hands the host its writes. Nothing here touches React.
 */
import { analyse, type Analysis } from "../check/analyse";
import type { Finding } from "../engine/findings";
import type { CellValue, WorkbookSnapshot } from "../grid/grid";
import { recognise } from "../engine/recognize";
import { priorKey, readState, setNote, stateRows, type PriorFigure, type WorkbookState } from "../engine/stateSheet";
import { AUDIT_SHEET, auditReportRows } from "../flows/auditReport";
import { cellId, importWrites, planImportPrior, type ImportPlan } from "../flows/importPrior";
import { planRatios, type RatioMode, type RatioPlan, type RatioPlanItem } from "../flows/ratios";
import { validateAndMark } from "../host/office/validate";
import type { WorkbookHost } from "../host/types";
import type { Settings } from "../rules/types";
import { layoutFor, type SheetLayout } from "../templates/layout";
import type { TableId } from "../templates/schema";
import { SHEET_NAMES, TABLE_IDS } from "../templates/tables";

export type { RatioMode, RatioPlanItem, ImportPlan };

/** Settings the user can change in the pane; the rest of the engine's settings keep their defaults. */
export type CheckSettings = Partial<Settings>;

// ---------------------------------------------------------------- 校验

/**
 * 校验: one read, the engine, then one mark. `mark` replaces the previous marks in the same go (a cell
 * fixed since the last check loses its fill), so there is no separate 清除标记: on Excel that is three
 * round trips in all. A warning answered by a 审核说明 is satisfied (rules.md), so it is listed but not
 * marked. Then the host may keep where the tables are, for a quicker next read.
 */
export async function validate(host: WorkbookHost, settings: CheckSettings = {}, report?: ReportBody | null): Promise<Analysis> {
  const body = report ? report.paragraphs : undefined;
  const { analysis } = await validateAndMark(host, (snapshot) => analyse(snapshot, { settings, body }));
  await host.keepTables?.();
  return analysis;
}

export async function clearMarks(host: WorkbookHost): Promise<void> {
  await host.clearMarks();
}

/** A read that looks at every sheet, where the host could otherwise read only the tables it remembers. */
function readAll(host: WorkbookHost): Promise<WorkbookSnapshot> {
  return host.readSnapshotFull ? host.readSnapshotFull() : host.readSnapshot();
}

/** 识别: what was found where, without judging the figures, on every sheet; the host may keep where the tables are. */
export async function recogniseWorkbook(host: WorkbookHost): Promise<Analysis> {
  const analysis = analyse(await readAll(host), { rules: [] });
  await host.keepTables?.();
  return analysis;
}

// ---------------------------------------------------------------- 计算同比

export interface FillRatiosResult {
  plan: RatioPlan;
  /** Cells written; 0 when there was nothing to do or the user declined. */
  written: number;
  cancelled: boolean;
}

/** Asked only when cells already hold something else: the user sees each old → new and decides. */
export type ConfirmOverwrites = (overwrites: RatioPlanItem[]) => Promise<boolean>;

export async function fillRatios(host: WorkbookHost, mode: RatioMode, confirm: ConfirmOverwrites): Promise<FillRatiosResult> {
  const plan = planRatios(analyse(await host.readSnapshot(), { rules: [] }), mode);
  if (plan.writes.length === 0) return { plan, written: 0, cancelled: false };
  if (plan.overwrites.length > 0 && !(await confirm(plan.overwrites))) return { plan, written: 0, cancelled: true };
  await host.writeValues(plan.writes);
  return { plan, written: plan.writes.length, cancelled: false };
}

// ---------------------------------------------------------------- 插入模板

export interface TemplateOptions {
  year: number;
  unit?: string;
  contact?: string;
}

export interface InsertTemplatesResult {
  inserted: TableId[];
  /** Tables already in the workbook, left alone. */
  present: TableId[];
  layouts: SheetLayout[];
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function validYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** The year a new report is for: the workbook's own, else last year (reports are filed early in the year after). */
export function defaultReportYear(analysis: Pick<Analysis, "year"> | null, today: Date = new Date()): number {
  return analysis?.year ?? today.getFullYear() - 1;
}

/** A sheet name not yet taken: `附件2 执法案件`, else `附件2 执法案件 (2)`, … */
function freeSheetName(wanted: string, taken: Set<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const name = `${wanted} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

export function missingTables(snapshot: WorkbookSnapshot): { present: TableId[]; missing: TableId[] } {
  const found = new Set(recognise(snapshot).map((t) => t.id));
  return { present: TABLE_IDS.filter((id) => found.has(id)), missing: TABLE_IDS.filter((id) => !found.has(id)) };
}

/** What the 插入模板 form starts from: the tables there, and the year, unit and contact the workbook already gives. */
export interface TemplateContext {
  present: TableId[];
  missing: TableId[];
  year: number;
  unit: string;
  contact: string;
}

export async function templateContext(host: WorkbookHost, today: Date = new Date()): Promise<TemplateContext> {
  const analysis = analyse(await readAll(host), { rules: [] });
  const found = new Set(analysis.tables.map((t) => t.id));
  const withLine = analysis.tables.find((t) => t.unitFromLine?.trim() || t.contactText?.trim());
  return {
    present: TABLE_IDS.filter((id) => found.has(id)),
    missing: TABLE_IDS.filter((id) => !found.has(id)),
    year: defaultReportYear(analysis, today),
    unit: withLine?.unitFromLine?.trim() ?? "",
    contact: withLine?.contactText?.trim() ?? "",
  };
}

export async function insertTemplates(host: WorkbookHost, opts: TemplateOptions): Promise<InsertTemplatesResult> {
  if (!validYear(opts.year)) throw new Error(`报告年度应为 ${MIN_YEAR} 到 ${MAX_YEAR} 之间的四位年份，现为“${opts.year}”。`);
  const snapshot = await readAll(host);
  const { present, missing } = missingTables(snapshot);
  const taken = new Set(snapshot.sheets.map((s) => s.name));
  const layouts = missing.map((id) => {
    const sheetName = freeSheetName(SHEET_NAMES[id], taken);
    taken.add(sheetName);
    return layoutFor(id, { year: opts.year, unit: opts.unit?.trim() || undefined, contact: opts.contact?.trim() || undefined, sheetName });
  });
  if (layouts.length > 0) await host.insertSheets(layouts);
  return { inserted: missing, present, layouts };
}

// ---------------------------------------------------------------- 审核说明

export interface NoteTarget {
  rule: string;
  sheet: string;
  cell: string;
}

/** A 审核说明 may answer a warning outside 附件2/3; there the table's own 数据变化原因分析 cell does (rules.md). */
export function canExplain(f: Finding): boolean {
  return f.severity === "warning" && f.table !== "A2" && f.table !== "A3";
}

/**
 * Saves (or, with empty text, removes) a reviewer's note. The state sheet is read afresh so the
 * saved formats of marked cells and the prior-year figures in it survive the rewrite.
 */
export async function saveNote(host: WorkbookHost, target: NoteTarget, text: string, now: Date = new Date()): Promise<WorkbookState> {
  const state = setNote(readState(await host.readSnapshot()), { ...target, text: text.trim(), time: now.toISOString() });
  await host.writeState(stateRows(state));
  return state;
}

// ---------------------------------------------------------------- 审核报告

export interface AuditReportResult {
  analysis: Analysis;
  rows: CellValue[][];
  sheet: string;
}

export async function writeAuditReport(
  host: WorkbookHost,
  opts: { settings?: CheckSettings; file?: string; now?: Date; report?: ReportBody | null } = {},
): Promise<AuditReportResult> {
  const analysis = analyse(await host.readSnapshot(), { settings: opts.settings, body: opts.report ? opts.report.paragraphs : undefined });
  const rows = auditReportRows(analysis, { file: opts.file, checkedAt: opts.now ?? new Date() });
  await host.writeSheet(AUDIT_SHEET, rows);
  return { analysis, rows, sheet: AUDIT_SHEET };
}

// ---------------------------------------------------------------- 对照工作报告

/**
 * The body of the 工作报告 the figures are checked against: kept by the pane once picked, so that
 * every later 校验 (and the 审核报告) includes the body check until the user drops it.
 */
export interface ReportBody {
  file: string;
  paragraphs: string[];
}

/** Turns the bytes of a .docx into its body; the panes pass the docx reader, loaded on demand. */
export type ReportReader = (bytes: Uint8Array, file: string) => Promise<ReportBody>;

// ---------------------------------------------------------------- 导入上年数

/** Turns the bytes of a .xlsx into a snapshot; the pane and the web shell pass the xlsx reader, loaded on demand. */
export type WorkbookReader = (bytes: Uint8Array, file?: string) => Promise<WorkbookSnapshot>;

/** Reads last year's report and plans the import; writes nothing. */
export async function previewImportPrior(host: WorkbookHost, lastBytes: Uint8Array, read: WorkbookReader, file?: string): Promise<ImportPlan> {
  const last = analyse(await read(lastBytes, file), { rules: [] });
  const current = analyse(await host.readSnapshot(), { rules: [] });
  return planImportPrior(current, last, file ?? "");
}

/** Last year's figures replace any kept before for the same table, unit and category. */
export function mergePriorFigures(kept: PriorFigure[], incoming: PriorFigure[]): PriorFigure[] {
  const fresh = new Set(incoming.map((p) => priorKey(p.table, p.unit, p.key)));
  return [...kept.filter((p) => !fresh.has(priorKey(p.table, p.unit, p.key))), ...incoming];
}

export interface ApplyImportResult {
  written: number;
}

/**
 * Writes exactly the cells the user ticked (`sheet!A1`, flows/importPrior cellId), and keeps all of
 * last year's figures in the state sheet so prior-mismatch works later without the file.
 */
export async function applyImportPrior(host: WorkbookHost, plan: ImportPlan, accept: ReadonlySet<string>): Promise<ApplyImportResult> {
  const writes = importWrites(plan, { accept: new Set(accept) });
  if (writes.length > 0) await host.writeValues(writes);
  if (plan.figures.length > 0) {
    const state = readState(await host.readSnapshot());
    await host.writeState(stateRows({ ...state, prior: mergePriorFigures(state.prior, plan.figures) }));
  }
  return { written: writes.length };
}

/**
 * Both steps at once, for a caller without a preview (the web shell's scripted flows): `accept` picks
 * the cells from the plan; by default every empty cell is filled and no conflict is touched.
 */
export async function importPrior(
  host: WorkbookHost,
  lastBytes: Uint8Array,
  accept: ReadonlySet<string> | ((plan: ImportPlan) => ReadonlySet<string>) | undefined,
  read: WorkbookReader,
  file?: string,
): Promise<ImportPlan & ApplyImportResult> {
  const plan = await previewImportPrior(host, lastBytes, read, file);
  const chosen = typeof accept === "function" ? accept(plan) : (accept ?? defaultAccepted(plan));
  const { written } = await applyImportPrior(host, plan, chosen);
  return { ...plan, written };
}

/** The cells ticked by default in the preview: every fill, never a conflict. */
export function defaultAccepted(plan: ImportPlan): Set<string> {
  return new Set(plan.rows.filter((r) => r.action === "fill").map(cellId));
}
