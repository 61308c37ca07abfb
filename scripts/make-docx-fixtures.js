#!/usr/bin/env node
/**
 * Writes the report (.docx) fixtures under tests/fixtures/report/, made by a real word processor:
 *
 *   node scripts/make-docx-fixtures.js
 *
 * Each document is written as HTML first and converted by LibreOffice Writer
 * (`soffice --headless --convert-to docx:"MS Word 2007 XML"`, a private profile under /tmp so a
 * running LibreOffice or the user's settings play no part). The outputs are committed, so the tests
 * never need LibreOffice; this script is how they were made, and how to make them again.
 *
 * - seed-report.docx: the seed body (seed-body.txt, one paragraph per line) followed by the four
 *   tables of the seed workbook (tests/helpers/seedWorkbook.ts), each preceded by its 附件N line, its
 *   title and (附件2–4) its unit/contact line, with the official layout's merged headers as
 *   rowspan/colspan, and followed by its notes as paragraphs, as a Word report lays them out.
 * - seed-report.doc: seed-report.docx saved again by LibreOffice as Word 97 (the legacy format the
 *   reader refuses with advice).
 * - split-runs.docx: the body sentence with the figures and 附件2, with runs split inside numbers
 *   ("1" "2件", "589" "万余元", "4,005," "196.42") and a bookmark inside a number. LibreOffice keeps
 *   differently formatted spans as separate runs and HTML anchors as bookmarks, so no
 *   post-processing of document.xml is needed; the script checks that the splits survived and fails
 *   otherwise.
 * - nested-tables.docx: 附件4 (heading lines, table and notes) inside the one cell of a layout table.
 *
 * Every zip is written again by fflate at a fixed time, so the bytes do not carry the conversion's
 * timestamps.
 */
"use strict";
require("../tests/robust/ts-register.js");
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { unzipSync, strFromU8 } = require("fflate");
const { seedSnapshot } = require("../tests/helpers/seedWorkbook.ts");
const { rezip } = require("../tests/robust/bytes.ts");

const OUT = path.join(__dirname, "..", "tests", "fixtures", "report");
const PROFILE = path.join(os.tmpdir(), "xzzf-docx-fixtures-profile");

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const para = (html) => `<p>${html}</p>`;

/** The frame lines above a table (附件N, title, unit/contact line) as paragraphs; the contact after wide space, as reports write it. */
function frameParagraphs(sheet, headerRow) {
  const out = [];
  for (let r = 0; r < headerRow; r++) {
    const texts = (sheet.values[r] || []).filter((v) => v !== null && v !== undefined && v !== "").map(String);
    if (texts.length) out.push(para(esc(texts.join("\u3000\u3000\u3000\u3000"))));
  }
  return out;
}

function isNoteRow(sheet, r) {
  const v = (sheet.values[r] || [])[0];
  return typeof v === "string" && /^(填表说明|注[:：])/.test(v);
}

/**
 * One sheet of the seed snapshot as HTML: frame paragraphs, the table from the 序号 row to the last
 * body row (merges as rowspan/colspan, covered cells left out), and the notes as paragraphs.
 * `cellHtml` may rewrite a cell's content (split runs).
 */
