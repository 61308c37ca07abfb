#!/usr/bin/env node
"use strict";
// The CLI is compiled by `npm run build:cli` (run by `prepare` on npm install / npm ci).
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "dist-cli", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("xzzf 尚未编译：请先运行 npm run build:cli\n");
  process.exit(2);
}
require(entry).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`xzzf 内部错误：${err && err.stack || err}\n`); process.exitCode = 2; }
);
