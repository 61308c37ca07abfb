import { readFileSync } from "fs";
import { join } from "path";
import { strToU8 } from "fflate";
import { deflated, ole2, rawZip, zerosDeflate, zipParts } from "../../../tests/robust/bytes";
import { refusal } from "../../../tests/helpers/refusal";
import { analyse } from "../../check/analyse";
import { isDocx, noTablesMessage, readDocx, tablesProblem } from "./readDocx";
import { cellValue } from "./frame";

const FIXTURES = join(__dirname, "..", "..", "..", "tests", "fixtures");
const fixture = (p: string) => new Uint8Array(readFileSync(join(FIXTURES, p)));

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const documentXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
const tc = (t: string, props = "") => `<w:tc><w:tcPr>${props}</w:tcPr>${t.startsWith("<") ? t : p(t)}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join("")}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl>${rows.join("")}</w:tbl>`;
const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const docx = (body: string, name = "word/document.xml") => zipParts({ "[Content_Types].xml": CONTENT_TYPES, [name]: documentXml(body) });

describe("readDocx", () => {
  it("names the sheets 表1, 表2, … in document order, each with its heading", () => {
    const r = readDocx(
      docx(p("正文") + p("附件3") + tbl(tr(tc("序号"), tc("单位"))) + p("2024年行政执法保障情况统计表") + tbl(tr(tc("序号"))) + tbl(tr(tc("x")))),
    );
    expect(r.snapshot.sheets.map((s) => s.name)).toEqual(["表1", "表2", "表3"]);
    expect(r.headings).toEqual(["附件3", "2024年行政执法保障情况统计表", null]);
    expect(r.paragraphs).toEqual(["正文"]);
    expect(r.snapshot.sheets[0].values).toEqual([["附件3"], ["序号", "单位"]]);
  });

  it("puts the frame lines above the table, the table at its grid columns with its merges, the notes below", () => {
    const r = readDocx(
      docx(
        p("附件5") +
          p("2024年“两法衔接”工作情况统计表") +
          tbl(
            tr(tc("序号", '<w:vMerge w:val="restart"/>'), tc("正向衔接", '<w:gridSpan w:val="2"/>')),
            tr(tc("", "<w:vMerge/>"), tc("移送案件数（件）"), tc("刑事立案数")),
            tr(tc("1"), tc("无"), tc("4,005,196.42")),
          ) +
          p("注：1.说明") +
          p("2.说明"),
      ),
    );
    const s = r.snapshot.sheets[0];
    expect(s.values).toEqual([
      ["附件5"],
      ["2024年“两法衔接”工作情况统计表"],
      ["序号", "正向衔接"],
      [undefined, "移送案件数（件）", "刑事立案数"],
      [1, "无", 4005196.42],
      ["注：1.说明"],
      ["2.说明"],
    ]);
    expect(s.merges).toEqual(
      expect.arrayContaining([
        { top: 2, left: 1, bottom: 2, right: 2 },
        { top: 2, left: 0, bottom: 3, right: 0 },
      ]),
    );
    expect(s.merges).toHaveLength(2);
  });

  it("finds word/document.xml whatever its case or slashes", () => {
    const xml = documentXml(tbl(tr(tc("序号"))));
    for (const name of ["word\\document.xml", "Word/Document.XML", "/word/document.xml"]) {
      const bytes = rawZip([deflated(name, xml)]);
      expect(isDocx(bytes)).toBe(true);
      expect(readDocx(bytes).snapshot.sheets[0].values).toEqual([["序号"]]);
    }
  });

  it("gives the engine a plain number as a number, so a Word figure is not reported as a number stored as text", () => {
    const table = (v: string) =>
      tbl(
        tr(
          tc("序号"),
          tc("行政执法单位名称"),
          tc("是否使用“两法衔接平台”"),
          tc("正向衔接", '<w:gridSpan w:val="4"/>'),
          tc("反向衔接", '<w:gridSpan w:val="3"/>'),
        ),
        tr(
          tc(""),
          tc(""),
          tc(""),
          tc("移送案件数（件）"),
          tc("刑事立案数"),
          tc("刑事不予立案数"),
          tc("不予起诉案件数"),
          tc("反向衔接受案数"),
          tc("行政处罚立案数"),
          tc("不予行政处罚案件数"),
        ),
        tr(tc("1"), tc("湘潭县自然资源局"), tc("否"), tc(v), tc("0"), tc("0"), tc("0"), tc("0"), tc("0"), tc("0")),
      );
    const rules = (v: string) => analyse(readDocx(docx(p("2024年“两法衔接”工作情况统计表") + table(v))).snapshot).findings.map((f) => `${f.rule} ${f.cell}`);
    expect(rules("2")).not.toContain("value-number-as-text D4");
    expect(rules("2件")).toContain("value-number-as-text D4");
  });
});

