/**
 * Production build of the pane (`webpack --mode production`, i.e. `npx webpack` without npx's lookup)
 * into a temp dir: CSP in both pages, no string-to-code (eval / new Function) anywhere, ExcelJS never on
 * the first screen, no telemetry package bundled. Prints the gzip size of the first-screen scripts.
 *
 * Written to keep passing as the pane grows: "first screen" is read from webpack's stats (the entry
 * chunk group plus the "pane" chunk group that boot.ts loads at once), not from file names.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";

const ROOT = path.resolve(__dirname, "..");
const WEBPACK_CLI = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
/**
 * A cold production build takes about a minute of CPU time. On a machine busy with other test
 * workers it has taken three minutes of wall time, hence the margin (override: XZZF_BUILD_TIMEOUT_MS).
 */
const BUILD_TIMEOUT_MS = Number(process.env.XZZF_BUILD_TIMEOUT_MS) || 300_000;

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
  errors: Array<{ message: string }>;
  chunks: StatsChunk[];
  namedChunkGroups: Record<string, { chunks: Array<string | number>; assets: Array<{ name: string }> }>;
}

let outDir: string;
let tmp: string;
let built: Stats | undefined;
let build: ReturnType<typeof spawnSync>;

/** The build's stats; every check after the first fails with one clear message if the build did not finish. */
function stats(): Stats {
  if (!built) throw new Error("the production build did not complete; see the 'webpack succeeds' test");
  return built;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xzzf-build-"));
  outDir = path.join(tmp, "dist");
  const statsFile = path.join(tmp, "stats.json");
  build = spawnSync(process.execPath, [WEBPACK_CLI, "--mode", "production", "--output-path", outDir, "--json", statsFile], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: BUILD_TIMEOUT_MS - 5_000,
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (build.status === 0 && fs.existsSync(statsFile)) built = JSON.parse(fs.readFileSync(statsFile, "utf8"));
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

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

function jsFiles(): string[] {
  return fs.readdirSync(outDir, { recursive: true, encoding: "utf8" }).filter((f) => /\.m?js$/.test(f));
}
const read = (f: string) => fs.readFileSync(path.join(outDir, f), "utf8");

/** Chunks the first screen loads: the entry group (script tags) and the "pane" group boot.ts imports at once. */
function firstScreenChunks(): StatsChunk[] {
  const ids = new Set<string | number>();
  for (const group of ["taskpane", "pane"]) {
    expect(stats().namedChunkGroups[group]).toBeDefined();
    for (const id of stats().namedChunkGroups[group].chunks) ids.add(id);
  }
  return stats().chunks.filter((c) => ids.has(c.id));
}

describe("production build", () => {
  test("webpack succeeds", () => {
    if (build.error) throw new Error(`webpack did not finish within ${(BUILD_TIMEOUT_MS - 5_000) / 1000} s: ${build.error.message}`);
    if (build.status !== 0) throw new Error(`webpack exited ${build.status} (${build.signal ?? "no signal"})\n${String(build.stdout).slice(-4000)}\n${String(build.stderr).slice(-4000)}`);
    expect(stats().errors).toEqual([]);
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
      csp!.split(";").map((d) => d.trim()).filter(Boolean).map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
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
      if (/^https?:/.test(src!)) expect(src).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
      else expect(fs.existsSync(path.join(outDir, src!))).toBe(true);
    }
  });

  test("office.js loads before the bundle in taskpane.html, and not at all in the web page", () => {
    stats();
    const taskpane = read("taskpane.html");
    const office = taskpane.indexOf("appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const bundle = taskpane.search(/<script[^>]*src="?taskpane[.\w]*\.js/);
    expect(office).toBeGreaterThan(-1);
    expect(bundle).toBeGreaterThan(office);
    expect(read("index.html")).not.toMatch(/<script[^>]*office\.js/i);
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
        for (const marker of EXCELJS_MARKERS) expect({ file: f, marker: String(marker), found: marker.test(js) }).toEqual({ file: f, marker: String(marker), found: false });
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
      const pkgs = walkModules(chunk.modules).map(packageOf).filter((p): p is string => p !== undefined);
      expect({ chunk: chunk.files, packages: pkgs }).toEqual({ chunk: chunk.files, packages: [] });
    }
  });

  test("no telemetry or analytics package or endpoint is bundled", () => {
    const pkgs = new Set(stats().chunks.flatMap((c) => walkModules(c.modules)).map(packageOf).filter((p): p is string => p !== undefined));
    expect(pkgs.size).toBeGreaterThan(0); // react at least: the check sees node_modules
    expect([...pkgs].filter((p) => TELEMETRY_PACKAGE.test(p))).toEqual([]);
    for (const f of [...jsFiles(), "taskpane.html", "index.html"]) {
      const text = read(f);
      for (const marker of TELEMETRY_MARKERS) expect({ file: f, marker: String(marker), found: marker.test(text) }).toEqual({ file: f, marker: String(marker), found: false });
    }
  });

  test("reports the gzip size of the first-screen scripts", () => {
    const gzip = new Map<string, { raw: number; gz: number }>();
    const sizeOf = (f: string) => {
      if (!gzip.has(f)) {
        const raw = fs.readFileSync(path.join(outDir, f));
        gzip.set(f, { raw: raw.length, gz: zlib.gzipSync(raw, { level: 9 }).length });
      }
      return gzip.get(f)!;
    };
    const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    const first = [...new Set(firstScreenChunks().flatMap((c) => c.files).filter((f) => /\.js$/.test(f)))];
    let total = 0;
    const lines = first.map((f) => {
      const { raw, gz } = sizeOf(f);
      total += gz;
      return `  ${f.padEnd(34)} ${kib(raw).padStart(11)}  gzip ${kib(gz).padStart(10)}`;
    });
    // For information: what each other lazily loaded group adds on top (e.g. the web or Office host).
    const firstSet = new Set(first);
    const later = Object.entries(stats().namedChunkGroups)
      .filter(([name]) => name !== "taskpane" && name !== "pane")
      .map(([name, g]) => {
        const extra = g.assets.map((a) => a.name).filter((f) => /\.js$/.test(f) && !firstSet.has(f));
        return `  + ${name.padEnd(20)} gzip ${kib(extra.reduce((n, f) => n + sizeOf(f).gz, 0)).padStart(10)}`;
      });
    console.log(
      `First-screen scripts (entry + pane):\n${lines.join("\n")}\n  total gzip ${kib(total)}` +
        (later.length ? `\nLoaded on demand afterwards:\n${later.join("\n")}` : ""),
    );
    expect(total).toBeGreaterThan(0);
  });
});
