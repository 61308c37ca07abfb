/**
 * The production build (`webpack --mode production`: the classic and the modern compilation), shared
 * with the e2e tests through tests/e2e/bundle.ts: CSP in both pages, the script order of
 * taskpane.html (office.js, its local fallback, boot), no string-to-code (eval / new Function) in our
 * scripts, ExcelJS never on the first screen nor in the classic pane, no telemetry package bundled,
 * every classic script ES5 and every modern one free of syntax Safari 15.4 lacks, both size budgets,
 * and the office.js copy. Prints the gzip sizes.
 *
 * Written to keep passing as the panes grow: "first screen" is read from webpack's stats (the entry
 * chunk group plus the chunk groups boot.ts and main.tsx load at once, plus boot.js), not from file names.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { parse, type Node as AcornNode } from "acorn";
import { OFFICE_JS_DIST, officeJsFiles } from "../build/officeJs";
import { BUILD_TIMEOUT_MS, productionBundle } from "./e2e/bundle";

/** Every script the classic pane loads, gzip, at most (boot, office fallback, classic entry and all its chunks). */
const CLASSIC_BUDGET = 150 * 1024;
/** The modern first screen (boot.js, the entry, the pane chunk and the web shell), gzip, at most. */
const MODERN_BUDGET = 200 * 1024;
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CDN_HOSTS = ["https://appsforoffice.microsoft.com", "https://officeapis.public.onecdn.static.microsoft"];

/** Package names of telemetry / analytics reporters (same list as tests/privacy-deps.test.ts). */
const TELEMETRY_PACKAGE =
  /applicationinsights|usage-data|office-addin-usage-data|analytics|telemetry|sentry|mixpanel|segment|amplitude|posthog|datadog|newrelic|bugsnag|rollbar|logrocket/i;
/** Collector endpoints and SDK identifiers that must never appear in shipped code. */
const TELEMETRY_MARKERS = [
  /applicationinsights/i,
  /dc\.services\.visualstudio\.com/i,
  /browser\.pipe\.aria\.microsoft\.com/i,
  /\.ingest\.sentry\.io|@sentry\//i,
  /api(?:-js)?\.mixpanel\.com/i,
  /(?:api|cdn)\.segment\.(?:io|com)/i,
  /api\d?\.amplitude\.com/i,
  /posthog\.com|posthog-js/i,
  /datadoghq\.(?:com|eu)|@datadog\//i,
  /nr-data\.net|js-agent\.newrelic\.com/i,
  /sessions\.bugsnag\.com|@bugsnag\//i,
  /api\.rollbar\.com/i,
  /logrocket\.(?:com|io)/i,
  /google-analytics\.com|googletagmanager\.com/i,
];

/** ExcelJS fingerprints that survive minification. */
const EXCELJS_MARKERS = [/exceljs\/blob\/master\/UPGRADE-4\.0\.md/, /creator\s*\|\|\s*"ExcelJS"/];

const CSP_META = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i;

interface StatsModule {
  name?: string;
  identifier?: string;
  nameForCondition?: string;
  modules?: StatsModule[];
}
interface StatsChunk {
  id: string | number;
  names: string[];
  files: string[];
  initial: boolean;
  modules?: StatsModule[];
}
interface Stats {
  name?: string;
  errors: Array<{ message: string }>;
  warnings?: Array<{ message: string }>;
  chunks: StatsChunk[];
  namedChunkGroups: Record<string, { chunks: Array<string | number>; assets: Array<{ name: string }> }>;
}

let outDir: string;
let built: { modern: Stats; classic: Stats } | undefined;
let buildError: Error | undefined;

/** The modern compilation's stats; every check after the first fails with one clear message if the build did not finish. */
function stats(): Stats {
  if (!built) throw new Error("the production build did not complete; see the 'webpack succeeds' test");
  return built.modern;
}
/** The classic compilation's stats. */
function classicStats(): Stats {
  stats();
  return built!.classic;
}

