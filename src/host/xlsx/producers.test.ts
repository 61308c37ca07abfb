/**
 * Workbooks as other producers package them, through both readers: zip entries named with
 * backslashes (`xl\workbook.xml`, some Windows/.NET generators), part names in other cases, and
 * Strict Open XML namespaces — the seed's 46 findings from each. And the files that are not
 * .xlsx, each named for what it is; a damaged entry told from a zip bomb.
 */
import { deflateSync, strToU8, unzipSync, zipSync } from "fflate";
import { analyse } from "../../check/analyse";
import type { WorkbookSnapshot } from "../../grid/grid";
import { NODE_ZIP, nodeZipCodec } from "../../cli/nodeZip";
import { asStrictOoxml, seedXlsxBytes, withBackslashNames, withOtherCaseNames } from "../../../tests/helpers/xlsx";
import { biff8Workbook, ole2, rawZip, zerosDeflate } from "../../../tests/robust/bytes";
import { excelJSPartName, packageWithCellAddresses, withRIdPrefix } from "./cellAddresses";
import { ExcelJSHost } from "./exceljsHost";
import { DAMAGED_SLACK, inflateEntry, readWorkbookFast } from "./fastReader";
import { sniff } from "./sniff";
import { refusal } from "../../../tests/helpers/refusal";

