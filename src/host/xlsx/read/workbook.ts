/** readWorkbookFast: a package's workbook, its parts and its worksheets, read into a grid snapshot. */
import type { SheetSnapshot, WorkbookSnapshot } from "../../../grid/grid";
import { readErrors, withFile, WorkbookReadError } from "../errors";
import type { PartCache } from "../partCache";
import { sniff, type ZipDirectory } from "../sniff";
import { SheetBuilder, type CellBudget } from "./builder";
import { dirOf, parseDateStyles, parseRels, parseSharedStrings, parseWorkbook, relsPathOf, resolvePart, type Rel } from "./parts";
import { GENERAL_PATH } from "./xmlScanner";
import { parseSheet, type WorkbookContext } from "./sheetXml";
import { findEntry, inflateEntry, partText, storedData, bytesToText, type ZipCodec } from "./zip";

export interface ReadOptions {
  /** The file name, attached to errors (WorkbookReadError.file). */
  file?: string;
  /** Native inflate and CRC where the host has them (node's zlib in the CLI); fflate and the JS CRC otherwise. */
  codec?: ZipCodec;
  /**
   * False reads every tag of the sheet data one by one, empty cells included: the same snapshot,
   * slower. Tests compare the two.
   */
  skipEmptyCells?: boolean;
  /** Parts already parsed in this batch (the CLI's reader threads keep one each); none by default. */
  parts?: PartCache;
}

const SHEET_TYPE_RE = /\/worksheet$/;

/** A part parsed, or taken from `parts` when this batch already parsed the same bytes; undefined when the package lacks it. */
function parsedPart<T>(src: PartSource, name: string, kind: string, parse: (xml: string) => T): T | undefined {
  const e = findEntry(src.dir, name);
  if (!e) return undefined;
  const fromText = () => parse(bytesToText(inflateEntry(src.bytes, e, src.codec)));
  return src.parts ? src.parts.get(kind, storedData(src.bytes, e), e, fromText) : fromText();
}

interface PartSource {
  bytes: Uint8Array;
  dir: ZipDirectory;
  codec?: ZipCodec;
  parts?: PartCache;
}

/** Reads an .xlsx into a grid snapshot, synchronously. Throws WorkbookReadError for anything it cannot read. */
export function readWorkbookFast(bytes: Uint8Array, opts: ReadOptions = {}): WorkbookSnapshot {
  try {
    return read(bytes, opts.codec, opts.skipEmptyCells !== false, opts.parts);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw withFile(e, opts.file);
    if (e instanceof RangeError) {
      // e.g. an allocation the engine refused: report it as a file problem, not a crash
      throw withFile(readErrors.corrupt("内容无法读取", "the content cannot be read"), opts.file);
    }
    throw e;
  }
}

function read(bytes: Uint8Array, codec: ZipCodec | undefined, skipEmpty: boolean, parts: PartCache | undefined): WorkbookSnapshot {
  const dir = sniff(bytes);
  const src: PartSource = { bytes, dir, codec, parts };

  // The workbook part: xl/workbook.xml, or wherever the package relationships point.
  let wbPart = "xl/workbook.xml";
  if (!findEntry(dir, wbPart)) {
    const root = partText(bytes, dir, "_rels/.rels", codec);
    const rel = root ? [...parseRels(root).values()].find((r) => /\/officeDocument$/.test(r.type) && !r.external) : undefined;
    const target = rel ? resolvePart("", rel.target) : "";
    // Another format in a zip, named for what it is (an .xlsb's relationships point to a workbook that does exist)
    if (/\.bin$/i.test(target) || findEntry(dir, "xl/workbook.bin")) throw readErrors.otherSpreadsheet("xlsb");
    if (/^word\//i.test(target) || findEntry(dir, "word/document.xml")) throw readErrors.otherDocument("doc");
    if (/^ppt\//i.test(target) || findEntry(dir, "ppt/presentation.xml")) throw readErrors.otherDocument("ppt");
    if (!rel || !findEntry(dir, target)) {
      if (findEntry(dir, "mimetype") && findEntry(dir, "content.xml")) throw readErrors.otherSpreadsheet("ods");
      if (findEntry(dir, "Index/Document.iwa") || findEntry(dir, "Index.zip")) throw readErrors.otherSpreadsheet("numbers");
      throw readErrors.notWorkbook();
    }
    wbPart = target;
  }
  const wb = parsedPart(src, wbPart, "workbook", parseWorkbook) as ReturnType<typeof parseWorkbook>;
  const rels = parsedPart(src, relsPathOf(wbPart), "rels", parseRels) ?? new Map<string, Rel>();
  const base = dirOf(wbPart);

  const partOfType = (suffix: string, fallback: string): string => {
    for (const r of rels.values()) if (!r.external && r.type.endsWith(suffix)) return resolvePart(base, r.target);
    return fallback;
  };
  const sstText = partText(bytes, dir, partOfType("/sharedStrings", `${base}sharedStrings.xml`), codec);
  const sst = sstText ? parseSharedStrings(sstText) : [];
  let dateFlags: Uint8Array | undefined;
  const ctx: WorkbookContext = {
    sst,
    date1904: wb.date1904,
    dateStyles: () => {
      if (dateFlags === undefined) {
        dateFlags = parsedPart(src, partOfType("/styles", `${base}styles.xml`), "styles", parseDateStyles) ?? new Uint8Array(0);
      }
      return dateFlags;
    },
  };

  const budget: CellBudget = { cells: 0 };
  const sheets: SheetSnapshot[] = [];
  for (const ref of wb.sheets) {
    const rel = rels.get(ref.rid);
    let part: string;
    if (rel) {
      if (rel.external || !SHEET_TYPE_RE.test(rel.type)) continue; // chart, dialog or macro sheet
      part = resolvePart(base, rel.target);
    } else {
      part = `${base}worksheets/sheet${sheets.length + 1}.xml`; // no rels: the conventional name
    }
    const xml = partText(bytes, dir, part, codec);
    if (xml === undefined) throw readErrors.corrupt(`缺少工作表“${ref.name}”的内容`, `the content of sheet "${ref.name}" is missing`);
    const before = { cells: budget.cells, merges: budget.merges };
    let b = new SheetBuilder(ref.name, budget);
    try {
      parseSheet(xml, b, ctx, skipEmpty);
    } catch (e) {
      if (e !== GENERAL_PATH) throw e;
      budget.cells = before.cells;
      budget.merges = before.merges;
      b = new SheetBuilder(ref.name, budget);
      parseSheet(xml, b, ctx, false);
    }
    sheets.push(b.finish(ref.hidden));
  }
  if (sheets.length === 0) throw readErrors.noSheets();
  return { sheets };
}
