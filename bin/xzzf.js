#!/usr/bin/env node
"use strict";
// The CLI is compiled and bundled by `npm run build:cli` (run by `prepare` on npm install / npm ci)
// into dist-cli/bundle/ (webpack.cli.config.js says why a bundle).
// Most of a one-file check's start-up is compiling the CLI's code: node 22.1+ can keep the compiled
// code between runs (in the OS temp folder, or NODE_COMPILE_CACHE). Node 20 has no such cache.
const nodeModule = require("module");
if (typeof nodeModule.enableCompileCache === "function") {
  try {
    nodeModule.enableCompileCache();
  } catch {
    // a cache that cannot be written only costs the time it would have saved
  }
}
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "dist-cli", "bundle", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("xzzf 尚未编译：请先运行 npm run build:cli\n");
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`xzzf 内部错误：${(err && err.stack) || err}\n`);
      process.exitCode = 2;
    },
  );
