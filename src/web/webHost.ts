/**
 * The web page's workbook as the grid sees it: a file host (the snapshot host, snapshotHost.ts)
 * wrapped so that the grid follows every change. Each write is passed through and then the snapshot
 * is read again; marks are remembered for the grid's fills; select() asks the grid to scroll.
 *
 * A chosen file is told apart by what it holds, not its name: a 工作报告 (.docx) opens as its tables
 * (表1…表N) with its body kept for the pane's 校验; anything else goes to the workbook reader.
 */
import type { WorkbookSnapshot, CellValue } from "../grid/grid";
import { analyse } from "../check/analyse";
import { readState } from "../engine/stateSheet";
import type { CellMark, CellWrite, HostCost, HostNotice, WorkbookHost } from "../host/types";
import type { SheetLayout } from "../templates/layout";
import type { ReportBody } from "../app/actions";
import { combineMarks, markKey } from "../flows/marks";
import { SnapshotHost } from "./snapshotHost";
import type { FileHost, HostFactory } from "./fileHost";

export type { FileHost, HostFactory };

/** ExcelJS (~250 KiB gzip) is fetched only when a download is asked for. */
export async function loadExcelJSFactory(): Promise<HostFactory> {
  const { ExcelJSHost } = await import(/* webpackChunkName: "xlsx-host" */ "../host/xlsx/exceljsHost");
  return {
    fromBytes: (bytes) => ExcelJSHost.fromBytes(bytes),
    empty: async () => ExcelJSHost.empty(),
  };
}

/** Turns a file's bytes into a snapshot; throws the reader's WorkbookReadError for a file it refuses. */
export type WorkbookReader = (bytes: Uint8Array, file: string) => Promise<WorkbookSnapshot>;

/** The fast reader (fflate, ~14 KiB gzip), fetched when the first file is opened; the sample needs none. */
export const readWithFastReader: WorkbookReader = async (bytes, file) => {
  const { readWorkbookFast } = await import(/* webpackChunkName: "xlsx-read" */ "../host/xlsx/fastReader");
  return readWorkbookFast(bytes, { file });
};

/** A report's tables and body; null when the bytes are no report after all (the workbook reader then takes them). */
export type ReportFileReader = (bytes: Uint8Array, file: string) => Promise<{ snapshot: WorkbookSnapshot; paragraphs: string[] } | null>;

const WORD_PART = "word/document.xml";

/**
 * Whether the report reader should look at the file: named .docx/.doc (so a damaged, encrypted or
 * Word 97 report gets the report's sentence), or a zip naming word/document.xml (its central
 * directory stores names as plain bytes). Cheap, so a workbook never fetches the report reader.
 */
export function mayBeReport(bytes: Uint8Array, file: string): boolean {
  if (/\.docx?$/i.test(file.trim())) return true;
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] | 0x20) !== 0x77) continue; // w or W
    let j = 1;
    // any case, and `\` for `/` as some Windows generators write it (sniff.ts reads names so)
    while (j < WORD_PART.length && ((bytes[i + j] | 0x20) === WORD_PART.charCodeAt(j) || (WORD_PART[j] === "/" && bytes[i + j] === 0x5c))) j++;
    if (j === WORD_PART.length) return true;
  }
  return false;
}

/**
 * The .docx reader (its own chunk, fetched with the first report). A report without readable tables
 * is refused with its one sentence (未找到表格 / 表格是图片): the page has nothing to show for it, and
 * the workbook open before stays open.
 */
export const readReportTables: ReportFileReader = async (bytes, file) => {
  const { isDocx, readDocx, tablesProblem } = await import(/* webpackChunkName: "docx-read" */ "../host/docx/readDocx");
  if (!isDocx(bytes) && !/\.docx?$/i.test(file.trim())) return null;
  const report = readDocx(bytes, { file });
  const problem = tablesProblem(report, file);
  if (problem) throw problem;
  return { snapshot: report.snapshot, paragraphs: report.paragraphs };
};

/**
 * A chosen file for the page: a report's tables, or a workbook read with `read`; changed in memory,
 * written with ExcelJS only for a download.
 */
export async function openWorkbookBytes(
  bytes: Uint8Array,
  fileName: string,
  read: WorkbookReader,
  loadFactory: () => Promise<HostFactory>,
  readReport: ReportFileReader = readReportTables,
): Promise<WebHost> {
  const report = mayBeReport(bytes, fileName) ? await readReport(bytes, fileName) : null;
  if (report) return WebHost.open(SnapshotHost.ofTables(report.snapshot, loadFactory), fileName, { file: fileName, paragraphs: report.paragraphs });
  const snapshot = await read(bytes, fileName);
  return WebHost.open(new SnapshotHost(snapshot, bytes, loadFactory), fileName);
}

