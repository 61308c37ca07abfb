/**
 * A fake of the Excel JavaScript object model, faithful where the Office host's correctness depends
 * on it:
 * - Every load, property set and method call is queued and runs only at `context.sync()`, in order
 *   (so a load queued before a set reads the old value, as in Office).
 * - Reading a property that was not loaded and synced throws `PropertyNotLoaded`, as Office does.
 * - A failing statement rejects the sync; the statements before it have taken effect, the later ones
 *   have not, and no load of that batch is filled in.
 * - `level` is the highest ExcelApi 1.x the fake answers: members of later sets throw when touched
 *   (as a missing function would), and `isSetSupported` answers accordingly. Level 1 is Office 2016.
 * - Typing a string into a General cell turns numbers, percentages, dates and `=` into what Excel makes
 *   of them; a cell formatted `@` keeps the text.
 * - Without a fill, `format.fill.color` reads `#FFFFFF` (as Excel does); `tintAndShade` (1.9) is null.
 * - A protected sheet (Review → Protect Sheet) refuses, with AccessDenied, what its protection options
 *   do not allow: values and formulas of locked cells (every cell is locked unless unlocked), formats
 *   unless `allowFormatCells`, notes and comments unless `allowEditObjects`, merges always. Microsoft:
 *   "Protect a worksheet" (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#data-protection),
 *   Excel.WorksheetProtectionOptions (learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions:
 *   allowFormatCells "Represents the worksheet protection option allowing the use of the formatting cells
 *   feature", allowEditObjects "…allowing editing of objects"), and the error code table of
 *   learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling (AccessDenied:
 *   "You can't perform the requested operation"). A batch is not a transaction: the statements before
 *   the refused one stay applied.
 *
 * - Workbook names (1.1 read, 1.4 add/delete/OrNullObject) follow their sheet when it is renamed, shrink
 *   when rows inside them are deleted, and turn `#REF!` when all their rows or their sheet go; the range
 *   of a `#REF!` name is a trap (office-js #263: Excel crashed), counted in `crashes`.
 * - A formula written into a cell formatted `@` stays text; text typed into a General cell is converted
 *   as zh-CN Excel converts it (see typeIn).
 * - `platform: "web"`: a batch whose response is over 5 MB fails with ResponsePayloadSizeLimitExceeded.
 * - `readOnly` (a workbook open for viewing), `annotationRefusal` (the code of a refused note) and
 *   `failNextSync` (any code) let tests meet what real Excel does without saying so in advance.
 * - `createWorkbook` (1.8) records the base64 it was given; `valuesRead` counts the cells whose values
 *   were loaded, so a test can tell a narrow read from a whole used range.
 *
 * Sheets, cells, merges, notes and comments live in plain objects a test can set up and inspect.
 * `FakeRequestContext.prototype.sync` is a real method so tests can `jest.spyOn` it.
 */
import type { CellValue, MergeArea, WorkbookSnapshot } from "../../src/grid/grid";
import { colToLetters, lettersToCol, toA1 } from "../../src/grid/grid";

// ---------------------------------------------------------------------------------------------
// Errors

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

