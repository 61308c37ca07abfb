/**
 * Bad inputs: each refused with the right code, and bombs refused before anything is inflated.
 * fflate is wrapped in spies so a test can assert that no inflation ran.
 */
jest.mock("fflate", () => {
  const actual = jest.requireActual("fflate");
  return {
    ...actual,
    inflateSync: jest.fn(actual.inflateSync),
    Inflate: jest.fn((...args: unknown[]) => new actual.Inflate(...args)),
  };
});

import * as fflate from "fflate";
import { deflateSync, strToU8, zipSync } from "fflate";
import { readWorkbookFast } from "./fastReader";
import { NODE_ZIP } from "../../cli/nodeZip";
import { concatBytes } from "./bytes";
import { MAX_ENTRY_UNCOMPRESSED, MAX_TOTAL_UNCOMPRESSED, MAX_ZIP_ENTRIES, sniff, textKind } from "./sniff";
import { refusal } from "../../../tests/helpers/refusal";

const inflateSpy = fflate.inflateSync as unknown as jest.Mock;
const InflateSpy = fflate.Inflate as unknown as jest.Mock;

beforeEach(() => {
  inflateSpy.mockClear();
  InflateSpy.mockClear();
});

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKBOOK = `<workbook ${NS}><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const SHEET = `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>`;

function validXlsx(): Uint8Array {
  return zipSync({ "xl/workbook.xml": strToU8(WORKBOOK), "xl/_rels/workbook.xml.rels": strToU8(RELS), "xl/worksheets/sheet1.xml": strToU8(SHEET) });
}

// ---------------------------------------------------------------------------------------------
// A zip writer that can lie: sizes, flags and ZIP64 fields are whatever the test says.

interface RawEntry {
  name: string;
  /** The stored bytes (already deflated when method is 8). */
  data: Uint8Array;
  method?: number;
  /** Declared uncompressed size. */
  size: number;
  /** Declared compressed size; the real one by default. */
  compressedSize?: number;
  flags?: number;
  /** Write 0xFFFFFFFF in the central directory and the real sizes in a ZIP64 extra field. */
  zip64?: boolean;
  /** Write 0xFFFFFFFF but no ZIP64 extra field. */
  zip64Broken?: boolean;
}

function writeZip(entries: RawEntry[], opts: { comment?: string; countOverride?: number } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, e.flags ?? 0, true);
    lv.setUint16(8, e.method ?? 8, true);
    lv.setUint32(18, e.compressedSize ?? e.data.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    parts.push(local, e.data);

    const extra = e.zip64 ? new Uint8Array(4 + 24) : new Uint8Array(0);
    if (e.zip64) {
      const xv = new DataView(extra.buffer);
      xv.setUint16(0, 1, true);
      xv.setUint16(2, 24, true);
      xv.setBigUint64(4, BigInt(e.size), true);
      xv.setBigUint64(12, BigInt(e.compressedSize ?? e.data.length), true);
      xv.setBigUint64(20, BigInt(offset), true);
    }
    const big = e.zip64 || e.zip64Broken;
    const cd = new Uint8Array(46 + name.length + extra.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 45, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, e.flags ?? 0, true);
    cv.setUint16(10, e.method ?? 8, true);
    cv.setUint32(20, big ? 0xffffffff : (e.compressedSize ?? e.data.length), true);
    cv.setUint32(24, big ? 0xffffffff : e.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra.length, true);
    cv.setUint32(42, big ? 0xffffffff : offset, true);
    cd.set(name, 46);
    cd.set(extra, 46 + name.length);
    central.push(cd);
    offset += local.length + e.data.length;
  }
  const cdSize = central.reduce((a, c) => a + c.length, 0);
  const comment = strToU8(opts.comment ?? "");
  const eocd = new Uint8Array(22 + comment.length);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, opts.countOverride ?? entries.length, true);
  ev.setUint16(10, opts.countOverride ?? entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  ev.setUint16(20, comment.length, true);
  eocd.set(comment, 22);
  return concatBytes([...parts, ...central, eocd]);
}

function deflated(name: string, text: string | Uint8Array): RawEntry {
  const raw = typeof text === "string" ? strToU8(text) : text;
  return { name, data: deflateSync(raw), size: raw.length };
}

/**
 * A real DEFLATE stream of 1 + 258·k zero bytes, written directly (one fixed-Huffman block: a
 * literal 0, then k copies of "length 258, distance 1"): 13 bits per 258 bytes, so a 300 MB bomb
 * is built in milliseconds without ever holding 300 MB.
 */
function zerosDeflate(k: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((3 + 8 + 13 * k + 7) / 8) + 1);
  let bitPos = 0;
  const put = (value: number, n: number) => {
    for (let i = 0; i < n; i++, bitPos++) if ((value >> i) & 1) out[bitPos >> 3] |= 1 << (bitPos & 7);
  };
  const putCode = (code: number, n: number) => {
    for (let i = n - 1; i >= 0; i--, bitPos++) if ((code >> i) & 1) out[bitPos >> 3] |= 1 << (bitPos & 7);
  };
  put(1, 1); // BFINAL
  put(1, 2); // BTYPE = fixed Huffman
  putCode(0x30, 8); // literal 0
  for (let i = 0; i < k; i++) {
    putCode(0xc5, 8); // length symbol 285 = 258
    putCode(0, 5); // distance code 0 = 1
  }
  putCode(0, 7); // end of block
  return out.subarray(0, (bitPos + 7) >> 3);
}

// ---------------------------------------------------------------------------------------------

describe("sniff: what the file is", () => {
  it("empty", () => {
    expect(refusal(() => sniff(new Uint8Array(0))).code).toBe("empty");
    expect(refusal(() => readWorkbookFast(new Uint8Array(0))).message).toContain("0 字节");
  });

  it("random bytes are not a zip", () => {
    let seed = 7;
    const b = new Uint8Array(4096).map(() => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed >> 16;
    });
    expect(refusal(() => sniff(b)).code).toBe("not-zip");
  });

  it("CSV and other text: UTF-8, GBK, UTF-16 with BOM, HTML and XML disguised as Excel", () => {
    const csv = strToU8("单位,许可,处罚\n市场监管局,12,3\n");
    expect(refusal(() => sniff(csv)).code).toBe("csv");
    expect(refusal(() => sniff(csv)).message).toContain("CSV");
    const gbk = new Uint8Array([0xb5, 0xa5, 0xce, 0xbb, 0x2c, 0xca, 0xfd, 0xc1, 0xbf, 0x0d, 0x0a, 0x31, 0x2c, 0x32, 0x0d, 0x0a]); // 单位,数量
    expect(refusal(() => sniff(gbk)).code).toBe("csv");
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from("a\tb\r\n1\t2\r\n").flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(textKind(utf16)).toBe("csv");
    expect(refusal(() => sniff(strToU8("<html><body><table><tr><td>1</td></tr></table></body></html>"))).message).toContain("HTML");
    expect(textKind(strToU8('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'))).toBe("xml2003");
    expect(
      textKind(strToU8('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table/></Worksheet></Workbook>')),
    ).toBe("xml2003");
    expect(textKind(strToU8('<?xml version="1.0"?><rss version="2.0"><channel/></rss>'))).toBe("xml");
    expect(textKind(strToU8("just words"))).toBe("text");
  });

  it("OLE2: legacy .xls/.et, and encrypted OOXML", () => {
    const ole = new Uint8Array(1536);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const workbook = "Workbook";
    for (let i = 0; i < workbook.length; i++) ole[1024 + 2 * i] = workbook.charCodeAt(i);
    expect(refusal(() => sniff(ole)).code).toBe("xls");
    expect(refusal(() => sniff(ole)).message).toContain("另存为 .xlsx");

    const enc = ole.slice();
    const name = "EncryptionInfo";
    for (let i = 0; i < name.length; i++) enc[1200 + 2 * i] = name.charCodeAt(i);
    expect(refusal(() => sniff(enc)).code).toBe("encrypted");
    expect(refusal(() => sniff(enc)).message).toContain("密码");

    const pkg = ole.slice();
    const name2 = "EncryptedPackage";
    for (let i = 0; i < name2.length; i++) pkg[1300 + 2 * i] = name2.charCodeAt(i);
    expect(refusal(() => sniff(pkg)).code).toBe("encrypted");
  });

  it("a zip with the encryption flag is encrypted", () => {
    const e = deflated("xl/workbook.xml", WORKBOOK);
    expect(refusal(() => sniff(writeZip([{ ...e, flags: 1 }]))).code).toBe("encrypted");
  });

  it("a valid workbook passes and its directory is returned", () => {
    const dir = sniff(validXlsx());
    expect(dir.entries.map((e) => e.name).sort()).toEqual(["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]);
    expect(dir.byName.get("xl/workbook.xml")?.size).toBe(strToU8(WORKBOOK).length);
    expect(inflateSpy).not.toHaveBeenCalled();
  });
});

describe("sniff: broken zips", () => {
  it("a workbook cut in half is corrupt", () => {
    const b = validXlsx();
    expect(refusal(() => sniff(b.subarray(0, b.length >> 1))).code).toBe("corrupt");
    expect(refusal(() => readWorkbookFast(b.subarray(0, b.length >> 1))).message).toContain("不完整");
  });

  it("a central directory cut short, or pointing past the end, is corrupt", () => {
    const b = writeZip([deflated("xl/workbook.xml", WORKBOOK), deflated("a.xml", "<a/>")], { countOverride: 3 });
    expect(refusal(() => sniff(b)).code).toBe("corrupt");
  });

  it("an empty zip archive is corrupt", () => {
    const b = new Uint8Array(22);
    b.set([0x50, 0x4b, 0x05, 0x06]);
    expect(refusal(() => sniff(b)).code).toBe("corrupt");
  });

  it("a zip comment does not hide the directory", () => {
    const b = writeZip([deflated("xl/workbook.xml", WORKBOOK), deflated("xl/_rels/workbook.xml.rels", RELS), deflated("xl/worksheets/sheet1.xml", SHEET)], {
      comment: "x".repeat(60_000),
    });
    expect(readWorkbookFast(b).sheets[0].values).toEqual([[42]]);
  });

  it("ZIP64 sizes are read from the extra field; without one they are refused", () => {
    const entries = [
      deflated("xl/workbook.xml", WORKBOOK),
      deflated("xl/_rels/workbook.xml.rels", RELS),
      { ...deflated("xl/worksheets/sheet1.xml", SHEET), zip64: true },
    ];
    expect(readWorkbookFast(writeZip(entries)).sheets[0].values).toEqual([[42]]);
    const broken = [deflated("xl/workbook.xml", WORKBOOK), { ...deflated("xl/worksheets/sheet1.xml", SHEET), zip64Broken: true }];
    expect(refusal(() => sniff(writeZip(broken))).code).toBe("too-large");
  });
});

describe("zip bombs are refused before inflation", () => {
  it("the zeros generator makes a real DEFLATE stream", () => {
    const small = jest.requireActual("fflate").inflateSync(zerosDeflate(1000)) as Uint8Array;
    expect(small.length).toBe(1 + 258 * 1000);
    expect(small.every((x) => x === 0)).toBe(true);
  });

  it("a sheet that inflates to 300 MB of zeros", () => {
    const k = 1_219_000; // 1 + 258·k bytes ≈ 300 MB
    const data = zerosDeflate(k);
    expect(data.length).toBeLessThan(2.1e6);
    const bomb = writeZip([
      deflated("xl/workbook.xml", WORKBOOK),
      deflated("xl/_rels/workbook.xml.rels", RELS),
      { name: "xl/worksheets/sheet1.xml", data, size: 1 + 258 * k },
    ]);
    const e = refusal(() => readWorkbookFast(bomb));
    expect(e.code).toBe("too-large");
    expect(e.message).toMatch(/声明大小 300 MB > 上限 128 MB/);
    expect(e.message).toContain("压缩炸弹");
    expect(inflateSpy).not.toHaveBeenCalled();
    expect(InflateSpy).not.toHaveBeenCalled();
  });

  it("many entries each under the per-entry limit but over the total", () => {
    const each = MAX_ENTRY_UNCOMPRESSED - 1;
    const n = Math.ceil(MAX_TOTAL_UNCOMPRESSED / each) + 1;
    const entries: RawEntry[] = [];
    for (let i = 0; i < n; i++) entries.push({ name: `xl/media/image${i}.png`, data: new Uint8Array(200_000), size: each });
    const e = refusal(() => readWorkbookFast(writeZip(entries)));
    expect(e.code).toBe("too-large");
    expect(e.message).toContain(`上限 ${MAX_TOTAL_UNCOMPRESSED / 1024 / 1024} MB`);
    expect(inflateSpy).not.toHaveBeenCalled();
  });

  it("an abnormal compression ratio on a big entry", () => {
    const e = refusal(() => sniff(writeZip([{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array(50_000), size: 100 * 1024 * 1024 }])));
    expect(e.code).toBe("too-large");
    expect(e.message).toContain("压缩比异常");
  });

  it("too many entries, from the end record alone", () => {
    const b = writeZip([deflated("xl/workbook.xml", WORKBOOK)], { countOverride: MAX_ZIP_ENTRIES + 1 });
    expect(refusal(() => sniff(b)).code).toBe("too-large");
  });

  it("a lying header (small declared size) is caught while inflating, on both inflate paths", () => {
    // small compressed stream: one-shot inflate into the declared size + 1
    const zeros = zerosDeflate(20_000); // 5 MB of zeros in ~32 KB
    const lie = writeZip([
      deflated("xl/workbook.xml", WORKBOOK),
      deflated("xl/_rels/workbook.xml.rels", RELS),
      { name: "xl/worksheets/sheet1.xml", data: zeros, size: 1000 },
    ]);
    const e1 = refusal(() => readWorkbookFast(lie));
    expect(e1.code).toBe("too-large");
    expect(e1.message).toContain("实际大小超过了文件头声明的大小");

    // large compressed stream (> 128 KB): chunked inflate that stops at the declared size
    let seed = 3;
    const noise = new Uint8Array(600_000).map(() => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return 65 + ((seed >> 16) % 26);
    });
    const big = deflateSync(noise);
    expect(big.length).toBeGreaterThan(128 * 1024);
    const lie2 = writeZip([
      deflated("xl/workbook.xml", WORKBOOK),
      deflated("xl/_rels/workbook.xml.rels", RELS),
      { name: "xl/worksheets/sheet1.xml", data: big, size: 200_000 },
    ]);
    const e2 = refusal(() => readWorkbookFast(lie2));
    expect(e2.code).toBe("too-large");
    expect(InflateSpy).toHaveBeenCalled();
  });

  it("a header declaring more than the data holds is corrupt", () => {
    const e = deflated("xl/worksheets/sheet1.xml", SHEET);
    const b = writeZip([deflated("xl/workbook.xml", WORKBOOK), deflated("xl/_rels/workbook.xml.rels", RELS), { ...e, size: e.size + 100 }]);
    expect(refusal(() => readWorkbookFast(b)).code).toBe("corrupt");
  });

  it("garbage where deflate data should be is corrupt", () => {
    const b = writeZip([
      deflated("xl/workbook.xml", WORKBOOK),
      deflated("xl/_rels/workbook.xml.rels", RELS),
      { name: "xl/worksheets/sheet1.xml", data: new Uint8Array([0xff, 0xff, 0xff, 0xff]), size: 100 },
    ]);
    expect(refusal(() => readWorkbookFast(b)).code).toBe("corrupt");
  });

  describe("with node's zlib as the codec (the CLI)", () => {
    const codec = { file: "报表.xlsx", codec: NODE_ZIP };

    it("reads a valid workbook without fflate, to the same snapshot", () => {
      const b = validXlsx();
      expect(readWorkbookFast(b, codec)).toEqual(readWorkbookFast(b));
      inflateSpy.mockClear();
      readWorkbookFast(b, codec);
      expect(inflateSpy).not.toHaveBeenCalled();
      expect(InflateSpy).not.toHaveBeenCalled();
    });

    it("refuses a lying header while inflating, never past the declared size + 1", () => {
      const lie = writeZip([
        deflated("xl/workbook.xml", WORKBOOK),
        deflated("xl/_rels/workbook.xml.rels", RELS),
        { name: "xl/worksheets/sheet1.xml", data: zerosDeflate(20_000), size: 1000 },
      ]);
      const e = refusal(() => readWorkbookFast(lie, codec));
      expect(e.code).toBe("too-large");
      expect(e.file).toBe("报表.xlsx");
      expect(e.message).toContain("实际大小超过了文件头声明的大小");
    });

    it("damaged data and short data are corrupt, as without it", () => {
      const garbage = writeZip([
        deflated("xl/workbook.xml", WORKBOOK),
        deflated("xl/_rels/workbook.xml.rels", RELS),
        { name: "xl/worksheets/sheet1.xml", data: new Uint8Array([0xff, 0xff, 0xff, 0xff]), size: 100 },
      ]);
      expect(refusal(() => readWorkbookFast(garbage, codec)).code).toBe("corrupt");
      const e = deflated("xl/worksheets/sheet1.xml", SHEET);
      const short = writeZip([deflated("xl/workbook.xml", WORKBOOK), deflated("xl/_rels/workbook.xml.rels", RELS), { ...e, size: e.size + 100 }]);
      expect(refusal(() => readWorkbookFast(short, codec)).code).toBe("corrupt");
    });

    it("a stream zlib refuses goes to fflate, which decides as before", () => {
      // the sheet's deflate stream cut before its end: zlib throws, fflate is asked
      const e = deflated("xl/worksheets/sheet1.xml", SHEET);
      const cut = writeZip([
        deflated("xl/workbook.xml", WORKBOOK),
        deflated("xl/_rels/workbook.xml.rels", RELS),
        { ...e, data: e.data.subarray(0, e.data.length - 2) },
      ]);
      inflateSpy.mockClear();
      const withCodec = refusal(() => readWorkbookFast(cut, codec));
      expect(inflateSpy).toHaveBeenCalled();
      expect(withCodec.code).toBe(refusal(() => readWorkbookFast(cut)).code);
    });
  });

  it("reading a valid workbook does inflate (the spies work)", () => {
    expect(readWorkbookFast(validXlsx()).sheets[0].values).toEqual([[42]]);
    expect(inflateSpy).toHaveBeenCalled();
  });
});