export interface Selection {
  sheet: string;
  address: string;
  /** Increases with every select(), so selecting the same cell twice scrolls to it again. */
  seq: number;
}

export interface WebHostState {
  snapshot: WorkbookSnapshot;
  /** One mark per cell, by markKey(sheet, address). */
  marks: ReadonlyMap<string, CellMark>;
  selection: Selection | null;
}

type Listener = () => void;

let nextId = 1;

export class WebHost implements WorkbookHost {
  /** Distinguishes workbooks, so the pane starts afresh when another file is opened. */
  readonly id = nextId++;
  private state: WebHostState;
  private readonly listeners = new Set<Listener>();
  private seq = 0;

  private constructor(
    private readonly inner: FileHost,
    readonly fileName: string,
    snapshot: WorkbookSnapshot,
    /** Set when the file is a 工作报告: its body, which every 校验 checks against its tables. */
    readonly report: ReportBody | null,
  ) {
    this.state = { snapshot, marks: marksKeptInFile(snapshot), selection: null };
  }

  static async open(inner: FileHost, fileName: string, report: ReportBody | null = null): Promise<WebHost> {
    return new WebHost(inner, fileName, await inner.readSnapshot(), report);
  }

  /** For useSyncExternalStore: the same object until something changes. */
  getState = (): WebHostState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(next: Partial<WebHostState>): void {
    this.state = { ...this.state, ...next };
    for (const l of [...this.listeners]) l();
  }

  private async refresh(marks?: ReadonlyMap<string, CellMark>): Promise<void> {
    const snapshot = await this.inner.readSnapshot();
    this.set(marks ? { snapshot, marks } : { snapshot });
  }

  /** What the file host cannot do, passed through for the pane to show. */
  get costs(): readonly HostCost[] | undefined {
    return this.inner.costs;
  }

  takeWarnings(): HostNotice[] {
    return this.inner.takeWarnings?.() ?? [];
  }

  readSnapshotFull(): Promise<WorkbookSnapshot> {
    return this.inner.readSnapshotFull ? this.inner.readSnapshotFull() : this.inner.readSnapshot();
  }

  async keepTables(): Promise<void> {
    if (!this.inner.keepTables) return;
    await this.inner.keepTables();
    await this.refresh();
  }

  /** Every change goes through this wrapper and refreshes the grid, so a plain read needs no notification. */
  readSnapshot(): Promise<WorkbookSnapshot> {
    return this.inner.readSnapshot();
  }

  async writeValues(writes: CellWrite[]): Promise<void> {
    await this.inner.writeValues(writes);
    await this.refresh();
  }

  async mark(marks: CellMark[]): Promise<void> {
    await this.inner.mark(marks);
    const next = new Map(this.state.marks);
    for (const m of combineMarks([...this.state.marks.values(), ...marks])) next.set(markKey(m.sheet, m.address), m);
    await this.refresh(next);
  }

  async clearMarks(): Promise<void> {
    await this.inner.clearMarks();
    await this.refresh(new Map());
  }

  async insertSheets(layouts: SheetLayout[]): Promise<void> {
    await this.inner.insertSheets(layouts);
    await this.refresh();
  }

  async writeState(rows: CellValue[][]): Promise<void> {
    await this.inner.writeState(rows);
    await this.refresh();
  }

  async writeSheet(name: string, rows: CellValue[][]): Promise<void> {
    await this.inner.writeSheet(name, rows);
    await this.refresh();
  }

  async select(sheet: string, address: string): Promise<void> {
    this.seq += 1;
    this.set({ selection: { sheet, address: address.replace(/\$/g, "").toUpperCase(), seq: this.seq } });
  }

  toBytes(): Promise<Uint8Array> {
    return this.inner.toBytes();
  }

  submissionCopy(): Promise<Uint8Array> {
    return this.inner.submissionCopy();
  }
}

/**
 * A file saved with marks (an annotated copy opened again) lists its marked cells in the state sheet
 * but not their severity; the findings at those cells give it, so the grid shows what the file shows.
 */
export function marksKeptInFile(snapshot: WorkbookSnapshot): Map<string, CellMark> {
  const out = new Map<string, CellMark>();
  if (readState(snapshot).marks.length === 0) return out;
  const analysis = analyse(snapshot);
  const kept = new Set(analysis.state.marks.map((m) => markKey(m.sheet, m.cell)));
  const found = analysis.findings
    .filter((f) => kept.has(markKey(f.sheet, f.cell)))
    .map((f) => ({ sheet: f.sheet, address: f.cell, severity: f.severity, message: f.message }));
  for (const m of combineMarks(found)) out.set(markKey(m.sheet, m.address), m);
  return out;
}
