// Webpack 5 build of the task pane / web page: two compilations into one dist/.
//   npx webpack --mode production    -> dist/ (contenthash names, no source maps)
//   npx webpack --mode development   -> dist/ (readable, external source maps)
//   npm run build -- --env publicUrl=https://host/path/   manifest.xml for that server (build/deploy.js)
//   npm run build -- --env catalog=\\\\server\\share\\xzzf   also dist/register-catalog.reg
// Never an eval-based devtool: the page's Content-Security-Policy has no 'unsafe-eval'.
//
//   "classic"  src/classic/entry.ts -> classic.[hash].js + classic.<chunk>.[hash].js: the plain-DOM pane
//              for Trident (IE11) and EdgeHTML webviews. Everything, node_modules included, through
//              Babel with build/babel.js classicBabel() (ES5, core-js polyfills per use); webpack's own
//              runtime in ES5. No ExcelJS (not ES5, and larger than the whole classic budget).
//   "modern"   src/taskpane/boot.ts -> taskpane.[hash].js (+ async chunks), the React/Fluent UI pane and
//              the web page, for build/targets.js MODERN; both HTML pages; boot.js and
//              office-fallback.js (src/boot/, ES5, as written); dist/office-js/ (office.js fallback).
// The modern compilation runs after the classic one (`dependencies`), because the pages name the
// classic entry's files for boot.js.
"use strict";
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { CLASSIC, MODERN } = require("./build/targets");
const { classicBabel, modernBabel } = require("./build/babel");
const { BootFilesPlugin } = require("./build/bootFiles");
const { officeJsCopyPatterns } = require("./build/officeJs");
const { manifestForPublicUrl, normalizePublicUrl, registerCatalogReg } = require("./build/deploy");

const ROOT = __dirname;
/** Microsoft's CDN copy of office.js, loaded first by taskpane.html. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** This server's copy (build/officeJs.js), loaded by office-fallback.js when the CDN's did not load. */
const OFFICE_JS_LOCAL = "office-js/office.js";
/** The classic pane's entry. XZZF_CLASSIC_ENTRY overrides it (testing the build with another entry). */
const CLASSIC_ENTRY = process.env.XZZF_CLASSIC_ENTRY ? path.resolve(process.env.XZZF_CLASSIC_ENTRY) : "./src/classic/entry.ts";

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
/**
 * Microsoft's office.js files copied as they are into dist/office-js/ (the same files the CDN serves;
 * two Excel host files carry guarded eval paths of their own). Not ours to rewrite or judge.
 */
function isThirdPartyCopy(compilation, name) {
  const asset = compilation.getAsset(name);
  return Boolean(asset && asset.info && asset.info.officeJs);
}

class NoCodeGenerationPlugin {
  static REWRITES = [
    [/new Function\(""\+([A-Za-z_$][\w$]*)\)/g, () => 'function(){throw new EvalError("string callbacks are not supported")}'],
    // webpack's ES5 runtime (the classic pane) finds the global object with
    // `globalThis` / `this || new Function("return this")()` inside a try, then `window`: the last
    // resort never runs in a browser, and now throws into that catch instead of evaluating a string.
    [/new Function\((["'])return this\1\)\(\)/g, () => '(function(){throw new EvalError("code generation from strings is disabled (CSP)")})()'],
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
      compilation.hooks.processAssets.tap({ name: "NoCodeGenerationPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (!/\.m?js$/.test(name) || isThirdPartyCopy(compilation, name)) continue;
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
      });
      compilation.hooks.processAssets.tap({ name: "NoCodeGenerationPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (!/\.m?js$/.test(name) || isThirdPartyCopy(compilation, name)) continue;
          const text = compilation.getAsset(name).source.source().toString();
          if (/(?:^|[^\w$.])eval\s*\(|\bnew\s+Function\s*\(/.test(text)) {
            compilation.warnings.push(new WebpackError(`${name} contains eval( or new Function(, which the page's CSP blocks`));
          }
        }
      });
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
      compilation.hooks.processAssets.tap({ name: "PrebuiltExcelJsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE + 1 }, () => {
        if (!compiler.options.optimization.minimize) return;
        for (const chunk of compilation.chunks) {
          if (chunk.name !== "exceljs") continue;
          for (const file of chunk.files) compilation.updateAsset(file, (source) => source, { minimized: true });
        }
      });
    });
  }
}

/** Records the classic entry's files once the classic compilation is done, for the modern pages. */
class ClassicFilesPlugin {
  constructor() {
    this.files = [];
  }
  apply(compiler) {
    compiler.hooks.done.tap("ClassicFilesPlugin", (stats) => {
      const entry = stats.compilation.entrypoints.get("classic");
      this.files = entry ? entry.getFiles().filter((f) => /\.js$/.test(f)) : [];
    });
  }
}

/** Emits a file made at config time (dist/register-catalog.reg). */
class EmitFilePlugin {
  constructor(name, bytes) {
    this.name = name;
    this.bytes = bytes;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("EmitFilePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "EmitFilePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset(this.name, new sources.RawSource(this.bytes));
      });
    });
  }
}

