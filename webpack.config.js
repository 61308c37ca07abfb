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
 * ExcelJS ships its browser build already minified (package.json "browser": dist/exceljs.min.js).
 *  - Its setImmediate polyfill turns a *string* callback into `new Function(string)`. Nothing here
 *    passes strings and the CSP would block it anyway; the dead branch is made to throw instead, so
 *    the shipped code has no string-to-code path at all.
 *  - Re-minifying its ~1 MB saves under 1 % and is most of the production build's CPU time, so the
 *    "exceljs" chunk is marked as minimized and the minimizer leaves it alone.
 */
class PrebuiltExcelJsPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("PrebuiltExcelJsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        // Before minification (OPTIMIZE_SIZE) and before [contenthash] is computed.
        { name: "PrebuiltExcelJsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        (assets) => {
          const prebuilt = new Set();
          for (const chunk of compilation.chunks) if (chunk.name === "exceljs") for (const f of chunk.files) prebuilt.add(f);
          const pattern = /new Function\(""\+([A-Za-z_$][\w$]*)\)/g;
          for (const name of Object.keys(assets)) {
            if (!/\.m?js$/.test(name)) continue;
            const original = compilation.getAsset(name).source;
            const text = original.source().toString();
            let source = original;
            if (pattern.test(text)) {
              pattern.lastIndex = 0;
              const replaced = new sources.ReplaceSource(original);
              for (const m of text.matchAll(pattern)) {
                replaced.replace(m.index, m.index + m[0].length - 1, 'function(){throw new Error("string callbacks are not supported")}');
              }
              source = replaced;
            }
            if (source !== original || prebuilt.has(name)) {
              compilation.updateAsset(name, source, prebuilt.has(name) && compiler.options.optimization.minimize ? { minimized: true } : {});
            }
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
