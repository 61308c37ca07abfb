#!/usr/bin/env node
/**
 * What the web page costs before a workbook is opened: the scripts index.html references (boot.js)
 * plus the modern entry boot.js loads and the chunks on the way to the first screen (the "pane" chunk
 * from boot.ts's import("./main") and the web shell from main.tsx's import("../web/WebApp")),
 * gzip-compressed, against the 200 KiB budget; the size of the ExcelJS chunk; whether ExcelJS is among
 * the first-screen scripts; and everything the classic pane (Trident / EdgeHTML) can load (boot.js,
 * office-fallback.js, the classic entry and all its chunks) against its 150 KiB budget.
 *
 * Prints, never fails on a size: the exclusion is asserted by a test elsewhere.
 *
 *   node bench/bundle.js            uses dist/ (builds it, with stats, when missing or older than the sources)
 *   node bench/bundle.js --build    rebuilds dist/ first
 *
 * The chunk graph comes from webpack's stats, kept in bench/out/webpack-stats.json next to the build
 * it describes; when dist/ was built without it (npm run build), dist/ is rebuilt once to get it.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(__dirname, "out");
const STATS = path.join(OUT, "webpack-stats.json");
const BUDGET_KIB = 200;
const CLASSIC_BUDGET_KIB = 150;

/** The dynamic imports that lead to the first screen of the web page: [importing module, request]. */
const FIRST_SCREEN_IMPORTS = [
  [/src[\\/]taskpane[\\/]boot\.tsx?$/, /^\.\/main(\.tsx?)?$/],
  [/src[\\/]taskpane[\\/]main\.tsx?$/, /(^|\/)web\/Web(?:App|Page)(\.tsx?)?$/],
];

const kib = (n) => (n / 1024).toFixed(1);
const gzipSize = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

/** Concatenated modules list their parts in `modules`. */
function hasExcelJS(modules) {
  return (modules || []).some((m) => /node_modules[\\/]exceljs[\\/]/.test(m.name || m.identifier || "") || hasExcelJS(m.modules));
}

function build() {
  const webpack = require("webpack");
  const config = require(path.join(ROOT, "webpack.config.js"))({}, { mode: "production" });
  process.stdout.write("building dist/ (webpack --mode production)…\n");
  const summarize = (stats) => {
    const json = stats.toJson({ all: false, chunks: true, chunkOrigins: true, chunkModules: true, entrypoints: true, ids: true });
    return {
      outputPath: json.outputPath,
      assets: Object.keys(stats.compilation.assets),
      entrypoints: Object.fromEntries(Object.entries(json.entrypoints).map(([k, e]) => [k, e.chunks])),
      chunks: json.chunks.map((c) => ({
        id: c.id,
        names: c.names,
        files: c.files,
        initial: c.initial,
        origins: (c.origins || []).map((o) => ({ moduleName: o.moduleName || o.module || "", request: o.request || "" })),
        hasExcelJS: hasExcelJS(c.modules),
      })),
    };
  };
  return new Promise((resolve, reject) => {
    webpack(config, (err, multi) => {
      if (err) return reject(err);
      if (multi.hasErrors()) return reject(new Error(multi.toString({ all: false, errors: true })));
      // webpack.config.js exports two compilations: "classic" and "modern".
      const byName = Object.fromEntries((multi.stats || [multi]).map((s) => [s.compilation.name || "modern", s]));
      const summary = { ...summarize(byName.modern), classic: byName.classic ? summarize(byName.classic) : null };
      summary.assets = [...summary.assets, ...(summary.classic ? summary.classic.assets : [])];
      fs.mkdirSync(OUT, { recursive: true });
      fs.writeFileSync(STATS, JSON.stringify(summary, null, 1));
      resolve(summary);
    });
  });
}

const INPUTS = ["src", "assets", "build", "webpack.config.js", "package-lock.json", "tsconfig.json"];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((n, e) => Math.max(n, newestMtime(path.join(p, e))), st.mtimeMs);
}

/** The stats describe dist/ when every emitted asset they name is there, and dist/ is newer than the sources. */
function readStats() {
  if (!fs.existsSync(path.join(DIST, "index.html")) || !fs.existsSync(STATS)) return null;
  const sources = Math.max(...INPUTS.map((i) => newestMtime(path.join(ROOT, i))));
  if (fs.statSync(STATS).mtimeMs < sources) return null;
  const stats = JSON.parse(fs.readFileSync(STATS, "utf8"));
  const fresh =
    stats.classic &&
    Array.isArray(stats.assets) &&
    stats.assets.length > 0 &&
    stats.assets.every((a) => typeof a === "string" && fs.existsSync(path.join(DIST, a)));
  return fresh ? stats : null;
}