function notLoaded(type: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Addresses

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** `A1`, `A1:C3`, `C:C`, `C:E`, `3:5`, with or without `$` and a sheet part; 0-based inclusive. */
export function parseAddress(address: string): MergeArea {
  const local = address
    .slice(address.lastIndexOf("!") + 1)
    .replace(/\$/g, "")
    .trim()
    .toUpperCase();
  const parts = local.split(":");
  if (parts.length > 2) throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
  const ends = parts.map((p) => {
    let m = /^([A-Z]{1,3})(\d{1,7})$/.exec(p);
    if (m) return { row: Number(m[2]) - 1, col: lettersToCol(m[1]), kind: "cell" as const };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { row: -1, col: lettersToCol(m[1]), kind: "col" as const };
    m = /^(\d{1,7})$/.exec(p);
    if (m) return { row: Number(m[1]) - 1, col: -1, kind: "row" as const };
    throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
  });
  const a = ends[0];
  const b = ends[1] ?? a;
  if (a.kind !== b.kind) throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
  let area: MergeArea;
  if (a.kind === "col") area = { top: 0, bottom: MAX_ROW, left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
  else if (a.kind === "row") area = { left: 0, right: MAX_COL, top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row) };
  else area = { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
  if (area.bottom > MAX_ROW || area.right > MAX_COL || area.top < 0 || area.left < 0) throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
  return area;
}

function areaA1(a: MergeArea): string {
  const x = toA1(a.top, a.left);
  const y = toA1(a.bottom, a.right);
  return x === y ? x : `${x}:${y}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_\u4e00-\u9fff]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function splitSheetAddress(address: string): { sheet: string | null; local: string } {
  const i = address.lastIndexOf("!");
  if (i < 0) return { sheet: null, local: address };
  let s = address.slice(0, i).trim();
  if (s.startsWith("'") && s.endsWith("'")) s = s.slice(1, -1).replace(/''/g, "'");
  return { sheet: s, local: address.slice(i + 1) };
}

const key = (r: number, c: number) => `${r},${c}`;
const cellCount = (a: MergeArea) => (a.bottom - a.top + 1) * (a.right - a.left + 1);
const intersects = (a: MergeArea, b: MergeArea) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const inside = (a: MergeArea, b: MergeArea) => a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;

// ---------------------------------------------------------------------------------------------
// The workbook's data

export interface FakeCell {
  /** "" when empty. */
  value: string | number | boolean;
  /** Format Cells → Protection → Locked; every cell is locked unless unlocked (matters once the sheet is protected). */
  locked?: boolean;
  /** The value is an error value (`#N/A`), not text that reads the same. */
  error?: boolean;
  formula?: string;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  fontSize: number;
  wrap: boolean;
  hAlign: string;
  vAlign: string;
}

function blankCell(): FakeCell {
  return { value: "", numberFormat: "General", fill: null, bold: false, fontSize: 11, wrap: false, hAlign: "General", vAlign: "Bottom" };
}

function hasFormat(c: FakeCell): boolean {
  return c.numberFormat !== "General" || c.fill !== null || c.bold || c.fontSize !== 11 || c.wrap || c.hAlign !== "General" || c.vAlign !== "Bottom";
}

export interface FakeProtectionOptions {
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowEditObjects: boolean;
}

/** What a statement changes, for the protection check: cell contents, formats, objects (notes, comments), merges. */
export type WriteKind = "value" | "format" | "columns" | "rows" | "object" | "merge";

export interface FakeBorder {
  area: MergeArea;
  edge: string;
  style?: string;
  weight?: string;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export class FakeSheet {
  visibility: Visibility = "Visible";
  /** Review → Protect Sheet: writes its options do not allow fail with AccessDenied (see FakeWorkbook.writable). */
  isProtected = false;
  /** What the protection allows (Excel.WorksheetProtectionOptions, ExcelApi 1.2); all false by default, as in Excel's dialog but for selecting. */
  protectionOptions: FakeProtectionOptions = { allowFormatCells: false, allowFormatColumns: false, allowFormatRows: false, allowEditObjects: false };
  readonly cells = new Map<string, FakeCell>();
  merges: MergeArea[] = [];
  readonly colWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly borders: FakeBorder[] = [];
  /** Notes by A1 address. */
  readonly notes = new Map<string, string>();

  constructor(public name: string) {}

  private at(a1: string): { r: number; c: number } {
    const a = parseAddress(a1);
    return { r: a.top, c: a.left };
  }

  cell(a1: string): FakeCell | undefined {
    const { r, c } = this.at(a1);
    return this.cells.get(key(r, c));
  }

  /** Creates the cell when missing (test setup and the fake's own writes). */
  ensure(r: number, c: number): FakeCell {
    let cell = this.cells.get(key(r, c));
    if (!cell) {
      cell = blankCell();
      this.cells.set(key(r, c), cell);
    }
    return cell;
  }

  value(a1: string): CellValue {
    const c = this.cell(a1);
    return !c || c.value === "" ? null : c.value;
  }

  /** The fill as stored: null for none (what the UI calls "No Fill"). */
  fill(a1: string): string | null {
    return this.cell(a1)?.fill ?? null;
  }

  setValue(a1: string, value: CellValue, numberFormat?: string): void {
    const { r, c } = this.at(a1);
    const cell = this.ensure(r, c);
    cell.value = value === null ? "" : value;
    cell.formula = undefined;
    if (numberFormat !== undefined) cell.numberFormat = numberFormat;
  }

  setFill(a1: string, color: string | null): void {
    const { r, c } = this.at(a1);
    this.ensure(r, c).fill = color === null ? null : color.toUpperCase();
  }

  /** Bounding box of cells with a value (or with any formatting or merge too). */
  usedArea(valuesOnly: boolean): MergeArea | null {
    let box: MergeArea | null = null;
    const grow = (a: MergeArea) => {
      box = box
        ? { top: Math.min(box.top, a.top), left: Math.min(box.left, a.left), bottom: Math.max(box.bottom, a.bottom), right: Math.max(box.right, a.right) }
        : { ...a };
    };
    for (const [k, c] of this.cells) {
      if (c.value === "" && c.formula === undefined && (valuesOnly || !hasFormat(c))) continue;
      const [r, col] = k.split(",").map(Number);
      grow({ top: r, left: col, bottom: r, right: col });
    }
    if (!valuesOnly) for (const m of this.merges) grow(m);
    return box;
  }

  /** Values anchored at A1, as the engine's snapshot holds them. */
  values(): CellValue[][] {
    const used = this.usedArea(true);
    if (!used) return [];
    const out: CellValue[][] = [];
    for (let r = 0; r <= used.bottom; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c <= used.right; c++) {
        const v = this.cells.get(key(r, c))?.value;
        row.push(v === undefined || v === "" ? null : v);
      }
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      out.push(row);
    }
    return out;
  }
}

export interface FakeComment {
  id: string;
  sheet: FakeSheet;
  address: string;
  content: string;
}

/** A workbook-scoped name; `area` null once its reference is broken (`#REF!`). */
export interface FakeName {
  name: string;
  sheet: FakeSheet | null;
  area: MergeArea | null;
  comment: string;
}

export interface FakeOptions {
  /** Highest ExcelApi 1.x answered: 1 (Office 2016) … 18. */
  level?: number;
  /**
   * "web": Excel on the web, where a batch's response over 5 MB fails with ResponsePayloadSizeLimitExceeded
   * and none of its loads is filled ("Excel add-ins" section of learn.microsoft.com/office/dev/add-ins/
   * concepts/resource-limits-and-performance-optimization: "Excel on the web has a payload size limit for
   * requests and responses of 5MB. RichAPI.Error will be triggered if that limit is exceeded.").
   */
  platform?: "desktop" | "web";
}

/** The web's limit on a batch's response, in bytes of its JSON. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export type ExcelRunLike = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export class FakeWorkbook {
  readonly level: number;
  readonly platform: "desktop" | "web";
  /** Bytes (of JSON) the batch being synced sends back. */
  responseBytes = 0;
  readonly sheets: FakeSheet[] = [];
  readonly comments: FakeComment[] = [];
  activeSheet: FakeSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** The user is typing in a cell: writes fail with InvalidOperationInCellEditMode. */
  editMode = false;
  /** Review → Protect Workbook: sheets cannot be added, removed, hidden. */
  structureProtected = false;
  /** Opened for viewing (Excel on the web's Viewing mode, a read-only or rights-managed file): every write fails with AccessDenied. */
  readOnly = false;
  /**
   * The code Excel gives when a note or comment cannot be added because the cell has one. Microsoft
   * documents none for this case, so tests try several; InvalidArgument by default.
   */
  annotationRefusal = "InvalidArgument";
  /** Every `context.sync()` of every Excel.run on this workbook. */
  syncCount = 0;
  /** Cells whose `values` were loaded, over every batch. */
  valuesRead = 0;
  /** The next sync fails with this Office error code before running anything (a test's way to meet a code). */
  failNextSync: string | null = null;
  /** Times a statement would have crashed Excel (a broken name dereferenced, office-js #263). */
  crashes = 0;
  readonly names: FakeName[] = [];
  /** The base64 .xlsx of every workbook made with `createWorkbook`. */
  readonly createdWorkbooks: string[] = [];
  private nextCommentId = 1;

  constructor(options: FakeOptions = {}) {
    this.level = options.level ?? 1;
    this.platform = options.platform ?? "desktop";
  }

  static fromSnapshot(snapshot: WorkbookSnapshot, options: FakeOptions = {}): FakeWorkbook {
    const book = new FakeWorkbook(options);
    for (const s of snapshot.sheets) {
      const sheet = book.addSheet(s.name);
      s.values.forEach((row, r) =>
        row?.forEach((v, c) => {
          if (v !== null && v !== undefined) sheet.ensure(r, c).value = v;
        }),
      );
      sheet.merges = s.merges.map((m) => ({ ...m }));
      if (s.hidden) sheet.visibility = "Hidden";
    }
    return book;
  }

  addSheet(name: string): FakeSheet {
    if (this.find(name)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} exists`);
    const s = new FakeSheet(name);
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = s;
    return s;
  }

  find(name: string): FakeSheet | undefined {
    const low = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === low);
  }

  sheet(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  commentAt(sheet: string, a1: string): FakeComment | undefined {
    return this.comments.find((c) => c.sheet.name === sheet && c.address === a1.toUpperCase());
  }

  addComment(sheet: string, a1: string, content: string): FakeComment {
    const c = { id: `c${this.nextCommentId++}`, sheet: this.sheet(sheet), address: a1.toUpperCase(), content };
    this.comments.push(c);
    return c;
  }

  findName(name: string): FakeName | undefined {
    const low = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === low);
  }

  /** Deletes whole rows as Excel does: cells, merges, notes and comments below move up; names shrink or break. */
  deleteRows(sheetName: string, top: number, count: number): void {
    const sheet = this.sheet(sheetName);
    const bottom = top + count - 1;
    const shift = (r: number) => (r > bottom ? r - count : r);
    const moved = new Map<string, FakeCell>();
    for (const [k, c] of sheet.cells) {
      const [r, col] = k.split(",").map(Number);
      if (r >= top && r <= bottom) continue;
      moved.set(key(shift(r), col), c);
    }
    sheet.cells.clear();
    for (const [k, c] of moved) sheet.cells.set(k, c);
    const squeeze = (a: MergeArea): MergeArea | null => {
      const keepTop = a.top < top ? a.top : a.top > bottom ? a.top - count : top;
      const keepBottom = a.bottom > bottom ? a.bottom - count : a.bottom < top ? a.bottom : top - 1;
      if (a.top >= top && a.bottom <= bottom) return null;
      return { ...a, top: keepTop, bottom: Math.max(keepTop, keepBottom) };
    };
    sheet.merges = sheet.merges.map(squeeze).filter((m): m is MergeArea => m !== null && cellCount(m) > 1);
    const notes = [...sheet.notes];
    sheet.notes.clear();
    for (const [a1, text] of notes) {
      const p = parseAddress(a1);
      if (p.top >= top && p.top <= bottom) continue;
      sheet.notes.set(toA1(shift(p.top), p.left), text);
    }
    for (let i = this.comments.length - 1; i >= 0; i--) {
      const c = this.comments[i];
      if (c.sheet !== sheet) continue;
      const p = parseAddress(c.address);
      if (p.top >= top && p.top <= bottom) this.comments.splice(i, 1);
      else c.address = toA1(shift(p.top), p.left);
    }
    for (const n of this.names) if (n.sheet === sheet && n.area) n.area = squeeze(n.area);
  }

  /** Deletes a sheet as the user does: names on it turn `#REF!`, its comments go. */
  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const n of this.names) if (n.sheet === sheet) n.area = null;
    for (let i = this.comments.length - 1; i >= 0; i--) if (this.comments[i].sheet === sheet) this.comments.splice(i, 1);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0] ?? null;
  }

  createWorkbook = async (base64: string): Promise<void> => {
    this.gate(8, "Excel.createWorkbook");
    if (typeof base64 !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
      throw new FakeOfficeError("InvalidArgument", "The base64 string is not valid.", "Excel.createWorkbook");
    this.createdWorkbooks.push(base64);
  };

  /** The workbook as the engine would read it, from the fake's own data (the truth tests compare to). */
  snapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        values: s.values(),
        merges: s.merges.map((m) => ({ ...m })),
        ...(s.visibility !== "Visible" ? { hidden: true } : {}),
      })),
    };
  }

  isSetSupported = (name: string, version?: string): boolean => {
    if (name !== "ExcelApi") return false;
    const m = /^1\.(\d+)$/.exec(version ?? "1.1");
    return m !== null && Number(m[1]) <= this.level;
  };

  run: ExcelRunLike = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeRequestContext(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pending > 0) throw new Error(`Excel.run ended with ${ctx.pending} queued command(s) that were never synced`);
    return result;
  };

  /** Puts `Excel.run` and `Office.context.requirements` on globalThis; returns the undo. */
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    const before = { Excel: g.Excel, Office: g.Office };
    g.Excel = { run: this.run, createWorkbook: this.createWorkbook };
    g.Office = { context: { requirements: { isSetSupported: this.isSetSupported } } };
    return () => {
      g.Excel = before.Excel;
      g.Office = before.Office;
    };
  }

  // ---- checks the statements make when they run

  gate(minor: number, member: string): void {
    if (this.level < minor) throw new TypeError(`${member} needs ExcelApi 1.${minor}; this Excel has ExcelApi 1.${this.level} only`);
  }

  /**
   * Whether a statement of this kind may change the sheet: refused in cell-edit mode, and on a protected
   * sheet unless its options allow it (values: only unlocked cells; `area` names the cells written).
   */
  writable(sheet: FakeSheet, what: string, kind: WriteKind = "value", area?: MergeArea): void {
    if (this.editMode) throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.", what);
    if (this.readOnly) throw new FakeOfficeError("AccessDenied", "You don't have permission to edit this workbook.", what);
    if (!sheet.isProtected) return;
    const o = sheet.protectionOptions;
    let allowed: boolean;
    if (kind === "format") allowed = o.allowFormatCells;
    else if (kind === "columns") allowed = o.allowFormatColumns;
    else if (kind === "rows") allowed = o.allowFormatRows;
    else if (kind === "object") allowed = o.allowEditObjects;
    else if (kind === "merge") allowed = false;
    else allowed = area !== undefined && cellCount(area) <= 200000 && cellsIn(area).every(({ r, c }) => sheet.cells.get(key(r, c))?.locked === false);
    if (!allowed) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.", what);
  }

  structural(what: string): void {
    if (this.editMode) throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.", what);
    if (this.readOnly) throw new FakeOfficeError("AccessDenied", "You don't have permission to edit this workbook.", what);
    if (this.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.", what);
  }

  newCommentId(): string {
    return `c${this.nextCommentId++}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Request context and proxies

type Op = () => (() => void) | void;

export class FakeRequestContext {
  readonly workbook: FakeWorkbookObject;
  private queue: Op[] = [];

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookObject(this);
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    this.book.syncCount++;
    const ops = this.queue;
    this.queue = [];
    const failure = this.book.failNextSync;
    if (failure) {
      this.book.failNextSync = null;
      throw new FakeOfficeError(failure, `Simulated ${failure}.`);
    }
    this.book.responseBytes = 0;
    const commits: Array<() => void> = [];
    for (const op of ops) {
      const commit = op();
      if (commit) commits.push(commit);
    }
    if (this.book.platform === "web" && this.book.responseBytes > WEB_PAYLOAD_LIMIT) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
      );
    }
    for (const c of commits) c();
  }
}

function propList(arg?: string | string[] | { select?: string }): string[] {
  const raw = arg === undefined ? "" : typeof arg === "string" ? arg : Array.isArray(arg) ? arg.join(",") : (arg.select ?? "");
  return raw
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

abstract class FakeObject<T> {
  private resolved: { t: T | null } | undefined;
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  protected abstract readonly typeName: string;

  constructor(
    readonly context: FakeRequestContext,
    private readonly resolver: () => T | null,
    nullable = false,
  ) {
    if (nullable) {
      context.enqueue(() => {
        const t = this.target();
        return () => {
          this.nullState = t === null;
        };
      });
    } else {
      this.nullState = false;
    }
  }

  get book(): FakeWorkbook {
    return this.context.book;
  }

  /** What this proxy stands for, found when the first statement using it runs. */
  target(): T | null {
    if (!this.resolved) this.resolved = { t: this.resolver() };
    return this.resolved.t;
  }

  setTarget(t: T): void {
    this.resolved = { t };
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded(this.typeName, "isNullObject");
    return this.nullState;
  }

  /** The ExcelApi minor version a property needs (1 unless a subclass says otherwise). */
  protected propLevel(_prop: string): number {
    return 1;
  }

  protected abstract propValue(t: T, prop: string): unknown;

  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(this.typeName, prop);
    return this.loaded.get(prop) as V;
  }

  load(arg?: string | string[] | { select?: string }): this {
    const props = propList(arg);
    if (props.length === 0) throw new Error(`${this.typeName}.load() without properties loads everything; name the properties`);
    for (const p of props) this.book.gate(this.propLevel(p), `${this.typeName}.${p}`);
    this.context.enqueue(() => {
      const t = this.target();
      const values = new Map<string, unknown>();
      if (t !== null) for (const p of props) values.set(p, this.propValue(t, p));
      for (const v of values.values()) this.book.responseBytes += v === undefined ? 0 : JSON.stringify(v).length;
      return () => {
        for (const [k, v] of values) this.loaded.set(k, v);
        this.nullState = t === null;
      };
    });
    return this;
  }

  /** Queues a statement on the target; on a null object it does nothing (as Office ignores it). */
  protected act(fn: (t: T) => void): void {
    this.context.enqueue(() => {
      const t = this.target();
      if (t !== null) fn(t);
    });
  }

  protected unknown(prop: string): never {
    throw new Error(`fake ${this.typeName} has no property ${prop}`);
  }
}

/** A child proxy whose target follows its parent's (null when the parent is a null object). */
function child<P, T>(parent: FakeObject<P>, f: (p: P) => T | null): () => T | null {
  return () => {
    const p = parent.target();
    return p === null ? null : f(p);
  };
}

// ---- workbook, worksheets

class FakeWorkbookObject extends FakeObject<FakeWorkbook> {
  protected readonly typeName = "Workbook";
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  private commentCollection?: FakeCommentCollection;

  constructor(context: FakeRequestContext) {
    super(context, () => context.book);
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context);
  }

  get comments(): FakeCommentCollection {
    this.book.gate(10, "Workbook.comments");
    this.commentCollection ??= new FakeCommentCollection(this.context);
    return this.commentCollection;
  }

  get notes(): never {
    this.book.gate(18, "Workbook.notes");
    throw new Error("fake: use Worksheet.notes");
  }

  protected propValue(_t: FakeWorkbook, prop: string): unknown {
    return this.unknown(prop);
  }
}

function itemProps(props: string[]): string[] {
  return props.map((p) => (p.startsWith("items/") ? p.slice(6) : p));
}

/**
 * A collection proxy of the workbook (WorksheetCollection, CommentCollection, NamedItemCollection):
 * `items` only after load() and sync(), each item loaded with the properties asked for: "this load happens
 * when the sync() method is executed" (OfficeExtension.LoadOption, learn.microsoft.com/javascript/api/office/officeextension.loadoption).
 */
abstract class FakeCollection<I extends { fill(props: string[]): void }> extends FakeObject<FakeWorkbook> {
  private loadedItems?: I[];

  constructor(context: FakeRequestContext) {
    super(context, () => context.book);
  }

  /** The item proxy for one member, or (`null`) a probe for the API level of its properties. */
  protected abstract item(member: unknown): I;
  protected abstract members(): unknown[];
  /** Refuses properties the host's API level lacks, before anything is queued; nothing to refuse by default. */
  protected gateItemProps(_props: string[]): void {}

  protected propValue(_t: FakeWorkbook, prop: string): unknown {
    return this.unknown(prop);
  }

  get items(): I[] {
    if (!this.loadedItems) throw notLoaded(this.typeName, "items");
    return this.loadedItems;
  }

  override load(arg?: string | string[] | { select?: string }): this {
    const props = itemProps(propList(arg));
    this.gateItemProps(props);
    this.context.enqueue(() => {
      const items = this.members().map((m) => {
        const o = this.item(m);
        o.fill(props);
        return o;
      });
      return () => {
        this.loadedItems = items;
      };
    });
    return this;
  }
}

class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  protected readonly typeName = "WorksheetCollection";

  protected item(member: unknown): FakeWorksheet {
    return new FakeWorksheet(this.context, () => member as never);
  }

  protected members(): unknown[] {
    return this.book.sheets;
  }

  protected override gateItemProps(props: string[]): void {
    const probe = new FakeWorksheet(this.context, () => null);
    for (const p of props) this.book.gate(probe.levelOf(p), `Worksheet.${p}`);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const s = this.book.find(name);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${name}`, "WorksheetCollection.getItem");
      return s;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    this.book.gate(4, "WorksheetCollection.getItemOrNullObject");
    return new FakeWorksheet(this.context, () => this.book.find(name) ?? null, true);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.book.activeSheet);
  }

  add(name?: string): FakeWorksheet {
    const w = new FakeWorksheet(this.context, () => {
      throw new Error("fake: sheet used before its add ran");
    });
    this.context.enqueue(() => {
      this.book.structural("WorksheetCollection.add");
      let n = name;
      if (n === undefined) {
        let i = this.book.sheets.length + 1;
        while (this.book.find(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      if (n.length > 31 || /[:\\/?*[\]]/.test(n) || n.trim() === "")
        throw new FakeOfficeError("InvalidArgument", `Bad sheet name ${n}`, "WorksheetCollection.add");
      if (this.book.find(n)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${n} already exists.`, "WorksheetCollection.add");
      w.setTarget(this.book.addSheet(n));
    });
    return w;
  }
}

class FakeWorksheet extends FakeObject<FakeSheet> {
  protected readonly typeName = "Worksheet";
  private filled = new Map<string, unknown>();

  levelOf(prop: string): number {
    return this.propLevel(prop);
  }

  /** Loaded at once (collection items arrive loaded). */
  fill(props: string[]): void {
    const t = this.target();
    if (t) for (const p of props) this.filled.set(p, this.propValue(t, p));
  }

  protected override get<V>(prop: string): V {
    if (this.filled.has(prop)) return this.filled.get(prop) as V;
    return super.get<V>(prop);
  }

  protected propValue(t: FakeSheet, prop: string): unknown {
    if (prop === "name") return t.name;
    if (prop === "visibility") return t.visibility;
    if (prop === "position") return this.book.sheets.indexOf(t);
    if (prop === "id") return `{${t.name}}`;
    return this.unknown(prop);
  }

  get name(): string {
    return this.get("name");
  }

  set name(v: string) {
    this.act((t) => {
      this.book.structural("Worksheet.name");
      if (this.book.find(v) && this.book.find(v) !== t) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${v} exists`);
      t.name = v;
    });
  }

  get visibility(): Visibility {
    return this.get("visibility");
  }

  set visibility(v: Visibility) {
    this.book.gate(2, "Worksheet.visibility (set)");
    this.act((t) => {
      this.book.structural("Worksheet.visibility");
      if (v !== "Visible" && this.book.sheets.filter((s) => s !== t && s.visibility === "Visible").length === 0) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.", "Worksheet.visibility");
      }
      t.visibility = v;
      if (v !== "Visible" && this.book.activeSheet === t) this.book.activeSheet = this.book.sheets.find((s) => s.visibility === "Visible") ?? null;
    });
  }

  private protectionObject?: FakeProtection;
  private noteCollection?: FakeNoteCollection;

  get protection(): FakeProtection {
    this.book.gate(2, "Worksheet.protection");
    this.protectionObject ??= new FakeProtection(
      this.context,
      child(this, (s) => s),
    );
    return this.protectionObject;
  }

  get notes(): FakeNoteCollection {
    this.book.gate(18, "Worksheet.notes");
    this.noteCollection ??= new FakeNoteCollection(
      this.context,
      child(this, (s) => s),
    );
    return this.noteCollection;
  }

  getRange(address?: string): FakeRange {
    const area = address === undefined ? { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL } : null;
    return new FakeRange(
      this.context,
      child(this, (s) => ({ sheet: s, area: area ?? parseAddress(address as string) })),
    );
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.book.gate(2, "Worksheet.getUsedRange(valuesOnly)");
    return new FakeRange(
      this.context,
      child(this, (s) => ({ sheet: s, area: s.usedArea(valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 } })),
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.book.gate(4, "Worksheet.getUsedRangeOrNullObject");
    return new FakeRange(
      this.context,
      child(this, (s) => {
        const a = s.usedArea(valuesOnly === true);
        return a ? { sheet: s, area: a } : null;
      }),
      true,
    );
  }

  activate(): void {
    this.act((t) => {
      if (t.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "A hidden sheet cannot be activated.", "Worksheet.activate");
      this.book.activeSheet = t;
    });
  }

  delete(): void {
    this.act((t) => {
      this.book.structural("Worksheet.delete");
      this.book.sheets.splice(this.book.sheets.indexOf(t), 1);
      for (const n of this.book.names) if (n.sheet === t) n.area = null;
      if (this.book.activeSheet === t) this.book.activeSheet = this.book.sheets[0] ?? null;
    });
  }
}

class FakeProtection extends FakeObject<FakeSheet> {
  protected readonly typeName = "WorksheetProtection";
  protected override propLevel(): number {
    return 2;
  }
  protected propValue(t: FakeSheet, prop: string): unknown {
    if (prop === "protected") return t.isProtected;
    if (prop === "options") return { ...t.protectionOptions };
    return this.unknown(prop);
  }
  get protected(): boolean {
    return this.get("protected");
  }
  get options(): FakeProtectionOptions {
    return this.get("options");
  }
}

// ---- ranges

interface RangeTarget {
  sheet: FakeSheet;
  area: MergeArea;
}

function cellsIn(a: MergeArea): Array<{ r: number; c: number }> {
  const out: Array<{ r: number; c: number }> = [];
  for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push({ r, c });
  return out;
}

function cellsOf(t: RangeTarget, what: string): Array<{ r: number; c: number }> {
  if (cellCount(t.area) > 200000) throw new Error(`fake: ${what} on ${cellCount(t.area)} cells; the fake applies formats cell by cell`);
  return cellsIn(t.area);
}

function grid<V>(t: RangeTarget, f: (cell: FakeCell | undefined, r: number, c: number) => V): V[][] {
  if (cellCount(t.area) > 5_000_000) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
  const out: V[][] = [];
  for (let r = t.area.top; r <= t.area.bottom; r++) {
    const row: V[] = [];
    for (let c = t.area.left; c <= t.area.right; c++) row.push(f(t.sheet.cells.get(key(r, c)), r, c));
    out.push(row);
  }
  return out;
}

function checkShape(t: RangeTarget, v: unknown, what: string): unknown[][] {
  const rows = t.area.bottom - t.area.top + 1;
  const cols = t.area.right - t.area.left + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
      what,
    );
  }
  return v as unknown[][];
}

