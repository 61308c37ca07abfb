// Babel options for the two panes. Our TypeScript goes through Babel only where it must be lowered
// below what ts-loader emits (the classic pane); node_modules go through it where a dependency ships
// syntax newer than the targets allow.
"use strict";
const { CLASSIC, MODERN } = require("./targets");

/**
 * core-js modules "usage" adds by name alone, for methods the classic pane never calls (checked by
 * grep over src/ when this list was made; tsconfig's lib is ES2022, so the ES2023+ ones cannot be
 * called from our typed code without a type error): `font.bold = true` is Office.js, not
 * String.prototype.bold; `new Set`/`new Map` would bring the 2025 set methods and getOrInsert;
 * `new Uint8Array` every ES2023+ typed-array method; any `.map(`/`.filter(` the iterator helpers.
 * IE11's own btoa is enough for the Latin-1 strings we give it (web.btoa drags in DOMException).
 * Together about a tenth of the classic bundle.
 */
const CLASSIC_UNUSED_POLYFILLS = [
  "es.string.bold",
  "es.string.small",
  /^es\.set\.(?:union|intersection|difference|symmetric-difference|is-subset-of|is-superset-of|is-disjoint-from)\.v2$/,
  /^es\.(?:weak-)?map\.get-or-insert(?:-computed)?$/,
  /^es\.uint8-array\./,
  /^es\.typed-array\.(?:at|find-last|find-last-index|to-reversed|to-sorted|with)$/,
  /^es\.array-buffer\.(?:detached|transfer|transfer-to-fixed-length)$/,
  /^es\.iterator\./,
  "es.error.cause",
  "web.btoa",
  // fflate names URL only on its Worker path (async inflate), which we never take; IE11's
  // URL.createObjectURL is all any of our code could want of it.
  /^web\.url(?:-search-params)?(?:\.|$)/,
  // JSON.parse's reviver "context" (source text access): no reviver anywhere here; IE11's own parse is fine.
  "es.json.parse",
  /^web\.dom-exception\./,
];

/**
 * Classic pane (ES5). Polyfills are core-js entries added per use ("usage"), so the bundle carries
 * exactly what our code and its dependencies call; async functions become generator state machines
 * with Babel's regenerator helper, inlined or (sharedHelpers) imported once; never a global regeneratorRuntime.
 */
/**
 * A polyfill excluded by its `es.` name is still injected under its `esnext.` alias (core-js keeps
 * one for each proposal that became stable, and the usage plugin adds that too), so each exclusion
 * names both.
 */
function withEsnextAlias(entry) {
  if (typeof entry === "string") {
    return entry.startsWith("es.") ? new RegExp(`^(?:es|esnext)\\.${entry.slice(3).replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")}$`) : entry;
  }
  return entry.source.startsWith("^es\\.") ? new RegExp(`^(?:es|esnext)\\.${entry.source.slice(5)}`, entry.flags) : entry;
}

/**
 * `sharedHelpers`: Babel's helpers (iteration, spread, classes, the async state machine) imported once
 * from @babel/runtime instead of inlined into every file that needs them. The classic bundle has a
 * few hundred files, and copies a few hundred KB apart are outside gzip's 32 KiB window, so the
 * inlined copies cost several KiB gzip (see bench/bundle.js). The helper modules themselves go through
 * classicBabel({ typescript: false }) without this plugin, so their own Symbol / Promise / Array.from
 * uses get the same core-js polyfills as ours (and the runtime never imports itself).
 */
function classicBabel({ typescript = true, sharedHelpers = false } = {}) {
  return {
    babelrc: false,
    configFile: false,
    sourceType: "unambiguous",
    presets: [
      [
        require.resolve("@babel/preset-env"),
        {
          targets: CLASSIC,
          useBuiltIns: "usage",
          corejs: { version: require("core-js/package.json").version, proposals: false },
          bugfixes: true,
          modules: false,
          exclude: [
            // Our code never relies on the spec's exact `typeof` of a symbol polyfill.
            "transform-typeof-symbol",
            ...CLASSIC_UNUSED_POLYFILLS.map(withEsnextAlias),
          ],
        },
      ],
      ...(typescript ? [[require.resolve("@babel/preset-typescript"), { onlyRemoveTypeImports: false, allowDeclareFields: true }]] : []),
    ],
    plugins: sharedHelpers
      ? [
          [
            require.resolve("@babel/plugin-transform-runtime"),
            { corejs: false, helpers: true, regenerator: true, version: require("@babel/runtime/package.json").version },
          ],
        ]
      : [],
  };
}

/**
 * Test doubles that must run beside the classic pane without lending it globals (the fake Office
 * host in the browser test): the same lowering, with core-js imported privately through
 * @babel/runtime-corejs3 instead of installed on the global object.
 */
function isolatedEs5Babel() {
  return {
    babelrc: false,
    configFile: false,
    sourceType: "unambiguous",
    presets: [
      [require.resolve("@babel/preset-env"), { targets: CLASSIC, modules: false, bugfixes: true }],
      [require.resolve("@babel/preset-typescript"), { allowDeclareFields: true }],
    ],
    plugins: [[require.resolve("@babel/plugin-transform-runtime"), { corejs: { version: 3, proposals: false } }]],
  };
}

/** Modern pane: syntax lowered to MODERN (no polyfills: those targets have what the code calls). */
function modernBabel() {
  return {
    babelrc: false,
    configFile: false,
    sourceType: "unambiguous",
    presets: [[require.resolve("@babel/preset-env"), { targets: MODERN, modules: false, bugfixes: true }]],
  };
}

module.exports = { classicBabel, isolatedEs5Babel, modernBabel, CLASSIC_UNUSED_POLYFILLS };