const keys = (s: WorkbookSnapshot) =>
  analyse(s)
    .findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`)
    .sort();

let seed: Uint8Array;
let seedSnapshot: WorkbookSnapshot;
let seedFindings: string[];
beforeAll(async () => {
  seed = await seedXlsxBytes();
  seedSnapshot = readWorkbookFast(seed);
  seedFindings = keys(seedSnapshot);
});

describe("the seed as other producers package it: the same snapshot and 46 findings from both readers", () => {
  const variants: Array<[string, (b: Uint8Array) => Uint8Array]> = [
    ["entries named with backslashes", withBackslashNames],
    ["part names in other cases", withOtherCaseNames],
    ["Strict Open XML", asStrictOoxml],
    ["Strict Open XML with backslashes", (b) => withBackslashNames(asStrictOoxml(b))],
  ];

  it("the variants are what they say", () => {
    expect(seedFindings).toHaveLength(46);
    const names = Object.keys(unzipSync(withBackslashNames(seed)));
    expect(names).toContain("xl\\workbook.xml");
    expect(names.some((n) => n.includes("/"))).toBe(false);
    const strict = unzipSync(asStrictOoxml(seed));
    const wb = new TextDecoder().decode(strict["xl/workbook.xml"]);
    expect(wb).toContain('conformance="strict"');
    expect(wb).toContain("http://purl.oclc.org/ooxml/spreadsheetml/main");
    expect(wb).not.toContain("schemas.openxmlformats.org/spreadsheetml");
    expect(new TextDecoder().decode(strict["xl/_rels/workbook.xml.rels"])).toContain("http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet");
  });

  it.each(variants)("%s: the fast reader, with fflate and with node's zlib", (_name, make) => {
    const bytes = make(seed);
    expect(readWorkbookFast(bytes)).toEqual(seedSnapshot);
    expect(readWorkbookFast(bytes, { codec: NODE_ZIP })).toEqual(seedSnapshot);
    expect(keys(readWorkbookFast(bytes))).toEqual(seedFindings);
  });

  it.each(variants)("%s: the ExcelJS path (annotate, ratios, the web page's copies), and what it writes back", async (_name, make) => {
    const host = await ExcelJSHost.fromBytes(make(seed));
    const snapshot = await host.readSnapshot();
    expect(keys(snapshot)).toEqual(seedFindings);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(seedSnapshot.sheets.map((s) => s.name));
    // written by ExcelJS: an ordinary package again, the same findings
    expect(keys(readWorkbookFast(await host.toBytes()))).toEqual(seedFindings);
  });

  it("names are normalised once, when the directory is read; the stored name is kept only when it differs", () => {
    const dir = sniff(withBackslashNames(seed));
    const wb = dir.entries.find((e) => e.name === "xl/workbook.xml");
    expect(wb?.storedName).toBe("xl\\workbook.xml");
    expect(dir.byName.get("xl/workbook.xml")).toBe(wb);
    expect(sniff(seed).entries.every((e) => e.storedName === undefined)).toBe(true);
  });

  it("an ordinary package goes to ExcelJS as it is, not re-packaged", () => {
    expect(packageWithCellAddresses(seed, sniff(seed).entries, inflateEntry)).toBe(seed);
  });

  it("ExcelJS's part names: the parts it matches case-sensitively in its case, others as they are", () => {
    expect(excelJSPartName("XL/Workbook.xml")).toBe("xl/workbook.xml");
    expect(excelJSPartName("xl/sharedstrings.xml")).toBe("xl/sharedStrings.xml");
    expect(excelJSPartName("xl/Worksheets/Sheet12.xml")).toBe("xl/worksheets/sheet12.xml");
    expect(excelJSPartName("xl/worksheets/_rels/Sheet2.xml.rels")).toBe("xl/worksheets/_rels/sheet2.xml.rels");
    expect(excelJSPartName("xl/media/Image1.PNG")).toBe("xl/media/Image1.PNG");
    expect(excelJSPartName("xl/worksheets/sheet1.xml.rels")).toBe("xl/worksheets/sheet1.xml.rels");
  });

  it("a sheet's relationship id under another prefix (d3p1:id, as some .NET writers) is read by ExcelJS as r:id", async () => {
    expect(withRIdPrefix('<sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets>')).toBeNull();
    expect(withRIdPrefix('<sheets><sheet name="A" sheetId="1" d3p1:id="rId1" xmlns:d3p1="x"/></sheets>')).toBe(
      '<sheets><sheet name="A" sheetId="1" r:id="rId1" xmlns:d3p1="x"/></sheets>',
    );
    const parts = unzipSync(seed);
    const wb = new TextDecoder().decode(parts["xl/workbook.xml"]);
    parts["xl/workbook.xml"] = strToU8(
      wb.replace(/ r:id="/g, ' d3p1:id="').replace(/<sheet /g, '<sheet xmlns:d3p1="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '),
    );
    const bytes = withBackslashNames(zipSync(parts));
    expect(keys(readWorkbookFast(bytes))).toEqual(seedFindings);
    expect(keys(await (await ExcelJSHost.fromBytes(bytes)).readSnapshot())).toEqual(seedFindings);
  });

  it("document properties ExcelJS refuses (no dc:/cp: prefixes) are left out for it, the workbook read", async () => {
    const parts = unzipSync(seed);
    parts["docProps/core.xml"] = strToU8(
      '<?xml version="1.0"?><coreProperties xmlns="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"><lastModifiedBy>某人</lastModifiedBy></coreProperties>',
    );
    const bytes = zipSync(parts);
    expect(keys(await (await ExcelJSHost.fromBytes(bytes)).readSnapshot())).toEqual(seedFindings);
  });
});

describe("files that are not .xlsx, each named for what it is", () => {
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const rootRels = (target: string) =>
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${target}"/></Relationships>`;
  const zip = (parts: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
  const binary = (n: number) => new Uint8Array(n).map((_, i) => (i * 7 + 3) & 0xff);

  const cases: Array<[string, () => Uint8Array, string, string]> = [
    [
      ".xlsb (as Excel writes it, renamed .xlsx or not)",
      () =>
        zipSync({
          "[Content_Types].xml": strToU8("<Types/>"),
          "_rels/.rels": strToU8(rootRels("xl/workbook.bin")),
          "xl/workbook.bin": binary(64),
          "xl/worksheets/sheet1.bin": binary(64),
        }),
      "xls",
      "这是 .xlsb（Excel 二进制工作簿）文件，本工具只读取 .xlsx，请在 Excel 中另存为 .xlsx 格式。",
    ],
    [
      ".ods",
      () =>
        zip({
          mimetype: "application/vnd.oasis.opendocument.spreadsheet",
          "content.xml": "<office:document-content/>",
          "META-INF/manifest.xml": "<manifest/>",
        }),
      "xls",
      "这是 .ods（OpenDocument 表格）文件，本工具只读取 .xlsx，请在 WPS、Excel 或 LibreOffice 中另存为 .xlsx 格式。",
    ],
    [
      ".numbers",
      () => zipSync({ "Index/Document.iwa": binary(100), "Index/Metadata.iwa": binary(40), "Metadata/Properties.plist": binary(40) }),
      "xls",
      "这是 .numbers（苹果 Numbers 表格）文件，本工具只读取 .xlsx，请在 Numbers 中用“文件 > 导出为 > Excel”导出为 .xlsx 格式。",
    ],
    [
      "SpreadsheetML 2003 XML",
      () =>
        strToU8(
          '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="附件2"><Table><Row><Cell><Data ss:Type="String">行政许可</Data></Cell></Row></Table></Worksheet></Workbook>',
        ),
      "csv",
      "这是 Excel 2003 XML 表格（SpreadsheetML）文件，不是 .xlsx 工作簿，请在 Excel 或 WPS 中打开后另存为 .xlsx 格式。",
    ],
    [
      "flat OpenDocument XML (.fods)",
      () =>
        strToU8(
          '<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"/>',
        ),
      "csv",
      "这是 OpenDocument 平面 XML 表格（.fods）文件，不是 .xlsx 工作簿，请在 Excel 或 WPS 中打开后另存为 .xlsx 格式。",
    ],
    [
      "HTML saved as .xls",
      () =>
        strToU8(
          '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"></head><body><table><tr><td>行政许可</td></tr></table></body></html>',
        ),
      "csv",
      "这是网页（HTML）文件，不是 Excel 工作簿（有些系统导出的“Excel”“.xls”其实是网页），请在 Excel 或 WPS 中打开后另存为 .xlsx 格式。",
    ],
    [
      "a Word 97 .doc (OLE, a WordDocument stream)",
      () =>
        ole2([
          { name: "WordDocument", data: binary(600) },
          { name: "1Table", data: binary(300) },
          { name: "\u0005SummaryInformation", data: binary(100) },
        ]),
      "other-format",
      "这是 Word 文档（.doc/.docx），不是 Excel 工作簿，请确认是否选错了文件；如表格在 Word 中，请复制到 Excel 或 WPS 表格后另存为 .xlsx 格式。",
    ],
    [
      "a Word 97 .doc with an Excel table embedded (a Workbook stream inside)",
      () =>
        ole2([
          { name: "WordDocument", data: binary(600) },
          { name: "Workbook", data: biff8Workbook() },
        ]),
      "other-format",
      "这是 Word 文档（.doc/.docx），不是 Excel 工作簿，请确认是否选错了文件；如表格在 Word 中，请复制到 Excel 或 WPS 表格后另存为 .xlsx 格式。",
    ],
    [
      "a .docx",
      () => zip({ "[Content_Types].xml": "<Types/>", "_rels/.rels": rootRels("word/document.xml"), "word/document.xml": "<w:document/>" }),
      "other-format",
      "这是 Word 文档（.doc/.docx），不是 Excel 工作簿，请确认是否选错了文件；如表格在 Word 中，请复制到 Excel 或 WPS 表格后另存为 .xlsx 格式。",
    ],
    [
      "a PowerPoint 97 .ppt",
      () =>
        ole2([
          { name: "PowerPoint Document", data: binary(600) },
          { name: "Current User", data: binary(60) },
        ]),
      "other-format",
      "这是 PowerPoint 演示文稿（.ppt/.pptx），不是 Excel 工作簿，请确认是否选错了文件。",
    ],
    [
      "a legacy .xls (still so called)",
      () => ole2([{ name: "Workbook", data: biff8Workbook() }]),
      "xls",
      "这是旧版 .xls/.et 格式的文件（如果扩展名是 .xlsx，说明扩展名被改过），请在 Excel 或 WPS 中另存为 .xlsx 格式。",
    ],
  ];

  it.each(cases)("%s", async (_name, make, code, sentence) => {
    const bytes = make();
    const e = refusal(() => readWorkbookFast(bytes, { file: "报表.xlsx" }));
    expect(e.message).toBe(sentence);
    expect(e.code).toBe(code);
    expect(e.file).toBe("报表.xlsx");
    expect(e.messageEn).toMatch(/^[\x20-\x7e]+$/);
    // the ExcelJS path refuses it with the same sentence
    await expect(ExcelJSHost.fromBytes(bytes)).rejects.toThrow(sentence);
  });
});

