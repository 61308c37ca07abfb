// Builds office.ts (the fake office.js) to one ES5 script: `node webpack.js <options.json> <out.js>`.
// Run by build.ts in a child process (babel-loader cannot load inside Jest's module sandbox).
// options.json: { seed, level, fills } — see build.ts.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const webpack = require("webpack");
const { isolatedEs5Babel } = require("../../../build/babel");

const ROOT = path.resolve(__dirname, "..", "..", "..");
const [optionsFile, outFile] = process.argv.slice(2);
const opts = JSON.parse(fs.readFileSync(optionsFile, "utf8"));
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "xzzf-fake-office-"));

const compiler = webpack({
  mode: "none",
  context: ROOT,
  target: ["web", "es5"],
  devtool: false,
  entry: path.join(__dirname, "office.ts"),
  output: { path: outDir, filename: "office.js", iife: true },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      { test: /\.ts$/, exclude: /node_modules/, use: { loader: require.resolve("babel-loader"), options: { ...isolatedEs5Babel(), cacheDirectory: false } } },
    ],
  },
  plugins: [
    new webpack.DefinePlugin({
      __XZZF_FAKE_SEED__: JSON.stringify(opts.seed),
      __XZZF_FAKE_LEVEL__: JSON.stringify(opts.level),
      __XZZF_FAKE_FILLS__: JSON.stringify(opts.fills),
      "process.env.NODE_ENV": JSON.stringify("production"),
    }),
  ],
  optimization: { minimize: false, concatenateModules: true },
  performance: { hints: false },
});

compiler.run((err, stats) => {
  compiler.close(() => undefined);
  if (err || !stats || stats.hasErrors()) {
    process.stderr.write(String(err ?? (stats ? stats.toString({ all: false, errors: true }) : "no stats")));
    process.exit(1);
  }
  fs.copyFileSync(path.join(outDir, "office.js"), outFile);
  fs.rmSync(outDir, { recursive: true, force: true });
});
