/**
 * build/indexedForOf.js, the CLI bundle's for-of lowering: which loops it rewrites (those over what the
 * checker types as arrays or tuples, nothing else), and that each rewritten program gives the same
 * results as the loop as written, run both ways.
 */
import * as ts from "typescript";
import * as vm from "vm";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { indexedForOf } = require("../build/indexedForOf") as { indexedForOf: (c: ts.TypeChecker) => ts.TransformerFactory<ts.SourceFile> };

const LIB_FILES = new Map<string, ts.SourceFile | undefined>();

/** `source` compiled to ES2020 JavaScript, with or without the transformer (type errors in it throw). */
function compile(source: string, transform: boolean): string {
  const name = "/virtual/case.ts";
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.None, strict: true, lib: ["lib.es2022.d.ts"], types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  // the standard library parsed once for all cases
  host.getSourceFile = (file, lang) => {
    if (file === name) return ts.createSourceFile(file, source, lang);
    if (!LIB_FILES.has(file)) LIB_FILES.set(file, read(file, lang));
    return LIB_FILES.get(file);
  };
  const exists = host.fileExists.bind(host);
  host.fileExists = (file) => file === name || exists(file);
  let out = "";
  host.writeFile = (_file, text) => (out = text);
  const program = ts.createProgram([name], options, host);
  const errors = ts.getPreEmitDiagnostics(program);
  if (errors.length) throw new Error(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n"));
  program.emit(undefined, undefined, undefined, false, transform ? { before: [indexedForOf(program.getTypeChecker())] } : undefined);
  if (!out) throw new Error("nothing emitted");
  return out;
}

const forOfCount = (js: string) => (js.match(/for (?:await )?\((?:const|let|var)? ?[^;]*? of /g) ?? []).length;

describe("which loops become indexed", () => {
  it.each([
    ["an array", "const xs: number[] = [1, 2]; for (const x of xs) log(x);"],
    ["a readonly array", "const xs: readonly string[] = ['a']; for (const x of xs) log(x);"],
    ["a tuple", "const xs: [number, string] = [1, 'a']; for (const x of xs) log(x);"],
    ["a union of arrays", "const xs: number[] | string[] = Math.random() < 2 ? [1] : ['a']; for (const x of xs) log(x);"],
    ["an array from a call", "for (const x of [3, 1, 2].sort()) log(x);"],
  ])("%s", (_n, body) => {
    const js = compile(`declare function log(x: unknown): void;\n${body}`, true);
    expect(forOfCount(js)).toBe(0);
    expect(js).toMatch(/for \(let i_\d+ = 0, a_\d+ = /);
  });

  it.each([
    ["a Map", "const m = new Map<string, number>(); for (const [k, v] of m) log(k, v);"],
    ["a Set", "for (const x of new Set([1])) log(x);"],
    ["a string (code points, not UTF-16 units)", "for (const ch of 'a😀') log(ch);"],
    ["a typed array", "for (const b of new Uint8Array(2)) log(b);"],
    ["a generator", "function* g() { yield 1; } for (const x of g()) log(x);"],
    ["an Iterable", "declare const it: Iterable<number>; for (const x of it) log(x);"],
    ["any", "declare const xs: any; for (const x of xs) log(x);"],
    ["an array or a Set", "const xs: number[] | Set<number> = new Set([1]); for (const x of xs) log(x);"],
    ["Map.values()", "const m = new Map<string, number>(); for (const v of m.values()) log(v);"],
    ["for await over an array", "async function f(xs: Promise<number>[]) { for await (const x of xs) log(x); }"],
  ])("%s is left as written", (_n, body) => {
    const js = compile(`declare function log(...x: unknown[]): void;\n${body}`, true);
    expect(forOfCount(js)).toBe(1);
    expect(js).not.toMatch(/for \(let i_\d+ = 0/);
  });
});

describe("a rewritten loop means the same as the loop as written", () => {
  const cases: Array<[string, string]> = [
    [
      "break, continue and a labelled continue to an outer loop",
      `const rows: number[][] = [[1, 2, 3], [4, -1, 6], [7, 8, 9]];
       outer: for (const row of rows) { for (const x of row) { if (x === 2) continue; if (x < 0) continue outer; if (x === 8) break outer; out.push(x); } out.push("|"); }`,
    ],
    [
      "closures keep their own element",
      `const fs: Array<() => number> = []; for (const x of [1, 2, 3]) fs.push(() => x * 10); for (const f of fs) out.push(f());`,
    ],
    ["elements pushed during the loop are visited", `const xs = [1, 2]; for (const x of xs) { out.push(x); if (xs.length < 5) xs.push(x + 10); }`],
    ["holes read as undefined", `const xs: Array<number | undefined> = [1, , 3]; for (const x of xs) out.push(String(x));`],
    [
      "a destructured element",
      `const pairs: Array<[string, number]> = [["a", 1], ["b", 2]]; for (const [k, v] of pairs) out.push(k + v); for (const { length } of ["xyz", "q"]) out.push(length);`,
    ],
    [
      "an existing variable and a property as the target",
      `let last = 0; const o = { v: 0 }; for (last of [4, 5]) out.push(last); for (o.v of [6, 7]) out.push(o.v); out.push(last, o.v);`,
    ],
    ["let, mutated in the body", `for (let x of [1, 2]) { x *= 3; out.push(x); }`],
    ["a body that is a single statement", `for (const x of [9, 8]) out.push(x);`],
    [
      "return from inside a loop",
      `function first(xs: number[]): number { for (const x of xs) if (x > 1) return x; return -1; } out.push(first([0, 2, 3]), first([]));`,
    ],
    ["yield inside a loop", `function* twice(xs: readonly number[]) { for (const x of xs) { yield x; yield x; } } out.push(...twice([1, 2]));`],
    ["the array evaluated once", `let calls = 0; const get = () => (calls++, [1, 2, 3]); for (const x of get()) out.push(x); out.push(calls);`],
    ["nested loops with the same names", `for (const x of [1, 2]) for (const y of [x, x + 1]) for (const x of [y]) out.push(x);`],
  ];
  it.each(cases)("%s", (_n, body) => {
    const run = (js: string) => {
      const ctx = { out: [] as unknown[] };
      vm.runInNewContext(js, ctx);
      return JSON.stringify(ctx.out);
    };
    const source = `declare const out: unknown[];\n${body}`;
    const plain = compile(source, false);
    const lowered = compile(source, true);
    expect(forOfCount(lowered)).toBeLessThan(forOfCount(plain));
    expect(run(lowered)).toBe(run(plain));
    expect(JSON.parse(run(plain)).length).toBeGreaterThan(0);
  });
});