/** 1900 date system serial of a calendar date. */
function serialOf(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / 86400000) + 25569;
}

const ERROR_VALUES = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA", "#SPILL!", "#CALC!"];

/**
 * What Excel stores when a value is typed (or assigned through Range.values) into a General cell, as
 * zh-CN Excel does (support.microsoft.com, "Stop automatically changing numbers to dates": "Excel is
 * preprogrammed to make it easier to enter dates… 12/2 changes to 2-Dec"; "Available number formats in
 * Excel": numbers in parentheses are negative, currency symbols and fractions are number formats, and
 * Text "displays the content exactly as you type it"): numbers, `(12)` as −12, `1e5`, `¥100`, `1 1/2`,
 * percentages, dates (`2024-03-05`, `3/5`, `3月5日`, `2024年3月`), times, TRUE/FALSE, error values
 * (`#N/A`), and `=`, `+`, `-` starting a formula (`-abc` is `=-abc`, a #NAME? error).
 */
function typeIn(cell: FakeCell, v: unknown): void {
  if (v === null || v === undefined) return;
  cell.formula = undefined;
  cell.error = undefined;
  if (typeof v !== "string") {
    cell.value = v as number | boolean;
    return;
  }
  if (v === "" || cell.numberFormat === "@") {
    cell.value = v;
    return;
  }
  if (v.startsWith("=")) {
    cell.formula = v;
    cell.value = "";
    return;
  }
  const t = v.trim();
  const year = new Date().getFullYear();
  if (ERROR_VALUES.includes(t.toUpperCase())) {
    cell.value = t.toUpperCase();
    cell.error = true;
    return;
  }
  let m = /^\(\s*(\d+(?:\.\d+)?)\s*\)$/.exec(t);
  if (m) {
    cell.value = -Number(m[1]);
    return;
  }
  m = /^[¥￥$]\s*(\d+(?:\.\d+)?)$/.exec(t);
  if (m) {
    cell.value = Number(m[1]);
    if (cell.numberFormat === "General") cell.numberFormat = "¥#,##0.00";
    return;
  }
  m = /^(\d+)\s+(\d+)\/(\d+)$/.exec(t);
  if (m && Number(m[3]) > 0) {
    cell.value = Number(m[1]) + Number(m[2]) / Number(m[3]);
    if (cell.numberFormat === "General") cell.numberFormat = "# ?/?";
    return;
  }
  m = /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?$/.exec(t);
  if (m && (m[1] !== undefined || m[3] !== undefined) && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    cell.value = serialOf(m[1] !== undefined ? Number(m[1]) : year, Number(m[2]), m[3] !== undefined ? Number(m[3]) : 1);
    if (cell.numberFormat === "General") cell.numberFormat = m[1] !== undefined && m[3] === undefined ? 'yyyy"年"m"月"' : 'm"月"d"日"';
    return;
  }
  m = /^(\d{1,2})[/-](\d{1,2})$/.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12 && Number(m[2]) >= 1 && Number(m[2]) <= 31) {
    cell.value = serialOf(year, Number(m[1]), Number(m[2]));
    if (cell.numberFormat === "General") cell.numberFormat = 'm"月"d"日"';
    return;
  }
  if (/^[+-][^\d.\s]/.test(t)) {
    cell.formula = `=${t}`;
    cell.value = "#NAME?";
    cell.error = true;
    return;
  }
  m = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (m) {
    cell.value = Number(m[1]) / 100;
    if (cell.numberFormat === "General") cell.numberFormat = "0.00%";
    return;
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) {
    cell.value = Number(t);
    return;
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) {
    cell.value = Number(t.replace(/,/g, ""));
    if (cell.numberFormat === "General") cell.numberFormat = "#,##0";
    return;
  }
  m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m) {
    cell.value = serialOf(Number(m[1]), Number(m[2]), Number(m[3]));
    if (cell.numberFormat === "General") cell.numberFormat = "yyyy/m/d";
    return;
  }
  if (/^true$/i.test(t) || /^false$/i.test(t)) {
    cell.value = /^true$/i.test(t);
    return;
  }
  cell.value = v;
}

