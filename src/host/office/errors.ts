/**
 * Office.js errors in sentences a clerk can act on: which sheet, which cell, what to do. Office reports
 * a failed batch with a code (`AccessDenied`, `ItemNotFound`, …) but not which statement failed, so
 * the caller says what the batch was writing and the message names it.
 */

export interface ErrorTarget {
  sheet: string;
  /** The first cell of that sheet the batch touched (A1), when one. */
  cell?: string;
}

export interface ErrorContext {
  /** What the batch did, as a verb phrase: `写入数值`, `标记单元格`. */
  action: string;
  actionEn: string;
  /** The sheets (and first cells) the batch wrote to, in order. */
  targets?: ErrorTarget[];
  /** The batch added this sheet (a refusal then means the workbook structure is protected). */
  addingSheet?: string;
}

export class OfficeHostError extends Error {
  readonly code: string;
  readonly messageEn: string;
  readonly sheet?: string;
  readonly cell?: string;

  constructor(code: string, message: string, messageEn: string, where: { sheet?: string; cell?: string } = {}) {
    super(message);
    this.name = "OfficeHostError";
    this.code = code;
    this.messageEn = messageEn;
    if (where.sheet !== undefined) this.sheet = where.sheet;
    if (where.cell !== undefined) this.cell = where.cell;
  }
}

/** The Office error code of anything thrown from `context.sync()` (OfficeExtension.Error or alike). */
export function officeErrorCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const e = err as { code?: unknown; debugInfo?: { code?: unknown } };
  if (typeof e.code === "string") return e.code;
  if (typeof e.debugInfo?.code === "string") return e.debugInfo.code;
  return undefined;
}

function rawMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === "object" && err !== null && typeof (err as { message?: unknown }).message === "string") return (err as { message: string }).message;
  return String(err);
}

function uniqueSheets(targets: ErrorTarget[]): string[] {
  return [...new Set(targets.map((t) => t.sheet))];
}

const quoteAll = (names: string[]) => names.map((n) => `「${n}」`).join("、");

/** A protected sheet: named exactly when the batch wrote to one sheet only. */
export function protectedSheetError(targets: ErrorTarget[]): OfficeHostError {
  const sheets = uniqueSheets(targets);
  if (sheets.length === 1) {
    const t = targets[0];
    const cell = t.cell ? ` ${t.cell}` : "";
    return new OfficeHostError(
      "SheetProtected",
      `工作表「${t.sheet}」受保护，无法写入${cell}，请先撤销工作表保护（审阅 → 撤销工作表保护）。`,
      `Sheet "${t.sheet}" is protected; cannot write${cell}. Unprotect the sheet first (Review → Unprotect Sheet).`,
      { sheet: t.sheet, cell: t.cell },
    );
  }
  return new OfficeHostError(
    "SheetProtected",
    `工作表${quoteAll(sheets)}中有受保护的工作表，无法写入，请先撤销工作表保护（审阅 → 撤销工作表保护）。`,
    `One of the sheets ${sheets.map((s) => `"${s}"`).join(", ")} is protected; cannot write. Unprotect it first (Review → Unprotect Sheet).`,
  );
}

export function missingSheetError(sheet: string, cell?: string): OfficeHostError {
  const at = cell ? `（单元格 ${cell}）` : "";
  return new OfficeHostError(
    "SheetNotFound",
    `找不到工作表「${sheet}」${at}，它可能已被重命名或删除。请重新校验后再试。`,
    `Sheet "${sheet}" was not found${cell ? ` (cell ${cell})` : ""}; it may have been renamed or deleted. Check again and retry.`,
    { sheet, cell },
  );
}

export function sheetExistsError(sheet: string): OfficeHostError {
  return new OfficeHostError(
    "SheetExists",
    `工作表「${sheet}」已存在，未插入任何模板。请先重命名或删除同名工作表，再插入。`,
    `Sheet "${sheet}" already exists; no template was inserted. Rename or delete that sheet first.`,
    { sheet },
  );
}

