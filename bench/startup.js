#!/usr/bin/env node
/**
 * How long `xzzf` takes to start, against bare node starting in the same run.
 *
 *   npm run build:cli && node bench/startup.js [--runs 10] [--bin path/to/xzzf.js]
 *
 * Times, as child processes one after the other (median of --runs each, interleaved so that a busy
 * moment of the machine spreads over all of them):
 *   node -e 0                                   bare node
 *   node bin/xzzf.js --help                     the command table only
 *   node bin/xzzf.js check seed.xlsx            a one-file check (reader, engine, rules, text report)
 * and prints each median and its difference from bare node. Target: --help and the one-file check
 * within 0.1 s of bare node. Prints, never asserts.
 */
"use strict";
const path = require("path");
const fs = require("fs");
const { spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const TARGET_S = 0.1;

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  return eq ? eq.slice(name.length + 1) : fallback;
}

const runs = Number(argValue("--runs", "10"));
const bin = path.resolve(argValue("--bin", path.join(ROOT, "bin", "xzzf.js")));
const seed = path.join(ROOT, "tests", "fixtures", "files", "seed.xlsx");
if (!fs.existsSync(path.join(path.dirname(bin), "..", "dist-cli", "bundle", "main.js"))) {
  process.stderr.write("bench/startup.js: the CLI is not compiled; run npm run build:cli first.\n");
  process.exit(2);
}

const cases = [
  { name: "node -e 0", args: ["-e", "0"], code: 0 },
  { name: "xzzf --help", args: [bin, "--help"], code: 0 },
  { name: "xzzf check seed.xlsx", args: [bin, "check", seed], code: 0 },
];

function once(c) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, c.args, { encoding: "utf8" });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== c.code) throw new Error(`${c.name}: exit ${r.status}\n${r.stderr}`);
  return s;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// one warm-up each (file cache), not counted
for (const c of cases) once(c);
const times = cases.map(() => []);
for (let k = 0; k < runs; k++) cases.forEach((c, i) => times[i].push(once(c)));
const base = median(times[0]);
process.stdout.write(`start-up, median of ${runs} (${path.relative(process.cwd(), bin) || bin}, node ${process.version})\n`);
cases.forEach((c, i) => {
  const m = median(times[i]);
  const diff = i === 0 ? "" : `  +${(m - base).toFixed(3)} s over bare node (target ≤ ${TARGET_S}: ${m - base <= TARGET_S ? "met" : "NOT met"})`;
  process.stdout.write(`  ${c.name.padEnd(22)} ${m.toFixed(3)} s${diff}\n`);
});