function scriptsOf(html) {
  return [...html.matchAll(/<script\b[^>]*?\ssrc=["']?([^"'\s>]+)/gi)].map((m) => m[1]);
}

async function main() {
  const stats = (!process.argv.includes("--build") && readStats()) || (await build());
  const html = fs.readFileSync(path.join(DIST, "index.html"), "utf8");
  const htmlScripts = scriptsOf(html);
  const outside = htmlScripts.filter((s) => /^(https?:)?\/\//i.test(s));
  const local = htmlScripts.filter((s) => !/^(https?:)?\/\//i.test(s)).map((s) => s.replace(/^\.?\//, ""));

  const byId = new Map(stats.chunks.map((c) => [c.id, c]));
  const entryChunks = Object.values(stats.entrypoints)
    .flat()
    .map((id) => byId.get(id));
  const imported = stats.chunks.filter((c) => c.origins.some((o) => FIRST_SCREEN_IMPORTS.some(([mod, req]) => mod.test(o.moduleName) && req.test(o.request))));
  const firstChunks = [...new Set([...entryChunks, ...imported])];
  const files = [...new Set([...local, ...firstChunks.flatMap((c) => c.files.filter((f) => f.endsWith(".js")))])];

  const rows = files.map((f) => {
    const buf = fs.readFileSync(path.join(DIST, f));
    return { file: f, raw: buf.length, gzip: gzipSize(buf) };
  });
  const total = rows.reduce((n, r) => n + r.gzip, 0);

  const exceljsChunks = stats.chunks.filter((c) => c.hasExcelJS || c.names.includes("exceljs"));
  const exceljsFiles = exceljsChunks.flatMap((c) => c.files.filter((f) => f.endsWith(".js")));
  const exceljsRows = exceljsFiles.map((f) => {
    const buf = fs.readFileSync(path.join(DIST, f));
    return { file: f, raw: buf.length, gzip: gzipSize(buf) };
  });
  const leaked = firstChunks.filter((c) => c.hasExcelJS || c.names.includes("exceljs"));

  // The classic pane: taskpane.html's own scripts and every chunk of the classic compilation.
  const taskpaneLocal = scriptsOf(fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8"))
    .filter((s) => !/^(https?:)?\/\//i.test(s))
    .map((s) => s.replace(/^\.?\//, ""));
  const classicFiles = [
    ...new Set([...taskpaneLocal, ...(stats.classic ? stats.classic.chunks.flatMap((c) => c.files.filter((f) => f.endsWith(".js"))) : [])]),
  ];
  const classicRows = classicFiles.map((f) => {
    const buf = fs.readFileSync(path.join(DIST, f));
    return { file: f, raw: buf.length, gzip: gzipSize(buf) };
  });
  const classicTotal = classicRows.reduce((n, r) => n + r.gzip, 0);

  const out = [];
  out.push("First screen of the web page (index.html scripts + chunks boot loads before a file is opened):");
  for (const r of rows) out.push(`  ${r.file.padEnd(40)} ${kib(r.raw).padStart(8)} KiB raw  ${kib(r.gzip).padStart(7)} KiB gzip`);
  out.push(`  total gzip ${kib(total)} KiB of the ${BUDGET_KIB} KiB budget (${total <= BUDGET_KIB * 1024 ? "within" : "OVER"} budget)`);
  if (imported.length < FIRST_SCREEN_IMPORTS.length) {
    out.push(
      `  note: found ${imported.length} of the ${FIRST_SCREEN_IMPORTS.length} first-screen imports (boot → main, main → web/WebApp); the rest may not exist yet`,
    );
  }
  if (outside.length) out.push(`  index.html also references outside scripts: ${outside.join(", ")}`);
  out.push("ExcelJS chunk (loaded when a workbook is opened):");
  if (exceljsRows.length === 0) out.push("  none found (ExcelJS not in the build?)");
  for (const r of exceljsRows) out.push(`  ${r.file.padEnd(40)} ${kib(r.raw).padStart(8)} KiB raw  ${kib(r.gzip).padStart(7)} KiB gzip`);
  out.push(`ExcelJS among the first-screen scripts: ${leaked.length ? `YES (${leaked.flatMap((c) => c.files).join(", ")})` : "no"}`);
  out.push("Classic pane (Trident / EdgeHTML: boot, office fallback, the classic entry and every chunk it can load):");
  for (const r of classicRows) out.push(`  ${r.file.padEnd(40)} ${kib(r.raw).padStart(8)} KiB raw  ${kib(r.gzip).padStart(7)} KiB gzip`);
  out.push(
    `  total gzip ${kib(classicTotal)} KiB of the ${CLASSIC_BUDGET_KIB} KiB budget (${classicTotal <= CLASSIC_BUDGET_KIB * 1024 ? "within" : "OVER"} budget)`,
  );
  process.stdout.write(out.join("\n") + "\n");

  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(
    path.join(OUT, "bundle.json"),
    JSON.stringify(
      {
        budgetKiB: BUDGET_KIB,
        firstScreen: rows,
        firstScreenGzip: total,
        exceljs: exceljsRows,
        exceljsInFirstScreen: leaked.length > 0,
        classicBudgetKiB: CLASSIC_BUDGET_KIB,
        classic: classicRows,
        classicGzip: classicTotal,
      },
      null,
      2,
    ),
  );
}

main().catch((err) => {
  process.stderr.write(`bench/bundle.js: ${err && err.stack ? err.stack : err}\n`);
  process.exitCode = 1;
});