export function badAddressError(sheet: string, address: string): OfficeHostError {
  return new OfficeHostError(
    "BadAddress",
    `单元格地址「${address}」无效（工作表「${sheet}」）。`,
    `Cell address "${address}" is not valid (sheet "${sheet}").`,
    { sheet, cell: address },
  );
}

export function hiddenSheetError(sheet: string, cell: string): OfficeHostError {
  return new OfficeHostError(
    "SheetHidden",
    `工作表「${sheet}」已隐藏，无法定位到 ${cell}。请先取消隐藏该工作表（右键工作表标签 → 取消隐藏）。`,
    `Sheet "${sheet}" is hidden; cannot go to ${cell}. Unhide the sheet first.`,
    { sheet, cell },
  );
}

/** Anything thrown inside an operation, as an OfficeHostError (our own errors pass through). */
export function toHostError(err: unknown, ctx: ErrorContext): OfficeHostError {
  if (err instanceof OfficeHostError) return err;
  const code = officeErrorCode(err) ?? "Unknown";
  const msg = rawMessage(err);
  const targets = ctx.targets ?? [];
  const first = targets[0];
  if (code === "AccessDenied" || (code === "InvalidOperation" && /protect/i.test(msg))) {
    if (ctx.addingSheet !== undefined) {
      return new OfficeHostError(
        "WorkbookProtected",
        `工作簿结构受保护，无法添加工作表「${ctx.addingSheet}」，请先撤销工作簿保护（审阅 → 保护工作簿）。`,
        `The workbook structure is protected; cannot add sheet "${ctx.addingSheet}". Unprotect the workbook first (Review → Protect Workbook).`,
        { sheet: ctx.addingSheet },
      );
    }
    if (targets.length > 0) return protectedSheetError(targets);
    return new OfficeHostError(
      "SheetProtected",
      `工作表或工作簿受保护，无法${ctx.action}，请先撤销保护。`,
      `A sheet or the workbook is protected; cannot ${ctx.actionEn}. Unprotect it first.`,
    );
  }
  if (code === "InvalidOperationInCellEditMode") {
    return new OfficeHostError(
      code,
      `Excel 正在编辑单元格，无法${ctx.action}。请先按 Enter 或 Esc 结束编辑，再重试。`,
      `Excel is editing a cell; cannot ${ctx.actionEn}. Press Enter or Esc to finish editing, then retry.`,
    );
  }
  if (code === "ItemNotFound" && first) return missingSheetError(first.sheet);
  if (code === "ItemAlreadyExists" && ctx.addingSheet !== undefined) return sheetExistsError(ctx.addingSheet);
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") {
    return new OfficeHostError(
      code,
      `数据量超出 Excel 单次处理的上限，无法${ctx.action}。请删除工作表中多余的空行、空列或整行整列的格式后重试。`,
      `The data exceeds what Excel handles in one request; cannot ${ctx.actionEn}. Delete surplus empty rows, columns or whole-column formatting and retry.`,
    );
  }
  if (code === "ActivityLimitReached" || code === "ServiceNotAvailable" || code === "Busy") {
    return new OfficeHostError(code, `Excel 正忙，暂时无法${ctx.action}，请稍后重试。`, `Excel is busy; cannot ${ctx.actionEn} now. Retry in a moment.`);
  }
  const where = first ? `（工作表「${first.sheet}」${first.cell ? ` ${first.cell}` : ""}）` : "";
  const whereEn = first ? ` (sheet "${first.sheet}"${first.cell ? ` ${first.cell}` : ""})` : "";
  return new OfficeHostError(
    code,
    `Excel 无法${ctx.action}${where}：${msg}（${code}）`,
    `Excel could not ${ctx.actionEn}${whereEn}: ${msg} (${code})`,
    first ? { sheet: first.sheet, cell: first.cell } : {},
  );
}
