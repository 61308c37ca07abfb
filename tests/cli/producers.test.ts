/**
 * `xzzf check` and `xzzf annotate` on the seed as other producers package it (entries named with
 * backslashes, part names in other cases, Strict Open XML): the seed's 46 findings, and an annotated
 * copy that reads back with them. Files that are not .xlsx: one Chinese sentence naming the file
 * and what it is, exit 2.
 */
import { readFileSync, writeFileSync } from "fs";
import { strToU8, zipSync } from "fflate";
import { run, tempDir } from "./run";
import { asStrictOoxml, seedXlsxBytes, withBackslashNames, withOtherCaseNames } from "../helpers/xlsx";
import { ole2, rawZip, zerosDeflate } from "../robust/bytes";
import { readWorkbookFast } from "../../src/host/xlsx/fastReader";
import { AUDIT_SHEET } from "../../src/flows/auditReport";
import type { JsonFile } from "../../src/cli/report";

const tmp = tempDir("producers");
afterAll(() => tmp.cleanup());

const VARIANTS: Array<[string, (b: Uint8Array) => Uint8Array]> = [
  ["反斜杠路径.xlsx", withBackslashNames],
  ["部件名大小写.xlsx", withOtherCaseNames],
  ["Strict格式.xlsx", asStrictOoxml],
];

let seedPath: string;
let seedKeys: string[];
const keyOf = (f: { rule: string; sheet: string; cell: string }) => `${f.rule}@${f.sheet}!${f.cell}`;

async function checkJson(files: string[]): Promise<{ code: number; files: JsonFile[]; stderr: string }> {
  const r = await run(["check", "--format", "json", ...files]);
  return { code: r.code, files: (JSON.parse(r.stdout) as { files: JsonFile[] }).files, stderr: r.stderr };
}

beforeAll(async () => {
  const seed = await seedXlsxBytes();
  seedPath = tmp.path("seed.xlsx");
  writeFileSync(seedPath, seed);
  for (const [name, make] of VARIANTS) writeFileSync(tmp.path(name), make(seed));
  const r = await checkJson([seedPath]);
  seedKeys = r.files[0].findings.map(keyOf).sort();
});

describe("the seed as other producers package it", () => {
  test("check: the seed's 46 findings from each, one at a time and in one batch", async () => {
    expect(seedKeys).toHaveLength(46);
    for (const [name] of VARIANTS) {
      const one = await checkJson([tmp.path(name)]);
      expect(one.code).toBe(0);
      expect(one.files[0].error).toBeNull();
      expect(one.files[0].findings.map(keyOf).sort()).toEqual(seedKeys);
    }
    const batch = await checkJson(VARIANTS.map(([name]) => tmp.path(name)));
    expect(batch.code).toBe(0);
    for (const f of batch.files) expect(f.findings.map(keyOf).sort()).toEqual(seedKeys);
  });

  test.each(VARIANTS.map(([name]) => name))("annotate %s: 46 marked, the copy reads back with the seed's values and findings", async (name) => {
    const out = tmp.path(`已标注-${name}`);
    const r = await run(["annotate", tmp.path(name), "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已标注 46 条（错误 0 / 需核实 38 / 提示 8）");
    const back = readWorkbookFast(new Uint8Array(readFileSync(out)));
    const report = back.sheets.find((s) => s.name === AUDIT_SHEET);
    expect(report?.values.filter((row) => typeof row?.[0] === "number")).toHaveLength(46);
    const seed = readWorkbookFast(new Uint8Array(readFileSync(seedPath)));
    for (const s of seed.sheets) expect(back.sheets.find((x) => x.name === s.name)?.values).toEqual(s.values);
    const again = await checkJson([out]);
    expect(again.files[0].findings.map(keyOf).sort()).toEqual(seedKeys);
  });
});

describe("files that are not .xlsx: one sentence naming the file and what it is, exit 2", () => {
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const binary = (n: number) => new Uint8Array(n).map((_, i) => (i * 7 + 3) & 0xff);
  const cases: Array<[string, () => Uint8Array, string]> = [
    [
      "汇总表.xlsb",
      () =>
        zipSync({
          "_rels/.rels": strToU8(
            `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
          ),
          "xl/workbook.bin": binary(64),
        }),
      "这是 .xlsb（Excel 二进制工作簿）文件",
    ],
    [
      "汇总表.ods",
      () => zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": strToU8("<x/>") }),
      "这是 .ods（OpenDocument 表格）文件",
    ],
    ["汇总表.numbers", () => zipSync({ "Index/Document.iwa": binary(100) }), "这是 .numbers（苹果 Numbers 表格）文件"],
    [
      "汇总表2003.xml",
      () => strToU8('<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'),
      "这是 Excel 2003 XML 表格（SpreadsheetML）文件",
    ],
    ["网页导出.xls", () => strToU8("<html><body><table><tr><td>1</td></tr></table></body></html>"), "这是网页（HTML）文件"],
    ["通知.doc", () => ole2([{ name: "WordDocument", data: binary(600) }]), "这是 Word 文档（.doc/.docx），不是 Excel 工作簿"],
  ];

  test.each(cases)("%s", async (name, make, sentence) => {
    const path = tmp.path(name);
    writeFileSync(path, make());
    const json = await checkJson([path]);
    expect(json.code).toBe(2);
    expect(json.files[0].file).toBe(path);
    expect(json.files[0].error).toContain(sentence);
    const text = await run(["check", path]);
    expect(text.code).toBe(2);
    expect(text.stdout + text.stderr).toContain(name);
    expect(text.stdout + text.stderr).toContain(sentence);
  });

  test("a damaged entry is 文件已损坏; a zip bomb is refused as one", async () => {
    const WB = '<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>';
    const SHEET = `<worksheet><sheetData>${Array.from({ length: 40 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("")}</sheetData></worksheet>`;
    const { deflateSync } = await import("fflate");
    const part = (name: string, text: string, size?: number) => ({ name, data: deflateSync(strToU8(text)), size: size ?? strToU8(text).length });
    const damaged = tmp.path("损坏.xlsx");
    writeFileSync(damaged, rawZip([part("xl/workbook.xml", WB), part("xl/worksheets/sheet1.xml", SHEET, SHEET.length - 2)]));
    const bomb = tmp.path("炸弹.xlsx");
    writeFileSync(bomb, rawZip([part("xl/workbook.xml", WB), { name: "xl/worksheets/sheet1.xml", data: zerosDeflate(20_000), size: 1000 }]));
    const r = await checkJson([damaged, bomb]);
    expect(r.code).toBe(2);
    expect(r.files[0].error).toContain("文件已损坏");
    expect(r.files[0].error).not.toContain("炸弹");
    expect(r.files[1].error).toContain("疑似压缩炸弹");
  });
});
