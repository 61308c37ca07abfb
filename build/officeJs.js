// The part of @microsoft/office-js (86 MB: every host, debug builds, telemetry) that Excel loads,
// copied into dist/office-js/ so taskpane.html can fall back to this server's copy of office.js when
// Microsoft's CDN cannot be reached (office networks without Internet access).
//
// What office.js requests, read from its code (office.debug.js, "initialize"):
//  - host file: basePath + [hostType, hostPlatform, hostSpecificFileVersion].join("-") + ".js", the
//    three taken from the `_host_Info=Excel|Win32|16.01|zh-CN|…` query Office appends, the version
//    capped by OSF.HostSpecificFileVersionMap (excel: win32 16.01; web, mac, ios, winrt 16.00); Office
//    builds that ask for 16.00 on Windows get excel-win32-16.00.js. No HostFileScriptSuffix ("-core")
//    is set by this office.js, so the -core files are never asked for.
//  - without _host_Info (Office 2013 style): o15apptofilemappingtable.js, which maps to excel-15*.js
//    and excelwebapp-15*.js.
//  - locale strings: basePath + <locale>/office_strings.js, falling back to en-us/office_strings.js.
//  - telemetry/oteljs_agave.js (telemetry sink): deliberately NOT copied; office.js disables its
//    logger when the script does not load, and this product sends no telemetry.
// es6-promise.js is the package's standalone Promise polyfill (office.js carries its own copy); it is
// small and copied for hosts that ask for it.
"use strict";
const fs = require("fs");
const path = require("path");

const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/package.json"));
const DIST = path.join(OFFICE_JS_DIR, "dist");

/** Top-level files of dist/ to copy (release builds only, never *.debug.js). */
const TOP_LEVEL =
  /^(?:office\.js|es6-promise\.js|o15apptofilemappingtable\.js|excel-(?:15|15\.0[12])\.js|excelwebapp-(?:15|15\.0[12])\.js|excel-(?:win32|web|mac|ios|android|winrt)-16\.0[01]\.js)$/;

/** Paths relative to the package's dist/ that the build copies. */
function officeJsFiles() {
  const out = [];
  for (const e of fs.readdirSync(DIST, { withFileTypes: true })) {
    if (e.isFile() && TOP_LEVEL.test(e.name)) out.push(e.name);
    else if (e.isDirectory() && /^[a-z]{2,3}(?:-[a-z0-9]+)+$/.test(e.name) && fs.existsSync(path.join(DIST, e.name, "office_strings.js"))) {
      out.push(`${e.name}/office_strings.js`);
    }
  }
  return out.sort();
}

/** copy-webpack-plugin patterns: dist/office-js/<same relative path>, never minimized again. */
function officeJsCopyPatterns(to = "office-js") {
  return officeJsFiles().map((rel) => ({
    from: path.join(DIST, rel),
    to: `${to}/${rel}`,
    info: { minimized: true },
  }));
}

module.exports = { OFFICE_JS_DIST: DIST, officeJsFiles, officeJsCopyPatterns, OFFICE_JS_VERSION: require(path.join(OFFICE_JS_DIR, "package.json")).version };
