/**
 * Why a file could not be read as a workbook, in words a clerk can act on.
 * `message` is Chinese (what the product shows), `messageEn` the same in English (logs, tests, reviewers).
 * Every message says what the file is and what to do about it.
 */

import { WorkbookReadError } from "./readError";

export { WorkbookReadError, type WorkbookReadErrorCode } from "./readError";

const MB = 1024 * 1024;

/** `12.3` for sizes in MB, whole numbers without decimals. */
export function mb(bytes: number): string {
  const v = bytes / MB;
  return Number.isInteger(v) ? String(v) : v >= 10 ? v.toFixed(0) : v.toFixed(1);
}

/** `xml2003`: an Excel 2003 XML spreadsheet (SpreadsheetML); `fods`: an OpenDocument flat XML spreadsheet. */
export type TextKind = "csv" | "html" | "xml" | "xml2003" | "fods" | "text";

/** Factories, so that every place that refuses a file words it the same way. */
export const readErrors = {
  empty: () => new WorkbookReadError("empty", "文件为空（0 字节），请重新导出后再试。", "The file is empty (0 bytes). Export it again and retry."),

  notZip: () =>
    new WorkbookReadError(
      "not-zip",
      "这不是 Excel 工作簿：.xlsx 文件应为 zip 格式，而本文件开头没有 zip 标志，可能是其他类型的文件改了扩展名，或文件已损坏。请在 Excel 或 WPS 中打开原文件后另存为 .xlsx 格式。",
      "This is not an Excel workbook: an .xlsx file is a zip archive and this file does not start like one (another file type renamed, or a damaged file). Open the original in Excel or WPS and save it as .xlsx.",
    ),

  encrypted: () =>
    new WorkbookReadError(
      "encrypted",
      "该文件已加密（设置了打开密码），请在 Excel 或 WPS 中打开并取消密码后另存为 .xlsx。",
      "The file is encrypted (it has an open password). Open it in Excel or WPS, remove the password and save it as .xlsx.",
    ),

  xls: () =>
    new WorkbookReadError(
      "xls",
      "这是旧版 .xls/.et 格式的文件（如果扩展名是 .xlsx，说明扩展名被改过），请在 Excel 或 WPS 中另存为 .xlsx 格式。",
      "This is a legacy .xls/.et file (if its name ends in .xlsx, the extension was renamed). Save it as .xlsx in Excel or WPS.",
    ),

  text: (kind: TextKind) => {
    const zh: Record<TextKind, string> = {
      csv: "这是文本/CSV 文件，不是 Excel 工作簿",
      text: "这是纯文本文件，不是 Excel 工作簿",
      html: "这是网页（HTML）文件，不是 Excel 工作簿（有些系统导出的“Excel”“.xls”其实是网页）",
      xml: "这是 XML 文件，不是 .xlsx 工作簿",
      xml2003: "这是 Excel 2003 XML 表格（SpreadsheetML）文件，不是 .xlsx 工作簿",
      fods: "这是 OpenDocument 平面 XML 表格（.fods）文件，不是 .xlsx 工作簿",
    };
    const en: Record<TextKind, string> = {
      csv: "This is a text/CSV file, not an Excel workbook",
      text: "This is a plain text file, not an Excel workbook",
      html: "This is a web page (HTML), not an Excel workbook (some systems export HTML named as Excel or .xls)",
      xml: "This is an XML file, not an .xlsx workbook",
      xml2003: "This is an Excel 2003 XML spreadsheet (SpreadsheetML), not an .xlsx workbook",
      fods: "This is an OpenDocument flat XML spreadsheet (.fods), not an .xlsx workbook",
    };
    return new WorkbookReadError(
      "csv",
      `${zh[kind]}，请在 Excel 或 WPS 中打开后另存为 .xlsx 格式。`,
      `${en[kind]}. Open it in Excel or WPS and save it as .xlsx.`,
    );
  },

  /** A declared inflated size over a limit: a zip bomb or an absurd file. `entry` is empty for the total. */
  bomb: (entry: string, size: number, limit: number) => {
    // a total just over the limit must not read "256 MB > 上限 256 MB"
    const exact = mb(size) === mb(limit);
    const zh = exact ? `${size} 字节 > 上限 ${limit} 字节` : `${mb(size)} MB > 上限 ${mb(limit)} MB`;
    const en = exact ? `${size} bytes > limit ${limit} bytes` : `${mb(size)} MB > limit ${mb(limit)} MB`;
    return new WorkbookReadError(
      "too-large",
      `文件解压后超过安全上限（${entry ? `${entry} ` : "总"}声明大小 ${zh}），疑似压缩炸弹，已拒绝。如确为正常文件，请删除多余内容（图片、空白行列）后另存再试。`,
      `The file would inflate beyond the safety limit (${entry ? `${entry}: ` : "total "}declared size ${en}); it looks like a zip bomb and was refused. If the file is genuine, remove unneeded content (pictures, blank rows and columns) and save it again.`,
    );
  },

  ratio: (entry: string, size: number, ratio: number, limit: number) =>
    new WorkbookReadError(
      "too-large",
      `文件中的 ${entry} 压缩比异常（${Math.round(ratio)}:1 > ${limit}:1，解压后 ${mb(size)} MB），疑似压缩炸弹，已拒绝。`,
      `The part ${entry} has an abnormal compression ratio (${Math.round(ratio)}:1 > ${limit}:1, ${mb(size)} MB inflated); it looks like a zip bomb and was refused.`,
    ),

  /** The inflated data is larger than the zip header said: a lying header. */
  lyingSize: (entry: string, declared: number) =>
    new WorkbookReadError(
      "too-large",
      `文件中的 ${entry} 解压后的实际大小超过了文件头声明的大小（${declared} 字节），疑似压缩炸弹或被篡改，已拒绝。`,
      `The part ${entry} inflates to more than its declared size (${declared} bytes): a zip bomb or a tampered file, refused.`,
    ),

  tooManyEntries: (count: number, limit: number) =>
    new WorkbookReadError(
      "too-large",
      `文件包含 ${count} 个内部部件，超过上限 ${limit} 个，疑似异常文件，已拒绝。请在 Excel 或 WPS 中另存后再试。`,
      `The file holds ${count} zip entries, over the limit of ${limit}; refused as abnormal. Save it again in Excel or WPS and retry.`,
    ),

  sheetArea: (sheet: string, lastCell: string, cells: number, limit: number) =>
    new WorkbookReadError(
      "too-large",
      `工作表“${sheet}”的数据区域过大（延伸到 ${lastCell}，约 ${cells.toExponential(1)} 个单元格 > 上限 ${limit.toExponential(0)}），多半是远处有误输入的内容。请删除多余的行列后另存再试。`,
      `Sheet "${sheet}" has a data area that is too large (it reaches ${lastCell}, about ${cells.toExponential(1)} cells > limit ${limit.toExponential(0)}), usually a stray entry far away. Delete the extra rows and columns, save and retry.`,
    ),

  tooManyCells: (limit: number) =>
    new WorkbookReadError(
      "too-large",
      `工作簿中有内容的单元格超过 ${limit} 个，超出本工具的处理上限，已拒绝。请删除与统计表无关的工作表后再试。`,
      `The workbook has more than ${limit} non-empty cells, beyond what this tool handles; refused. Delete sheets unrelated to the statistics and retry.`,
    ),

  tooManyMerges: (limit: number) =>
    new WorkbookReadError(
      "too-large",
      `工作簿中的合并单元格超过 ${limit} 个，超出本工具的处理上限，已拒绝。请删除与统计表无关的工作表或取消多余的合并后再试。`,
      `The workbook has more than ${limit} merged areas, beyond what this tool handles; refused. Delete unrelated sheets or unneeded merges and retry.`,
    ),

  corrupt: (reasonZh = "zip 结构无法读取", reasonEn = "the zip structure cannot be read") => {
    const e = new WorkbookReadError(
      "corrupt",
      `文件已损坏或不完整（${reasonZh}），请重新导出或从原始来源重新获取文件；若能在 Excel 或 WPS 中打开，请另存为 .xlsx 后再试。`,
      `The file is damaged or incomplete (${reasonEn}). Export it again or fetch it again from its source; if Excel or WPS can open it, save it as .xlsx and retry.`,
    );
    e.reason = { zh: reasonZh, en: reasonEn };
    return e;
  },

  /** Another spreadsheet format in a zip: .xlsb (binary workbook), .ods (OpenDocument) or .numbers (Apple). Same advice as for .xls. */
  otherSpreadsheet: (kind: "xlsb" | "ods" | "numbers") => {
    const zh = {
      xlsb: "这是 .xlsb（Excel 二进制工作簿）文件，本工具只读取 .xlsx，请在 Excel 中另存为 .xlsx 格式。",
      ods: "这是 .ods（OpenDocument 表格）文件，本工具只读取 .xlsx，请在 WPS、Excel 或 LibreOffice 中另存为 .xlsx 格式。",
      numbers: "这是 .numbers（苹果 Numbers 表格）文件，本工具只读取 .xlsx，请在 Numbers 中用“文件 > 导出为 > Excel”导出为 .xlsx 格式。",
    };
    const en = {
      xlsb: "This is an .xlsb (binary Excel workbook) file; only .xlsx is read. Save it as .xlsx in Excel.",
      ods: "This is an .ods (OpenDocument spreadsheet) file; only .xlsx is read. Save it as .xlsx in WPS, Excel or LibreOffice.",
      numbers: "This is a .numbers (Apple Numbers) file; only .xlsx is read. Export it to Excel (.xlsx) from Numbers (File > Export To > Excel).",
    };
    return new WorkbookReadError("xls", zh[kind], en[kind]);
  },

  /** Not a spreadsheet at all: a Word document or a PowerPoint presentation (legacy OLE or OOXML). */
  otherDocument: (kind: "doc" | "ppt") =>
    new WorkbookReadError(
      "other-format",
      kind === "doc"
        ? "这是 Word 文档（.doc/.docx），不是 Excel 工作簿，请确认是否选错了文件；如表格在 Word 中，请复制到 Excel 或 WPS 表格后另存为 .xlsx 格式。"
        : "这是 PowerPoint 演示文稿（.ppt/.pptx），不是 Excel 工作簿，请确认是否选错了文件。",
      kind === "doc"
        ? "This is a Word document (.doc/.docx), not an Excel workbook. Check that the right file was chosen; if the table is in Word, copy it into Excel or WPS and save it as .xlsx."
        : "This is a PowerPoint presentation (.ppt/.pptx), not an Excel workbook. Check that the right file was chosen.",
    ),

  notWorkbook: () =>
    new WorkbookReadError(
      "corrupt",
      "这是 zip 文件，但其中没有 Excel 工作簿内容（缺少 xl/workbook.xml），可能是 Word、WPS/ODS 或其他文件改了扩展名。请在 Excel 或 WPS 中打开后另存为 .xlsx 格式。",
      "This is a zip archive without Excel workbook content (no xl/workbook.xml): perhaps a Word, ODS or other file renamed. Open it in Excel or WPS and save it as .xlsx.",
    ),

  noSheets: () =>
    new WorkbookReadError(
      "no-sheets",
      "工作簿中没有任何工作表，请检查文件是否导出完整。",
      "The workbook contains no worksheets. Check that it was exported completely.",
    ),

  tooManySheets: (count: number, limit: number) =>
    new WorkbookReadError(
      "too-many-sheets",
      `工作簿有 ${count} 个工作表，超过上限 ${limit} 个，请删除多余的工作表或拆分文件后再试。`,
      `The workbook has ${count} sheets, over the limit of ${limit}. Delete extra sheets or split the file and retry.`,
    ),
};