beforeAll(() => {
  try {
    const bundle = productionBundle({ withStats: true });
    outDir = bundle.dir;
    const json = JSON.parse(fs.readFileSync(bundle.statsFile!, "utf8")) as { children?: Stats[] };
    const child = (name: string) => {
      const found = json.children?.find((c) => c.name === name);
      if (!found) throw new Error(`the build's stats have no "${name}" compilation`);
      return found;
    };
    built = { modern: child("modern"), classic: child("classic") };
  } catch (e) {
    buildError = e as Error;
  }
}, BUILD_TIMEOUT_MS);

function walkModules(mods: StatsModule[] | undefined, out: string[] = []): string[] {
  for (const m of mods ?? []) {
    const id = m.nameForCondition ?? m.identifier ?? m.name;
    if (id) out.push(id.replace(/\\/g, "/"));
    walkModules(m.modules, out);
  }
  return out;
}
const isExcelJs = (id: string) => /\/node_modules\/exceljs\//.test(id);
function packageOf(id: string): string | undefined {
  const m = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id);
  return m?.[1];
}

/** Our scripts: everything emitted but Microsoft's office.js copy (dist/office-js/, checked on its own). */
function jsFiles(): string[] {
  return fs
    .readdirSync(outDir, { recursive: true, encoding: "utf8" })
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => /\.m?js$/.test(f) && !f.startsWith("office-js/"));
}
const read = (f: string) => fs.readFileSync(path.join(outDir, f), "utf8");

/** Chunks the first screen loads: the entry group (boot.js loads it) and the "pane" group boot.ts imports at once. */
function firstScreenChunks(groups: string[] = ["taskpane", "pane"]): StatsChunk[] {
  const ids = new Set<string | number>();
  for (const group of groups) {
    expect(stats().namedChunkGroups[group]).toBeDefined();
    for (const id of stats().namedChunkGroups[group].chunks) ids.add(id);
  }
  return stats().chunks.filter((c) => ids.has(c.id));
}

