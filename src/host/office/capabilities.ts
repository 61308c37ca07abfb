/**
 * Which ExcelApi sets this Excel has, and what each missing one costs the user. Office 2016 (volume
 * licence) answers only ExcelApi 1.1, so every core flow runs on 1.1 members; the richer members are
 * used only when `isSetSupported` says so, and the pane shows the costs below once.
 */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/** The members beyond ExcelApi 1.1 the Office host uses, each behind its requirement set. */
export interface OfficeApi {
  /** Highest ExcelApi 1.x minor version answered (1 for Office 2016). */
  level: number;
  /** 1.2: Range.merge, format.columnWidth/rowHeight, setting Worksheet.visibility, getUsedRange(valuesOnly), Worksheet.protection. */
  merge: boolean;
  formatSize: boolean;
  setVisibility: boolean;
  usedRangeValuesOnly: boolean;
  protection: boolean;
  /** 1.3: bindings can keep a table. */
  bindings: boolean;
  /** 1.4: getItemOrNullObject, getUsedRangeOrNullObject, names.add. */
  orNull: boolean;
  names: boolean;
  /** 1.8: Excel.createWorkbook (a new workbook from base64 .xlsx). */
  createWorkbook: boolean;
  /** 1.9: RangeFill.tintAndShade tells "no fill" (null) from a white fill (both read #FFFFFF). */
  fillTint: boolean;
  /** 1.10: comments. */
  comments: boolean;
  /** 1.13: Range.getMergedAreasOrNullObject (used); Workbook.insertWorksheetsFromBase64 (known, not used: templates are written cell by cell everywhere). */
  mergedAreas: boolean;
  insertFromBase64: boolean;
  /** 1.14: CommentCollection.getItemOrNullObject. */
  commentOrNull: boolean;
  /** 1.18: notes. */
  notes: boolean;
}

export interface CapabilityCost {
  /** The requirement set that is missing, `ExcelApi 1.10`. */
  requires: string;
  message: string;
  messageEn: string;
}

export interface DetectedCapabilities {
  api: OfficeApi;
  /** One sentence per missing API: what the user loses and what the product does instead. */
  costs: CapabilityCost[];
}

/** The ExcelApi versions this product asks about (beyond 1.1, which every Excel with add-ins has). */
const ASKED = [2, 3, 4, 8, 9, 10, 13, 14, 18] as const;

function safeAsk(isSetSupported: IsSetSupported, minor: number): boolean {
  try {
    return isSetSupported("ExcelApi", `1.${minor}`) === true;
  } catch {
    // Very old hosts throw for unknown sets instead of answering false.
    return false;
  }
}

/** Asks for each set once; a set counts only if every lower asked set is there too (sets are cumulative). */
export function detectApi(isSetSupported: IsSetSupported): OfficeApi {
  let level = 1;
  for (const minor of ASKED) {
    if (!safeAsk(isSetSupported, minor)) break;
    level = minor;
  }
  const has = (minor: number) => level >= minor;
  return {
    level,
    merge: has(2),
    formatSize: has(2),
    setVisibility: has(2),
    usedRangeValuesOnly: has(2),
    protection: has(2),
    bindings: has(3),
    orNull: has(4),
    names: has(4),
    createWorkbook: has(8),
    fillTint: has(9),
    comments: has(10),
    mergedAreas: has(13),
    insertFromBase64: has(13),
    commentOrNull: has(14),
    notes: has(18),
  };
}