export class FakeRange extends FakeObject<RangeTarget> {
  protected readonly typeName = "Range";

  protected propValue(t: RangeTarget, prop: string): unknown {
    switch (prop) {
      case "address":
        return `${quoteSheet(t.sheet.name)}!${areaA1(t.area)}`;
      case "values":
        this.book.valuesRead += cellCount(t.area);
        return grid(t, (c) => (c ? c.value : ""));
      case "numberFormat":
        return grid(t, (c) => (c ? c.numberFormat : "General"));
      case "formulas":
        return grid(t, (c) => (c ? (c.formula ?? c.value) : ""));
      case "rowCount":
        return t.area.bottom - t.area.top + 1;
      case "columnCount":
        return t.area.right - t.area.left + 1;
      case "rowIndex":
        return t.area.top;
      case "columnIndex":
        return t.area.left;
      default:
        return this.unknown(prop);
    }
  }

  get address(): string {
    return this.get("address");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    this.act((t) => {
      this.book.writable(t.sheet, "Range.values", "value", t.area);
      const rows = checkShape(t, v, "Range.values");
      rows.forEach((row, i) => row.forEach((x, j) => typeIn(t.sheet.ensure(t.area.top + i, t.area.left + j), x)));
    });
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.act((t) => {
      this.book.writable(t.sheet, "Range.numberFormat", "format");
      const rows = checkShape(t, v, "Range.numberFormat");
      rows.forEach((row, i) =>
        row.forEach((x, j) => {
          if (x !== null && x !== undefined) t.sheet.ensure(t.area.top + i, t.area.left + j).numberFormat = String(x);
        }),
      );
    });
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.act((t) => {
      this.book.writable(t.sheet, "Range.formulas", "value", t.area);
      const rows = checkShape(t, v, "Range.formulas");
      rows.forEach((row, i) =>
        row.forEach((x, j) => {
          const cell = t.sheet.ensure(t.area.top + i, t.area.left + j);
          // A cell formatted Text keeps a formula as the text typed ("Text: treats the content of a cell as
          // text and displays the content exactly as you type it", support.microsoft.com, "Available number
          // formats in Excel"): `=IF(…)` is shown, not computed. Range.formulas does what typing does.
          if (typeof x === "string" && x.startsWith("=") && cell.numberFormat !== "@") {
            cell.formula = x;
            cell.value = "";
          } else typeIn(cell, x);
        }),
      );
    });
  }