describe("production build", () => {
  test("webpack succeeds", () => {
    if (buildError) throw buildError;
    expect(stats().errors).toEqual([]);
    expect(classicStats().errors).toEqual([]);
    // NoCodeGenerationPlugin reports what it could not rewrite as a warning.
    for (const s of [stats(), classicStats()]) expect((s.warnings ?? []).map((w) => w.message).filter((m) => /eval\(|new Function/.test(m))).toEqual([]);
  });

  test("emits taskpane.html, index.html, the icons and manifest.xml", () => {
    stats();
    for (const f of ["taskpane.html", "index.html", "manifest.xml", ...[16, 32, 64, 80, 128].map((s) => `assets/icon-${s}.png`)]) {
      expect(fs.existsSync(path.join(outDir, f))).toBe(true);
    }
    // The icon generator stays out of the output.
    expect(fs.existsSync(path.join(outDir, "assets", "make-icons.js"))).toBe(false);
  });

  test.each(["taskpane.html", "index.html"])("%s carries the strict CSP meta", (page) => {
    stats();
    const html = read(page);
    const csp = CSP_META.exec(html)?.[1];
    expect(csp).toBeDefined();
    const directives = new Map(
      csp!
        .split(";")
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => {
          const [name, ...values] = d.split(/\s+/);
          return [name, values] as const;
        }),
    );
    expect(directives.get("script-src")).toEqual(["'self'", ...CDN_HOSTS]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    expect(directives.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*/);
    expect(html).toMatch(/<html[^>]*\slang="?zh-CN"?/);
    expect(html).toMatch(/<title>行政执法统计填报助手<\/title>/);
    expect(html).toMatch(/<div id="?root"?/);
    // No inline scripts (the CSP would block them); every script is a file of ours or office.js.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body.trim()).toBe("");
      const src = /\ssrc="?([^"\s>]+)/.exec(attrs)?.[1];
      expect(src).toBeDefined();
      if (/^https?:/.test(src!)) expect(src).toBe(OFFICE_CDN);
      else expect(fs.existsSync(path.join(outDir, src!))).toBe(true);
    }
  });

  /** The page's <script> tags in order: src and the attributes boot.js reads (quoted or not, as minified). */
  function scriptTags(page: string) {
    return [...read(page).matchAll(/<script\b([^>]*)>/gi)].map(([, attrs]) => {
      const value = (name: string) => {
        const m = new RegExp(`\\s${name}=(?:"([^"]*)"|([^\\s"'>]+))`).exec(attrs);
        return m ? (m[1] ?? m[2]) : undefined;
      };
      return {
        src: value("src"),
        id: value("id"),
        defer: /\sdefer(?=[\s>=]|$)/.test(attrs),
        page: value("data-page"),
        modern: value("data-modern"),
        classic: value("data-classic"),
        dataSrc: value("data-src"),
      };
    });
  }

  test("taskpane.html: office.js from the CDN, then the local fallback, then boot.js (deferred), which names both panes' entries", () => {
    const tags = scriptTags("taskpane.html");
    expect(tags.map((t) => t.id ?? t.src)).toEqual([OFFICE_CDN, "xzzf-office-fallback", "xzzf-boot"]);
    expect(tags[0].defer).toBe(false);
    expect(tags[1].defer).toBe(false); // it document.writes office-js/office.js while <head> is parsed
    expect(tags[1].src).toMatch(/^office-fallback\.[0-9a-f]{8}\.js$/);
    expect(tags[1].dataSrc).toBe("office-js/office.js");
    expect(tags[2].defer).toBe(true);
    expect(tags[2].src).toMatch(/^boot\.[0-9a-f]{8}\.js$/);
    expect(tags[2].page).toBe("taskpane");
    const groupJs = (s: Stats, name: string) => s.namedChunkGroups[name].assets.map((a) => a.name).filter((f) => /\.js$/.test(f));
    expect(tags[2].modern!.split(" ")).toEqual(groupJs(stats(), "taskpane"));
    expect(tags[2].classic!.split(" ")).toEqual(groupJs(classicStats(), "classic"));
    expect(tags[2].classic).toMatch(/^classic\.[0-9a-f]{8}\.js/);
    for (const f of [tags[1].dataSrc!, ...tags[2].modern!.split(" "), ...tags[2].classic!.split(" ")]) {
      expect({ file: f, exists: fs.existsSync(path.join(outDir, f)) }).toEqual({ file: f, exists: true });
    }
  });

  test("index.html: boot.js only, with the modern entry, no office.js and no classic pane", () => {
    const tags = scriptTags("index.html");
    expect(tags.map((t) => t.id)).toEqual(["xzzf-boot"]);
    expect(tags[0].page).toBe("index");
    expect(tags[0].modern).toMatch(/^taskpane\.[0-9a-f]{8}\.js$/);
    expect(tags[0].classic).toBeUndefined();
    expect(read("index.html")).not.toMatch(/office\.js|office-fallback/i);
  });

  test("no emitted script contains eval( or new Function(", () => {
    stats();
    const files = jsFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const js = read(f);
      expect({ file: f, evalCall: /(?:^|[^\w$.])eval\s*\(/.test(js) }).toEqual({ file: f, evalCall: false });
      expect({ file: f, newFunction: /\bnew\s+Function\s*\(/.test(js) }).toEqual({ file: f, newFunction: false });
    }
  });

  test("ExcelJS is not on the first screen, and if bundled it sits alone in an async 'exceljs' chunk", () => {
    const first = firstScreenChunks();
    expect(first.some((c) => c.initial && c.names.includes("taskpane"))).toBe(true);
    for (const chunk of first) {
      expect({ chunk: chunk.files, exceljs: walkModules(chunk.modules).filter(isExcelJs) }).toEqual({ chunk: chunk.files, exceljs: [] });
      for (const f of chunk.files.filter((x) => /\.js$/.test(x))) {
        const js = read(f);
        for (const marker of EXCELJS_MARKERS)
          expect({ file: f, marker: String(marker), found: marker.test(js) }).toEqual({ file: f, marker: String(marker), found: false });
      }
    }
    for (const chunk of stats().chunks) {
      const mods = walkModules(chunk.modules);
      if (!mods.some(isExcelJs)) continue;
      expect(chunk.names).toEqual(["exceljs"]);
      expect(chunk.initial).toBe(false);
      expect(mods.filter((m) => !isExcelJs(m))).toEqual([]);
    }
  });

  test("the entry chunk is only boot: no React, Fluent UI or ExcelJS before the mode is known", () => {
    const entry = stats().chunks.filter((c) => c.initial);
    expect(entry.length).toBeGreaterThan(0);
    for (const chunk of entry) {
      const pkgs = walkModules(chunk.modules)
        .map(packageOf)
        .filter((p): p is string => p !== undefined);
      expect({ chunk: chunk.files, packages: pkgs }).toEqual({ chunk: chunk.files, packages: [] });
    }
  });

  test("no telemetry or analytics package or endpoint is bundled", () => {
    const pkgs = new Set(
      stats()
        .chunks.flatMap((c) => walkModules(c.modules))
        .map(packageOf)
        .filter((p): p is string => p !== undefined),
    );
    expect(pkgs.size).toBeGreaterThan(0); // react at least: the check sees node_modules
    expect([...pkgs].filter((p) => TELEMETRY_PACKAGE.test(p))).toEqual([]);
    for (const f of [...jsFiles(), "taskpane.html", "index.html"]) {
      const text = read(f);
      for (const marker of TELEMETRY_MARKERS)
        expect({ file: f, marker: String(marker), found: marker.test(text) }).toEqual({ file: f, marker: String(marker), found: false });
    }
  });

  const gzip = new Map<string, { raw: number; gz: number }>();
  const sizeOf = (f: string) => {
    if (!gzip.has(f)) {
      const raw = fs.readFileSync(path.join(outDir, f));
      gzip.set(f, { raw: raw.length, gz: zlib.gzipSync(raw, { level: 9 }).length });
    }
    return gzip.get(f)!;
  };
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const row = (f: string) => `  ${f.padEnd(40)} ${kib(sizeOf(f).raw).padStart(11)}  gzip ${kib(sizeOf(f).gz).padStart(10)}`;
  const total = (files: string[]) => files.reduce((n, f) => n + sizeOf(f).gz, 0);
  const jsOf = (chunks: StatsChunk[]) => [...new Set(chunks.flatMap((c) => c.files).filter((f) => /\.js$/.test(f)))];
  /** The scripts the pages name themselves (boot.js, office-fallback.js). */
  const pageScripts = (page: string) =>
    scriptTags(page)
      .map((t) => t.src)
      .filter((s): s is string => s !== undefined && !/^https?:/.test(s));

  /** Every script the classic pane can load: the page's own scripts, the classic entry and every classic chunk. */
  function classicScripts(): string[] {
    return [...new Set([...pageScripts("taskpane.html"), ...jsOf(classicStats().chunks)])];
  }
  /** Every script of the modern compilation (ExcelJS's prebuilt chunk included) and the boot scripts. */
  function modernScripts(): string[] {
    return [...new Set([...pageScripts("taskpane.html"), ...jsOf(stats().chunks)])];
  }

  test("the first screen of the web page stays within 200 KiB gzip (boot.js, entry, pane, web shell)", () => {
    const first = [...new Set([...pageScripts("index.html"), ...jsOf(firstScreenChunks(["taskpane", "pane", "web"]))])];
    const sum = total(first);
    const firstSet = new Set(first);
    // For information: what each other lazily loaded group adds on top (e.g. the Office host).
    const later = Object.entries(stats().namedChunkGroups)
      .filter(([name]) => !["taskpane", "pane", "web"].includes(name))
      .map(
        ([name, g]) => `  + ${name.padEnd(20)} gzip ${kib(total(g.assets.map((a) => a.name).filter((f) => /\.js$/.test(f) && !firstSet.has(f)))).padStart(10)}`,
      );
    console.log(
      `Modern first screen (boot + entry + pane + web):\n${first.map(row).join("\n")}\n  total gzip ${kib(sum)} of ${kib(MODERN_BUDGET)}\nLoaded on demand afterwards:\n${later.join("\n")}`,
    );
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThanOrEqual(MODERN_BUDGET);
  });

  test("every script the classic pane loads stays within 150 KiB gzip in total", () => {
    const files = classicScripts();
    const sum = total(files);
    console.log(`Classic pane (everything it can load):\n${files.map(row).join("\n")}\n  total gzip ${kib(sum)} of ${kib(CLASSIC_BUDGET)}`);
    expect(files.some((f) => /^classic\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
    expect(sum).toBeLessThanOrEqual(CLASSIC_BUDGET);
  });

  test("every script the classic pane loads parses as ES5 (acorn ecmaVersion 5, regexps included)", () => {
    const files = classicScripts();
    expect(files.length).toBeGreaterThan(2);
    for (const f of files) {
      let error = "";
      try {
        parse(read(f), { ecmaVersion: 5, sourceType: "script" });
      } catch (e) {
        const pos = (e as { pos?: number }).pos ?? 0;
        error = `${(e as Error).message}: …${read(f).slice(Math.max(0, pos - 60), pos + 40)}…`;
      }
      expect({ file: f, error }).toEqual({ file: f, error: "" });
    }
  });

  test("the classic pane bundles neither ExcelJS nor React / Fluent UI", () => {
    const pkgs = new Set(
      classicStats()
        .chunks.flatMap((c) => walkModules(c.modules))
        .map(packageOf)
        .filter((p): p is string => p !== undefined),
    );
    expect([...pkgs].filter((p) => /^(?:exceljs|react|react-dom|scheduler|@fluentui\/.*|@griffel\/.*|tabster|keyborg)$/.test(p))).toEqual([]);
    for (const f of classicScripts()) {
      for (const marker of EXCELJS_MARKERS)
        expect({ file: f, marker: String(marker), found: marker.test(read(f)) }).toEqual({ file: f, marker: String(marker), found: false });
    }
  });

  test("every modern script parses at ES2022 and has no class static block or regexp lookbehind (Safari 15.4 has neither)", () => {
    const files = modernScripts();
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const text = read(f);
      let ast: AcornNode;
      try {
        ast = parse(text, { ecmaVersion: 2022, sourceType: "script" }) as AcornNode;
      } catch (e) {
        throw new Error(`${f} does not parse at ES2022: ${(e as Error).message}`);
      }
      const staticBlocks: string[] = [];
      const lookbehinds: string[] = [];
      const visit = (node: unknown): void => {
        if (!node || typeof node !== "object") return;
        const n = node as AcornNode & { regex?: { pattern: string } };
        if (typeof n.type === "string") {
          if (n.type === "StaticBlock") staticBlocks.push(text.slice(Math.max(0, n.start - 40), n.start + 20));
          if (n.type === "Literal" && n.regex && /\(\?<[=!]/.test(n.regex.pattern)) lookbehinds.push(n.regex.pattern);
        }
        for (const value of Object.values(n)) {
          if (Array.isArray(value)) value.forEach(visit);
          else if (value && typeof value === "object" && typeof (value as { type?: unknown }).type === "string") visit(value);
        }
      };
      visit(ast);
      expect({ file: f, staticBlocks, lookbehinds }).toEqual({ file: f, staticBlocks: [], lookbehinds: [] });
    }
  });

  test("dist/office-js/ is the package's office.js with the files it loads for Excel, nothing else", () => {
    stats();
    const dir = path.join(outDir, "office-js");
    expect(fs.readFileSync(path.join(dir, "office.js")).equals(fs.readFileSync(path.join(OFFICE_JS_DIST, "office.js")))).toBe(true);
    const copied = fs
      .readdirSync(dir, { recursive: true, encoding: "utf8" })
      .map((f) => f.split(path.sep).join("/"))
      .filter((f) => fs.statSync(path.join(dir, f)).isFile());
    expect(copied.sort()).toEqual(officeJsFiles());
    for (const f of [
      "o15apptofilemappingtable.js",
      "excel-win32-16.01.js",
      "excel-win32-16.00.js",
      "excel-web-16.00.js",
      "excel-mac-16.00.js",
      "zh-cn/office_strings.js",
      "en-us/office_strings.js",
    ]) {
      expect(copied).toContain(f);
    }
    expect(copied.filter((f) => /\.debug\.js$|telemetry|outlook|word-|powerpoint|onenote|access-|project-/.test(f))).toEqual([]);
    let bytes = 0;
    for (const f of copied) {
      const content = fs.readFileSync(path.join(dir, f));
      bytes += content.length;
      expect(content.equals(fs.readFileSync(path.join(OFFICE_JS_DIST, f)))).toBe(true);
    }
    console.log(`dist/office-js: ${copied.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
    expect(bytes).toBeLessThan(16 * 1024 * 1024);
  });
});
