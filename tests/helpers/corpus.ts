/**
 * The corpus of files clerks and the world really produce, built deterministically at test time,
 * and the manifest (tests/fixtures/corpus.json) that says what each must give: specific findings
 * (rule id and cell) or a WorkbookReadError code with its Chinese message.
 *
 * Builders start from the seed report's four tables (the official layout, rendered with ExcelJS)
 * and change what a clerk, WPS, an export system or an attacker would; the big hostile files (the
 * zip bombs, the 10 MB string, the 10 000 sheets) exist only in memory or a temp folder, never in
 * the repository.
 */
import { readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { inflateSync, strFromU8, strToU8 } from "fflate";
import type { CellValue, WorkbookSnapshot } from "../../src/grid/grid";
import type { WorkbookReadErrorCode } from "../../src/host/xlsx/errors";
import { renderLayout } from "../../src/host/xlsx/render";
import { layoutFor, layoutToSnapshot, type LayoutOptions, type SheetLayout } from "../../src/templates/layout";
import { seedLayoutOptions } from "../../src/templates/sample";
import { SHEET_NAMES, TABLE_IDS } from "../../src/templates/tables";
import type { TableId } from "../../src/templates/schema";
import { agileEncryptionInfo, biff8Workbook, concat, deflated, noise, ole2, rawZip, rezip, zerosDeflate, zipParts } from "../robust/bytes";
import { snapshotToXlsx, workbookBytes } from "../robust/snapshotXlsx";
import { insertRows, setCell, shift, stack } from "./sheetEdits";
import { cellOf } from "./xlsx";

export const FIXTURES_DIR = join(__dirname, "..", "fixtures");

// ---------------------------------------------------------------------------------------------
// The manifest

/** `rule@sheet!A1`: a finding as the manifest names it. */
export type FindingKey = string;

export interface Move {
  /** The sheet whose findings move; `*` for every sheet. */
  sheet: string;
  /** Findings at this Excel row (1-based) or below move. */
  fromRow: number;
  rows?: number;
  cols?: number;
}

export interface Copy {
  /** The base findings of this sheet appear again on `to`, `rows` lower. */
  from: string;
  to: string;
  rows?: number;
}

export interface Expectation {
  /** The file is refused with this code. */
  error?: WorkbookReadErrorCode;
  /** A fragment of the Chinese message the refusal must contain. */
  messageIncludes?: string;
  /** What `xzzf check` says instead, where it reads more than the workbook reader (a .docx is read as a 工作报告). */
  cliMessageIncludes?: string;
  /** The findings are exactly a base list (see `bases`), renamed, copied and moved, plus `add` minus `remove`. */
  base?: string;
  /** Sheets of the base renamed: { old: new }. */
  rename?: Record<string, string>;
  move?: Move[];
  copy?: Copy[];
  add?: FindingKey[];
  remove?: FindingKey[];
  /** Without a base: findings that must be among those given (all of them when `exact`). */
  includes?: FindingKey[];
  exact?: boolean;
  /** Cells of the snapshot (`sheet!A1`): their value, or the length of their text. */
  cells?: Record<string, CellValue | { length: number }>;
  /** The writing path (ExcelJSHost.fromBytes) refuses the file with this code, where it differs from the reader. */
  writerError?: WorkbookReadErrorCode;
  /** Rule ids (`rule`) or findings (`rule@sheet!A1`) that must not be given. */
  absent?: string[];
  /** Recognised tables as `A2@sheet`, in order. */
  tables?: string[];
  /** The report year the analysis gives. */
  year?: number | null;
  /** `xzzf check` exit code for this file alone: 0 clean, 1 error-severity findings, 2 unreadable. */
  exit: 0 | 1 | 2;
}

export interface ManifestCase {
  id: string;
  /** The name the file is written under (what a clerk would call it). */
  file: string;
  about: string;
  /** Built only in memory/temp: too big or too hostile to commit. */
  generated?: boolean;
  /** Too slow for ExcelJS (the writing path) to be worth running on every test run. */
  skipExcelJS?: boolean;
  expect: Expectation;
}

export interface Manifest {
  bases: Record<string, FindingKey[]>;
  cases: ManifestCase[];
}

export function loadManifest(): Manifest {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, "corpus.json"), "utf8")) as Manifest;
}

