// `tsc -p tsconfig.cli.json`, with the CLI bundle's for-of lowering (indexedForOf.js): dist-cli/ holds
// the CLI's modules one file each, which the benchmarks load (bench/mainWork.js counts the main
// thread's instructions in them), so they must run the same loops as dist-cli/bundle/. Type errors
// are printed as tsc prints them and fail the build; files are written all the same, as tsc does.
"use strict";
const path = require("path");
const ts = require("typescript");
const { indexedForOf } = require("./indexedForOf");

const CONFIG = path.join(__dirname, "..", "tsconfig.cli.json");

const formatHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: ts.sys.getCurrentDirectory,
  getNewLine: () => ts.sys.newLine,
};

function fail(diagnostics) {
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost));
  process.exitCode = 1;
}

const parsed = ts.getParsedCommandLineOfConfigFile(CONFIG, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) });
if (parsed) {
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, projectReferences: parsed.projectReferences });
  const emitted = program.emit(undefined, undefined, undefined, false, { before: [indexedForOf(program.getTypeChecker())] });
  const diagnostics = [...parsed.errors, ...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (diagnostics.length > 0) fail(diagnostics);
}