  private formatObject?: FakeRangeFormat;

  get format(): FakeRangeFormat {
    this.formatObject ??= new FakeRangeFormat(
      this.context,
      child(this, (t) => t),
    );
    return this.formatObject;
  }

  merge(across?: boolean): void {
    this.book.gate(2, "Range.merge");
    this.act((t) => {
      this.book.writable(t.sheet, "Range.merge", "merge");
      const areas: MergeArea[] = across
        ? Array.from({ length: t.area.bottom - t.area.top + 1 }, (_, i) => ({
            top: t.area.top + i,
            bottom: t.area.top + i,
            left: t.area.left,
            right: t.area.right,
          }))
        : [{ ...t.area }];
      for (const a of areas) {
        if (cellCount(a) < 2) continue;
        t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, a));
        t.sheet.merges.push(a);
      }
    });
  }

  unmerge(): void {
    this.book.gate(2, "Range.unmerge");
    this.act((t) => {
      this.book.writable(t.sheet, "Range.unmerge", "merge");
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.area));
    });
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.act((t) => {
      if (applyTo !== "Formats") this.book.writable(t.sheet, "Range.clear", "value", t.area);
      if (applyTo !== "Contents") this.book.writable(t.sheet, "Range.clear", "format");
      for (const [k, c] of [...t.sheet.cells]) {
        const [r, col] = k.split(",").map(Number);
        if (r < t.area.top || r > t.area.bottom || col < t.area.left || col > t.area.right) continue;
        if (applyTo === "All") t.sheet.cells.delete(k);
        else if (applyTo === "Contents") {
          c.value = "";
          c.formula = undefined;
        } else t.sheet.cells.set(k, { ...blankCell(), value: c.value, formula: c.formula });
      }
      if (applyTo !== "Contents") t.sheet.merges = t.sheet.merges.filter((m) => !inside(m, t.area));
    });
  }

  select(): void {
    this.act((t) => {
      if (this.book.activeSheet !== t.sheet) throw new FakeOfficeError("InvalidOperation", "The range is not on the active sheet.", "Range.select");
      this.book.selection = { sheet: t.sheet.name, address: areaA1(t.area) };
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.book.gate(13, "Range.getMergedAreasOrNullObject");
    return new FakeRangeAreas(
      this.context,
      child(this, (t) => {
        const ms = t.sheet.merges.filter((m) => intersects(m, t.area));
        return ms.length > 0 ? { sheet: t.sheet, areas: ms } : null;
      }),
      true,
    );
  }
}

class FakeRangeAreas extends FakeObject<{ sheet: FakeSheet; areas: MergeArea[] }> {
  protected readonly typeName = "RangeAreas";
  protected override propLevel(): number {
    return 13;
  }
  protected propValue(t: { sheet: FakeSheet; areas: MergeArea[] }, prop: string): unknown {
    if (prop === "address") return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${areaA1(a)}`).join(", ");
    if (prop === "areaCount") return t.areas.length;
    return this.unknown(prop);
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
}

class FakeRangeFormat extends FakeObject<RangeTarget> {
  protected readonly typeName = "RangeFormat";

  protected override propLevel(prop: string): number {
    return prop === "columnWidth" || prop === "rowHeight" ? 2 : 1;
  }

  private uniform<V>(t: RangeTarget, f: (c: FakeCell) => V): V | null {
    let first: V | undefined;
    for (const { r, c } of cellsOf(t, "read format")) {
      const v = f(t.sheet.cells.get(key(r, c)) ?? blankCell());
      if (first === undefined) first = v;
      else if (v !== first) return null;
    }
    return first ?? null;
  }

  protected propValue(t: RangeTarget, prop: string): unknown {
    switch (prop) {
      case "wrapText":
        return this.uniform(t, (c) => c.wrap);
      case "horizontalAlignment":
        return this.uniform(t, (c) => c.hAlign);
      case "verticalAlignment":
        return this.uniform(t, (c) => c.vAlign);
      case "columnWidth":
        return t.sheet.colWidths.get(t.area.left) ?? 48;
      case "rowHeight":
        return t.sheet.rowHeights.get(t.area.top) ?? 15;
      default:
        return this.unknown(prop);
    }
  }

  private setEach(what: string, f: (c: FakeCell) => void): void {
    this.act((t) => {
      this.book.writable(t.sheet, what, "format");
      for (const { r, c } of cellsOf(t, what)) f(t.sheet.ensure(r, c));
    });
  }

  private fillObject?: FakeRangeFill;
  private fontObject?: FakeRangeFont;
  private borderCollection?: FakeBorderCollection;

  get fill(): FakeRangeFill {
    this.fillObject ??= new FakeRangeFill(
      this.context,
      child(this, (t) => t),
    );
    return this.fillObject;
  }
  get font(): FakeRangeFont {
    this.fontObject ??= new FakeRangeFont(
      this.context,
      child(this, (t) => t),
    );
    return this.fontObject;
  }
  get borders(): FakeBorderCollection {
    this.borderCollection ??= new FakeBorderCollection(
      this.context,
      child(this, (t) => t),
    );
    return this.borderCollection;
  }
  get wrapText(): boolean {
    return this.get("wrapText");
  }
  set wrapText(v: boolean) {
    this.setEach("RangeFormat.wrapText", (c) => (c.wrap = v));
  }
  get horizontalAlignment(): string {
    return this.get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this.setEach("RangeFormat.horizontalAlignment", (c) => (c.hAlign = v));
  }
  get verticalAlignment(): string {
    return this.get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.setEach("RangeFormat.verticalAlignment", (c) => (c.vAlign = v));
  }
  get columnWidth(): number {
    this.book.gate(2, "RangeFormat.columnWidth");
    return this.get("columnWidth");
  }
  set columnWidth(v: number) {
    this.book.gate(2, "RangeFormat.columnWidth");
    this.act((t) => {
      this.book.writable(t.sheet, "RangeFormat.columnWidth", "columns");
      for (let c = t.area.left; c <= t.area.right; c++) t.sheet.colWidths.set(c, v);
    });
  }
  get rowHeight(): number {
    this.book.gate(2, "RangeFormat.rowHeight");
    return this.get("rowHeight");
  }
  set rowHeight(v: number) {
    this.book.gate(2, "RangeFormat.rowHeight");
    this.act((t) => {
      this.book.writable(t.sheet, "RangeFormat.rowHeight", "rows");
      for (let r = t.area.top; r <= t.area.bottom; r++) t.sheet.rowHeights.set(r, v);
    });
  }
  autofitColumns(): void {
    this.book.gate(2, "RangeFormat.autofitColumns");
    this.act(() => undefined);
  }
}

class FakeRangeFill extends FakeObject<RangeTarget> {
  protected readonly typeName = "RangeFill";
  protected override propLevel(prop: string): number {
    return prop === "tintAndShade" || prop === "pattern" ? 9 : 1;
  }
  protected propValue(t: RangeTarget, prop: string): unknown {
    const fills = cellsOf(t, "read fill").map(({ r, c }) => t.sheet.cells.get(key(r, c))?.fill ?? null);
    const same = fills.every((f) => f === fills[0]);
    if (prop === "color") return same ? (fills[0] ?? "#FFFFFF") : null;
    if (prop === "tintAndShade") return same && fills[0] !== null ? 0 : null;
    if (prop === "pattern") return same ? (fills[0] === null ? null : "Solid") : null;
    return this.unknown(prop);
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.act((t) => {
      this.book.writable(t.sheet, "RangeFill.color", "format");
      const c = /^#?[0-9a-f]{6}$/i.test(v) ? `#${v.replace("#", "").toUpperCase()}` : v;
      for (const p of cellsOf(t, "RangeFill.color")) t.sheet.ensure(p.r, p.c).fill = c;
    });
  }
  get tintAndShade(): number | null {
    this.book.gate(9, "RangeFill.tintAndShade");
    return this.get("tintAndShade");
  }
  clear(): void {
    this.act((t) => {
      this.book.writable(t.sheet, "RangeFill.clear", "format");
      for (const p of cellsOf(t, "RangeFill.clear")) {
        const cell = t.sheet.cells.get(key(p.r, p.c));
        if (cell) cell.fill = null;
      }
    });
  }
}

