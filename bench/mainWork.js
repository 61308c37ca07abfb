#!/usr/bin/env node
/**
 * The main thread's share of `xzzf check` over a batch, counted in machine instructions. Wall and CPU
 * time on this shared two-core machine move by up to 30% between runs of one build; these counts by
 * about 1% (V8 still sizes its heap by measured time), so a change of 3% or more shows in one run.
 *
 *   npm run build:cli && node bench/check.js --n 300 && node bench/mainWork.js [--n 300]
 *
 * Needs valgrind (apt-get install valgrind); takes about two minutes. Runs, under
 * `valgrind --tool=callgrind`, two child processes over the workbooks bench/check.js made, each file
 * read just before it is used, as a reader thread hands it over:
 *   read    read every file (the baseline, measured in the same run)
 *   check   read every file, then recognise, run the rules and print it as JSON (checkRead)
 * and prints instructions per file of each and of their difference: what the main thread does per
 * file. Node runs with --single-threaded, so V8's optimising compiles happen on the measured thread
 * and at the same points every run (on a real batch they run beside it and cost CPU all the same).
 * Use it to compare two builds of one change; the number means nothing against other machines.
 * Prints, never asserts.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawn, spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist-cli");

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  return eq ? eq.slice(name.length + 1) : fallback;
}

/** The measured child: reads (and checks) the files, one after the other. */
function child(mode, listFile) {
  const files = JSON.parse(fs.readFileSync(listFile, "utf8"));
  const { readForCheck } = require(path.join(DIST, "cli/readFile.js"));
  const { translator } = require(path.join(DIST, "cli/io.js"));
  const { checkRead } = require(path.join(DIST, "cli/checkOne.js"));
  const { tuneV8ForBatch } = require(path.join(DIST, "cli/v8Tuning.js"));
  const t = translator("zh");
  const opts = { settings: {}, t, lang: "zh" };
  let chars = 0;
  files.forEach((file, i) => {
    const read = readForCheck(file, { t, lang: "zh" });
    // as on a batch: V8 tuned once the first file is read
    if (i === 0) tuneV8ForBatch();
    if (mode === "check") chars += checkRead(file, read, opts, "json").out.length;
  });
  process.stdout.write(`${mode} ${files.length} files, ${chars} characters of JSON\n`);
}

function instructions(mode, listFile) {
  return new Promise((resolve, reject) => {
    const args = [
      "--tool=callgrind",
      "--callgrind-out-file=/dev/null",
      "--smc-check=all",
      process.execPath,
      "--single-threaded",
      "--hash-seed=1",
      "--random-seed=1",
      path.join(__dirname, "mainWork.js"),
      "--child",
      mode,
      listFile,
    ];
    const p = spawn("valgrind", args, { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    p.stderr.on("data", (d) => (err += d));
    p.on("error", reject);
    p.on("close", (code) => {
      const m = /Collected : (\d+)/.exec(err);
      if (code !== 0 || !m) reject(new Error(`valgrind ${mode} failed (${code}):\n${err.slice(-2000)}`));
      else resolve(Number(m[1]));
    });
  });
}

async function parent() {
  const n = Number(argValue("--n", "300"));
  const listFile = path.join(__dirname, "out", "check", `files-${n}.json`);
  if (!fs.existsSync(path.join(DIST, "cli/checkOne.js"))) {
    process.stderr.write("bench/mainWork.js: dist-cli is missing; run npm run build:cli first.\n");
    process.exit(2);
  }
  if (!fs.existsSync(listFile)) {
    process.stderr.write(`bench/mainWork.js: ${path.relative(ROOT, listFile)} is missing; run node bench/check.js --n ${n} first.\n`);
    process.exit(2);
  }
  if (spawnSync("valgrind", ["--version"]).status !== 0) {
    process.stderr.write("bench/mainWork.js: valgrind is not installed (apt-get install valgrind).\n");
    process.exit(2);
  }
  // the two children at once: each is one thread under valgrind, and the counts do not depend on the other
  const [read, check] = await Promise.all([instructions("read", listFile), instructions("check", listFile)]);
  const per = (x) => `${(x / n / 1e6).toFixed(2)} M/file`;
  process.stdout.write(
    [
      `${n} workbooks (bench/out/check), instructions under valgrind, node --single-threaded:`,
      `  read only              ${(read / 1e9).toFixed(3)} G  ${per(read)}  (baseline: start-up and reading)`,
      `  read + check           ${(check / 1e9).toFixed(3)} G  ${per(check)}`,
      `  main thread's share    ${((check - read) / 1e9).toFixed(3)} G  ${per(check - read)}  (recognition, rules, JSON)`,
    ].join("\n") + "\n",
  );
}

if (process.argv[2] === "--child") child(process.argv[3], process.argv[4]);
else
  parent().catch((e) => {
    process.stderr.write(`bench/mainWork.js: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 1;
  });