/** Our code, and node_modules outside these, go through Babel for the classic pane. */
const CLASSIC_BABEL_EXCLUDE = [
  /[\\/]node_modules[\\/]core-js[\\/]/, // the polyfills themselves (ES5 already; Babel would polyfill them with themselves)
  /[\\/]node_modules[\\/]@babel[\\/]runtime/, // Babel's helpers (a rule of their own below)
  /[\\/]node_modules[\\/]webpack[\\/]/, // webpack's own runtime pieces (target es5 already)
];

/**
 * node_modules that ship (or may ship, with the next minor version) syntax newer than MODERN: tabster
 * has class static blocks (Safari < 16.4 cannot parse them), and the rest of Fluent UI's stack moves
 * with it. Lowered by Babel with modernBabel(). Not ExcelJS (a prebuilt bundle, loaded on demand)
 * nor core-js. tests/build.test.ts checks the result whatever this list says.
 */
const MODERN_BABEL_INCLUDE =
  /[\\/]node_modules[\\/](?:@fluentui[\\/](?!react-icons[\\/])[^\\/]+|@griffel[\\/][^\\/]+|tabster|keyborg|@floating-ui[\\/][^\\/]+|react|react-dom|scheduler|use-sync-external-store|@swc[\\/]helpers)[\\/]/;

