/**
 * The seed report as LibreOffice Writer saved it (scripts/make-docx-fixtures.js): its tables are
 * checked as the seed workbook is, and its body is the seed body.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { analyse } from "../../src/check/analyse";
import type { Finding } from "../../src/engine/findings";
import { readDocx } from "../../src/host/docx/readDocx";
import { readWorkbookFast } from "../../src/host/xlsx/fastReader";
import { NODE_ZIP } from "../../src/cli/nodeZip";
import { refusal } from "../helpers/refusal";
import { seedSnapshot } from "../helpers/seedWorkbook";

const DIR = join(__dirname, "..", "fixtures");
const bytes = (p: string) => new Uint8Array(readFileSync(join(DIR, p)));
const seedDocx = () => readDocx(bytes("report/seed-report.docx"), { file: "seed-report.docx" });
const seedBody = () =>
  readFileSync(join(DIR, "report", "seed-body.txt"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "");

const key = (f: Finding) => ({ rule: f.rule, severity: f.severity, table: f.table, message: f.message, cell: f.cell });

describe("seed-report.docx", () => {
  it("recognises the four tables and gives the seed workbook's 46 findings: same rule, severity, table, message and cell", () => {
    const fromDocx = analyse(seedDocx().snapshot);
    const fromXlsx = analyse(readWorkbookFast(bytes("files/seed.xlsx")));
    expect(fromDocx.tables.map((t) => [t.id, t.sheet])).toEqual([
      ["A2", "表1"],
      ["A3", "表2"],
      ["A4", "表3"],
      ["A5", "表4"],
    ]);
    expect(fromXlsx.findings).toHaveLength(46);
    // The frame lines stand in rows 1–3 of each sheet as in the workbook, so the cells agree too;
    // only the sheet names differ (表1 for 附件2 执法案件).
    expect(fromDocx.findings.map(key)).toEqual(fromXlsx.findings.map(key));
    expect(new Set(fromDocx.findings.map((f) => f.sheet))).toEqual(new Set(["表1", "表2", "表3", "表4"]));
    expect(fromDocx.year).toBe(2024);
  });

  it("holds the seed workbook's cells and merges, the contact line in one cell", () => {
    const docx = seedDocx().snapshot.sheets;
    const seed = seedSnapshot().sheets;
    docx.forEach((sheet, i) => {
      const want = seed[i].values.map((row) => (row ? row.filter((v) => v !== null && v !== undefined) : []));
      const got = sheet.values.map((row) => (row ? row.filter((v) => v !== null && v !== undefined) : []));
      // the workbook's unit and contact cells are one paragraph in Word
      if (i < 3) want[2] = [`${want[2][0]}\u3000\u3000\u3000\u3000${want[2][1]}`];
      expect(got).toEqual(want);
      // the merges inside the table are the workbook's; those of its frame and notes rows (a line
      // across the table) are paragraphs in Word
      const header = seed[i].values.findIndex((row) => row?.[0] === "序号");
      const notes = seed[i].values.findIndex((row) => /^(填表说明|注：)/.test(String(row?.[0] ?? "")));
      const tableMerges = seed[i].merges.filter((m) => m.top >= header && m.top < notes);
      expect(tableMerges.length).toBeGreaterThan(4);
      expect(sheet.merges).toEqual(expect.arrayContaining(tableMerges));
      expect(sheet.merges).toHaveLength(tableMerges.length);
    });
  });

  it("gives the body's paragraphs as seed-body.txt has them, one per line", () => {
    expect(seedDocx().paragraphs).toEqual(seedBody());
  });

  it("names each table by its 附件N line", () => {
    expect(seedDocx().headings).toEqual(["附件2", "附件3", "附件4", "附件5"]);
  });

  it("reads the same with node's zlib as with fflate", () => {
    expect(readDocx(bytes("report/seed-report.docx"), { codec: NODE_ZIP })).toEqual(seedDocx());
  });
});

describe("split-runs.docx", () => {
  it("joins runs split inside numbers and across a bookmark", () => {
    const r = readDocx(bytes("report/split-runs.docx"));
    expect(r.paragraphs).toEqual(["（二）日常执法工作", "立案查处自然资源违法行为12件，罚款589万余元，已执收到位512万余元。"]);
    // 附件2's figures, split as 20|24, 4,005,|196.42, 81|(bookmark)80|00.7 and a coloured 9
    expect(r.snapshot.sheets).toHaveLength(1);
    expect(r.snapshot.sheets[0].values).toEqual(seedDocx().snapshot.sheets[0].values);
    const a = analyse(r.snapshot);
    expect(a.tables.map((t) => t.id)).toEqual(["A2"]);
    const seedA2 = analyse(seedDocx().snapshot).findings.filter((f) => f.table === "A2");
    expect(a.findings.map(key)).toEqual(seedA2.map(key));
  });
});

describe("nested-tables.docx", () => {
  it("reads 附件4 nested in a layout table as a sheet of its own, with its frame and notes lines", () => {
    const r = readDocx(bytes("report/nested-tables.docx"));
    expect(r.snapshot.sheets.map((s) => s.name)).toEqual(["表1"]);
    expect(r.headings).toEqual(["附件4"]);
    expect(r.paragraphs).toEqual(["附表如下：", "以上为附件4。"]);
    const seedA4 = seedDocx().snapshot.sheets[2];
    expect(r.snapshot.sheets[0].values).toEqual(seedA4.values);
    expect(r.snapshot.sheets[0].merges).toEqual(seedA4.merges);
    const a = analyse(r.snapshot);
    expect(a.tables.map((t) => t.id)).toEqual(["A4"]);
    expect(a.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(["a4-over-establishment 表1!C6"]);
  });
});

describe("seed-report.doc", () => {
  it("is refused with the advice to save it as .docx", () => {
    const e = refusal(() => readDocx(bytes("report/seed-report.doc"), { file: "seed-report.doc" }));
    expect(e.message).toBe("“seed-report.doc”是旧版 Word .doc 文件，本工具只读取 .docx，请在 Word/WPS 中另存为 .docx 后再试。");
  });
});
