/**
 * Damaged reports: the seed report with its bytes, or the XML of its document, changed at random
 * (a fixed seed, so every run tries the same files). Whatever comes in, readDocx either reads it or
 * refuses it with a WorkbookReadError whose sentence names the file — never another exception.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readDocx } from "../../src/host/docx/readDocx";
import { WorkbookReadError } from "../../src/host/xlsx/errors";

const SEED = new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", "report", "seed-report.docx")));
const FILE = "变异.docx";

function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

/** Reads the bytes; returns "read" or the refusal's code, failing on anything else. */
function outcome(bytes: Uint8Array): string {
  try {
    const r = readDocx(bytes, { file: FILE });
    expect(Array.isArray(r.paragraphs)).toBe(true);
    return "read";
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    expect(e.message).toContain(`“${FILE}”`);
    expect(e.file).toBe(FILE);
    return e.code;
  }
}

describe("mutated seed reports", () => {
  it("bytes of the .docx flipped, cut or zeroed", () => {
    const random = rng(20241231);
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const b = SEED.slice();
      const kind = i % 3;
      if (kind === 0) for (let k = 0; k < 1 + Math.floor(random() * 4); k++) b[Math.floor(random() * b.length)] ^= 1 << Math.floor(random() * 8);
      else if (kind === 1) b.fill(0, Math.floor(random() * b.length), Math.floor(random() * b.length));
      seen.add(outcome(kind === 2 ? b.subarray(0, Math.floor(random() * b.length)) : b));
    }
    // damaged files are refused as such; a flip in an unread part (styles, settings) still reads
    expect(seen.has("corrupt")).toBe(true);
    expect(seen.has("read")).toBe(true);
  });

  it("the XML of document.xml cut, with tags dropped or characters replaced", () => {
    const parts = unzipSync(SEED);
    const xml = strFromU8(parts["word/document.xml"]);
    const random = rng(7);
    const seen = new Set<string>();
    const junk = [
      "<",
      ">",
      "&",
      '"',
      "</w:tc>",
      "<w:tc>",
      "</w:tr>",
      "<w:tbl>",
      "</w:tbl>",
      "<w:vMerge/>",
      '<w:gridSpan w:val="9"/>',
      "<!--",
      "<![CDATA[",
      "&#xFFFF;",
      "\u0000",
    ];
    for (let i = 0; i < 200; i++) {
      let s = xml;
      for (let k = 0; k < 1 + Math.floor(random() * 5); k++) {
        const at = Math.floor(random() * s.length);
        const op = Math.floor(random() * 3);
        if (op === 0) s = s.slice(0, at);
        else if (op === 1) s = s.slice(0, at) + s.slice(s.indexOf(">", at) + 1);
        else s = s.slice(0, at) + junk[Math.floor(random() * junk.length)] + s.slice(at + 1);
      }
      // stored, not deflated: the zip is not what is tried here, and deflating was most of the time
      seen.add(outcome(zipSync({ ...parts, "word/document.xml": strToU8(s) }, { level: 0 })));
    }
    expect(seen.has("read")).toBe(true);
    expect(seen.has("corrupt")).toBe(true);
  });
});