export interface ParsedKey {
  rule: string;
  sheet: string;
  cell: string;
}

export function parseKey(key: FindingKey): ParsedKey {
  const at = key.indexOf("@");
  const bang = key.lastIndexOf("!");
  if (at < 0 || bang < at) throw new Error(`bad finding key ${key}`);
  return { rule: key.slice(0, at), sheet: key.slice(at + 1, bang), cell: key.slice(bang + 1) };
}

export function keyOf(f: { rule: string; sheet: string; cell: string }): FindingKey {
  return `${f.rule}@${f.sheet}!${f.cell}`;
}

function moveCell(cell: string, rows: number, cols: number): string {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) throw new Error(`bad cell ${cell}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  col += cols;
  let letters = "";
  while (col > 0) {
    const r = (col - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    col = Math.floor((col - 1) / 26);
  }
  return `${letters}${Number(m[2]) + rows}`;
}

/** The exact findings a case with a base expects, sorted. */
export function expectedFindings(m: Manifest, e: Expectation): FindingKey[] {
  if (!e.base) throw new Error("no base");
  const base = m.bases[e.base];
  if (!base) throw new Error(`no base ${e.base}`);
  let keys = base.map((k) => {
    const p = parseKey(k);
    const to = e.rename?.[p.sheet];
    return to === undefined ? k : keyOf({ ...p, sheet: to });
  });
  for (const c of e.copy ?? []) {
    for (const k of base) {
      const p = parseKey(k);
      if (p.sheet === c.from) keys.push(keyOf({ ...p, sheet: c.to, cell: moveCell(p.cell, c.rows ?? 0, 0) }));
    }
  }
  for (const mv of e.move ?? []) {
    keys = keys.map((k) => {
      const p = parseKey(k);
      const row = Number(/\d+$/.exec(p.cell)?.[0]);
      if ((mv.sheet !== "*" && p.sheet !== mv.sheet) || row < mv.fromRow) return k;
      return keyOf({ ...p, cell: moveCell(p.cell, mv.rows ?? 0, mv.cols ?? 0) });
    });
  }
  for (const r of e.remove ?? []) {
    const i = keys.indexOf(r);
    if (i < 0) throw new Error(`manifest removes ${r}, which the base does not hold`);
    keys.splice(i, 1);
  }
  keys.push(...(e.add ?? []));
  return keys.sort();
}

// ---------------------------------------------------------------------------------------------
// Building blocks

type Pair = [ExcelJS.CellValue, ExcelJS.CellValue];

export const S2 = SHEET_NAMES.A2;
export const S3 = SHEET_NAMES.A3;
export const S4 = SHEET_NAMES.A4;
export const S5 = SHEET_NAMES.A5;

function seedOptions(id: TableId, extra: Partial<LayoutOptions> = {}): LayoutOptions {
  return { ...seedLayoutOptions(id), ...extra };
}

export function seedLayoutsWith(change: Partial<Record<TableId, (o: LayoutOptions) => LayoutOptions>> = {}, extra: Partial<LayoutOptions> = {}): SheetLayout[] {
  return TABLE_IDS.map((id) => layoutFor(id, (change[id] ?? ((o) => o))(seedOptions(id, extra))));
}

/** The seed's four tables drawn like the official forms; `edit` then changes the workbook as a clerk would. */
export async function styledBytes(layouts: SheetLayout[], edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const l of layouts) renderLayout(wb.addWorksheet(l.sheetName), l);
  edit?.(wb);
  return workbookBytes(wb);
}

export function seedBytes(edit?: (wb: ExcelJS.Workbook) => void, extra: Partial<LayoutOptions> = {}): Promise<Uint8Array> {
  return styledBytes(seedLayoutsWith({}, extra), edit);
}

export function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.worksheets.find((w) => w.name === name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Sets cells of the seed workbook: { sheet: { A1: value } }. */
function seedWithCells(cells: Record<string, Record<string, ExcelJS.CellValue>>, more?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  return seedBytes((wb) => {
    for (const [sheet, values] of Object.entries(cells)) {
      const ws = sheetOf(wb, sheet);
      for (const [address, v] of Object.entries(values)) cellOf(ws, address).value = v;
    }
    more?.(wb);
  });
}

function withYearlyValues(values: Record<string, Pair>) {
  return (o: LayoutOptions): LayoutOptions => ({
    ...o,
    yearly: { ...o.yearly, values: { ...o.yearly?.values, ...(values as Record<string, [string | number | null, string | number | null]>) } },
  });
}

export function seedSnapshotOf(extra: Partial<LayoutOptions> = {}): WorkbookSnapshot {
  return { sheets: TABLE_IDS.map((id) => layoutToSnapshot(layoutFor(id, seedOptions(id, extra)))) };
}

function replaceSheet(
  s: WorkbookSnapshot,
  name: string,
  f: (sheet: WorkbookSnapshot["sheets"][number]) => WorkbookSnapshot["sheets"][number],
): WorkbookSnapshot {
  return { sheets: s.sheets.map((x) => (x.name === name ? f(x) : x)) };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function contentTypes(sheets: number, sst: boolean): string {
  const overrides = Array.from(
    { length: sheets },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    (sst ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : "") +
    `${overrides}</Types>`
  );
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A hand-written workbook: sheets of raw sheetData XML, optional shared strings. */
export function handWorkbook(sheets: Array<{ name: string; data: string }>, sst?: string[]): Record<string, string | Uint8Array> {
  const parts: Record<string, string | Uint8Array> = {
    "[Content_Types].xml": contentTypes(sheets.length, !!sst),
    "_rels/.rels": PKG_RELS,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}><sheets>${sheets
      .map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join("")}${sst ? `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
  };
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>${s.data}</sheetData></worksheet>`;
  });
  if (sst) {
    parts["xl/sharedStrings.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ${NS} count="${sst.length}" uniqueCount="${sst.length}">${sst
      .map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`)
      .join("")}</sst>`;
  }
  return parts;
}

/** The name of the zip entry holding a sheet, found through the workbook's relationships. */
function sheetPart(parts: Record<string, Uint8Array>, name: string): string {
  const wb = strFromU8(parts["xl/workbook.xml"]);
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
  const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]);
  const target = rid && new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!target) throw new Error(`no part for ${name}`);
  return `xl/${target.replace(/^\/?xl\//, "")}`;
}

/** A GBK encoding of the few characters the CSV case uses (node's TextEncoder only writes UTF-8). */
const GBK: Record<string, number[]> = {
  序: [0xd0, 0xf2],
  号: [0xba, 0xc5],
  单: [0xb5, 0xa5],
  位: [0xce, 0xbb],
  行: [0xd0, 0xd0],
  政: [0xd5, 0xfe],
  处: [0xb4, 0xa6],
  罚: [0xb7, 0xa3],
};

function gbk(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = GBK[ch];
    if (code) out.push(...code);
    else out.push(ch.charCodeAt(0));
  }
  return new Uint8Array(out);
}