describe("cellValue", () => {
  it.each([
    ["9", 9],
    ["0", 0],
    ["818000.7", 818000.7],
    ["4,005,196.42", 4005196.42],
    ["1,600", 1600],
    ["-3", -3],
    ["+3", 3],
    [" 12 ", 12],
    ["2024", 2024],
    ["0.5", 0.5],
  ])("%j is the number %p", (text, n) => expect(cellValue(text)).toBe(n));

  it.each(["007", "1,23", "12,3456", "9件", "１２", "无", "12.5%", "1 234", "1.2.3", "", "-", "1234567890123456"])("%j stays text", (text) =>
    expect(cellValue(text)).toBe(text),
  );
});

describe("bad input: one sentence naming the file", () => {
  const F = "工作报告.docx";

  it("a Word 97 .doc", () => {
    const e = refusal(() => readDocx(fixture("report/seed-report.doc"), { file: "工作报告.doc" }));
    expect(e.code).toBe("doc");
    expect(e.message).toBe("“工作报告.doc”是旧版 Word .doc 文件，本工具只读取 .docx，请在 Word/WPS 中另存为 .docx 后再试。");
    expect(e.messageEn).toBe('"工作报告.doc" is a legacy Word .doc file; only .docx is read. Save it as .docx in Word or WPS and retry.');
    expect(e.file).toBe("工作报告.doc");
  });

  it("an encrypted .docx", () => {
    const bytes = ole2([
      { name: "EncryptionInfo", data: new Uint8Array(300) },
      { name: "EncryptedPackage", data: new Uint8Array(5000) },
    ]);
    const e = refusal(() => readDocx(bytes, { file: F }));
    expect(e.code).toBe("encrypted");
    expect(e.message).toBe("“工作报告.docx”已加密（设置了打开密码），请在 Word/WPS 中打开并取消密码后另存为 .docx 再试。");
  });

  it("a .docx without tables is read (the body can be checked); the face's sentence says no table was found", () => {
    const r = readDocx(docx(p("立案查处自然资源违法行为12件")), { file: F });
    expect(r.snapshot.sheets).toEqual([]);
    expect(r.paragraphs).toEqual(["立案查处自然资源违法行为12件"]);
    expect(tablesProblem(r, F)?.message).toBe("“工作报告.docx”中未找到表格：附件2–5 不在文档中，只能对照正文，无法检查统计表。");
    expect(noTablesMessage(F).code).toBe("docx-no-tables");
    expect(tablesProblem(readDocx(docx(tbl(tr(tc("序号"))))), F)).toBeNull();
  });

  it("a .docx whose tables are pictures is read; the face's sentence says they are pictures", () => {
    const pic = '<w:p><w:r><w:drawing><wp:inline xmlns:wp="x"/></w:drawing></w:r></w:p>';
    const r = readDocx(docx(p("附件2") + tbl(tr(tc(pic)), tr(tc(pic))) + tbl(tr(tc(pic)))), { file: F });
    expect(r.snapshot.sheets).toEqual([]);
    expect(r.imageTables).toBe(2);
    const e = tablesProblem(r, F);
    expect(e?.code).toBe("docx-table-images");
    expect(e?.message).toBe("“工作报告.docx”中的表格是图片（共 2 张），无法读取其中的数字；请在 Word/WPS 中插入可编辑的表格（或附上 Excel 统计表）后再检查。");
    // a screenshot pasted into the body, with no table at all
    expect(tablesProblem(readDocx(docx(p("附件2") + pic)), F)?.code).toBe("docx-table-images");
    // a photo in the body of a report without attachments is no table
    expect(tablesProblem(readDocx(docx(p("开展执法巡查") + pic)), F)?.code).toBe("docx-no-tables");
  });

  it("a truncated file", () => {
    const whole = fixture("report/seed-report.docx");
    const e = refusal(() => readDocx(whole.subarray(0, Math.floor(whole.length / 2)), { file: F }));
    expect(e.code).toBe("corrupt");
    expect(e.message).toBe(
      "“工作报告.docx”已损坏或不完整（zip 目录缺失或被截断，文件可能没有下载/复制完整），请从原始来源重新获取文件；若能在 Word/WPS 中打开，请另存为 .docx 后再试。",
    );
  });

  it("a damaged document.xml (CRC) and one cut inside its XML", () => {
    const bytes = docx(tbl(tr(tc("序号"))));
    const xml = documentXml(tbl(tr(tc("序号"))));
    const cut = rawZip([deflated("word/document.xml", xml.slice(0, xml.indexOf("</w:t>") + 3))]);
    expect(refusal(() => readDocx(cut, { file: F })).message).toBe(
      "“工作报告.docx”已损坏或不完整（word/document.xml 的 XML 内容不完整），请从原始来源重新获取文件；若能在 Word/WPS 中打开，请另存为 .docx 后再试。",
    );
    const damaged = bytes.slice();
    // flip a bit inside the deflated data of document.xml, just after its local header
    const name = strToU8("word/document.xml");
    const at = Buffer.from(damaged).indexOf(Buffer.from(name)) + name.length + 4;
    damaged[at] ^= 0x10;
    const e = refusal(() => readDocx(damaged, { file: F }));
    expect(e.code).toBe("corrupt");
    expect(e.message.startsWith("“工作报告.docx”已损坏或不完整（")).toBe(true);
  });

  it("a zip bomb disguised as .docx: by its declared size, and by a size it lies about", () => {
    const declared = rawZip([{ name: "word/document.xml", data: zerosDeflate(1000), size: 200 * 1024 * 1024 }]);
    const e = refusal(() => readDocx(declared, { file: F }));
    expect(e.code).toBe("too-large");
    expect(e.message).toBe(
      "“工作报告.docx”：文件解压后超过安全上限（word/document.xml 声明大小 200 MB > 上限 128 MB），疑似压缩炸弹，已拒绝。如确为正常文件，请删除多余内容（图片、空白行列）后另存再试。",
    );
    // 40 MB of zeros declared as 1 000 bytes
    const lying = rawZip([{ name: "word/document.xml", data: zerosDeflate(160_000), size: 1000 }]);
    const l = refusal(() => readDocx(lying, { file: F }));
    expect(l.code).toBe("too-large");
    expect(l.message).toBe("“工作报告.docx”：文件中的 word/document.xml 解压后的实际大小超过了文件头声明的大小（1000 字节），疑似压缩炸弹或被篡改，已拒绝。");
  });

  it("an .xlsx renamed .docx says it is a workbook", () => {
    const e = refusal(() => readDocx(fixture("files/seed.xlsx"), { file: F }));
    expect(e.code).toBe("is-workbook");
    expect(e.message).toBe("“工作报告.docx”是 Excel 工作簿（.xlsx），不是 Word 工作报告，请作为统计表检查，或确认是否选错了文件。");
    const xls = ole2([{ name: "Workbook", data: new Uint8Array(5000) }]);
    expect(refusal(() => readDocx(xls, { file: F })).message).toBe(
      "“工作报告.docx”是旧版 Excel 工作簿（.xls/.et），不是 Word 工作报告，请作为统计表检查，或确认是否选错了文件。",
    );
  });

  it("random bytes", () => {
    let x = 12345;
    const bytes = new Uint8Array(4096).map(() => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24));
    const e = refusal(() => readDocx(bytes, { file: F }));
    expect(e.code).toBe("not-zip");
    expect(e.message).toBe(
      "“工作报告.docx”不是 Word .docx 文档：.docx 文件应为 zip 格式，而本文件开头没有 zip 标志，可能是其他类型的文件改了扩展名，或文件已损坏；请在 Word/WPS 中打开原文件后另存为 .docx。",
    );
  });

  it("an empty file, RTF and HTML saved as .doc, an .odt, a zip of something else", () => {
    expect(refusal(() => readDocx(new Uint8Array(0), { file: F })).message).toBe("“工作报告.docx”是空文件（0 字节），请重新导出或保存后再试。");
    expect(refusal(() => readDocx(strToU8("{\\rtf1\\ansi\\deff0 {\\fonttbl;}\n报告}"), { file: "报告.doc" })).message).toBe(
      "“报告.doc”是 RTF 文档，不是 Word .docx 文档，请在 Word/WPS 中打开后另存为 .docx 再试。",
    );
    expect(refusal(() => readDocx(strToU8("<html><body><table><tr><td>1</td></tr></table></body></html>"), { file: "报告.doc" })).message).toBe(
      "“报告.doc”是网页（HTML）文件（有些系统导出的“Word”“.doc”其实是网页），不是 Word .docx 文档，请在 Word/WPS 中打开后另存为 .docx 再试。",
    );
    const odt = zipParts({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>" });
    expect(refusal(() => readDocx(odt, { file: "报告.odt" })).message).toBe(
      "“报告.odt”是 OpenDocument 文本（.odt），本工具只读取 .docx，请在 WPS、Word 或 LibreOffice 中另存为 .docx 后再试。",
    );
    const other = zipParts({ "readme.txt": "hello" });
    expect(refusal(() => readDocx(other, { file: F })).code).toBe("not-docx");
  });

  it("without a file name, says 该文件", () => {
    expect(refusal(() => readDocx(new Uint8Array(0))).message).toBe("该文件是空文件（0 字节），请重新导出或保存后再试。");
  });

  it("a table past the grid's limits", () => {
    const e = refusal(() => readDocx(docx(tbl(tr(tc("1"))) + tbl(tr(tc("a", '<w:gridSpan w:val="99999999"/>'), tc("b")))), { file: F }));
    expect(e.code).toBe("too-large");
    expect(e.message).toBe("“工作报告.docx”中的第 2 个表格过大（超过 16384 列），超出本工具的处理上限，已拒绝。");
  });
});

describe("isDocx", () => {
  it("tells a .docx by its content, not its name", () => {
    expect(isDocx(fixture("report/seed-report.docx"))).toBe(true);
    expect(isDocx(fixture("files/seed.xlsx"))).toBe(false);
    expect(isDocx(fixture("report/seed-report.doc"))).toBe(false);
    expect(isDocx(new Uint8Array(0))).toBe(false);
    expect(isDocx(fixture("report/seed-report.docx").subarray(0, 2000))).toBe(false);
  });
});