class FakeRangeFont extends FakeObject<RangeTarget> {
  protected readonly typeName = "RangeFont";
  protected propValue(t: RangeTarget, prop: string): unknown {
    const cells = cellsOf(t, "read font").map(({ r, c }) => t.sheet.cells.get(key(r, c)) ?? blankCell());
    const pick = (f: (c: FakeCell) => unknown) => (cells.every((c) => f(c) === f(cells[0])) ? f(cells[0]) : null);
    if (prop === "bold") return pick((c) => c.bold);
    if (prop === "size") return pick((c) => c.fontSize);
    return this.unknown(prop);
  }
  private setEach(what: string, f: (c: FakeCell) => void): void {
    this.act((t) => {
      this.book.writable(t.sheet, what, "format");
      for (const { r, c } of cellsOf(t, what)) f(t.sheet.ensure(r, c));
    });
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set bold(v: boolean) {
    this.setEach("RangeFont.bold", (c) => (c.bold = v));
  }
  get size(): number {
    return this.get("size");
  }
  set size(v: number) {
    this.setEach("RangeFont.size", (c) => (c.fontSize = v));
  }
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

class FakeBorderCollection extends FakeObject<RangeTarget> {
  protected readonly typeName = "RangeBorderCollection";
  protected propValue(_t: RangeTarget, prop: string): unknown {
    return this.unknown(prop);
  }
  getItem(index: string): FakeRangeBorder {
    if (!EDGES.includes(index)) throw new FakeOfficeError("InvalidArgument", `Bad border ${index}`);
    return new FakeRangeBorder(
      this.context,
      child(this, (t) => ({ ...t, edge: index })),
    );
  }
}

class FakeRangeBorder extends FakeObject<RangeTarget & { edge: string }> {
  protected readonly typeName = "RangeBorder";
  protected propValue(_t: RangeTarget & { edge: string }, prop: string): unknown {
    return this.unknown(prop);
  }
  private record(field: "style" | "weight", v: string): void {
    this.act((t) => {
      this.book.writable(t.sheet, `RangeBorder.${field}`, "format");
      let b = t.sheet.borders.find((x) => x.edge === t.edge && areaA1(x.area) === areaA1(t.area));
      if (!b) {
        b = { area: { ...t.area }, edge: t.edge };
        t.sheet.borders.push(b);
      }
      b[field] = v;
    });
  }
  set style(v: string) {
    this.record("style", v);
  }
  set weight(v: string) {
    this.record("weight", v);
  }
}

// ---- comments (1.10) and notes (1.18)

function singleCell(book: FakeWorkbook, target: FakeRange | string, defaultSheet: FakeSheet | null, what: string): { sheet: FakeSheet; a1: string } {
  if (typeof target !== "string") {
    const t = target.target();
    if (!t) throw new FakeOfficeError("InvalidArgument", "null range", what);
    if (cellCount(t.area) !== 1) throw new FakeOfficeError("InvalidArgument", "The range must be a single cell.", what);
    return { sheet: t.sheet, a1: toA1(t.area.top, t.area.left) };
  }
  const { sheet, local } = splitSheetAddress(target);
  const s = sheet === null ? defaultSheet : (book.find(sheet) ?? null);
  if (!s) throw new FakeOfficeError("InvalidArgument", `No sheet in ${target}`, what);
  const area = parseAddress(local);
  if (cellCount(area) !== 1) throw new FakeOfficeError("InvalidArgument", "The range must be a single cell.", what);
  return { sheet: s, a1: toA1(area.top, area.left) };
}

function annotated(book: FakeWorkbook, sheet: FakeSheet, a1: string): boolean {
  return sheet.notes.has(a1) || book.comments.some((c) => c.sheet === sheet && c.address === a1);
}

class FakeCommentCollection extends FakeCollection<FakeCommentObject> {
  protected readonly typeName = "CommentCollection";

  protected item(member: unknown): FakeCommentObject {
    return new FakeCommentObject(this.context, () => member as never);
  }

  protected members(): unknown[] {
    return this.book.comments;
  }

  add(cellAddress: FakeRange | string, content: string): FakeCommentObject {
    const o = new FakeCommentObject(this.context, () => {
      throw new Error("fake: comment used before its add ran");
    });
    this.context.enqueue(() => {
      const { sheet, a1 } = singleCell(this.book, cellAddress, null, "CommentCollection.add");
      this.book.writable(sheet, "CommentCollection.add", "object");
      if (annotated(this.book, sheet, a1))
        throw new FakeOfficeError(this.book.annotationRefusal, `The cell ${a1} already has a comment or a note.`, "CommentCollection.add");
      const c = { id: this.book.newCommentId(), sheet, address: a1, content };
      this.book.comments.push(c);
      o.setTarget(c);
    });
    return o;
  }

  getItem(id: string): FakeCommentObject {
    return new FakeCommentObject(this.context, () => {
      const c = this.book.comments.find((x) => x.id === id);
      if (!c) throw new FakeOfficeError("ItemNotFound", `No comment ${id}`, "CommentCollection.getItem");
      return c;
    });
  }

  getItemOrNullObject(id: string): FakeCommentObject {
    this.book.gate(14, "CommentCollection.getItemOrNullObject");
    return new FakeCommentObject(this.context, () => this.book.comments.find((x) => x.id === id) ?? null, true);
  }

  getItemByCell(cellAddress: FakeRange | string): FakeCommentObject {
    return new FakeCommentObject(this.context, () => {
      const { sheet, a1 } = singleCell(this.book, cellAddress, null, "CommentCollection.getItemByCell");
      const c = this.book.comments.find((x) => x.sheet === sheet && x.address === a1);
      if (!c) throw new FakeOfficeError("ItemNotFound", `No comment at ${a1}`, "CommentCollection.getItemByCell");
      return c;
    });
  }
}

class FakeCommentObject extends FakeObject<FakeComment> {
  protected readonly typeName = "Comment";
  private filled = new Map<string, unknown>();

  fill(props: string[]): void {
    const t = this.target();
    if (t) for (const p of props) this.filled.set(p, this.propValue(t, p));
  }

  protected override get<V>(prop: string): V {
    if (this.filled.has(prop)) return this.filled.get(prop) as V;
    return super.get<V>(prop);
  }

  protected propValue(t: FakeComment, prop: string): unknown {
    if (prop === "id") return t.id;
    if (prop === "content") return t.content;
    return this.unknown(prop);
  }

  get id(): string {
    return this.get("id");
  }
  get content(): string {
    return this.get("content");
  }

  delete(): void {
    this.act((t) => {
      this.book.writable(t.sheet, "Comment.delete", "object");
      const i = this.book.comments.indexOf(t);
      if (i >= 0) this.book.comments.splice(i, 1);
    });
  }

  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      child(this, (c) => ({ sheet: c.sheet, area: parseAddress(c.address) })),
    );
  }
}

