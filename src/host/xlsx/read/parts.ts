/** The workbook's small parts: relationships, the workbook (sheets, date system), shared strings and the date styles. */
import { isBuiltInDateFormat, isDateFormatCode } from "../excelDates";
import { readErrors } from "../errors";
import { MAX_CELL_TEXT, MAX_SHEETS } from "./limits";
import { decodeEntities, decodeXmlText, Scanner } from "./xmlScanner";

export interface Rel {
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(xml: string): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  const sc = new Scanner(xml);
  while (sc.next()) {
    if (sc.closing || sc.name !== "Relationship") continue;
    const id = sc.attr("Id");
    const target = sc.attr("Target");
    if (id === undefined || target === undefined) continue;
    rels.set(decodeEntities(id), {
      type: decodeEntities(sc.attr("Type") ?? ""),
      target: decodeEntities(target),
      external: (sc.attr("TargetMode") ?? "").toLowerCase() === "external",
    });
  }
  return rels;
}

/** Resolves a relationship target against the folder of its source part; returns a zip entry name. */
export function resolvePart(baseDir: string, target: string): string {
  const t = target.indexOf("\\") >= 0 ? target.replace(/\\/g, "/") : target;
  const path = t.startsWith("/") ? t.slice(1) : baseDir + t;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

export interface SheetRef {
  name: string;
  rid: string;
  hidden: boolean;
}

export function parseWorkbook(xml: string): { sheets: SheetRef[]; date1904: boolean } {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  const sc = new Scanner(xml);
  // The package's main part may be a Word document or a presentation (a .docx renamed .xlsx): say
  // so, rather than that a workbook has no sheets.
  let root = true;
  while (sc.next()) {
    if (sc.closing) continue;
    if (root) {
      if (sc.name !== "workbook") throw readErrors.notWorkbook();
      root = false;
    }
    if (sc.name === "sheet") {
      const state = sc.attr("state");
      sheets.push({
        name: decodeEntities(sc.attr("name") ?? ""),
        rid: decodeEntities(sc.attr("id") ?? ""),
        hidden: state === "hidden" || state === "veryHidden",
      });
      if (sheets.length > MAX_SHEETS) {
        // count them all for the message, cheaply
        let n = sheets.length;
        while (sc.next()) if (!sc.closing && sc.name === "sheet") n++;
        throw readErrors.tooManySheets(n, MAX_SHEETS);
      }
    } else if (sc.name === "workbookPr") {
      const v = sc.attr("date1904");
      date1904 = v === "1" || v === "true";
    }
  }
  return { sheets, date1904 };
}

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const sc = new Scanner(xml);
  while (sc.next()) {
    if (sc.closing || sc.name !== "si") continue;
    if (sc.selfClosing) {
      out.push("");
      continue;
    }
    out.push(clampText(decodeXmlText(sc.richText(), true)));
  }
  return out;
}

function clampText(s: string): string {
  return s.length > MAX_CELL_TEXT ? s.slice(0, MAX_CELL_TEXT) : s;
}

/** For each cellXfs index, whether its number format shows a date or time. */
export function parseDateStyles(xml: string): Uint8Array {
  const custom = new Map<number, boolean>();
  const xfs: boolean[] = [];
  const sc = new Scanner(xml);
  let inCellXfs = false;
  while (sc.next()) {
    const n = sc.name;
    if (n === "cellXfs") {
      inCellXfs = !sc.closing && !sc.selfClosing;
      if (sc.closing) break; // nothing after cellXfs matters
      continue;
    }
    if (sc.closing) continue;
    if (n === "numFmt") {
      const id = Number(sc.attr("numFmtId"));
      custom.set(id, isDateFormatCode(decodeEntities(sc.attr("formatCode") ?? "")));
    } else if (n === "xf" && inCellXfs) {
      const id = Number(sc.attr("numFmtId") ?? 0);
      xfs.push(custom.get(id) ?? isBuiltInDateFormat(id));
      if (!sc.selfClosing) sc.skipElement();
    }
  }
  const flags = new Uint8Array(xfs.length);
  for (let i = 0; i < xfs.length; i++) flags[i] = xfs[i] ? 1 : 0;
  return flags;
}
