/**
 * Lets a plain node process require the TypeScript sources (src/, tests/helpers/) without a build:
 * each .ts file is transpiled on load (no type check; `tsc --noEmit` does that). The corpus guard
 * runs the CLI in a child process this way, so it always runs the code in the tree, never a stale
 * dist-cli/ that another build left behind.
 */
"use strict";
const fs = require("fs");
const ts = require("typescript");

const options = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2020,
  esModuleInterop: true,
  jsx: ts.JsxEmit.ReactJSX,
  sourceMap: false,
};

require.extensions[".ts"] = (module, filename) => {
  const source = fs.readFileSync(filename, "utf8");
  const out = ts.transpileModule(source, { compilerOptions: options, fileName: filename });
  module._compile(out.outputText, filename);
};
