import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import type { WorkbookSnapshot } from "../../grid/grid";
import { WorkbookReadError } from "./errors";
import { readWorkbookWithExcelJS } from "./exceljsSnapshot";
import { MAX_CELL_TEXT, MAX_MERGES, MAX_SHEETS, isDateFormatCode, normalizeIsoDateText, readWorkbookFast, serialToIso, shiftFormula } from "./fastReader";
import { PartCache } from "./partCache";

async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function both(bytes: Uint8Array): Promise<{ fast: WorkbookSnapshot; ref: WorkbookSnapshot }> {
  const fast = readWorkbookFast(bytes);
  const ref = await readWorkbookWithExcelJS(bytes);
  return { fast, ref };
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof WorkbookReadError) return e.code;
    throw e;
  }
  return undefined;
}

async function asyncCodeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkbookReadError) return e.code;
    throw e;
  }
  return undefined;
}

/** A workbook of everything the four tables hold, and the awkward bits around them. */
async function richWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const s1 = wb.addWorksheet("附件1 行政执法基本情况");
  s1.mergeCells("A1:F1");
  s1.getCell("A1").value = "2024年度行政执法数据统计表";
  s1.mergeCells("A2:A3");
  s1.getCell("A2").value = "序号";
  s1.getCell("B2").value = { richText: [{ text: "执法", font: { bold: true } }, { text: "主体" }] };
  s1.getCell("C2").value = "行政许可";
  s1.getCell("D2").value = "行政处罚";
  s1.getCell("E2").value = "合计";
  s1.getCell("F2").value = "说明";
  const units = ["市场监管局", "生态环境局", "交通运输局", "市场监管局"]; // a repeated shared string
  units.forEach((u, i) => {
    const r = 4 + i;
    s1.getCell(`A${r}`).value = i + 1;
    s1.getCell(`B${r}`).value = u;
    s1.getCell(`C${r}`).value = (i + 1) * 10;
    s1.getCell(`D${r}`).value = i === 2 ? "１２" : (i + 1) * 3.5; // a full-width number as text
    s1.getCell(`E${r}`).value = { formula: `C${r}+D${r}`, result: (i + 1) * 13.5 };
  });
  s1.getCell("F4").value = "  前后有空格  ";
  s1.getCell("F5").value = "第一行\n第二行";
  s1.getCell("F6").value = "A & B < C > \"D\" 'E'";
  s1.getCell("F7").value = "__proto__";
  s1.getCell("G4").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  s1.getCell("G5").value = { error: "#REF!" };
  s1.getCell("G6").value = true;
  s1.getCell("G7").value = false;
  s1.getCell("H4").value = { formula: 'IF(C4>5,"多","少")', result: "多" };
  s1.getCell("H5").value = { formula: "C5>5", result: true };
  s1.getCell("H6").value = { formula: "NOW()" }; // no cached result
  s1.getCell("H7").value = ""; // empty text is empty
  s1.getCell("I4").value = -0.1 + 0.3;
  s1.getCell("I5").value = 1e-10;
  s1.getCell("I6").value = 123456789012345;
  s1.getCell("I7").value = -42;
  s1.getCell("J4").value = { text: "链接", hyperlink: "https://example.com" };
  // a shared formula: J5 is the master, J6:J7 follow it
  s1.getCell("J5").value = { formula: "C5*2", result: 40, shareType: "shared", ref: "J5:J7" } as ExcelJS.CellValue;
  s1.getCell("J6").value = { sharedFormula: "J5", result: 60 } as ExcelJS.CellValue;
  s1.getCell("J7").value = { sharedFormula: "J5", result: 80 } as ExcelJS.CellValue;
  s1.getCell("K1").value = "合并区域外";
  s1.getCell("B3").value = "被合并的单元格旁边"; // next to A2:A3, not in it

  const s2 = wb.addWorksheet("日期");
  s2.getCell("A1").value = new Date(Date.UTC(2024, 2, 5));
  s2.getCell("A2").value = new Date(Date.UTC(2024, 2, 5, 14, 30, 0));
  s2.getCell("A3").value = 45356;
  s2.getCell("A3").numFmt = 'yyyy"年"m"月"d"日"';
  s2.getCell("A4").value = 45356;
  s2.getCell("A4").numFmt = "0.00";
  s2.getCell("A5").value = 0.25;
  s2.getCell("A5").numFmt = "0.00%";
  s2.getCell("A6").value = 45356.75;
  s2.getCell("A6").numFmt = "yyyy-mm-dd hh:mm";
  s2.getCell("A7").value = { formula: "DATE(2024,1,31)", result: new Date(Date.UTC(2024, 0, 31)) };
  s2.getCell("B1").value = 1234.5;
  s2.getCell("B1").numFmt = '#,##0.00_ ;[Red]\\-#,##0.00 ;"-"';
  s2.getCell("B2").value = 7;
  s2.getCell("B2").numFmt = '0"件"';

  const s3 = wb.addWorksheet("状态表");
  s3.state = "hidden";
  s3.getCell("A1").value = "hidden";
  s3.getCell("C3").value = 3;

  const s4 = wb.addWorksheet("veryHidden");
  s4.state = "veryHidden";
  s4.getCell("B2").value = "x";

  const s5 = wb.addWorksheet("空表");
  void s5;

  const s6 = wb.addWorksheet("远处");
  s6.getCell("A1").value = "近";
  s6.getCell("A1000000").value = "远"; // row 1 000 000: one row object, not a million
  s6.getCell("C999999").value = 9;

  return toBytes(wb);
}