// ---------------------------------------------------------------------------------------------
// The builders, one per manifest case

const PENALTY_N = "N7"; // 附件2 行政处罚 current-year value (seed: 9)
const FINES_T = "T7"; // 附件2 罚没金额 current-year value (seed: 4005196.42)

export const BUILDERS: Record<string, () => Promise<Uint8Array> | Uint8Array> = {
  // --- the seed, as rendered and as pasted from Word
  seed: () => seedBytes(),
  "seed-word-paste": () => seedBytes(undefined, { withoutMerges: true }),

  // --- numbers as clerks type them
  "num-thousands": () => seedWithCells({ [S2]: { [FINES_T]: "4,005,196.42" } }),
  "num-unit-suffix": () => seedWithCells({ [S2]: { [PENALTY_N]: "9件" } }),
  "num-fullwidth": () => seedWithCells({ [S2]: { [PENALTY_N]: "９" } }),
  "num-spaces": () => seedWithCells({ [S2]: { M7: " 7 " } }),
  "num-bad-separator": () => seedWithCells({ [S2]: { [PENALTY_N]: "1,2" } }),
  "num-wan-in-yuan": () => seedWithCells({ [S2]: { [FINES_T]: "400.52万元" } }),
  "placeholder-wu": () => seedWithCells({ [S2]: { D7: "无" } }),
  "placeholder-slash": () => seedWithCells({ [S2]: { D7: "/", F7: "／" } }),
  "placeholder-dash": () => seedWithCells({ [S2]: { D7: "—", F7: "-" } }),
  "excel-error-ref": () => seedWithCells({ [S2]: { [PENALTY_N]: { error: "#REF!" } } }),
  "excel-error-div0": () => seedWithCells({ [S2]: { [PENALTY_N]: { formula: "M7/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue } }),
  "formula-cached": () => seedWithCells({ [S2]: { [PENALTY_N]: { formula: "4+5", result: 9 } as ExcelJS.CellFormulaValue } }),
  "formula-uncached": () => seedWithCells({ [S2]: { [PENALTY_N]: { formula: "4+5" } as ExcelJS.CellFormulaValue } }),
  "date-for-number": () =>
    seedWithCells({ [S2]: { [PENALTY_N]: new Date(Date.UTC(2024, 2, 5)) } }, (wb) => {
      cellOf(sheetOf(wb, S2), PENALTY_N).numFmt = "yyyy/m/d";
    }),
  "huge-count": () => seedWithCells({ [S2]: { [PENALTY_N]: 1e20 } }),
  "huge-wan": () => seedWithCells({ [S4]: { R6: 1e20 } }),
  negative: () => seedWithCells({ [S2]: { [PENALTY_N]: -9 } }),
  "negative-text": () => seedWithCells({ [S2]: { [PENALTY_N]: "-9" } }),
  "fraction-count": () => seedWithCells({ [S2]: { [PENALTY_N]: 9.5 } }),
  "yuan-precision": () => seedWithCells({ [S2]: { [FINES_T]: 4005196.425 } }),
  "boolean-count": () => seedWithCells({ [S2]: { [PENALTY_N]: true } }),
  "transfer-unfiled": () => seedWithCells({ [S2]: { V7: "3(1)" } }),
  "transfer-bad": () => seedWithCells({ [S2]: { V7: "3(5)" } }),
  "ratio-typed-wrong": () => seedWithCells({ [S2]: { M8: "+30%" } }),
  "ratio-typed-right": () =>
    seedWithCells({ [S2]: { M8: "+28.57%", S8: 3.8963 } }, (wb) => {
      cellOf(sheetOf(wb, S2), "S8").numFmt = "0.00%";
    }),
  "ratio-formulas": () =>
    seedWithCells({
      [S2]: {
        M8: { formula: 'IF(M7=0,"上年为0",TEXT((N7-M7)/M7,"+0.00%;-0.00%"))', result: "+28.57%" } as ExcelJS.CellFormulaValue,
        S8: { formula: 'IF(S7=0,"上年为0",TEXT((T7-S7)/S7,"+0.00%;-0.00%"))', result: "+389.63%" } as ExcelJS.CellFormulaValue,
      },
    }),

  // --- keys that are special in JavaScript, as sheet names and cell text
  "proto-keys": async () => {
    const layouts = seedLayoutsWith({
      A2: (o) => ({ ...o, sheetName: "__proto__" }),
      A3: (o) => ({ ...o, sheetName: "constructor" }),
    });
    return styledBytes(layouts, (wb) => {
      const a2 = sheetOf(wb, "__proto__");
      cellOf(a2, "D7").value = "__proto__";
      cellOf(a2, "E9").value = "hasOwnProperty toString valueOf";
      wb.addWorksheet("toString").getCell("A1").value = "constructor";
    });
  },

  // --- geometry: moved, rows inserted, hidden, copied, pasted twice, cut merges
  moved: () => snapshotToXlsx({ sheets: seedSnapshotOf().sheets.map((s) => shift(s, 3, 3)) }),
  "blank-row-inside": () => snapshotToXlsx(replaceSheet(seedSnapshotOf(), S2, (s) => insertRows(s, 7, [[]]))),
  "note-row-inside": () => snapshotToXlsx(replaceSheet(seedSnapshotOf(), S2, (s) => insertRows(s, 7, [[null, null, "（以下两行为同比变化和原因分析）"]]))),
  "note-row-zhu": () =>
    snapshotToXlsx(
      replaceSheet(seedSnapshotOf(), S2, (s) => {
        const withNote = insertRows(s, 7, [["注：以下两行由汇总表自动生成"]]);
        return { ...withNote, merges: [...withNote.merges, { top: 7, left: 0, bottom: 7, right: 21 }] };
      }),
    ),
  "hidden-rows": () =>
    seedBytes((wb) => {
      const ws = sheetOf(wb, S2);
      ws.getRow(8).hidden = true;
      ws.getRow(9).hidden = true;
      ws.getColumn(3).hidden = true;
    }),
  "hidden-sheet-copy": () => {
    const s = seedSnapshotOf();
    const copy = { ...s.sheets[0], name: "附件2 (备份)", hidden: true };
    return snapshotToXlsx({ sheets: [...s.sheets, copy] });
  },
  "two-copies": () => {
    const s = seedSnapshotOf();
    return snapshotToXlsx({ sheets: [s.sheets[0], { ...s.sheets[0], name: `${S2} (2)` }, ...s.sheets.slice(1)] });
  },
  "pasted-twice": () => {
    const s = seedSnapshotOf();
    const twice = stack(S2, [s.sheets[0], s.sheets[0]], 2).sheet;
    return snapshotToXlsx(replaceSheet(s, S2, () => twice));
  },
  "merge-cut-half": () =>
    seedBytes((wb) => {
      const ws = sheetOf(wb, S2);
      ws.unMergeCells("M8:N8");
      ws.unMergeCells("O8:P8");
      ws.mergeCells("N8:O8");
      cellOf(ws, "N8").value = "+28.57%";
    }),
  "year-2023-table": () =>
    styledBytes(
      seedLayoutsWith({
        A3: (o) => withYearlyValues({ penalty: [5, 100] })({ ...o, year: 2023 }),
      }),
    ),
  "year-headers-stale": () =>
    seedBytes((wb) => {
      const ws = sheetOf(wb, S2);
      for (let c = 3; c <= 22; c++) {
        const cell = cellOf(ws, 6, c);
        cell.value = Number(cell.value) - 1;
      }
    }),
  "header-2023": () => {
    // 2023's 附件3 as it was circulated: half-width brackets, a line break in a label, no 包容审慎 category.
    const s = seedSnapshotOf();
    return snapshotToXlsx(
      replaceSheet(s, S3, (sheet) => {
        let out = setCell(sheet, 4, 2, "涉企行政\n处罚(件)");
        out = setCell(out, 4, 16, "免罚金额(元)");
        for (let r = 4; r <= 8; r++) {
          out = setCell(out, r, 22, null);
          out = setCell(out, r, 23, null);
        }
        return { ...out, merges: out.merges.filter((m) => m.left < 22) };
      }),
    );
  },
  "header-old-spelling": () => snapshotToXlsx(replaceSheet(seedSnapshotOf(), S2, (s) => setCell(s, 4, 10, "行政执法检查(次)"))),
  "far-stray-cell": () =>
    seedBytes((wb) => {
      cellOf(sheetOf(wb, S4), "XFD1048576").value = "x";
    }),
  "sst-10mb": async () => {
    // One shared string of 10 MB (UTF-8) in a cell below 附件4's notes; read cut to Excel's 32 767 characters.
    const bytes = await seedBytes();
    return rezip(bytes, (parts) => {
      const sst = strFromU8(parts["xl/sharedStrings.xml"]);
      const index = (sst.match(/<si>/g) ?? []).length;
      const unit = "行政执法统计说明。";
      const text = unit.repeat(Math.ceil((10 * 1024 * 1024) / strToU8(unit).length));
      parts["xl/sharedStrings.xml"] = strToU8(sst.replace("</sst>", `<si><t>${text}</t></si></sst>`));
      const name = sheetPart(parts, S4);
      const cell = `<row r="30"><c r="A30" t="s"><v>${index}</v></c></row>`;
      parts[name] = strToU8(strFromU8(parts[name]).replace("</sheetData>", `${cell}</sheetData>`));
    });
  },
  "billion-laughs": async () => {
    const bytes = await seedBytes();
    return rezip(bytes, (parts) => {
      const name = sheetPart(parts, "附件4 执法保障");
      const xml = strFromU8(parts[name]);
      const dtd =
        '<!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;">]>';
      const bomb = '<row r="30"><c r="A30" t="inlineStr"><is><t>&lol9;</t></is></c></row>';
      parts[name] = strToU8(xml.replace(/^(<\?xml[^>]*\?>)/, `$1${dtd}`).replace("</sheetData>", `${bomb}</sheetData>`));
    });
  },
  "no-tables": () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("工作计划");
    ws.addRow(["序号", "事项", "责任单位", "完成时限"]);
    ws.addRow([1, "开展执法检查", "执法股", "2024年6月"]);
    return workbookBytes(wb);
  },
  "wps-inline-strings": () => {
    // A workbook as some export tools write it: inline strings, no styles, no shared strings, cells without r.
    const layout = layoutFor("A5", seedLayoutOptions("A5"));
    const snap = layoutToSnapshot(layout);
    const rows = snap.values
      .map((row, r) => {
        const cells = (row ?? [])
          .map((v, c) => {
            if (v === null || v === undefined) return `<c r="${String.fromCharCode(65 + c)}${r + 1}"/>`;
            return typeof v === "number"
              ? `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${v}</v></c>`
              : `<c t="inlineStr"><is><t>${xmlEscape(String(v))}</t></is></c>`;
          })
          .join("");
        return `<row r="${r + 1}">${cells}</row>`;
      })
      .join("");
    return zipParts(handWorkbook([{ name: S5, data: rows }]));
  },

  // --- not an .xlsx at all
  "xls-renamed": () =>
    ole2([
      { name: "Workbook", data: biff8Workbook() },
      { name: "\u0005SummaryInformation", data: new Uint8Array(200) },
    ]),
  "et-renamed": () =>
    ole2([
      { name: "Workbook", data: biff8Workbook() },
      { name: "WpsCustomData", data: new Uint8Array(64) },
    ]),
  encrypted: () =>
    ole2([
      { name: "EncryptionInfo", data: agileEncryptionInfo() },
      { name: "EncryptedPackage", data: concat([new Uint8Array([0x00, 0x50, 0, 0, 0, 0, 0, 0]), noise(8192)]) },
    ]),
  "csv-renamed": () => strToU8("\ufeff序号,单位,行政处罚\r\n1,湘潭县自然资源局,9\r\n"),
  "csv-gbk": () => concat([gbk("序号,单位,行政处罚\r\n"), gbk("1,xx,9\r\n")]),
  "html-as-excel": () =>
    strToU8(
      '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body><table><tr><td>序号</td></tr></table></body></html>',
    ),
  "xml-2003": () =>
    strToU8(
      '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1"/></Workbook>',
    ),
  empty: () => new Uint8Array(0),
  "random-bytes": () => noise(5000, 7),
  "truncated-half": async () => {
    const b = await seedBytes();
    return b.subarray(0, Math.floor(b.length / 2));
  },
  "truncated-tail": async () => {
    const b = await seedBytes();
    return b.subarray(0, b.length - 10);
  },
  "docx-renamed": () =>
    zipParts({
      "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
      "word/document.xml": '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
    }),
  "no-sheets": () => {
    const parts = handWorkbook([]);
    parts["xl/workbook.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}><sheets/></workbook>`;
    return zipParts(parts);
  },
  "zip-encrypted-flag": async () => {
    const b = await seedBytes();
    const out = new Uint8Array(b);
    // set the "encrypted" bit (bit 0 of the flags) on every central directory entry
    for (let i = 0; i + 4 <= out.length; i++) {
      if (out[i] === 0x50 && out[i + 1] === 0x4b && out[i + 2] === 0x01 && out[i + 3] === 0x02) out[i + 8] |= 1;
    }
    return out;
  },
  "sheet-part-missing": async () => {
    const b = await seedBytes();
    return rezip(b, (parts) => {
      delete parts[sheetPart(parts, S3)];
    });
  },
  "xml-cut": async () => {
    const b = await seedBytes();
    return rezip(b, (parts) => {
      const name = sheetPart(parts, S2);
      const xml = strFromU8(parts[name]);
      parts[name] = strToU8(xml.slice(0, xml.indexOf('<row r="7"') + 12));
    });
  },
  "bit-flip-content": async () => {
    // one damaged bit inside 附件2's compressed sheet that still inflates, to other text: only the CRC tells
    const b = new Uint8Array(await seedBytes());
    const dv = new DataView(b.buffer);
    const eocd = b.length - 22;
    let p = dv.getUint32(eocd + 16, true);
    for (let n = dv.getUint16(eocd + 10, true); n > 0; n--) {
      const nameLen = dv.getUint16(p + 28, true);
      const name = strFromU8(b.subarray(p + 46, p + 46 + nameLen));
      if (name === "xl/worksheets/sheet1.xml") {
        const local = dv.getUint32(p + 42, true);
        const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
        const data = b.subarray(start, start + dv.getUint32(p + 20, true));
        const whole = inflateSync(data);
        for (let i = 200; i < data.length; i++) {
          const copy = new Uint8Array(data);
          copy[i] ^= 1;
          try {
            const out = inflateSync(copy);
            if (out.length === whole.length && strFromU8(out) !== strFromU8(whole)) {
              b[start + i] ^= 1;
              return b;
            }
          } catch {
            // this flip breaks the deflate stream: try the next byte
          }
        }
      }
      p += 46 + nameLen + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
    }
    throw new Error("no flip found");
  },
  "bad-deflate": () =>
    rawZip([
      deflated("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      { name: "xl/workbook.xml", data: noise(300, 11), size: 2000 },
    ]),

  // --- hostile: bombs, huge parts, too many sheets
  "zip-bomb": () => {
    const k = Math.ceil((300 * 1024 * 1024) / 258);
    return rawZip([
      deflated("xl/workbook.xml", `<workbook ${NS}><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      { name: "xl/worksheets/sheet1.xml", data: zerosDeflate(k), size: 1 + 258 * k },
    ]);
  },
  "zip-bomb-lying": () => {
    // declares 2 KB, inflates to 64 MB: only caught while inflating
    const parts = handWorkbook([{ name: "Sheet1", data: "" }]);
    const entries = Object.entries(parts).map(([n, v]) => deflated(n, v));
    const k = Math.ceil((64 * 1024 * 1024) / 258);
    return rawZip([...entries.filter((e) => e.name !== "xl/worksheets/sheet1.xml"), { name: "xl/worksheets/sheet1.xml", data: zerosDeflate(k), size: 2048 }]);
  },
  "zip-bomb-lying-media": async () => {
    // the seed workbook plus a "picture" declaring 2 KB that inflates to 64 MB: check never reads
    // pictures, but the writing path (ExcelJS) would inflate it whole
    const seed = await seedBytes();
    const { unzipSync } = await import("fflate");
    const parts = unzipSync(seed);
    const k = Math.ceil((64 * 1024 * 1024) / 258);
    return rawZip([...Object.entries(parts).map(([n, v]) => deflated(n, v)), { name: "xl/media/image1.png", data: zerosDeflate(k), size: 2048 }]);
  },
  "zip-bomb-many": () => {
    // 40 entries of 8 MB each: every one under the per-entry limit, together over the total
    const k = Math.ceil((8 * 1024 * 1024) / 258);
    const z = zerosDeflate(k);
    const entries = Array.from({ length: 40 }, (_, i) => ({ name: `xl/media/image${i + 1}.png`, data: z, size: 1 + 258 * k }));
    return rawZip([deflated("xl/workbook.xml", `<workbook ${NS}><sheets/></workbook>`), ...entries]);
  },
  "sheets-10000": () => {
    const sheets = Array.from({ length: 10_000 }, (_, i) => ({ name: `Sheet${i + 1}`, data: '<row r="1"><c r="A1"><v>1</v></c></row>' }));
    return zipParts(handWorkbook(sheets));
  },
};

/** A map of sheet names to rows, for tests that want the seed's layout geometry. */
export function seedSheetLayouts(): Record<TableId, SheetLayout> {
  const out = {} as Record<TableId, SheetLayout>;
  for (const id of TABLE_IDS) out[id] = layoutFor(id, seedLayoutOptions(id));
  return out;
}

export async function buildCase(id: string): Promise<Uint8Array> {
  const b = BUILDERS[id];
  if (!b) throw new Error(`no builder for corpus case ${id}`);
  return b();
}
