#!/usr/bin/env node
// Bundles tests/es5/harness.ts for ES5 as the classic pane is compiled (build/babel.js classicBabel:
// Babel to IE11/Edge 18 with core-js per use), into one script:  node tests/es5/build.js <outDir>
// Prints the script's path. Run by tests/es5/duktape.test.ts in a child process (babel-loader loads
// parts of itself with import(), which jest's module sandbox refuses).
"use strict";
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const { classicBabel } = require("../../build/babel");

const ROOT = path.resolve(__dirname, "../..");
const outDir = path.resolve(process.argv[2] || path.join(ROOT, "dist-es5"));

const compiler = webpack({
  mode: "development",
  devtool: false, // never eval: the page's CSP forbids it, and duktape should see plain code
  context: ROOT,
  target: ["web", "es5"],
  entry: path.join(__dirname, "harness.ts"),
  output: { path: outDir, filename: "harness.js", asyncChunks: false, iife: true, clean: true, pathinfo: false },
  resolve: {
    extensions: [".ts", ".tsx", ".js"],
    mainFields: ["browser", "module", "main"],
    aliasFields: ["browser"],
    // The only way to ExcelJS is the submission copy at ExcelApi 1.8+ (import() in officeHost), which the
    // harness never makes; its prebuilt browser bundle is the classic build's to check, not this run's.
    alias: { exceljs$: false },
  },
  module: {
    rules: [
      {
        test: /\.[cm]?[jt]sx?$/,
        // core-js and Babel's runtime are what the polyfills are made of; webpack's own runtime modules are ES5.
        exclude: /[\\/]node_modules[\\/](?:core-js|@babel[\\/]runtime|webpack)[\\/]/,
        use: { loader: require.resolve("babel-loader"), options: { ...classicBabel(), cacheDirectory: false } },
      },
    ],
  },
  optimization: { splitChunks: false, runtimeChunk: false, minimize: false },
  plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
  performance: { hints: false },
  infrastructureLogging: { level: "error" },
});

compiler.run((err, stats) => {
  compiler.close(() => undefined);
  if (err) {
    console.error(err.stack || String(err));
    process.exit(1);
  }
  if (stats.hasErrors()) {
    console.error(stats.toString({ all: false, errors: true }));
    process.exit(1);
  }
  const files = fs.readdirSync(outDir).filter((f) => f.endsWith(".js"));
  if (files.length !== 1) {
    console.error(`expected one script, got ${files.join(", ")}`);
    process.exit(1);
  }
  process.stdout.write(path.join(outDir, files[0]) + "\n");
});