describe("readWorkbookFast agrees with ExcelJS", () => {
  let bytes: Uint8Array;
  let fast: WorkbookSnapshot;
  let ref: WorkbookSnapshot;
  beforeAll(async () => {
    bytes = await richWorkbook();
    ({ fast, ref } = await both(bytes));
  });

  it("deep-equals the ExcelJS snapshot", () => {
    expect(fast).toEqual(ref);
    // and sheet by sheet, so that a failure says where
    for (let i = 0; i < ref.sheets.length; i++) expect(fast.sheets[i]).toEqual(ref.sheets[i]);
  });

  it("keeps names, order and visibility", () => {
    expect(fast.sheets.map((s) => s.name)).toEqual(["附件1 行政执法基本情况", "日期", "状态表", "veryHidden", "空表", "远处"]);
    expect(fast.sheets.map((s) => s.hidden ?? false)).toEqual([false, false, true, true, false, false]);
  });

  it("reads values as the snapshot defines them", () => {
    const v = fast.sheets[0].values;
    expect(v[0][0]).toBe("2024年度行政执法数据统计表");
    expect(v[1][1]).toBe("执法主体"); // rich text concatenated
    expect(v[3][1]).toBe("市场监管局");
    expect(v[6][1]).toBe("市场监管局");
    expect(v[5][3]).toBe("１２");
    expect(v[3][4]).toBe(13.5); // formula: cached result
    expect(v[3][5]).toBe("  前后有空格  ");
    expect(v[4][5]).toBe("第一行\n第二行");
    expect(v[5][5]).toBe("A & B < C > \"D\" 'E'");
    expect(v[6][5]).toBe("__proto__");
    expect(v[3][6]).toBe("#DIV/0!");
    expect(v[4][6]).toBe("#REF!");
    expect(v[5][6]).toBe(true);
    expect(v[6][6]).toBe(false);
    expect(v[3][7]).toBe("多");
    expect(v[4][7]).toBe(true);
    expect(v[5][7]).toBeUndefined(); // formula without a cached result
    expect(v[6][7]).toBeUndefined(); // "" is empty
    expect(v[3][9]).toBe("链接");
    expect(v[5][9]).toBe(60);
    // merged: only the top-left holds the value
    expect(fast.sheets[0].merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 0, right: 5 },
        { top: 1, left: 0, bottom: 2, right: 0 },
      ]),
    );
    expect(Object.getPrototypeOf({})).not.toHaveProperty("polluted");
  });

  it("records formulas with a leading = and moves shared formulas", () => {
    const f = fast.sheets[0].formulas ?? {};
    expect(f.E4).toBe("=C4+D4");
    expect(f.G4).toBe("=1/0");
    expect(f.H6).toBe("=NOW()");
    expect(f.J5).toBe("=C5*2");
    expect(f.J6).toBe("=C6*2");
    expect(f.J7).toBe("=C7*2");
  });

  it("turns date-formatted numbers into ISO text and leaves other formats alone", () => {
    const v = fast.sheets[1].values;
    expect(v[0][0]).toBe("2024-03-05");
    expect(v[1][0]).toBe("2024-03-05T14:30:00");
    expect(v[2][0]).toBe("2024-03-05");
    expect(v[3][0]).toBe(45356);
    expect(v[4][0]).toBe(0.25);
    expect(v[5][0]).toBe("2024-03-05T18:00:00");
    expect(v[6][0]).toBe("2024-01-31");
    expect(v[0][1]).toBe(1234.5);
    expect(v[1][1]).toBe(7);
  });

  it("keeps a far-away cell sparse", () => {
    const s = fast.sheets[5];
    expect(s.values.length).toBe(1_000_000);
    expect(s.values[999_999][0]).toBe("远");
    expect(s.values[999_998][2]).toBe(9);
    expect(Object.keys(s.values).length).toBe(3); // three rows exist, the rest are holes
  });

  it("attaches the file name to errors", () => {
    try {
      readWorkbookFast(new Uint8Array(0), { file: "a.xlsx" });
      throw new Error("not refused");
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookReadError);
      expect((e as WorkbookReadError).file).toBe("a.xlsx");
      expect((e as WorkbookReadError).code).toBe("empty");
    }
  });
});

