#!/usr/bin/env node
/**
 * How fast `xzzf check` goes over many files, against ExcelJS merely loading the same files.
 *
 *   npm run build:cli && node bench/check.js [--n 1000]
 *
 * Makes N small workbooks with the four tables in the official layout (values vary per file) in
 * bench/out/check/ (kept and reused while N and the generator version match), then runs, each in
 * its own child process one after the other:
 *   check    main(["check", ...files, "--format", "json"]) in-process, from the bundle bin/xzzf.js runs
 *            (dist-cli/bundle/main.js): fast reader + engine + JSON
 *   exceljs  new ExcelJS.Workbook().xlsx.load(bytes) for every file, nothing else
 * and prints files/s of each, their ratio, and each child's peak RSS (process.resourceUsage().maxRSS).
 * The check child requires only the bundle's main.js before its clock starts: main loads the check command's
 * modules (reader, engine, rules) when it runs, so their loading is timed, as a user waits for it;
 * the ExcelJS child requires exceljs before its clock. A second ratio times each whole child process,
 * node's start and every require included.
 * Targets: ratio ≥ 4, peak RSS of check < 200 MB. Prints, never asserts.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist-cli");
const OUT = path.join(__dirname, "out", "check");
const GENERATOR_VERSION = 1;
const TARGET_RATIO = 4;
const TARGET_RSS_MB = 200;

function requireDist(rel) {
  const file = path.join(DIST, rel);
  if (!fs.existsSync(file)) {
    process.stderr.write(`bench/check.js: ${path.relative(ROOT, file)} is missing; run npm run build:cli first.\n`);
    process.exit(2);
  }
  return require(file);
}

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  return eq ? eq.slice(name.length + 1) : fallback;
}

/** A small deterministic generator, so file i is the same on every run. */
function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 0x100000000;
  };
}

const UNITS = ["自然资源局", "市场监管局", "生态环境局", "交通运输局", "应急管理局", "农业农村局", "城市管理局", "水利局", "林业局", "文化和旅游局"];
const COUNTIES = ["湘潭县", "韶山市", "湘乡市", "雨湖区", "岳塘区", "长沙县", "浏阳市", "宁乡市", "望城区", "醴陵市"];

function layoutsFor(i) {
  const { layoutFor } = requireDist("templates/layout.js");
  const { tableDef } = requireDist("templates/tables.js");
  const r = rng(i + 1);
  const int = (n) => Math.floor(r() * n);
  const unit = `${COUNTIES[i % COUNTIES.length]}${UNITS[Math.floor(i / COUNTIES.length) % UNITS.length]}`;
  const year = 2024;
  const base = { year, unit, contact: `张${i} 1${String(3000000000 + i).slice(0, 10)}` };
  const a2 = {};
  for (const c of tableDef("A2").categories) {
    if (c.kind === "yuan") a2[c.key] = [Math.round(r() * 1e8) / 100, Math.round(r() * 1e8) / 100];
    else if (c.kind === "transfer") a2[c.key] = [int(5), `${int(5)}(${int(2)})`];
    else a2[c.key] = [int(40), int(40)];
  }
  const a3 = {};
  for (const c of tableDef("A3").categories) {
    const top = c.counterpart ? a2[c.counterpart] : null;
    if (c.kind === "yuan") a3[c.key] = top ? [Math.round(top[0] * r() * 100) / 100, Math.round(Number(top[1]) * r() * 100) / 100] : [0, 0];
    else a3[c.key] = top ? [Math.floor(Number(top[0]) * r()), Math.floor(Number(String(top[1]).replace(/\(.*/, "")) * r())] : [int(3), int(3)];
  }
  const explanations = {};
  for (const c of tableDef("A2").categories) if (r() < 0.5) explanations[c.key] = "本年度加强日常巡查，案件数量随之变化";
  const staff = [int(10), int(20), int(10)];
  const a4 = {
    name: `${unit}执法大队`,
    establishment: staff[0] + staff[1] + staff[2] + int(5),
    staffAdmin: staff[0],
    staffInstitution: staff[1],
    staffWorker: staff[2],
    certified: int(staff[0] + staff[1] + 1),
    squadCertified: int(5),
    trainingPersons: 10 + int(30),
    trainingHours: 100 + int(900),
    recorders: int(20),
    penRecorders: int(5),
    uniforms: int(30),
    vehicles: int(6),
    otherEquipment: int(3),
    monitoringField: "无",
    monitoringDevices: 0,
    monitoringFines: 0,
  };
  const filed = int(3);
  const a5 = {
    name: unit,
    platform: r() < 0.5 ? "是" : "否",
    transferred: filed + 2,
    filed,
    notFiled: 1,
    notProsecuted: 0,
    reverseReceived: 1,
    reverseFiled: 1,
    reverseNotPenalised: 0,
  };
  return [
    layoutFor("A2", { ...base, yearly: { unit, values: a2, explanations } }),
    layoutFor("A3", { ...base, yearly: { unit, values: a3, explanations } }),
    layoutFor("A4", { ...base, columns: { rows: [a4] } }),
    layoutFor("A5", { ...base, columns: { rows: [a5] } }),
  ];
}

async function makeFiles(n) {
  const manifest = path.join(OUT, "manifest.json");
  const files = Array.from({ length: n }, (_, i) => path.join(OUT, `report-${String(i).padStart(5, "0")}.xlsx`));
  try {
    const m = JSON.parse(fs.readFileSync(manifest, "utf8"));
    if (m.version === GENERATOR_VERSION && m.n >= n && files.every((f) => fs.existsSync(f))) return files;
  } catch {
    // no manifest yet: make the files
  }
  const ExcelJS = require("exceljs");
  const { renderLayout } = requireDist("host/xlsx/render.js");
  fs.mkdirSync(OUT, { recursive: true });
  process.stdout.write(`making ${n} workbooks in ${path.relative(ROOT, OUT)}/ …\n`);
  for (let i = 0; i < n; i++) {
    const wb = new ExcelJS.Workbook();
    for (const layout of layoutsFor(i)) renderLayout(wb.addWorksheet(layout.sheetName), layout);
    fs.writeFileSync(files[i], Buffer.from(await wb.xlsx.writeBuffer()));
  }
  fs.writeFileSync(manifest, JSON.stringify({ version: GENERATOR_VERSION, n }));
  return files;
}

// ------------------------------------------------------------------------------------------
// Children: one measurement each, printed as one JSON line.

/** CPU milliseconds of this process since `start` (module loading before it is not counted). */
function cpuSince(start) {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

async function childCheck(files) {
  const { main } = requireDist("bundle/main.js");
  let bytes = 0;
  const sink = { write: (s) => (bytes += s.length) };
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const code = await main(["check", ...files, "--format", "json"], { stdout: sink, stderr: sink, now: () => new Date() });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, cpuMs: cpuSince(cpu0), code, outputChars: bytes };
}

async function childExcelJS(files) {
  const ExcelJS = require("exceljs");
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let sheets = 0;
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(f));
    sheets += wb.worksheets.length;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, cpuMs: cpuSince(cpu0), sheets };
}