function costsOf(api: OfficeApi): CapabilityCost[] {
  const costs: CapabilityCost[] = [];
  const add = (requires: string, message: string, messageEn: string) => costs.push({ requires, message, messageEn });
  if (!api.merge) {
    add(
      "ExcelApi 1.2",
      "您的 Excel 版本不支持合并单元格（需要 ExcelApi 1.2），插入模板时不合并单元格：标题和表头文字放在其所跨区域的第一个单元格并跨列居中，识别和校验不受影响。",
      "Your Excel cannot merge cells (needs ExcelApi 1.2): inserted templates are not merged; each title and header label sits in the first cell of its span, centred across it. Recognition and checks are not affected.",
    );
    add(
      "ExcelApi 1.2",
      "您的 Excel 版本不支持设置列宽和行高（需要 ExcelApi 1.2），插入的模板保持默认列宽，请按需手动调整。",
      "Your Excel cannot set column widths or row heights (needs ExcelApi 1.2): inserted templates keep the default widths; adjust them by hand if needed.",
    );
    add(
      "ExcelApi 1.2",
      "您的 Excel 版本不支持隐藏工作表（需要 ExcelApi 1.2），保存审核说明和标记的工作表「_xzzf」会显示在最后，请勿修改或删除。",
      'Your Excel cannot hide sheets (needs ExcelApi 1.2): the sheet "_xzzf" that keeps review notes and marks stays visible at the end; do not edit or delete it.',
    );
  }
  if (!api.orNull) {
    add(
      "ExcelApi 1.4",
      "您的 Excel 版本较旧（低于 ExcelApi 1.4），工作表改名或删除后的第一次读取会稍慢，空工作表也会被读取。",
      "Your Excel is older than ExcelApi 1.4: the first read after a sheet was renamed or deleted is slower, and empty sheets are read too.",
    );
  }
  if (!api.names) {
    add(
      "ExcelApi 1.4",
      "您的 Excel 版本不支持在工作簿中定义名称（需要 ExcelApi 1.4），无法记住表格的位置，每次校验都读取全部工作表。",
      "Your Excel cannot define names (needs ExcelApi 1.4): the tables' places cannot be remembered, so every check reads every sheet.",
    );
  }
  if (!api.createWorkbook) {
    add(
      "ExcelApi 1.8",
      "您的 Excel 版本不支持从加载项新建工作簿（需要 ExcelApi 1.8）：生成报送副本时，副本工作表添加在当前工作簿末尾，需要您手动移到新工作簿（按提示操作）。",
      "Your Excel cannot create a workbook from an add-in (needs ExcelApi 1.8): the submission copy's sheets are added at the end of this workbook for you to move into a new workbook (as the pane explains).",
    );
  }
  if (!api.fillTint) {
    add(
      "ExcelApi 1.9",
      "您的 Excel 版本无法区分“无填充”和白色填充（需要 ExcelApi 1.9），清除标记后原为白色填充的单元格将恢复为无填充。",
      'Your Excel cannot tell "no fill" from a white fill (needs ExcelApi 1.9): after marks are cleared, cells that were filled white have no fill.',
    );
  }
  if (!api.comments) {
    add(
      "ExcelApi 1.10",
      "您的 Excel 版本不支持批注（需要 ExcelApi 1.10），问题说明只在任务窗格中显示，单元格只以底色标记。",
      "Your Excel does not support comments (needs ExcelApi 1.10): findings are explained in the task pane only; cells are marked by their fill.",
    );
  }
  if (!api.mergedAreas) {
    add(
      "ExcelApi 1.13",
      "您的 Excel 版本无法读取合并单元格（需要 ExcelApi 1.13），按“标签位于其所跨区域的第一个单元格”识别表格，结果不受影响。",
      "Your Excel cannot read merged areas (needs ExcelApi 1.13): tables are recognised with each label in the first cell of its span, with the same result.",
    );
  }
  if (api.comments && !api.notes) {
    add(
      "ExcelApi 1.18",
      "您的 Excel 版本不支持备注（需要 ExcelApi 1.18），问题说明以批注形式添加。",
      "Your Excel does not support notes (needs ExcelApi 1.18): findings are added as comments.",
    );
  }
  return costs;
}

export function detectCapabilities(isSetSupported: IsSetSupported): DetectedCapabilities {
  const api = detectApi(isSetSupported);
  return { api, costs: costsOf(api) };
}

/** What `Office.context.requirements.isSetSupported` answers here; false everywhere outside Office. */
export function officeIsSetSupported(): IsSetSupported {
  // A bare `globalThis` (not inside a cast), so that Babel adds its polyfill for the classic pane (IE11).
  const globalObject: unknown = globalThis;
  const office = (globalObject as { Office?: { context?: { requirements?: { isSetSupported?: IsSetSupported } } } }).Office;
  const fn = office?.context?.requirements?.isSetSupported;
  return fn ? (name, version) => fn.call(office?.context?.requirements, name, version) : () => false;
}
