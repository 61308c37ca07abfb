// The browsers each bundle must run in, as browserslist queries. One place, read by build/babel.js,
// webpack.config.js and the tests that parse the built scripts.
"use strict";

/**
 * The classic pane: Office 2016/2019 volume-licensed (Trident, IE11 engine, ES5 only) and retail
 * builds without WebView2 (EdgeHTML 18, Edge Legacy). Microsoft: "Browsers and webview controls used
 * by Office Add-ins".
 */
const CLASSIC = ["ie 11", "edge 18"];

/**
 * The modern pane and the web page: WebView2 (evergreen Chromium Edge), Office on Mac (WKWebView,
 * Safari of the macOS it runs on), and the browsers Excel on the web supports. Safari 15.4 is the
 * oldest whose runtime has what React 19 and Fluent UI v9 call without polyfills (Array.prototype.at,
 * structuredClone, Object.hasOwn); its syntax lacks class static blocks and regexp lookbehind, so the
 * build lowers the former and the tests reject the latter.
 */
const MODERN = ["chrome >= 100", "edge >= 100", "firefox >= 115", "safari >= 15.4", "ios_saf >= 15.4"];

module.exports = { CLASSIC, MODERN };