describe("refusals shared by both readers", () => {
  it("refuses a sheet whose used area reaches XFD1048576 (too-large), naming the cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    ws.getCell("A1").value = 1;
    ws.getCell("XFD1048576").value = "误输入";
    const bytes = await toBytes(wb);
    expect(codeOf(() => readWorkbookFast(bytes))).toBe("too-large");
    expect(await asyncCodeOf(readWorkbookWithExcelJS(bytes))).toBe("too-large");
    try {
      readWorkbookFast(bytes);
    } catch (e) {
      expect((e as Error).message).toContain("XFD1048576");
      expect((e as Error).message).toContain("表");
    }
  });

  it("refuses a truncated workbook the same way", async () => {
    const bytes = await richWorkbook();
    const half = bytes.subarray(0, bytes.length >> 1);
    expect(codeOf(() => readWorkbookFast(half))).toBe("corrupt");
    expect(await asyncCodeOf(readWorkbookWithExcelJS(half))).toBe("corrupt");
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-made parts: what other writers (WPS, .NET, POI, old Excel) put in files

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface PartSheet {
  name: string;
  xml: string;
  state?: string;
  target?: string;
  type?: string;
}

function makeXlsx(opts: {
  sheets: PartSheet[];
  sst?: string;
  styles?: string;
  workbookPr?: string;
  extra?: Record<string, string>;
  level?: 0 | 1 | 6;
}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const sheetsXml = opts.sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
    .join("");
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}>${opts.workbookPr ?? ""}<sheets>${sheetsXml}</sheets></workbook>`,
  );
  const rels = opts.sheets.map(
    (s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${s.type ?? "worksheet"}" Target="${s.target ?? `worksheets/sheet${i + 1}.xml`}"/>`,
  );
  if (opts.sst !== undefined) rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (opts.styles !== undefined) rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  opts.sheets.forEach((s, i) => {
    const t = s.target ?? `worksheets/sheet${i + 1}.xml`;
    const path = t.startsWith("/") ? t.slice(1) : `xl/${t}`.replace(/^xl\/\.\.\//, "");
    files[path] = strToU8(s.xml);
  });
  if (opts.sst !== undefined) files["xl/sharedStrings.xml"] = strToU8(opts.sst);
  if (opts.styles !== undefined) files["xl/styles.xml"] = strToU8(opts.styles);
  for (const [k, v] of Object.entries(opts.extra ?? {})) files[k] = strToU8(v);
  return zipSync(files, { level: opts.level ?? 6 });
}

const sheet = (data: string, after = "") => `<worksheet ${NS}><sheetData>${data}</sheetData>${after}</worksheet>`;

describe("readWorkbookFast on hand-made parts", () => {
  it("places cells without an r attribute after the previous one, and rows without r after the previous row", () => {
    const bytes = makeXlsx({
      sheets: [
        {
          name: "S",
          xml: sheet(
            '<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row><c t="str"><v>x</v></c></row><row r="5"><c><v>7</v></c></row>',
          ),
        },
      ],
    });
    const v = readWorkbookFast(bytes).sheets[0].values;
    expect(v[0]).toEqual([1, 2, , , 5, 6]); // eslint-disable-line no-sparse-arrays
    expect(v[1]).toEqual(["x"]);
    expect(v[4]).toEqual([7]);
  });

  it("reads cell tags however their attributes are written: quotes, spacing, order, other attributes, unquoted values", () => {
    const data = [
      `<row r="1"><c r='A1' t='s'><v>0</v></c><c\n\tt="s"\n r="B1" ><v>1</v></c><c s="0" r="C1" cm="1" x14ac:foo="a>b"><v>3</v></c></row>`,
      // `<col>` and `<cfRule>`-like names are not cells; an unquoted value leaves the cell to the general path
      `<row r="2"><cx r="A2"><v>9</v></cx><c r=B2><v>4</v></c><c r="D2"/><c r="E2" t="n"><v>5</v></c><c><v>6</v></c></row>`,
      `<row r="3"><c r="A3" s="1"><v>45356</v></c><c r="B3"s="1"><v>45357</v></c></row>`,
    ].join("");
    const styles = `<styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const sst = `<sst ${NS}><si><t>甲</t></si><si><t>乙</t></si></sst>`;
    const v = readWorkbookFast(makeXlsx({ sheets: [{ name: "S", xml: sheet(data) }], sst, styles })).sheets[0].values;
    expect(v[0]).toEqual(["甲", "乙", 3]);
    // B2's unquoted address is unusable: it follows A2's nothing, then D2, E2 and the next cell follow on
    expect(v[1]).toEqual([4, , , , 5, 6]); // eslint-disable-line no-sparse-arrays
    expect(v[2]).toEqual(["2024-03-05", "2024-03-06"]);
  });

  it("skipping empty cells gives the same snapshot as reading every tag, whatever the sheet data holds", () => {
    const rich = `<c r="C1" t="inlineStr"><is><r><rPr><color rgb="FFFF0000"></color><charset val="134"/></rPr><t>红</t></r><r><t>字</t></r></is></c>`;
    const cases: Record<string, string> = {
      "empty styled cells around values": `<row r="1"><c r="A1" s="1"/><c r="B1" s="1"><v>2</v></c><c r="C1" s="2"/></row><row r="2"><c r="A2"></c><c r="B2" t="str"><v>x</v></c></row>`,
      "rich text with <color> and <charset> runs": `<row r="1"><c r="A1"/><c r="B1"><v>1</v></c>${rich}<c r="D1"/></row>`,
      "closing tags with white space": `<row r="1"><c r="A1"><v>1</v></c ><c r="B1" s="1"/><c r="C1"><v>3</v>\n</c></row>`,
      "formulas, shared and plain": `<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f t="shared" si="0" ref="B1:B2">A1*2</f><v>4</v></c></row><row r="2"><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>`,
      "a comment in the data": `<row r="1"><c r="A1"/><!-- <c r="B1"><v>9</v></c> --><c r="C1"><v>3</v></c></row>`,
      "CDATA in a value": `<row r="1"><c r="A1" t="str"><v><![CDATA[<c r="Z9"><v>1</v></c>]]></v></c><c r="B1"/></row>`,
      "cells without an address after addressed ones": `<row r="1"><c r="A1"/><c r="B1"><v>2</v></c><c><v>3</v></c><c/><c><v>5</v></c></row><row><c><v>6</v></c></row>`,
      "a row extension": `<row r="1"><c r="A1"><v>1</v></c><extLst><ext uri="x"><c r="B1"><v>9</v></c></ext></extLst></row>`,
      "no sheet data end": `<row r="1"><c r="A1"><v>1</v></c></row>`,
    };
    for (const [about, data] of Object.entries(cases)) {
      const xml =
        about === "no sheet data end" ? `<worksheet ${NS}><sheetData>${data}` : sheet(data, '<mergeCells count="1"><mergeCell ref="D1:E2"/></mergeCells>');
      const bytes = makeXlsx({ sheets: [{ name: "S", xml }] });
      let general: unknown;
      try {
        general = readWorkbookFast(bytes, { skipEmptyCells: false });
      } catch (e) {
        general = (e as Error).message;
      }
      let skipping: unknown;
      try {
        skipping = readWorkbookFast(bytes);
      } catch (e) {
        skipping = (e as Error).message;
      }
      expect({ about, snapshot: skipping }).toStrictEqual({ about, snapshot: general });
    }
    // and the values are the ones a clerk sees
    const v = (data: string) => readWorkbookFast(makeXlsx({ sheets: [{ name: "S", xml: sheet(data) }] })).sheets[0].values;
    expect(v(cases["rich text with <color> and <charset> runs"])[0]).toEqual([, 1, "红字"]); // eslint-disable-line no-sparse-arrays
    expect(v(cases["cells without an address after addressed ones"])).toEqual([[, 2, 3, , 5], [6]]); // eslint-disable-line no-sparse-arrays
    expect(v(cases["a comment in the data"])[0]).toEqual([, , 3]); // eslint-disable-line no-sparse-arrays
  });

  it("reads prefixed (namespaced) element names, inline strings, t=d dates, entities and CDATA", () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row r="1">
        <x:c r="A1" t="inlineStr"><x:is><x:t>内联 &amp; &#x4E2D;&#25991; &lt;ok&gt;</x:t></x:is></x:c>
        <x:c r="B1" t="d"><x:v>2024-03-05T00:00:00Z</x:v></x:c>
        <x:c r="C1" t="d"><x:v>2024-03-05T08:09:10.5</x:v></x:c>
        <x:c r="D1" t="str"><x:f>"a"&amp;"b"</x:f><x:v><![CDATA[a&b<]]></x:v></x:c>
        <x:c r="E1" t="inlineStr"><x:is><x:r><x:t>富</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve"> 文本</x:t></x:r></x:is></x:c>
      </x:row></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="F1:G2"/></x:mergeCells></x:worksheet>`;
    const s = readWorkbookFast(makeXlsx({ sheets: [{ name: "S", xml }] })).sheets[0];
    expect(s.values[0]).toEqual(["内联 & 中文 <ok>", "2024-03-05", "2024-03-05T08:09:10", "a&b<", "富 文本"]);
    expect(s.formulas).toEqual({ D1: '="a"&"b"' });
    expect(s.merges).toEqual([{ top: 0, left: 5, bottom: 1, right: 6 }]);
  });

  it("reads merged areas in every spelling: reversed corners, lower case, $ anchors, one cell; skips garbage", () => {
    const refs = ["B2:C3", "e5:d4", "$F$1:$G$1", "H9", "Z1:AA1048576", "1A:B2", "A0:B1", ""];
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row>', `<mergeCells>${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`);
    const s = readWorkbookFast(makeXlsx({ sheets: [{ name: "S", xml }] })).sheets[0];
    expect(s.merges).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 3, left: 3, bottom: 4, right: 4 },
      { top: 0, left: 5, bottom: 0, right: 6 },
      { top: 8, left: 7, bottom: 8, right: 7 },
      { top: 0, left: 25, bottom: 1048575, right: 26 },
    ]);
  });

  it("reads shared strings: plain, rich runs, phonetic runs ignored, _xHHHH_ escapes, empty", () => {
    const sst = `<sst ${NS} count="5" uniqueCount="5">
      <si><t>普通</t></si>
      <si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></si>
      <si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>
      <si><t>a_x000D_b_x005F_x000A_c</t></si>
      <si><t/></si>
      <si/>
      <si><t>__proto__</t></si>
    </sst>`;
    const data = [0, 1, 2, 3, 4, 5, 6].map((i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join("");
    const bytes = makeXlsx({ sheets: [{ name: "S", xml: sheet(`<row r="1">${data}<c r="H1" t="s"><v>99</v></c></row>`) }], sst });
    const v = readWorkbookFast(bytes).sheets[0].values;
    expect(v[0]).toEqual(["普通", "富文本", "漢字", "a\rb_x000A_c", , , "__proto__"]); // eslint-disable-line no-sparse-arrays
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("resolves absolute and ../ targets, case-insensitively, and skips chart sheets", () => {
    const bytes = makeXlsx({
      sheets: [
        { name: "Abs", xml: sheet('<row r="1"><c r="A1"><v>1</v></c></row>'), target: "/xl/worksheets/Sheet1.xml" },
        { name: "Chart", xml: "<chartsheet/>", target: "chartsheets/sheet1.xml", type: "chartsheet" },
        { name: "Rel", xml: sheet('<row r="1"><c r="A1"><v>2</v></c></row>'), target: "../xl/worksheets/b.xml" },
      ],
    });
    // the rels name the absolute part in another case than the zip entry
    const s = readWorkbookFast(bytes).sheets;
    expect(s.map((x) => [x.name, x.values[0][0]])).toEqual([
      ["Abs", 1],
      ["Rel", 2],
    ]);
  });

  it("detects dates by style: built-in ids (incl. zh-CN 31, 57), custom codes, date1904", () => {
    const styles = `<styleSheet ${NS}><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="165" formatCode="#,##0.00_);[Red]\\(#,##0.00\\)"/><numFmt numFmtId="166" formatCode="[h]:mm:ss"/></numFmts>
      <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
      <cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="57"><alignment horizontal="center"/></xf><xf numFmtId="4"/></cellXfs>
      <dxfs count="1"><dxf><numFmt numFmtId="14" formatCode="0"/></dxf></dxfs></styleSheet>`;
    const data =
      '<row r="1"><c r="A1"><v>45356</v></c><c r="B1" s="1"><v>45356</v></c><c r="C1" s="2"><v>45356</v></c><c r="D1" s="3"><v>45352</v></c><c r="E1" s="4"><v>45356</v></c><c r="F1" s="5"><v>45356</v></c><c r="G1" s="6"><v>45356</v></c><c r="H1" s="99"><v>1</v></c></row>';
    const v = readWorkbookFast(makeXlsx({ sheets: [{ name: "S", xml: sheet(data) }], styles })).sheets[0].values[0];
    expect(v).toEqual([45356, "2024-03-05", "2024-03-05", "2024-03-01", 45356, "2024-03-05", 45356, 1]);
    const v1904 = readWorkbookFast(makeXlsx({ sheets: [{ name: "S", xml: sheet(data) }], styles, workbookPr: '<workbookPr date1904="1"/>' })).sheets[0]
      .values[0];
    expect(v1904[1]).toBe("2028-03-06"); // 1904 system: 1462 days later
  });

  it("reads a batch with a part cache exactly as without one, where parts agree and where they differ", () => {
    const dateStyles = `<styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const plainStyles = `<styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="4"/></cellXfs></styleSheet>`;
    const data = (n: number) => `<row r="1"><c r="A1" s="1"><v>45356</v></c><c r="B1"><v>${n}</v></c></row>`;
    const files = [
      makeXlsx({ sheets: [{ name: "S", xml: sheet(data(1)) }], styles: dateStyles }),
      makeXlsx({ sheets: [{ name: "S", xml: sheet(data(2)) }], styles: plainStyles }),
      makeXlsx({ sheets: [{ name: "S", xml: sheet(data(3)) }], styles: dateStyles, workbookPr: '<workbookPr date1904="1"/>' }),
      makeXlsx({
        sheets: [
          { name: "T", xml: sheet(data(4)) },
          { name: "U", xml: sheet(data(5)) },
        ],
        styles: dateStyles,
      }),
    ];
    const parts = new PartCache();
    const cached = [0, 1, 2, 3, 0, 1, 2, 3, 3, 0].map((i) => readWorkbookFast(files[i], { parts }));
    const plain = [0, 1, 2, 3, 0, 1, 2, 3, 3, 0].map((i) => readWorkbookFast(files[i]));
    expect(cached).toEqual(plain);
    expect(plain.slice(0, 4).map((w) => w.sheets.map((s) => s.values[0]))).toEqual([
      [["2024-03-05", 1]],
      [[45356, 2]],
      [["2028-03-06", 3]],
      [
        ["2024-03-05", 4],
        ["2024-03-05", 5],
      ],
    ]);
  });

  it("moves shared formulas, leaving absolute parts, strings and sheet names alone", () => {
    const data = `<row r="2"><c r="B2"><f t="shared" ref="B2:C3" si="0">A2+$A$1+A$1+$A2+SUM(A1:A2)+'Sheet 1'!A1&amp;"A1"</f><v>1</v></c><c r="C2"><f t="shared" si="0"/><v>2</v></c></row>
      <row r="3"><c r="B3"><f t="shared" si="0"/><v>3</v></c><c r="C3"><f t="shared" si="0"/></c></row>`;
    const s = readWorkbookFast(makeXlsx({ sheets: [{ name: "S", xml: sheet(data) }] })).sheets[0];
    expect(s.formulas).toEqual({
      B2: "=A2+$A$1+A$1+$A2+SUM(A1:A2)+'Sheet 1'!A1&\"A1\"",
      C2: "=B2+$A$1+B$1+$A2+SUM(B1:B2)+'Sheet 1'!B1&\"A1\"",
      B3: "=A3+$A$1+A$1+$A3+SUM(A2:A3)+'Sheet 1'!A2&\"A1\"",
      C3: "=B3+$A$1+B$1+$A3+SUM(B2:B3)+'Sheet 1'!B2&\"A1\"",
    });
    expect(s.values[2][2]).toBeUndefined();
  });

  it("drops values under a merged area but the top-left, and trims what is left", () => {
    const data = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><f>1+1</f><v>2</v></c></row>';
    const s = readWorkbookFast(makeXlsx({ sheets: [{ name: "S", xml: sheet(data, '<mergeCells><mergeCell ref="A1:B2"/></mergeCells>') }] })).sheets[0];
    expect(s.values).toEqual([[1]]);
    expect(s.formulas).toEqual({});
  });

  it("keeps __proto__ and other odd names harmless", () => {
    const sst = `<sst ${NS}><si><t>__proto__</t></si><si><t>constructor</t></si></sst>`;
    const bytes = makeXlsx({
      sheets: [
        { name: "__proto__", xml: sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>') },
        { name: "constructor", xml: sheet("") },
      ],
      sst,
    });
    const s = readWorkbookFast(bytes).sheets;
    expect(s.map((x) => x.name)).toEqual(["__proto__", "constructor"]);
    expect(s[0].values[0]).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads a 10 MB shared string, cut to Excel's 32 767 characters", () => {
    // varied text: a run of one repeated character compresses like a zip bomb (and is refused as one)
    let seed = 1;
    const units = new Uint16Array(3_500_000); // 3.5 M CJK characters: 10 MB of UTF-8
    for (let i = 0; i < units.length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      units[i] = 0x4e00 + (seed % 2000);
    }
    const big = new TextDecoder("utf-16le").decode(units);
    const bytes = makeXlsx({
      sheets: [{ name: "S", xml: sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }],
      sst: `<sst ${NS}><si><t>${big}</t></si></sst>`,
      level: 0,
    }); // stored: deflating 10 MB is slow under jest
    const v = readWorkbookFast(bytes).sheets[0].values[0][0] as string;
    expect(v.length).toBe(MAX_CELL_TEXT);
    expect(v).toBe(big.slice(0, MAX_CELL_TEXT));
  });

  it("refuses more than MAX_SHEETS sheets before reading any of them", () => {
    const sheets: PartSheet[] = [];
    for (let i = 0; i < 10_000; i++) sheets.push({ name: `S${i}`, xml: sheet(""), target: "worksheets/sheet1.xml" });
    const bytes = makeXlsx({ sheets });
    try {
      readWorkbookFast(bytes);
      throw new Error("not refused");
    } catch (e) {
      expect((e as WorkbookReadError).code).toBe("too-many-sheets");
      expect((e as Error).message).toContain("10000");
      expect((e as Error).message).toContain(String(MAX_SHEETS));
    }
  });

  it("refuses absurd numbers of merged areas", () => {
    const merges: string[] = [];
    for (let i = 0; i <= MAX_MERGES; i++) merges.push(`<mergeCell ref="A${i + 1}:B${i + 1}"/>`);
    const bytes = makeXlsx({ sheets: [{ name: "S", xml: sheet("", `<mergeCells>${merges.join("")}</mergeCells>`) }] });
    expect(codeOf(() => readWorkbookFast(bytes))).toBe("too-large");
  });

  it("refuses cells beyond XFD or row 1 048 576 as corrupt", () => {
    expect(codeOf(() => readWorkbookFast(makeXlsx({ sheets: [{ name: "S", xml: sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>') }] })))).toBe("corrupt");
    expect(codeOf(() => readWorkbookFast(makeXlsx({ sheets: [{ name: "S", xml: sheet('<row r="1048577"><c><v>1</v></c></row>') }] })))).toBe("corrupt");
    expect(codeOf(() => readWorkbookFast(makeXlsx({ sheets: [{ name: "S", xml: sheet('<row r="1"><c r="A2000000"><v>1</v></c></row>') }] })))).toBe("corrupt");
  });

  it("says what is wrong with a zip that is not a workbook, or has no sheets", () => {
    expect(codeOf(() => readWorkbookFast(zipSync({ "word/document.xml": strToU8("<w:document/>") })))).toBe("other-format");
    expect(codeOf(() => readWorkbookFast(zipSync({ "docProps/app.xml": strToU8("<Properties/>") })))).toBe("corrupt");
    expect(codeOf(() => readWorkbookFast(zipSync({ "xl/workbook.bin": new Uint8Array(10) })))).toBe("xls");
    expect(
      codeOf(() => readWorkbookFast(zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": strToU8("<x/>") }))),
    ).toBe("xls");
    expect(codeOf(() => readWorkbookFast(makeXlsx({ sheets: [{ name: "C", xml: "<chartsheet/>", type: "chartsheet" }] })))).toBe("no-sheets");
    expect(codeOf(() => readWorkbookFast(makeXlsx({ sheets: [{ name: "S", xml: sheet('<row r="1"><c r="A1"><v>1</v></c>') + "<oops" }] })))).toBe("corrupt");
  });

  it("finds the workbook part through _rels/.rels when it is not xl/workbook.xml", () => {
    const bytes = zipSync({
      "_rels/.rels": strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="/book/wb.xml"/></Relationships>`,
      ),
      "book/wb.xml": strToU8(`<workbook ${NS}><sheets><sheet name="只有" sheetId="1" r:id="a"/></sheets></workbook>`),
      "book/_rels/wb.xml.rels": strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${REL}/worksheet" Target="s/one.xml"/></Relationships>`,
      ),
      "book/s/one.xml": strToU8(sheet('<row r="1"><c r="A1"><v>1</v></c></row>')),
    });
    expect(readWorkbookFast(bytes).sheets).toEqual([{ name: "只有", values: [[1]], merges: [], formulas: {} }]);
  });
});

