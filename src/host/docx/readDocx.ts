/**
 * The report reader: a 行政执法工作报告 written in Word (.docx) into the grid snapshot of its tables,
 * so that recognition, every rule and the findings work on it exactly as on a workbook, and into
 * the paragraphs of its body, for the body-against-tables check.
 *
 * On the workbook reader's zip code: the central directory is read and checked (size, ratio and
 * entry limits of sniff.ts), and only `word/document.xml` is inflated (CRC and declared size
 * checked, fastReader.ts `inflateEntry`). Headers, footers, footnotes, comments, media are never
 * inflated. The XML is read by documentXml.ts.
 *
 * The snapshot: one sheet per table that holds text, in document order, named 表1, 表2, … (the
 * name findings use: 表1!C7). A sheet holds, from row 1: the table's frame lines (附件N, title,
 * unit/contact line, at most MAX_HEADING_PARAGRAPHS, one per row in column A), the table at its
 * grid columns (merges from gridSpan/vMerge), then its notes lines (column A). For the seed this is
 * the workbook's own layout, so findings name the same cells. A plain number in a cell becomes a
 * number (frame.ts cellValue); all other text stays text.
 *
 * Tables that hold no text are not sheets: an empty layout table (one whose only content is a
 * nested table), or a table of pictures. A document whose tables are pictures (screenshots pasted
 * into a table, or into the body with no table at all) is not refused: the body can still be
 * checked. `tablesProblem()` gives the sentence a face shows for it (未找到表格 / 表格是图片).
 *
 * Bad input is refused with a WorkbookReadError whose sentence names the file (docxErrors):
 * .doc, encrypted, an .xlsx/.xls given as a report, .odt/.pptx/other zips, RTF/HTML/text, random
 * bytes, truncated or damaged files, zip bombs, and documents past the limits.
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../../grid/grid";
import { docxErrors, WorkbookReadError, type DocxTextKind } from "../xlsx/errors";
import { inflateEntry, MAX_SHEETS, SheetBuilder, type CellBudget, type ZipCodec } from "../xlsx/fastReader";
import { oleKind, readCentralDirectory, textKind, type ZipDirectory } from "../xlsx/sniff";
import { decodeUtf16, decodeUtf8 } from "../xlsx/textCodec";
import { DocumentXmlError, parseDocumentXml, type RawTable } from "./documentXml";
import { cellValue, headingOf, isAttachmentLine, isTitleLine } from "./frame";

/** Tables per document, as sheets per workbook. */
export const MAX_DOCX_TABLES = MAX_SHEETS;
/** The part read; entry names are matched without case, with `\` read as `/` (sniff.ts). */
export const DOCUMENT_PART = "word/document.xml";

export interface DocxReport {
  /** One sheet per w:tbl that holds text, in document order, named 表1, 表2, … (the name findings use: 表1!C7). */
  snapshot: WorkbookSnapshot;
  /** The body's paragraphs outside tables, in order, text runs joined, empty ones dropped. Paragraph n (1-based) = paragraphs[n-1]. */
  paragraphs: string[];
  /** Per sheet: the heading found before the table (e.g. "附件2"), or null. */
  headings: Array<string | null>;
  /** Tables whose cells hold pictures and no text (not sheets). */
  imageTables: number;
  /** Pictures outside tables. */
  bodyPictures: number;
}

export interface ReadDocxOptions {
  /** The file name, put into every error sentence and WorkbookReadError.file. */
  file?: string;
  /** Native inflate and CRC where the host has them (node's zlib in the CLI). */
  codec?: ZipCodec;
}

