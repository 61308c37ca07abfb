/**
 * Reading and checking a long report: a ~200-page 工作报告 (.docx) read by readDocx and its four
 * tables checked by analyse, against the least any reader must do with the same file.
 *
 *   npm run build:cli && node bench/docx.js [pages=200]
 *
 * The report is built in memory from tests/fixtures/report/seed-report.docx: its body paragraphs
 * (everything before 附件2) repeated until the body holds ~2.4 KB of text per page (~800 Chinese
 * characters, a page of 仿宋 at 16 pt), then the four tables as they are, zipped again.
 *
 * Variants, each run several times in this process after a warm-up, median wall time printed:
 *   baseline  inflate word/document.xml (node's zlib) and decode it to a string: what every reader pays
 *   read      readDocx (zip directory, inflate, CRC, scan, snapshot)
 *   check     readDocx + analyse (what `xzzf check 工作报告.docx` does for the tables)
 * The target is check under 1 s on the machine the numbers are taken on; the ratio to the baseline
 * is what to compare between machines.
 *
 * readDocx is taken from dist-cli/ when the CLI build has it; until the CLI imports the reader it
 * is not compiled there, and the sources are transpiled on load instead (tests/robust/ts-register.js;
 * load time is not measured).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { unzipSync, zipSync, strFromU8, strToU8 } = require("fflate");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist-cli");
const FIXTURE = path.join(ROOT, "tests", "fixtures", "report", "seed-report.docx");
const RUNS = 11;

function load() {
  const built = path.join(DIST, "host", "docx", "readDocx.js");
  if (fs.existsSync(built)) {
    return { from: "dist-cli", ...require(built), ...require(path.join(DIST, "engine", "analyse.js")), ...require(path.join(DIST, "cli", "nodeZip.js")) };
  }
  require(path.join(ROOT, "tests", "robust", "ts-register.js"));
  return {
    from: "src (transpiled on load; run `npm run build:cli` once the CLI imports the reader)",
    ...require(path.join(ROOT, "src", "host", "docx", "readDocx.ts")),
    ...require(path.join(ROOT, "src", "engine", "analyse.ts")),
    ...require(path.join(ROOT, "src", "cli", "nodeZip.ts")),
  };
}

/** The seed report with its body repeated to `pages` pages. */
function bigReport(pages) {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(FIXTURE)));
  const xml = strFromU8(parts["word/document.xml"]);
  const bodyStart = xml.indexOf(">", xml.indexOf("<w:body")) + 1;
  // the body ends where the paragraph holding 附件2 starts
  const marker = xml.indexOf(">附件<");
  const tablesAt = Math.max(xml.lastIndexOf("<w:p>", marker), xml.lastIndexOf("<w:p ", marker));
  if (marker < 0 || tablesAt < bodyStart) throw new Error("附件2 not found in seed-report.docx");
  const body = xml.slice(bodyStart, tablesAt);
  const bodyText = body.replace(/<[^>]*>/g, "");
  const perPage = 2400; // bytes of UTF-8 text per page
  const repeats = Math.max(1, Math.round((pages * perPage) / Buffer.byteLength(bodyText)));
  const big = xml.slice(0, bodyStart) + body.repeat(repeats) + xml.slice(tablesAt);
  parts["word/document.xml"] = strToU8(big);
  const bytes = zipSync(parts, { level: 6 });
  return { bytes, repeats, textBytes: Buffer.byteLength(bodyText) * repeats, xmlBytes: parts["word/document.xml"].length };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(f) {
  for (let i = 0; i < 3; i++) f(); // warm-up: the scanner's loop is optimised after a few runs
  const ms = [];
  let out;
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    out = f();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: median(ms), out };
}

function main() {
  const pages = Number(process.argv[2] || 200);
  const lib = load();
  const r = bigReport(pages);
  console.log(`readDocx from ${lib.from}`);
  console.log(
    `report: ~${pages} pages, body repeated ${r.repeats}×: ${(r.textBytes / 1024).toFixed(0)} KB of body text, document.xml ${(r.xmlBytes / 1048576).toFixed(1)} MB, .docx ${(r.bytes.length / 1024).toFixed(0)} KB`,
  );

  // the least any reader does: find the entry, inflate it, decode it
  const baseline = time(() => {
    const entry = locate(r.bytes, "word/document.xml");
    return zlib.inflateRawSync(r.bytes.subarray(entry.start, entry.end)).toString("utf8");
  });
  const read = time(() => lib.readDocx(r.bytes, { file: "report.docx", codec: lib.NODE_ZIP }));
  const check = time(() => lib.analyse(lib.readDocx(r.bytes, { file: "report.docx", codec: lib.NODE_ZIP }).snapshot));
  const report = read.out;
  console.log(
    `read: ${report.paragraphs.length} paragraphs, ${report.snapshot.sheets.length} tables; check: ${check.out.tables.map((t) => t.id).join(" ")}, ${check.out.findings.length} findings`,
  );
  console.log("");
  console.log(`variant    median of ${RUNS} (ms)   vs baseline`);
  for (const [name, v] of [
    ["baseline", baseline],
    ["read", read],
    ["check", check],
  ]) {
    console.log(`${name.padEnd(10)} ${v.ms.toFixed(1).padStart(18)} ${`${(v.ms / baseline.ms).toFixed(1)}×`.padStart(13)}`);
  }
  console.log("");
  console.log(`check of a ${pages}-page report: ${check.ms.toFixed(0)} ms (target < 1000 ms): ${check.ms < 1000 ? "met" : "NOT met"}`);
  console.log(
    `(load average ${require("os")
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")} on ${require("os").cpus().length} CPUs)`,
  );
}

/** Where an entry's deflated data lies, from its local header (the baseline reads no central directory). */
function locate(bytes, name) {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const magic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  let p = b.indexOf(magic, 0);
  while (p >= 0) {
    const nameLen = b.readUInt16LE(p + 26);
    const extraLen = b.readUInt16LE(p + 28);
    const size = b.readUInt32LE(p + 18);
    const n = b.toString("utf8", p + 30, p + 30 + nameLen);
    const start = p + 30 + nameLen + extraLen;
    if (n === name) return { start, end: start + size };
    p = b.indexOf(magic, start + size);
  }
  throw new Error(`${name} not found`);
}

main();