describe("helpers", () => {
  it("isDateFormatCode", () => {
    for (const d of [
      "yyyy-mm-dd",
      'yyyy"年"m"月"d"日"',
      "m/d/yy h:mm",
      "[$-F800]dddd, mmmm dd, yyyy",
      '[DBNum1][$-804]yyyy"年"m"月"',
      "h:mm AM/PM",
      "[h]:mm:ss",
      "YYYY/MM/DD",
    ]) {
      expect([d, isDateFormatCode(d)]).toEqual([d, true]);
    }
    for (const n of [
      "General",
      "0.00",
      "#,##0",
      '0"天"',
      "0.00%",
      "0.00E+00",
      '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ',
      "[Red]0",
      "@",
      "G/通用格式",
      "0\\d",
    ]) {
      expect([n, isDateFormatCode(n)]).toEqual([n, false]);
    }
  });

  it("serialToIso and normalizeIsoDateText", () => {
    expect(serialToIso(45356, false)).toBe("2024-03-05");
    expect(serialToIso(45356.5, false)).toBe("2024-03-05T12:00:00");
    expect(serialToIso(-1, false)).toBeNull();
    expect(normalizeIsoDateText("2024-03-05T00:00:00Z")).toBe("2024-03-05");
    expect(normalizeIsoDateText("2024-03-05 07:08")).toBe("2024-03-05T07:08:00");
    expect(normalizeIsoDateText("not a date")).toBe("not a date");
  });

  it("shiftFormula", () => {
    expect(shiftFormula("A1+LOG10(B2)+Sheet1!C3", 1, 1)).toBe("B2+LOG10(C3)+Sheet1!D4");
    expect(shiftFormula("A1", -1, 0)).toBe("#REF!");
    expect(shiftFormula('"B2"&B2', 0, 1)).toBe('"B2"&C2');
  });
});
