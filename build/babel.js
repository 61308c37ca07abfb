// Babel options for the two panes. Our TypeScript goes through Babel only where it must be lowered
// below what ts-loader emits (the classic pane); node_modules go through it where a dependency ships
// syntax newer than the targets allow.
"use strict";
const { CLASSIC, MODERN } = require("./targets");

/**
 * Classic pane (ES5). Polyfills are core-js entries added per use ("usage"), so the bundle carries
 * exactly what our code and its dependencies call; async functions become generator state machines
 * with Babel's inlined regenerator helper (no global regeneratorRuntime).
 */
function classicBabel({ typescript = true } = {}) {
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
          ],
        },
      ],
      ...(typescript ? [[require.resolve("@babel/preset-typescript"), { onlyRemoveTypeImports: false, allowDeclareFields: true }]] : []),
    ],
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

module.exports = { classicBabel, isolatedEs5Babel, modernBabel };
