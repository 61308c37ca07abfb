/**
 * Office.js errors in sentences a clerk can act on: which sheet, which cell, what to do. Office reports
 * a failed batch with a code (`AccessDenied`, `ItemNotFound`, …) but not which statement failed, so
 * the caller says what the batch was writing and the message names it. Every code of
 * OfficeExtension.ErrorCodes and Excel.ErrorCodes this host can meet has a Chinese sentence
 * (learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling, "Error
 * messages" table; learn.microsoft.com/javascript/api/excel/excel.errorcodes); any other code is named
 * with its code next to Office's own text.
 */
import type { HostNotice } from "../types";
import { UserError } from "../../errors";

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

export class OfficeHostError extends UserError {
  readonly sheet?: string;
  readonly cell?: string;

  constructor(code: string, message: string, messageEn: string, where: { sheet?: string; cell?: string } = {}) {
    super(code, message, messageEn);
    this.name = "OfficeHostError";
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

/** Protected sheets 校验 left unmarked (ExcelApi 1.2+ reads the protection first). */
export function protectedSkipNotice(sheets: string[], cells: number, leftOver: number): HostNotice {
  const what = cells > 0 ? `其中 ${cells} 个问题单元格未标色，也未加说明（问题仍在任务窗格中列出）` : "未能改动其中的标记";
  const old = leftOver > 0 ? `；上次留下的 ${leftOver} 处标记仍在，撤销保护后再“校验”或“清除标记”即可复原` : "";
  return {
    message: `工作表${quoteAll(sheets)}受保护，${what}${old}。如需在单元格上标记，请先撤销工作表保护（审阅 → 撤销工作表保护），或保护时勾选“设置单元格格式”和“编辑对象”，然后重新校验。`,
    messageEn: `Sheet(s) ${sheets.map((x) => `"${x}"`).join(", ")} are protected: ${cells > 0 ? `${cells} cell(s) with findings were not marked (the findings are listed in the pane)` : "their marks were not changed"}${leftOver > 0 ? `; ${leftOver} earlier mark(s) remain until the sheet is unprotected and checked or cleared again` : ""}. Unprotect the sheet (Review → Unprotect Sheet), or allow formatting cells and editing objects, then check again.`,
  };
}

/** A refused write on sheets known not to be protected: the workbook itself cannot be edited. */
export function readOnlyError(ctx: ErrorContext): OfficeHostError {
  return new OfficeHostError(
    "ReadOnlyWorkbook",
    `工作簿当前不能编辑，无法${ctx.action}：可能是在 Excel 网页版中以“查看”方式打开，或文件为只读、受权限限制。请点“编辑工作簿”（或向文件所有者申请编辑权限）后重试。`,
    `The workbook cannot be edited now, so it was not possible to ${ctx.actionEn}: it may be open for viewing in Excel on the web, read-only or rights-managed. Choose Edit Workbook (or ask the owner for edit rights) and retry.`,
  );
}

/** What to do, per Office error code the host can meet (beyond the ones with sentences of their own below). */
const CODE_ADVICE: Record<string, { zh: string; en: string }> = {
  ActivityLimitReached: { zh: "Excel 正忙（操作过于频繁），请稍后重试。", en: "Excel is busy (too many requests); retry in a moment." },
  ServiceNotAvailable: {
    zh: "Excel 服务暂时不可用（网页版可能网络中断），请稍后重试。",
    en: "The Excel service is not available now (Excel on the web may be offline); retry later.",
  },
  Busy: { zh: "Excel 正忙，请稍后重试。", en: "Excel is busy; retry in a moment." },
  RequestAborted: { zh: "请求被中断（可能网络中断或 Excel 正在关闭），请稍后重试。", en: "The request was aborted (network or Excel closing); retry." },
  Conflict: { zh: "工作簿正被其他人或其他操作同时修改，请稍后重试。", en: "The workbook is being changed by someone or something else; retry in a moment." },
  InactiveWorkbook: {
    zh: "任务窗格所属的工作簿已不是当前工作簿（可能已关闭或切换）。请切回该工作簿，必要时关闭并重新打开任务窗格，再重试。",
    en: "The pane's workbook is no longer the active one (closed or switched). Switch back to it, reopen the pane if needed, and retry.",
  },
  MemoryLimitReached: {
    zh: "Excel 内存不足。请关闭其他工作簿或程序，保存后重新打开本工作簿再试。",
    en: "Excel ran out of memory. Close other workbooks or programs, reopen this workbook and retry.",
  },
  RangeExceedsLimit: {
    zh: "涉及的单元格数超出 Excel 单次操作的上限。请删除表格以外多余的行、列或整行整列的格式后重试。",
    en: "The range exceeds Excel's limit for one operation. Delete surplus rows, columns or whole-column formatting outside the tables and retry.",
  },
  GeneralException: {
    zh: "Excel 内部出错。请保存工作簿，关闭并重新打开任务窗格后重试。",
    en: "Excel reported an internal error. Save the workbook, reopen the pane and retry.",
  },
  InvalidArgument: {
    zh: "Excel 认为写入的内容或地址无效。请重新校验后再试；如仍失败，请检查工作表名称和表格位置。",
    en: "Excel found an argument invalid. Check again and retry; if it persists, check the sheet names and where the tables are.",
  },
  InvalidReference: {
    zh: "引用的区域已失效（行、列或工作表可能已删除）。请重新校验后再试。",
    en: "A referenced range is no longer valid (rows, columns or a sheet were deleted). Check again and retry.",
  },
  InvalidBinding: { zh: "引用的区域已失效。请重新识别后再试。", en: "A binding is no longer valid. Recognise again and retry." },
  InvalidSelection: { zh: "当前选择的区域无效。请单击一个单元格后重试。", en: "The selection is not valid. Click a single cell and retry." },
  InvalidOperation: {
    zh: "当前状态下 Excel 不允许此操作（例如工作表受保护、对话框未关闭）。请关闭对话框、撤销保护后重试。",
    en: "Excel does not allow this now (a protected sheet, an open dialog). Close dialogs, unprotect and retry.",
  },
  InvalidRequest: { zh: "Excel 拒绝了本次请求。请关闭并重新打开任务窗格后重试。", en: "Excel rejected the request. Reopen the pane and retry." },
  InsertDeleteConflict: {
    zh: "写入与表格中的插入或删除冲突（可能涉及表格对象或筛选区域）。请取消筛选后重试。",
    en: "The write conflicts with an insert or delete (a table object or a filter). Clear filters and retry.",
  },
  MergedRangeConflict: {
    zh: "写入区域与合并单元格冲突。请检查表格中的合并单元格后重试。",
    en: "The write conflicts with merged cells. Check the merged cells and retry.",
  },
  FilteredRangeConflict: {
    zh: "写入区域处于筛选状态。请先取消筛选（数据 → 清除）后重试。",
    en: "The range is filtered. Clear the filter (Data → Clear) and retry.",
  },
  PivotTableRangeConflict: { zh: "写入区域与数据透视表重叠。请移开数据透视表后重试。", en: "The range overlaps a PivotTable. Move it away and retry." },
  NonBlankCellOffSheet: {
    zh: "工作表末尾已有内容，无法插入。请删除工作表最后的行或列中的内容后重试。",
    en: "Cells at the end of the sheet are not empty, so nothing can be inserted. Clear the last rows or columns and retry.",
  },
  ApiNotFound: { zh: "此 Excel 版本缺少所需的功能。请更新 Office 后重试。", en: "This Excel lacks a required API. Update Office and retry." },
  NotImplemented: { zh: "此 Excel 版本不支持该操作。请更新 Office 后重试。", en: "This Excel does not implement the operation. Update Office and retry." },
  UnsupportedOperation: { zh: "此 Excel 版本不支持该操作。请更新 Office 后重试。", en: "This Excel does not support the operation. Update Office and retry." },
  UnsupportedFeature: {
    zh: "工作簿中的某项功能不受支持。请在 Excel 桌面版中打开后重试。",
    en: "A feature in the workbook is not supported. Open it in Excel desktop and retry.",
  },
  UnsupportedSheet: { zh: "此类工作表（如图表工作表或宏表）不支持该操作。", en: "This kind of sheet (a chart or macro sheet) does not support the operation." },
  Unauthenticated: { zh: "登录已过期。请重新登录 Office 后重试。", en: "Sign-in expired. Sign in to Office again and retry." },
  ItemNotFound: {
    zh: "要找的工作表、名称或批注已不存在，可能已被删除或改名。请重新校验后再试。",
    en: "A sheet, name or comment was not found (deleted or renamed). Check again and retry.",
  },
  ItemAlreadyExists: { zh: "同名的工作表或名称已存在。请重命名后重试。", en: "A sheet or name of that name already exists. Rename it and retry." },
  PropertyNotLoaded: {
    zh: "加载项内部错误（读取了未加载的属性）。请关闭并重新打开任务窗格后重试，并告知技术支持。",
    en: "Internal add-in error (a property read before it was loaded). Reopen the pane and retry, and tell support.",
  },
  WorkbookLocked: { zh: "工作簿已锁定（可能正在被其他程序使用）。请稍后重试。", en: "The workbook is locked (perhaps in use elsewhere). Retry later." },
};

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
  const at = first ? { sheet: first.sheet, cell: first.cell } : {};
  const advice = Object.prototype.hasOwnProperty.call(CODE_ADVICE, code) ? CODE_ADVICE[code] : undefined;
  if (advice) {
    return new OfficeHostError(
      code,
      `Excel 无法${ctx.action}${where}。${advice.zh}（错误代码 ${code}）`,
      `Excel could not ${ctx.actionEn}${whereEn}. ${advice.en} (${code}: ${msg})`,
      at,
    );
  }
  // A code this host does not know: named with its code, Office's text kept for whoever supports the clerk.
  return new OfficeHostError(
    code,
    `Excel 无法${ctx.action}${where}，错误代码 ${code}：${msg}。请重试；如仍失败，请把这段文字发给技术支持。`,
    `Excel could not ${ctx.actionEn}${whereEn}: ${msg} (${code})`,
    at,
  );
}
