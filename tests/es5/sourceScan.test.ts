/**
 * What the shared code may not contain because IE11 (the classic pane) cannot run it and neither
 * Babel nor core-js makes up for it, checked over the source of every module the classic pane
 * runs (tests are left out: they run in node):
 * - a regexp lookbehind `(?<=` `(?<!`: a SyntaxError when IE11 parses the script, so nothing runs;
 * - TextDecoder / TextEncoder outside src/host/xlsx/textCodec.ts, which falls back to its own codec;
 * - String.prototype.normalize outside src/engine/nfkc.ts, which falls back to its own NFKC;
 * - the sticky flag `y`, which IE11's RegExp refuses.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const SHARED = ["src/grid", "src/check", "src/engine", "src/rules", "src/flows", "src/host", "src/app", "src/templates", "src/i18n", "src/classic"];
const CODEC = "src/host/xlsx/textCodec.ts";
const NFKC = "src/engine/nfkc.ts";

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(?:ts|tsx|js)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

interface Hit {
  file: string;
  line: number;
  what: string;
}

/** Globals IE11 lacks that core-js supplies, when Babel sees them used. */
const POLYFILLED_GLOBALS = new Set(["globalThis", "Promise", "Symbol", "Map", "Set", "WeakMap", "WeakSet", "Reflect"]);

function scan(file: string): Hit[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : undefined);
  const hits: Hit[] = [];
  const hit = (node: ts.Node, what: string) => hits.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, what });
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const body = node.text.slice(1, node.text.lastIndexOf("/"));
      const flags = node.text.slice(node.text.lastIndexOf("/") + 1);
      if (/\(\?<[=!]/.test(body)) hit(node, `regexp lookbehind ${node.text}`);
      if (flags.includes("y")) hit(node, `sticky regexp ${node.text}`);
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && /\(\?<[=!]/.test(node.text)) {
      hit(node, `regexp lookbehind in a string ${JSON.stringify(node.text)}`);
    } else if (
      (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      POLYFILLED_GLOBALS.has(node.expression.text)
    ) {
      // Babel's per-use polyfill finder does not see a global inside a cast: IE11 then meets it bare.
      hit(node, `${node.expression.text} inside a cast (assign it to a variable first)`);
    } else if (ts.isIdentifier(node) && (node.text === "TextDecoder" || node.text === "TextEncoder") && file !== CODEC) {
      hit(node, `${node.text} (use ${CODEC})`);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "normalize" && file !== NFKC) {
      const arg = node.arguments[0];
      if (!arg || (ts.isStringLiteral(arg) && /^NFK?[CD]$/.test(arg.text))) hit(node, `String.prototype.normalize (use nfkc from ${NFKC})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return hits;
}

const files = SHARED.flatMap(sourceFiles);

test("the shared source tree is found", () => {
  expect(files).toContain("src/check/analyse.ts");
  expect(files).toContain(CODEC);
  expect(files.length).toBeGreaterThan(50);
});

test("no regexp lookbehind, sticky regexp, TextDecoder/TextEncoder or normalize where the classic pane would meet it", () => {
  const hits = files.flatMap(scan).map((h) => `${h.file}:${h.line} ${h.what}`);
  expect(hits).toEqual([]);
});

test("the scan finds what it looks for", () => {
  const dir = fs.mkdtempSync(path.join(ROOT, "tests/es5/.scan-"));
  try {
    const rel = path.relative(ROOT, path.join(dir, "bad.ts"));
    fs.writeFileSync(
      path.join(ROOT, rel),
      'const a = /(?<!\\d)1/;\nconst b = new RegExp("(?<=x)y");\nconst c = new TextDecoder("utf-8");\nconst d = "x".normalize("NFKC");\nconst e = /a/y;\nconst f = (globalThis as { X?: 1 }).X;\n',
    );
    expect(scan(rel).map((h) => h.line)).toEqual([1, 2, 3, 4, 5, 6]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