function sheetHtml(sheet, cellHtml = (v) => esc(v)) {
  const headerRow = sheet.values.findIndex((row) => row && row[0] === "序号");
  let notesRow = sheet.values.findIndex((row, r) => r > headerRow && isNoteRow(sheet, r));
  if (notesRow < 0) notesRow = sheet.values.length;
  const lastCol = Math.max(...sheet.values.slice(headerRow, notesRow).map((row) => (row ? row.length - 1 : 0)), ...sheet.merges.map((m) => m.right));
  const mergeAt = new Map();
  const covered = new Set();
  for (const m of sheet.merges) {
    if (m.top < headerRow || m.top >= notesRow) continue;
    mergeAt.set(`${m.top},${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const rows = [];
  for (let r = headerRow; r < notesRow; r++) {
    const cells = [];
    for (let c = 0; c <= lastCol; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const m = mergeAt.get(`${r},${c}`);
      const span = m ? `${m.bottom > m.top ? ` rowspan="${m.bottom - m.top + 1}"` : ""}${m.right > m.left ? ` colspan="${m.right - m.left + 1}"` : ""}` : "";
      const v = (sheet.values[r] || [])[c];
      cells.push(`<td${span}>${v === null || v === undefined ? "" : cellHtml(String(v), r, c)}</td>`);
    }
    rows.push(`<tr>${cells.join("")}</tr>`);
  }
  const notes = [];
  for (let r = notesRow; r < sheet.values.length; r++) {
    const v = (sheet.values[r] || [])[0];
    if (v !== null && v !== undefined && v !== "") notes.push(para(esc(v)));
  }
  return { frame: frameParagraphs(sheet, headerRow), table: `<table border="1" cellspacing="0">${rows.join("")}</table>`, notes };
}

const page = (body) => `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>report</title></head><body>\n${body.join("\n")}\n</body></html>\n`;

function convert(html, name, filter = "docx:MS Word 2007 XML", ext = "docx") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xzzf-docx-"));
  const src = path.join(dir, `${name}.html`);
  fs.writeFileSync(src, html);
  return convertFile(src, name, filter, ext, dir);
}

function convertFile(src, name, filter, ext, dir = fs.mkdtempSync(path.join(os.tmpdir(), "xzzf-docx-"))) {
  const args = [`-env:UserInstallation=file://${PROFILE}`, "--headless"];
  // HTML into Writer proper (not Writer/Web, which has no .docx export)
  if (src.endsWith(".html")) args.push("--infilter=HTML (StarWriter)");
  args.push("--convert-to", filter, "--outdir", dir, src);
  execFileSync("soffice", args, { stdio: ["ignore", "ignore", "inherit"], timeout: 120000 });
  const out = path.join(dir, `${path.basename(src).replace(/\.[^.]+$/, "")}.${ext}`);
  if (!fs.existsSync(out)) throw new Error(`soffice wrote no ${out}`);
  const bytes = new Uint8Array(fs.readFileSync(out));
  fs.rmSync(dir, { recursive: true, force: true });
  return bytes;
}

function write(name, bytes) {
  fs.writeFileSync(path.join(OUT, name), bytes);
  console.log(`${name}: ${bytes.length} bytes`);
  if (bytes.length > 100 * 1024) throw new Error(`${name} is over 100 KB`);
}

const documentXml = (docx) => strFromU8(unzipSync(docx)["word/document.xml"]);

function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const body = fs
    .readFileSync(path.join(OUT, "seed-body.txt"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => para(esc(l)));
  const sheets = seedSnapshot().sheets;

  // the seed report
  const parts = [...body];
  for (const s of sheets) {
    const h = sheetHtml(s);
    parts.push(...h.frame, h.table, ...h.notes);
  }
  const seed = rezip(convert(page(parts), "seed-report"));
  write("seed-report.docx", seed);

  // the same saved as Word 97
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xzzf-docx-"));
  fs.writeFileSync(path.join(tmp, "seed-report.docx"), seed);
  write("seed-report.doc", convertFile(path.join(tmp, "seed-report.docx"), "seed-report", "doc:MS Word 97", "doc"));
  fs.rmSync(tmp, { recursive: true, force: true });

  // runs split inside numbers: a coloured span starts a new run; an anchor is a bookmark
  const red = (s) => `<span style="color:#c00000">${esc(s)}</span>`;
  const sentence = `立案查处自然资源违法行为1${red("2件")}，罚款589${red("万余元")}，已执收到位5<a name="figure">1</a>2万余元。`;
  const split = { 2024: `20${red("24")}`, 4005196.42: `4,005,${red("196.42")}`, 818000.7: `81<a name="fines2023">80</a>00.7`, 9: red("9") };
  const a2 = sheetHtml(sheets[0], (v) => split[v] ?? esc(v));
  const splitDocx = rezip(convert(page([para("（二）日常执法工作"), para(sentence), ...a2.frame, a2.table, ...a2.notes]), "split-runs"));
  const xml = documentXml(splitDocx);
  for (const want of ["<w:t>589</w:t>", "<w:bookmarkStart", ">196.42</w:t>"]) {
    if (!xml.includes(want)) throw new Error(`split-runs.docx: LibreOffice merged the runs (${want} not found); post-process document.xml here`);
  }
  write("split-runs.docx", splitDocx);

  // 附件4 inside a one-cell layout table
  const a4 = sheetHtml(sheets[2]);
  const nested = `<table border="0"><tr><td>${[...a4.frame, a4.table, ...a4.notes].join("")}</td></tr></table>`;
  const nestedDocx = rezip(convert(page([para("附表如下："), nested, para("以上为附件4。")]), "nested-tables"));
  if ((documentXml(nestedDocx).match(/<w:tbl>/g) || []).length !== 2) throw new Error("nested-tables.docx: the inner table was not kept as a table");
  write("nested-tables.docx", nestedDocx);
}

main();