describe("a damaged entry (a bad CRC) is damaged, a lie by orders of magnitude is a bomb", () => {
  const WB =
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>';
  const SHEET = `<worksheet><sheetData>${Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("")}</sheetData></worksheet>`;
  const entry = (name: string, text: string, size?: number) => {
    const raw = strToU8(text);
    return { name, data: deflateSync(raw), size: size ?? raw.length };
  };

  it.each([
    ["fflate", undefined],
    ["node's zlib", NODE_ZIP],
    ["node's zlib through inflateRawSync", nodeZipCodec(() => null)],
  ])("a part inflating to a few bytes more than declared, as a damaged byte does: 文件已损坏 (%s)", (_n, codec) => {
    const b = rawZip([entry("xl/workbook.xml", WB), entry("xl/worksheets/sheet1.xml", SHEET, SHEET.length - 2)]);
    const e = refusal(() => readWorkbookFast(b, { codec }));
    expect(e.code).toBe("corrupt");
    expect(e.message).toContain("文件已损坏");
    expect(e.message).toContain("xl/worksheets/sheet1.xml 解压后的大小与声明不符，内容已损坏");
    expect(e.message).not.toContain("炸弹");
  });

  it.each([
    ["fflate", undefined],
    ["node's zlib", NODE_ZIP],
    ["node's zlib through inflateRawSync", nodeZipCodec(() => null)],
  ])("a part inflating to far more than declared is still a bomb (%s)", (_n, codec) => {
    const b = rawZip([entry("xl/workbook.xml", WB), { name: "xl/worksheets/sheet1.xml", data: zerosDeflate(20_000), size: 1000 }]);
    const e = refusal(() => readWorkbookFast(b, { codec }));
    expect(e.code).toBe("too-large");
    expect(e.message).toContain("疑似压缩炸弹");
    // just past the slack: a bomb too
    const k = Math.ceil((1000 + DAMAGED_SLACK) / 258) + 1;
    const just = rawZip([entry("xl/workbook.xml", WB), { name: "xl/worksheets/sheet1.xml", data: zerosDeflate(k), size: 1000 }]);
    expect(refusal(() => readWorkbookFast(just, { codec })).code).toBe("too-large");
  });

  it("a changed byte whose CRC fails (sizes right) is 文件已损坏, naming the part", () => {
    const stored = zipSync({ "xl/workbook.xml": strToU8(WB), "xl/worksheets/sheet1.xml": strToU8(SHEET) }, { level: 0 });
    const at = Buffer.from(stored).indexOf("<v>49</v>");
    expect(at).toBeGreaterThan(0);
    const damaged = stored.slice();
    damaged[at + 3] = "8".charCodeAt(0);
    const e = refusal(() => readWorkbookFast(damaged));
    expect(e.code).toBe("corrupt");
    expect(e.message).toMatch(/^文件已损坏或不完整（xl\/worksheets\/sheet1\.xml 的校验值不符，内容已损坏）/);
  });
});
