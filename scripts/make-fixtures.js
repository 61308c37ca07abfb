#!/usr/bin/env node
/**
 * Writes the small committed fixtures under tests/fixtures/files/ (the bases the fuzzer mutates):
 * node scripts/make-fixtures.js
 *
 * They are committed rather than built at test time so that a fuzz seed names the same mutated
 * bytes on every machine and with every ExcelJS version. Dates are fixed and the zips re-written
 * at a fixed time, so running this again gives the same bytes. The large hostile files (bombs,
 * the 10 MB string, 10 000 sheets) are never written here: tests/helpers/corpus.ts builds them.
 */
"use strict";
require("../tests/robust/ts-register.js");
const { mkdirSync, writeFileSync } = require("fs");
const { join } = require("path");
const { BUILDERS } = require("../tests/helpers/corpus.ts");
const { ExcelJSHost } = require("../src/host/xlsx/exceljsHost.ts");
const { analyse } = require("../src/check/analyse.ts");
const { auditReportRows, AUDIT_SHEET } = require("../src/flows/auditReport.ts");
const { rezip } = require("../tests/robust/bytes.ts");

const OUT = join(__dirname, "..", "tests", "fixtures", "files");

/** The seed as a reviewer sends it back: every finding marked, a 审核报告 sheet, the state sheet. */
async function annotated() {
  const host = await ExcelJSHost.fromBytes(await BUILDERS.seed());
  const analysis = analyse(await host.readSnapshot());
  await host.mark(analysis.findings.map((f) => ({ sheet: f.sheet, address: f.cell, severity: f.severity, message: f.message })));
  await host.writeSheet(AUDIT_SHEET, auditReportRows(analysis, { file: "2024年统计表.xlsx", checkedAt: new Date(Date.UTC(2025, 0, 20)) }));
  const wb = host.workbook;
  wb.created = wb.modified = new Date(Date.UTC(2024, 0, 15, 1, 30));
  return rezip(await host.toBytes());
}

/** The seed with what real workbooks carry besides values: formulas (shared too), a date, an error, a hidden sheet, a defined name. */
async function rich() {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await BUILDERS["ratio-formulas"]());
  const a4 = wb.worksheets.find((w) => w.name === "附件4 执法保障");
  a4.getCell("T20").value = new Date(Date.UTC(2024, 11, 31));
  a4.getCell("T20").numFmt = 'yyyy"年"m"月"d"日"';
  a4.getCell("U20").value = { error: "#REF!" };
  a4.getCell("V20").value = 1;
  a4.getCell("V21").value = { formula: "V20+1", result: 2 };
  a4.getCell("V22").value = { sharedFormula: "V21", result: 3 };
  const hidden = wb.addWorksheet("备注", { state: "hidden" });
  hidden.getCell("A1").value = "上报前请删除本页";
  wb.definedNames.add("'附件2 执法案件'!$C$7:$V$7", "本年数据");
  wb.created = wb.modified = new Date(Date.UTC(2024, 0, 15, 1, 30));
  return rezip(new Uint8Array(await wb.xlsx.writeBuffer()));
}

async function run() {
  mkdirSync(OUT, { recursive: true });
  const files = {
    "seed.xlsx": await BUILDERS.seed(),
    "seed-word-paste.xlsx": await BUILDERS["seed-word-paste"](),
    "formulas-dates-errors.xlsx": await rich(),
    "annotated.xlsx": await annotated(),
    "inline-strings.xlsx": await BUILDERS["wps-inline-strings"](),
  };
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(join(OUT, name), bytes);
    process.stdout.write(`${name} ${bytes.length} bytes\n`);
  }
}

run().catch((e) => {
  process.stderr.write(`${(e && e.stack) || e}\n`);
  process.exitCode = 1;
});
