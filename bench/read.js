/**
 * Reading speed and memory: ExcelJS vs the fast reader, on the same N workbooks.
 *
 *   npm run build:cli && node bench/read.js [count=300]
 *
 * Each variant runs in its own child process (so peak RSS, from process.resourceUsage().maxRSS,
 * is that variant's alone) and reads every file from disk, in order, once:
 *   exceljs-load      new ExcelJS.Workbook().xlsx.load(bytes)          (what the CLI would do with ExcelJS)
 *   exceljs-snapshot  readWorkbookWithExcelJS: sniff + load + snapshot (same output as the fast reader)
 *   fast              readWorkbookFast                                  (sniff + inflate + scan)
 * RSS is also sampled after 25 %, 50 % and 100 % of the files to show whether memory grows with the count.
 */
const fs = require("fs");
const path = require("path");
const { fork } = require("child_process");

const DIST = path.join(__dirname, "..", "dist-cli", "host", "xlsx");
const OUT = path.join(__dirname, "out", "read");

async function runVariant(variant, files) {
  // only what the variant uses, so that its RSS is its own (the fast reader never loads ExcelJS)
  const { readWorkbookFast } = variant === "fast" ? require(path.join(DIST, "fastReader.js")) : {};
  const { readWorkbookWithExcelJS } = variant === "exceljs-snapshot" ? require(path.join(DIST, "exceljsSnapshot.js")) : {};
  const ExcelJS = variant === "exceljs-load" ? require("exceljs") : null;
  const marks = new Set([Math.floor(files.length / 4), Math.floor(files.length / 2), files.length]);
  const rss = [];
  let cells = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < files.length; i++) {
    const bytes = fs.readFileSync(files[i]);
    if (variant === "fast") {
      const s = readWorkbookFast(bytes, { file: files[i] });
      for (const sh of s.sheets) for (const r of sh.values) if (r) cells += r.length;
    } else if (variant === "exceljs-snapshot") {
      const s = await readWorkbookWithExcelJS(bytes, { file: files[i] });
      for (const sh of s.sheets) for (const r of sh.values) if (r) cells += r.length;
    } else {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes);
      cells += wb.worksheets.length;
    }
    if (marks.has(i + 1)) rss.push(Math.round(process.memoryUsage().rss / 1048576));
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    variant,
    files: files.length,
    ms,
    cpuMs,
    filesPerSec: (files.length * 1000) / ms,
    filesPerCpuSec: (files.length * 1000) / cpuMs,
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    rss,
    cells,
  };
}

function inChild(variant, listFile) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, "read.js"), ["--child", variant, listFile], { stdio: ["ignore", "pipe", "inherit", "ipc"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${variant} exited with ${code}`))));
  });
}

async function main() {
  if (process.argv[2] === "--child") {
    const files = JSON.parse(fs.readFileSync(process.argv[4], "utf8"));
    const r = await runVariant(process.argv[3], files);
    process.stdout.write(JSON.stringify(r));
    return;
  }
  if (!fs.existsSync(path.join(DIST, "fastReader.js"))) {
    console.error("dist-cli/host/xlsx/fastReader.js is missing: run `npm run build:cli` first.");
    process.exit(1);
  }
  const count = Number(process.argv[2] || 300);
  const { ensureWorkbooks } = require("./makeWorkbooks");
  const t = Date.now();
  const files = await ensureWorkbooks(count, OUT);
  const bytes = files.reduce((a, f) => a + fs.statSync(f).size, 0);
  console.log(`${files.length} workbooks (${(bytes / files.length / 1024).toFixed(1)} KB each on average) ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const listFile = path.join(OUT, "..", "read-files.json");
  fs.writeFileSync(listFile, JSON.stringify(files));

  const results = [];
  for (const v of ["exceljs-load", "exceljs-snapshot", "fast"]) results.push(await inChild(v, listFile));
  const base = results[0];
  console.log("");
  console.log("Wall time depends on what else runs on the machine; CPU time (user + system of the child) much less so.");
  console.log("variant           files/s wall  vs load  files/CPU-s  vs load  peak RSS MB  RSS at 25/50/100 % (MB)");
  for (const r of results) {
    console.log(
      `${r.variant.padEnd(17)} ${r.filesPerSec.toFixed(0).padStart(12)} ${`${(r.filesPerSec / base.filesPerSec).toFixed(1)}×`.padStart(8)} ${r.filesPerCpuSec.toFixed(0).padStart(12)} ${`${(r.filesPerCpuSec / base.filesPerCpuSec).toFixed(1)}×`.padStart(8)} ${String(r.maxRssMB).padStart(12)}  ${r.rss.join(" / ")}`,
    );
  }
  console.log(
    `(load average ${require("os")
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")} on ${require("os").cpus().length} CPUs)`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