async function child(kind, listFile) {
  const files = JSON.parse(fs.readFileSync(listFile, "utf8"));
  const result = kind === "check" ? await childCheck(files) : await childExcelJS(files);
  result.maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runChild(kind, listFile) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(__dirname, "check.js"), "--child", kind, listFile], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const processMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${kind} child failed (${r.status}):\n${r.stderr}`);
  const line = r.stdout.trim().split("\n").pop();
  return { ...JSON.parse(line), processMs };
}

async function parent() {
  const n = Number(argValue("--n", "1000"));
  if (!Number.isInteger(n) || n <= 0) {
    process.stderr.write("bench/check.js: --n must be a positive integer\n");
    process.exit(2);
  }
  requireDist("bundle/main.js");
  const files = await makeFiles(n);
  const listFile = path.join(OUT, `files-${n}.json`);
  fs.writeFileSync(listFile, JSON.stringify(files));
  const sizes = files.reduce((s, f) => s + fs.statSync(f).size, 0);

  const check = runChild("check", listFile);
  const exceljs = runChild("exceljs", listFile);
  const rate = (ms) => (n / (ms / 1000)).toFixed(1);
  const ratio = exceljs.ms / check.ms;
  // Wall time suffers when the machine is busy; CPU time tells the same story with less noise.
  const cpuRatio = exceljs.cpuMs / check.cpuMs;
  const lines = [
    `${n} workbooks, four tables each, ${(sizes / n / 1024).toFixed(1)} KiB on average`,
    `  xzzf check (fast reader + engine, JSON)  ${rate(check.ms).padStart(8)} files/s  ${(check.ms / 1000).toFixed(2)} s wall  ${(check.cpuMs / 1000).toFixed(2)} s CPU  peak RSS ${check.maxRssMB.toFixed(0)} MB  (exit ${check.code})`,
    `  ExcelJS load only                        ${rate(exceljs.ms).padStart(8)} files/s  ${(exceljs.ms / 1000).toFixed(2)} s wall  ${(exceljs.cpuMs / 1000).toFixed(2)} s CPU  peak RSS ${exceljs.maxRssMB.toFixed(0)} MB`,
    `  ratio check / ExcelJS: ${ratio.toFixed(1)}× wall, ${cpuRatio.toFixed(1)}× CPU (target ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? "met" : "NOT met"}); check peak RSS ${check.maxRssMB.toFixed(0)} MB (target < ${TARGET_RSS_MB} MB: ${check.maxRssMB < TARGET_RSS_MB ? "met" : "NOT met"})`,
    `  whole processes, start-up included: check ${(check.processMs / 1000).toFixed(2)} s, ExcelJS ${(exceljs.processMs / 1000).toFixed(2)} s, ratio ${(exceljs.processMs / check.processMs).toFixed(1)}×`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  fs.writeFileSync(
    path.join(__dirname, "out", "check.json"),
    JSON.stringify({ n, check, exceljs, ratio, cpuRatio, processRatio: exceljs.processMs / check.processMs }, null, 2),
  );
}

if (process.argv[2] === "--child") {
  child(process.argv[3], process.argv[4]).catch((e) => {
    process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
    process.exit(1);
  });
} else {
  parent().catch((e) => {
    process.stderr.write(`bench/check.js: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 1;
  });
}