class FakeNoteCollection extends FakeObject<FakeSheet> {
  protected readonly typeName = "NoteCollection";
  protected propValue(_t: FakeSheet, prop: string): unknown {
    return this.unknown(prop);
  }

  add(cellAddress: FakeRange | string, content: string): FakeNoteObject {
    const o = new FakeNoteObject(this.context, () => {
      throw new Error("fake: note used before its add ran");
    });
    this.context.enqueue(() => {
      const { sheet, a1 } = singleCell(this.book, cellAddress, this.target(), "NoteCollection.add");
      this.book.writable(sheet, "NoteCollection.add", "object");
      if (annotated(this.book, sheet, a1))
        throw new FakeOfficeError(this.book.annotationRefusal, `The cell ${a1} already has a comment or a note.`, "NoteCollection.add");
      sheet.notes.set(a1, content);
      o.setTarget({ sheet, a1 });
    });
    return o;
  }

  getItem(key: string): FakeNoteObject {
    return new FakeNoteObject(
      this.context,
      child(this, (s) => {
        const a1 = toA1(parseAddress(key).top, parseAddress(key).left);
        if (!s.notes.has(a1)) throw new FakeOfficeError("ItemNotFound", `No note at ${key}`, "NoteCollection.getItem");
        return { sheet: s, a1 };
      }),
    );
  }

