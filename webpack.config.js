// Webpack 5 build of the task pane / web page.
//   npx webpack --mode production    -> dist/ (contenthash names, no source maps)
//   npx webpack --mode development   -> dist/ (readable, external source maps)
// Never an eval-based devtool: the page's Content-Security-Policy has no 'unsafe-eval'.
"use strict";
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const ROOT = __dirname;

/**
 * The page's CSP has no 'unsafe-eval', so no shipped code may turn strings into code. Two libraries
 * carry such paths, both already guarded, and are rewritten (before minification, so the content
 * hashes see the result) to throw instead:
 *  - ExcelJS's setImmediate polyfill: `new Function("" + callback)` for *string* callbacks, which
 *    nothing here passes;
 *  - zod v4 (`const F = Function; new F(...)`): its "can I eval?" probe and its JIT compiler. With
 *    the probe throwing, zod takes its interpreted path from the start, and the browser does not
 *    log a CSP violation for the probe.
 * Anything left afterwards is reported as a build warning (tests/build.test.ts fails on it).
 */
class NoCodeGenerationPlugin {
  static REWRITES = [
    [/new Function\(""\+([A-Za-z_$][\w$]*)\)/g, () => 'function(){throw new EvalError("string callbacks are not supported")}'],
    [
      /\b(const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*Function\s*;/g,
      (_m, kind, id) => `${kind} ${id} = function () { throw new EvalError("code generation from strings is disabled (CSP)"); };`,
      // Only an alias that is then constructed from (not one used for `instanceof` and the like).
      (text, m) => text.slice(m.index, m.index + 600).includes(`new ${m[2]}(`),
    ],
  ];

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("NoCodeGenerationPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "NoCodeGenerationPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!/\.m?js$/.test(name)) continue;
            const original = compilation.getAsset(name).source;
            const text = original.source().toString();
            let replaced = null;
            for (const [pattern, replacement, onlyIf] of NoCodeGenerationPlugin.REWRITES) {
              for (const m of text.matchAll(pattern)) {
                if (onlyIf && !onlyIf(text, m)) continue;
                replaced ??= new sources.ReplaceSource(original);
                replaced.replace(m.index, m.index + m[0].length - 1, replacement(...m));
              }
            }
            if (replaced) compilation.updateAsset(name, replaced);
          }
        },
      );
      compilation.hooks.processAssets.tap(
        { name: "NoCodeGenerationPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!/\.m?js$/.test(name)) continue;
            const text = compilation.getAsset(name).source.source().toString();
            if (/(?:^|[^\w$.])eval\s*\(|\bnew\s+Function\s*\(/.test(text)) {
              compilation.warnings.push(new WebpackError(`${name} contains eval( or new Function(, which the page's CSP blocks`));
            }
          }
        },
      );
    });
  }
}

/**
 * ExcelJS ships its browser build already minified (package.json "browser": dist/exceljs.min.js).
 * Re-minifying its ~1 MB saves under 1 % and is most of the production build's CPU time, so the
 * "exceljs" chunk is marked as minimized and the minimizer leaves it alone.
 */
class PrebuiltExcelJsPlugin {
  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("PrebuiltExcelJsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "PrebuiltExcelJsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE + 1 },
        () => {
          if (!compiler.options.optimization.minimize) return;
          for (const chunk of compilation.chunks) {
            if (chunk.name !== "exceljs") continue;
            for (const file of chunk.files) compilation.updateAsset(file, (source) => source, { minimized: true });
          }
        },
      );
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  // --mode wins; `--env development` / NODE_ENV are fallbacks; production by default.
  const fromNodeEnv = ["production", "development"].includes(process.env.NODE_ENV) ? process.env.NODE_ENV : undefined;
  const mode = argv.mode || (env.development ? "development" : undefined) || fromNodeEnv || "production";
  const prod = mode === "production";
  const contentHash = prod ? ".[contenthash:8]" : "";

  const html = (filename, loadOfficeJs) =>
    new HtmlWebpackPlugin({
      filename,
      template: path.join(ROOT, "src/taskpane/index.html"),
      chunks: ["taskpane"],
      scriptLoading: "defer",
      inject: "head",
      loadOfficeJs,
      minify: prod ? { collapseWhitespace: true, removeComments: true, keepClosingSlash: true } : false,
    });

  return {
    mode,
    context: ROOT,
    target: ["web", "es2020"],
    entry: { taskpane: "./src/taskpane/boot.ts" },
    output: {
      path: path.join(ROOT, "dist"),
      filename: `[name]${contentHash}.js`,
      chunkFilename: `[name]${contentHash}.js`,
      assetModuleFilename: `assets/[name]${contentHash}[ext]`,
      publicPath: "auto",
      clean: true,
    },
    devtool: prod ? false : "source-map",
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // Target "web" already prefers package.json "browser" (exceljs -> dist/exceljs.min.js); say so explicitly.
      mainFields: ["browser", "module", "main"],
      aliasFields: ["browser"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.join(ROOT, "tsconfig.json"),
              compilerOptions: { module: "ESNext", noEmit: false, sourceMap: !prod },
            },
          },
        },
        // Images and bundled sample workbooks are emitted as files and imported as URLs.
        { test: /\.(png|svg|jpe?g|gif|xlsx)$/i, type: "asset/resource" },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({ "process.env.NODE_ENV": JSON.stringify(mode) }),
      html("taskpane.html", true), // opened by Excel (manifest.xml)
      html("index.html", false), // the plain web page
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", globOptions: { ignore: ["**/*.js"] } },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
      new NoCodeGenerationPlugin(),
      new PrebuiltExcelJsPlugin(),
    ],
    optimization: {
      nodeEnv: false, // defined above
      splitChunks: {
        cacheGroups: {
          // ExcelJS (~1 MB) only ever loads on demand via import("exceljs"), in its own chunk.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "exceljs",
            chunks: "all",
            enforce: true,
            priority: 40,
          },
        },
      },
    },
    performance: {
      hints: prod ? "warning" : false,
      maxEntrypointSize: 50 * 1024,
      maxAssetSize: 1024 * 1024,
      assetFilter: (name) => /\.js$/.test(name) && !/^exceljs[.]/.test(name),
    },
    stats: prod ? "normal" : "minimal",
  };
};