/** Attaches the file name to a read error (leaves other errors alone) and returns it, for `throw withFile(e, f)`. */
export function withFile(e: unknown, file: string | undefined): unknown {
  if (file !== undefined && e instanceof WorkbookReadError && e.file === undefined) e.file = file;
  return e;
}

// ---------------------------------------------------------------------------------------------
// The report (.docx) reader: every sentence names the file, since a report is usually checked
// beside workbooks and the face shows the sentence alone.

/** `“工作报告.docx”` / `"report.docx"`, or "this file" when the caller gave no name. */
function named(file: string | undefined): { zh: string; en: string } {
  return file === undefined || file === "" ? { zh: "该文件", en: "The file" } : { zh: `“${file}”`, en: `"${file}"` };
}

/** What a file given as a report turned out to be, when it is text rather than a zip. */
export type DocxTextKind = TextKind | "rtf";

export const docxErrors = {
  empty: (file?: string) => {
    const n = named(file);
    return new WorkbookReadError(
      "empty",
      `${n.zh}是空文件（0 字节），请重新导出或保存后再试。`,
      `${n.en} is empty (0 bytes). Save or export it again and retry.`,
      file,
    );
  },

  /** A Word 97–2003 document (OLE with a WordDocument stream). */
  doc: (file?: string) => {
    const n = named(file);
    return new WorkbookReadError(
      "doc",
      `${n.zh}是旧版 Word .doc 文件，本工具只读取 .docx，请在 Word/WPS 中另存为 .docx 后再试。`,
      `${n.en} is a legacy Word .doc file; only .docx is read. Save it as .docx in Word or WPS and retry.`,
      file,
    );
  },

  encrypted: (file?: string) => {
    const n = named(file);
    return new WorkbookReadError(
      "encrypted",
      `${n.zh}已加密（设置了打开密码），请在 Word/WPS 中打开并取消密码后另存为 .docx 再试。`,
      `${n.en} is encrypted (it has an open password). Open it in Word or WPS, remove the password, save it as .docx and retry.`,
      file,
    );
  },

  /** A workbook given as a report: the face may check it as a workbook instead. */
  isWorkbook: (file: string | undefined, kind: "xlsx" | "xls") => {
    const n = named(file);
    const what = kind === "xlsx" ? " Excel 工作簿（.xlsx）" : "旧版 Excel 工作簿（.xls/.et）";
    const whatEn = kind === "xlsx" ? "an Excel workbook (.xlsx)" : "a legacy Excel workbook (.xls/.et)";
    return new WorkbookReadError(
      "is-workbook",
      `${n.zh}是${what}，不是 Word 工作报告，请作为统计表检查，或确认是否选错了文件。`,
      `${n.en} is ${whatEn}, not a Word report. Check it as a workbook, or make sure the right file was chosen.`,
      file,
    );
  },

  /** A zip without word/document.xml: an OpenDocument text, a presentation, or anything else. */
  notDocx: (file: string | undefined, kind: "odt" | "pptx" | "zip") => {
    const n = named(file);
    const zh = {
      odt: `${n.zh}是 OpenDocument 文本（.odt），本工具只读取 .docx，请在 WPS、Word 或 LibreOffice 中另存为 .docx 后再试。`,
      pptx: `${n.zh}是 PowerPoint 演示文稿，不是 Word 工作报告，请确认是否选错了文件。`,
      zip: `${n.zh}是 zip 文件，但其中没有 Word 文档内容（缺少 word/document.xml），可能是其他文件改了扩展名，请在 Word/WPS 中打开原文件后另存为 .docx。`,
    };
    const en = {
      odt: `${n.en} is an OpenDocument text (.odt); only .docx is read. Save it as .docx in WPS, Word or LibreOffice and retry.`,
      pptx: `${n.en} is a PowerPoint presentation, not a Word report. Make sure the right file was chosen.`,
      zip: `${n.en} is a zip archive without Word content (no word/document.xml), perhaps another file renamed. Open the original in Word or WPS and save it as .docx.`,
    };
    return new WorkbookReadError("not-docx", zh[kind], en[kind], file);
  },

  notZip: (file?: string) => {
    const n = named(file);
    return new WorkbookReadError(
      "not-zip",
      `${n.zh}不是 Word .docx 文档：.docx 文件应为 zip 格式，而本文件开头没有 zip 标志，可能是其他类型的文件改了扩展名，或文件已损坏；请在 Word/WPS 中打开原文件后另存为 .docx。`,
      `${n.en} is not a Word .docx document: a .docx is a zip archive and this file does not start like one (another file type renamed, or a damaged file). Open the original in Word or WPS and save it as .docx.`,
      file,
    );
  },

  text: (file: string | undefined, kind: DocxTextKind) => {
    const n = named(file);
    const zh: Record<DocxTextKind, string> = {
      rtf: " RTF 文档",
      html: "网页（HTML）文件（有些系统导出的“Word”“.doc”其实是网页）",
      csv: "文本/CSV 文件",
      text: "纯文本文件",
      xml: " XML 文件",
      xml2003: " Excel 2003 XML 表格文件",
      fods: " OpenDocument 平面 XML 文件",
    };
    const en: Record<DocxTextKind, string> = {
      rtf: "an RTF document",
      html: "a web page (HTML; some systems export HTML named as Word or .doc)",
      csv: "a text/CSV file",
      text: "a plain text file",
      xml: "an XML file",
      xml2003: "an Excel 2003 XML spreadsheet",
      fods: "an OpenDocument flat XML file",
    };
    return new WorkbookReadError(
      "other-format",
      `${n.zh}是${zh[kind]}，不是 Word .docx 文档，请在 Word/WPS 中打开后另存为 .docx 再试。`,
      `${n.en} is ${en[kind]}, not a Word .docx document. Open it in Word or WPS, save it as .docx and retry.`,
      file,
    );
  },

  /** Damaged or cut off; `reason` is what the zip or XML reading found. */
  corrupt: (file: string | undefined, reason: { zh: string; en: string } = { zh: "zip 结构无法读取", en: "the zip structure cannot be read" }) => {
    const n = named(file);
    return new WorkbookReadError(
      "corrupt",
      `${n.zh}已损坏或不完整（${reason.zh}），请从原始来源重新获取文件；若能在 Word/WPS 中打开，请另存为 .docx 后再试。`,
      `${n.en} is damaged or incomplete (${reason.en}). Fetch it again from its source; if Word or WPS can open it, save it as .docx and retry.`,
      file,
    );
  },

  /** A limit of the zip or of the reader (a bomb, too many tables or cells): the workbook reader's sentence, naming the file. */
  tooLarge: (file: string | undefined, inner: WorkbookReadError) => {
    const n = named(file);
    return new WorkbookReadError("too-large", `${n.zh}：${inner.message}`, `${n.en}: ${inner.messageEn}`, file);
  },

  tooManyTables: (file: string | undefined, limit: number) => {
    const n = named(file);
    return new WorkbookReadError(
      "too-large",
      `${n.zh}中的表格超过 ${limit} 个，超出本工具的处理上限，已拒绝。请删除与统计表无关的表格后再试。`,
      `${n.en} holds more than ${limit} tables, beyond what this tool handles; refused. Delete tables unrelated to the statistics and retry.`,
      file,
    );
  },

  tableTooLarge: (file: string | undefined, table: number, limitZh: string, limitEn: string) => {
    const n = named(file);
    return new WorkbookReadError(
      "too-large",
      `${n.zh}中的第 ${table} 个表格过大（${limitZh}），超出本工具的处理上限，已拒绝。`,
      `Table ${table} of ${n.en === "The file" ? "the file" : n.en} is too large (${limitEn}), beyond what this tool handles; refused.`,
      file,
    );
  },

  /** Not an error of the body check: the face shows it where the tables would be. */
  noTables: (file?: string) => {
    const n = named(file);
    return new WorkbookReadError(
      "docx-no-tables",
      `${n.zh}中未找到表格：附件2–5 不在文档中，只能对照正文，无法检查统计表。`,
      `No tables were found in ${n.en === "The file" ? "the file" : n.en}: 附件2–5 are not in the document, so only its body can be checked.`,
      file,
    );
  },

  /** Tables pasted as pictures (screenshots): nothing in them can be read. */
  tableImages: (file: string | undefined, pictures: number) => {
    const n = named(file);
    return new WorkbookReadError(
      "docx-table-images",
      `${n.zh}中的表格是图片（共 ${pictures} 张），无法读取其中的数字；请在 Word/WPS 中插入可编辑的表格（或附上 Excel 统计表）后再检查。`,
      `The tables of ${n.en === "The file" ? "the file" : n.en} are pictures (${pictures} in all), whose figures cannot be read. Insert editable tables in Word or WPS (or attach the Excel workbook) and check again.`,
      file,
    );
  },
};
