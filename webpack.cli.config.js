// The CLI as node runs it: src/cli bundled into dist-cli/bundle/ (npm run build:cli, after tsc).
//   main.js         bin/xzzf.js's entry: the command table; each command is an async chunk
//   checkWorker.js  the reader thread of a batch check (src/cli/readerThreads.ts starts it from __dirname)
//   chunk-*.js      what a command loads when it runs (webpack's node target loads them with require)
//
// Why a bundle: node's CommonJS loader resolves every required file on its own (stat, realpath, the
// package.json scope walk), and a batch check loads some 110 of them on the main thread and 40 in
// each reader. On two cores that loading, and V8 optimising node's own path functions it made hot,
// took about a tenth of the CPU of checking 300 workbooks (bench/check.js; docs/performance.md,
// session 11). The bundle's modules are functions in one file, evaluated when first required.
//
// Not minified: stack traces in a bug report stay readable, and a minifier saves little parse time
// on code V8 compiles lazily. exceljs stays a runtime require from node_modules (only annotate,
// ratios, template and the docx writers load it, and it is large).
"use strict";
const path = require("path");
const { indexedForOf } = require("./build/indexedForOf");

const ROOT = __dirname;

module.exports = (env = {}) => ({
  mode: "production",
  target: "node20",
  context: ROOT,
  entry: {
    main: "./src/cli/main.ts",
    checkWorker: "./src/cli/checkWorker.ts",
  },
  output: {
    path: env.outDir ? path.resolve(env.outDir) : path.join(ROOT, "dist-cli", "bundle"),
    filename: "[name].js",
    chunkFilename: "chunk-[name].js",
    library: { type: "commonjs2" },
    clean: true,
  },
  // the real __dirname and __filename of the bundle file: the reader thread's script, package.json
  node: { __dirname: false, __filename: false },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: {
            // tsc -p tsconfig.cli.json type-checks the same files first; here the types only steer
            // indexedForOf (build/indexedForOf.js), and import() stays import() so that each command
            // becomes its own chunk
            transpileOnly: false,
            getCustomTransformers: (program) => ({ before: [indexedForOf(program.getTypeChecker())] }),
            configFile: path.join(ROOT, "tsconfig.cli.json"),
            compilerOptions: { module: "ES2020", moduleResolution: "node", noEmit: false, sourceMap: false },
          },
        },
      },
    ],
  },
  externals: { exceljs: "commonjs exceljs" },
  optimization: {
    minimize: false,
    // a chunk per command and nothing shared between them split out: each command is one require
    splitChunks: false,
    chunkIds: "named",
    moduleIds: "named",
  },
  devtool: false,
  performance: { hints: false },
  stats: "errors-warnings",
});