module.exports = (env = {}, argv = {}) => {
  // --mode wins; `--env development` / NODE_ENV are fallbacks; production by default.
  const fromNodeEnv = ["production", "development"].includes(process.env.NODE_ENV) ? process.env.NODE_ENV : undefined;
  const mode = argv.mode || (env.development ? "development" : undefined) || fromNodeEnv || "production";
  const prod = mode === "production";
  const contentHash = prod ? ".[contenthash:8]" : "";
  const publicUrl = normalizePublicUrl(env.publicUrl);
  const catalog = env.catalog ? registerCatalogReg(env.catalog) : null;
  const outputPath = path.join(ROOT, "dist");
  const babelCache = { cacheDirectory: true, cacheCompression: false };

  const resolve = {
    extensions: [".ts", ".tsx", ".js"],
    // Target "web" already prefers package.json "browser" (exceljs -> dist/exceljs.min.js); say so explicitly.
    mainFields: ["browser", "module", "main"],
    aliasFields: ["browser"],
  };
  const define = new webpack.DefinePlugin({ "process.env.NODE_ENV": JSON.stringify(mode) });

  // ───────────── classic pane (ES5) ─────────────
  const classicFiles = new ClassicFilesPlugin();
  const classic = {
    name: "classic",
    mode,
    context: ROOT,
    target: ["web", "es5"],
    entry: { classic: CLASSIC_ENTRY },
    output: {
      path: outputPath,
      filename: `classic${contentHash}.js`,
      chunkFilename: `classic.[name]${contentHash}.js`,
      // Relative to the page: IE11 has no document.currentScript for webpack's "auto", and the last
      // <script> in the page may be office.js's own (from the CDN).
      publicPath: "",
      uniqueName: "xzzfClassic",
      // Both compilations write dist/: each cleans only its own files.
      clean: { keep: (asset) => !/^classic\./.test(asset) },
    },
    devtool: prod ? false : "source-map",
    resolve: {
      ...resolve,
      // Babel's core-js imports resolve from here whatever directory the importing file is in.
      modules: ["node_modules", path.join(ROOT, "node_modules")],
      alias: { exceljs$: path.join(ROOT, "build/classic-stubs/exceljs.js") },
    },
    module: {
      rules: [
        {
          test: /\.[cm]?[jt]sx?$/,
          exclude: CLASSIC_BABEL_EXCLUDE,
          use: { loader: "babel-loader", options: { ...classicBabel({ sharedHelpers: true }), ...babelCache } },
        },
        {
          // The helpers classicBabel({ sharedHelpers }) imports: ES5 already, but polyfilled per use like our code.
          test: /[\\/]node_modules[\\/]@babel[\\/]runtime[\\/]/,
          use: { loader: "babel-loader", options: { ...classicBabel({ typescript: false }), ...babelCache } },
        },
        { test: /\.(png|svg|jpe?g|gif|xlsx)$/i, type: "asset/resource" },
      ],
    },
    plugins: [
      define,
      // The ExcelJS paths of shared code, replaced by modules that say what the classic pane cannot do.
      new webpack.NormalModuleReplacementPlugin(/[\\/]host[\\/]xlsx[\\/]exceljsSnapshot(?:\.ts)?$/, path.join(ROOT, "build/classic-stubs/exceljsSnapshot.js")),
      new webpack.NormalModuleReplacementPlugin(/[\\/]host[\\/]office[\\/]submissionXlsx(?:\.ts)?$/, path.join(ROOT, "build/classic-stubs/submissionXlsx.js")),
      new NoCodeGenerationPlugin(),
      classicFiles,
    ],
    optimization: {
      nodeEnv: false,
      // Async chunks only; the entry stays one file, the one boot.js loads.
      splitChunks: { chunks: "async" },
    },
    performance: { hints: false },
    stats: prod ? "normal" : "minimal",
  };

  // ───────────── modern pane + web page ─────────────
  const boot = new BootFilesPlugin({ hash: prod });
  const html = (filename, loadOfficeJs) =>
    new HtmlWebpackPlugin({
      filename,
      template: path.join(ROOT, "src/taskpane/index.html"),
      chunks: ["taskpane"],
      inject: false, // the template writes the script tags (office.js, fallback, boot with the entries' names)
      loadOfficeJs,
      officeJsCdn: OFFICE_JS_CDN,
      officeJsLocal: OFFICE_JS_LOCAL,
      bootFiles: boot.names,
      classicFiles: () => classicFiles.files,
      minify: prod ? { collapseWhitespace: true, removeComments: true, keepClosingSlash: true } : false,
    });

  const modern = {
    name: "modern",
    dependencies: ["classic"],
    mode,
    context: ROOT,
    target: ["web", `browserslist:${MODERN.join(", ")}`],
    entry: { taskpane: "./src/taskpane/boot.ts" },
    output: {
      path: outputPath,
      filename: `[name]${contentHash}.js`,
      chunkFilename: `[name]${contentHash}.js`,
      assetModuleFilename: `assets/[name]${contentHash}[ext]`,
      publicPath: "auto",
      uniqueName: "xzzfModern",
      clean: { keep: (asset) => /^classic\./.test(asset) },
    },
    devtool: prod ? false : "source-map",
    resolve,
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            { loader: "babel-loader", options: { ...modernBabel(), ...babelCache } },
            {
              loader: "ts-loader",
              options: {
                transpileOnly: true,
                configFile: path.join(ROOT, "tsconfig.json"),
                compilerOptions: { module: "ESNext", noEmit: false, sourceMap: !prod },
              },
            },
          ],
        },
        {
          test: /\.[cm]?js$/,
          include: MODERN_BABEL_INCLUDE,
          use: { loader: "babel-loader", options: { ...modernBabel(), ...babelCache } },
        },
        // Images and bundled sample workbooks are emitted as files and imported as URLs.
        { test: /\.(png|svg|jpe?g|gif|xlsx)$/i, type: "asset/resource" },
      ],
    },
    plugins: [
      define,
      html("taskpane.html", true), // opened by Excel (manifest.xml)
      html("index.html", false), // the plain web page
      boot,
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", globOptions: { ignore: ["**/*.js"] } },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => manifestForPublicUrl(content.toString("utf8"), publicUrl) },
          ...officeJsCopyPatterns("office-js").map((p) => ({ ...p, info: { ...p.info, officeJs: true } })),
        ],
      }),
      ...(catalog ? [new EmitFilePlugin("register-catalog.reg", catalog.bytes)] : []),
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
      assetFilter: (name) => /\.js$/.test(name) && !/^exceljs[.]/.test(name) && !/^office-js\//.test(name),
    },
    stats: prod ? "normal" : "minimal",
  };

  return [classic, modern];
};

module.exports.CLASSIC_ENTRY = CLASSIC_ENTRY;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.OFFICE_JS_LOCAL = OFFICE_JS_LOCAL;
module.exports.CLASSIC_TARGETS = CLASSIC;