/** The name of the n-th (1-based) table's sheet. */
export function tableSheetName(n: number): string {
  return `表${n}`;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(b: Uint8Array, magic: number[]): boolean {
  if (b.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (b[i] !== magic[i]) return false;
  return true;
}

function directory(bytes: Uint8Array): ZipDirectory | null {
  if (!startsWith(bytes, ZIP_MAGIC)) return null;
  try {
    return readCentralDirectory(bytes);
  } catch {
    return null;
  }
}

/** Whether the bytes are a .docx (a zip holding word/document.xml), whatever the file is called. Never inflates. */
export function isDocx(bytes: Uint8Array): boolean {
  const dir = directory(bytes);
  return !!dir && dir.byName.has(DOCUMENT_PART);
}

/** Reads a .docx report. Throws WorkbookReadError (naming `opts.file`) for anything it cannot read. */
export function readDocx(bytes: Uint8Array, opts: ReadDocxOptions = {}): DocxReport {
  const file = opts.file;
  try {
    return read(bytes, file, opts.codec);
  } catch (e) {
    throw asDocxError(e, file);
  }
}

/**
 * The sentence for a report with no readable table (null when it has tables): 表格是图片 when a table
 * holds only pictures, or pictures stand in a body that announces its tables (a `附件N` line or a
 * table's title: a screenshot pasted instead of the table); 未找到表格 otherwise (a photo in the body
 * of a report without attachments is no table).
 */
export function tablesProblem(report: DocxReport, file?: string): WorkbookReadError | null {
  if (report.snapshot.sheets.length > 0) return null;
  const announced = report.paragraphs.some((line) => isAttachmentLine(line) || isTitleLine(line));
  if (report.imageTables > 0 || (report.bodyPictures > 0 && announced)) return docxErrors.tableImages(file, report.imageTables + report.bodyPictures);
  return docxErrors.noTables(file);
}

/** 未找到表格: for a face that reads the body only, or says why no table is checked. */
export function noTablesMessage(file?: string): WorkbookReadError {
  return docxErrors.noTables(file);
}

function read(bytes: Uint8Array, file: string | undefined, codec: ZipCodec | undefined): DocxReport {
  if (bytes.length === 0) throw docxErrors.empty(file);
  const ole = oleKind(bytes);
  if (ole === "encrypted") throw docxErrors.encrypted(file);
  if (ole === "doc") throw docxErrors.doc(file);
  if (ole === "ppt") throw docxErrors.notDocx(file, "pptx");
  if (ole === "xls") throw docxErrors.isWorkbook(file, "xls");
  if (!startsWith(bytes, ZIP_MAGIC)) {
    if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) throw docxErrors.corrupt(file, { zh: "zip 文件中没有任何内容", en: "the zip archive is empty" });
    if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) throw docxErrors.text(file, "rtf"); // {\rtf
    const kind: DocxTextKind | null = textKind(bytes);
    if (kind) throw docxErrors.text(file, kind);
    throw docxErrors.notZip(file);
  }
  const dir = shared(() => readCentralDirectory(bytes), file);
  const entry = dir.byName.get(DOCUMENT_PART);
  if (!entry) {
    if (dir.byName.has("xl/workbook.xml") || dir.byName.has("xl/workbook.bin")) throw docxErrors.isWorkbook(file, "xlsx");
    if (dir.byName.has("ppt/presentation.xml")) throw docxErrors.notDocx(file, "pptx");
    if (dir.byName.has("mimetype") && dir.byName.has("content.xml")) throw docxErrors.notDocx(file, "odt");
    throw docxErrors.notDocx(file, "zip");
  }
  const data = shared(() => inflateEntry(bytes, entry, codec), file);
  const xml =
    data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))
      ? decodeUtf16(data, data[0] === 0xff)
      : decodeUtf8(data);
  const doc = parseDocumentXml(xml, MAX_DOCX_TABLES);

  const budget: CellBudget = { cells: 0 };
  const sheets: SheetSnapshot[] = [];
  const headings: Array<string | null> = [];
  let imageTables = 0;
  for (const t of doc.tables) {
    if (t.cells.length === 0) {
      if (t.pictures > 0) imageTables++;
      continue;
    }
    sheets.push(shared(() => tableSheet(t, tableSheetName(sheets.length + 1), budget), file));
    headings.push(headingOf(t.headings));
  }
  return { snapshot: { sheets }, paragraphs: doc.paragraphs, headings, imageTables, bodyPictures: doc.bodyPictures };
}

/** Frame lines, the table, notes lines: the layout of the same table in a workbook. */
function tableSheet(t: RawTable, name: string, budget: CellBudget): SheetSnapshot {
  const b = new SheetBuilder(name, budget);
  const top = t.headings.length;
  t.headings.forEach((line, i) => b.set(i, 0, line));
  for (const c of t.cells) b.set(top + c.row, c.col, cellValue(c.text));
  for (const m of t.merges) b.merge({ top: top + m.top, left: m.left, bottom: top + m.bottom, right: m.right });
  const notesTop = top + t.rows;
  t.notes.forEach((line, i) => b.set(notesTop + i, 0, line));
  return b.finish(false);
}

/** A read error of the shared zip and grid code, worded for a workbook, as the sentence about this report. */
function fromShared(e: unknown, file: string | undefined): unknown {
  if (!(e instanceof WorkbookReadError)) return e;
  if (e.code === "corrupt") return docxErrors.corrupt(file, e.reason);
  if (e.code === "encrypted") return docxErrors.encrypted(file);
  if (e.code === "too-large") return docxErrors.tooLarge(file, e);
  if (file !== undefined && e.file === undefined) e.file = file;
  return e;
}

function shared<T>(f: () => T, file: string | undefined): T {
  try {
    return f();
  } catch (e) {
    throw fromShared(e, file);
  }
}

/** Any other failure as one sentence naming the file; a stack trace never reaches the user. */
function asDocxError(e: unknown, file: string | undefined): unknown {
  if (e instanceof DocumentXmlError) {
    if (e.kind === "bad-xml") return docxErrors.corrupt(file, { zh: "word/document.xml 的 XML 内容不完整", en: "word/document.xml is incomplete XML" });
    if (e.kind === "too-many-tables") return docxErrors.tooManyTables(file, MAX_DOCX_TABLES);
    return docxErrors.tableTooLarge(file, e.table, e.detail.zh, e.detail.en);
  }
  // e.g. an allocation the engine refused
  if (e instanceof RangeError) return docxErrors.corrupt(file, { zh: "内容无法读取", en: "the content cannot be read" });
  return e;
}