  getItemOrNullObject(key: string): FakeNoteObject {
    return new FakeNoteObject(
      this.context,
      child(this, (s) => {
        const a1 = toA1(parseAddress(key).top, parseAddress(key).left);
        return s.notes.has(a1) ? { sheet: s, a1 } : null;
      }),
      true,
    );
  }
}

class FakeNoteObject extends FakeObject<{ sheet: FakeSheet; a1: string }> {
  protected readonly typeName = "Note";
  protected propValue(t: { sheet: FakeSheet; a1: string }, prop: string): unknown {
    if (prop === "content") return t.sheet.notes.get(t.a1);
    return this.unknown(prop);
  }
  get content(): string {
    return this.get("content");
  }
  set content(v: string) {
    this.act((t) => {
      this.book.writable(t.sheet, "Note.content", "object");
      t.sheet.notes.set(t.a1, v);
    });
  }
  delete(): void {
    this.act((t) => {
      this.book.writable(t.sheet, "Note.delete", "object");
      t.sheet.notes.delete(t.a1);
    });
  }
}

// ---- names

function nameValue(n: FakeName): string {
  if (!n.sheet || !n.area) return "#REF!";
  const abs = (r: number, c: number) => `$${colToLetters(c)}$${r + 1}`;
  const a = n.area;
  const end = a.top === a.bottom && a.left === a.right ? "" : `:${abs(a.bottom, a.right)}`;
  return `${quoteSheet(n.sheet.name)}!${abs(a.top, a.left)}${end}`;
}

class FakeNamedItemCollection extends FakeCollection<FakeNamedItem> {
  protected readonly typeName = "NamedItemCollection";

  protected item(member: unknown): FakeNamedItem {
    return new FakeNamedItem(this.context, () => member as never);
  }

  protected members(): unknown[] {
    return this.book.names;
  }

  protected override gateItemProps(props: string[]): void {
    const probe = new FakeNamedItem(this.context, () => null);
    for (const p of props) this.book.gate(probe.levelOf(p), `NamedItem.${p}`);
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    this.book.gate(4, "NamedItemCollection.add");
    const o = new FakeNamedItem(this.context, () => {
      throw new Error("fake: name used before its add ran");
    });
    this.context.enqueue(() => {
      if (!/^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
        throw new FakeOfficeError("InvalidArgument", `Bad name ${name}`, "NamedItemCollection.add");
      }
      if (this.book.findName(name)) throw new FakeOfficeError("ItemAlreadyExists", `The name ${name} already exists.`, "NamedItemCollection.add");
      let sheet: FakeSheet;
      let area: MergeArea;
      if (typeof reference === "string") {
        const { sheet: s, local } = splitSheetAddress(reference.replace(/^=/, ""));
        const found = s === null ? undefined : this.book.find(s);
        if (!found) throw new FakeOfficeError("InvalidArgument", `Bad reference ${reference}`, "NamedItemCollection.add");
        sheet = found;
        area = parseAddress(local);
      } else {
        const t = reference.target();
        if (!t) throw new FakeOfficeError("InvalidArgument", "null range", "NamedItemCollection.add");
        sheet = t.sheet;
        area = { ...t.area };
      }
      const n: FakeName = { name, sheet, area, comment: comment ?? "" };
      this.book.names.push(n);
      o.setTarget(n);
    });
    return o;
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => {
      const n = this.book.findName(name);
      if (!n) throw new FakeOfficeError("ItemNotFound", `The name ${name} doesn't exist.`, "NamedItemCollection.getItem");
      return n;
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    this.book.gate(4, "NamedItemCollection.getItemOrNullObject");
    return new FakeNamedItem(this.context, () => this.book.findName(name) ?? null, true);
  }
}

class FakeNamedItem extends FakeObject<FakeName> {
  protected readonly typeName = "NamedItem";
  private filled = new Map<string, unknown>();

  levelOf(prop: string): number {
    return this.propLevel(prop);
  }

  protected override propLevel(prop: string): number {
    return prop === "comment" ? 4 : prop === "formula" ? 7 : 1;
  }

  fill(props: string[]): void {
    const t = this.target();
    if (t) for (const p of props) this.filled.set(p, this.propValue(t, p));
  }

  protected override get<V>(prop: string): V {
    if (this.filled.has(prop)) return this.filled.get(prop) as V;
    return super.get<V>(prop);
  }

  protected propValue(t: FakeName, prop: string): unknown {
    if (prop === "name") return t.name;
    if (prop === "type") return t.area && t.sheet ? "Range" : "Error";
    if (prop === "value") return nameValue(t);
    if (prop === "formula") return `=${nameValue(t)}`;
    if (prop === "comment") return t.comment;
    if (prop === "visible") return true;
    return this.unknown(prop);
  }

  get name(): string {
    return this.get("name");
  }
  get type(): string {
    return this.get("type");
  }
  get value(): string {
    return this.get("value");
  }
  get comment(): string {
    return this.get("comment");
  }

  /**
   * The range of a name whose reference is broken (`#REF!`, its sheet deleted) is a trap: office-js #263
   * (github.com/OfficeDev/office-js/issues/263, "NamedItem.getRangeOrNullObject crashes Excel") reports
   * Excel crashing and restarting there, on builds of the Office 2019 volume-licence line among others.
   * The fake counts the crash and fails the batch with something that is no Office error.
   */
  private deref(n: FakeName, what: string): RangeTarget {
    if (n.sheet && n.area) return { sheet: n.sheet, area: n.area };
    this.book.crashes++;
    throw new Error(`fake: Excel crashed in ${what} on the broken name ${n.name} (#REF!), as in office-js #263`);
  }

  getRange(): FakeRange {
    return new FakeRange(
      this.context,
      child(this, (n) => this.deref(n, "NamedItem.getRange")),
    );
  }

  getRangeOrNullObject(): FakeRange {
    this.book.gate(4, "NamedItem.getRangeOrNullObject");
    return new FakeRange(
      this.context,
      child(this, (n) => this.deref(n, "NamedItem.getRangeOrNullObject")),
      true,
    );
  }

  delete(): void {
    this.book.gate(4, "NamedItem.delete");
    this.act((t) => {
      const i = this.book.names.indexOf(t);
      if (i >= 0) this.book.names.splice(i, 1);
    });
  }
}

/** `B3` → column letters and row, for tests that build addresses. */
export function a1Of(row: number, col: number): string {
  return `${colToLetters(col)}${row + 1}`;
}
