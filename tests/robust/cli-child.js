/**
 * The corpus guard's child process: runs `xzzf check --format json` the way bin/xzzf.js does, on
 * the sources in the tree (transpiled on load, see ts-register.js).
 *
 * usage: node cli-child.js <report.json> <file>...
 *
 * First each file alone (its exit code and wall time, so a slow file is named), then all files in
 * one run whose JSON goes to stdout, as a user would run it. The report file gets the per-file
 * results and the process's peak resident memory (getrusage maxrss).
 */
"use strict";
require("./ts-register.js");
const { writeFileSync } = require("fs");
const { main } = require("../../src/cli/main.ts");

function sink() {
  let text = "";
  return { write: (chunk) => ((text += chunk), true), text: () => text };
}

async function run() {
  const [report, ...files] = process.argv.slice(2);
  const perFile = [];
  for (const file of files) {
    const out = sink();
    const err = sink();
    const start = process.hrtime.bigint();
    const code = await main(["check", "--format", "json", file], { stdout: out, stderr: err, now: () => new Date() });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    perFile.push({ file, code, ms, stdout: out.text(), stderr: err.text() });
  }
  const code = await main(["check", "--format", "json", ...files], { stdout: process.stdout, stderr: process.stderr, now: () => new Date() });
  writeFileSync(report, JSON.stringify({ perFile, code, maxRssKiB: process.resourceUsage().maxRSS }));
  process.exitCode = code;
}

run().catch((e) => {
  process.stderr.write(`cli-child: ${(e && e.stack) || e}\n`);
  process.exitCode = 3;
});
