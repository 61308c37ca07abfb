#!/usr/bin/env node
/**
 * The web page's batch check on 200 workbooks in Debian's chromium: total time, files per second,
 * peak memory of the tab. The baseline, measured in the same run on the same files, is `xzzf check`
 * (dist-cli, node, worker threads as the CLI chooses); the page's time is printed as a ratio to it.
 *
 *   npm run build && npm run build:cli && node bench/webBatch.js [count=200] [--dist DIR]
 *
 * Two sets of files, each checked in a fresh page:
 *   generated  bench/makeWorkbooks.js's workbooks (large sheets, no statistics table: reading dominates)
 *   seed       copies of tests/fixtures/files/seed.xlsx (the four tables, 46 findings each: the rules run)
 * Memory: the page's JS heap (CDP Runtime.getHeapUsage, main thread) and the PSS of chromium's renderer
 * processes (the page and its worker live there), sampled every 100 ms; the target is < 500 MB.
 */
"use strict";
const fs = require("fs");
const http = require("http");
const path = require("path");
const { spawnSync } = require("child_process");
const { ensureWorkbooks } = require("./makeWorkbooks");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(__dirname, "out", "webBatch");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
const TARGET_MB = 500;

function args() {
  const a = process.argv.slice(2);
  const i = a.indexOf("--dist");
  const dist = i >= 0 ? path.resolve(a[i + 1]) : path.join(ROOT, "dist");
  const count = Number(a.find((x, j) => /^\d+$/.test(x) && a[j - 1] !== "--dist")) || 200;
  return { dist, count };
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xlsx": "application/octet-stream",
};

/** dist/ on 127.0.0.1, each page with its own CSP as a header (as scripts/start.js serves it). */
function serve(root) {
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url || "/", "http://127.0.0.1").pathname);
    if (rel.endsWith("/")) rel += "index.html";
    const file = path.normalize(path.join(root, rel));
    if (!file.startsWith(path.normalize(root + path.sep)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return res.writeHead(404).end();
    const headers = { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream", "Cache-Control": "no-store" };
    if (file.endsWith(".html")) {
      const m = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i.exec(fs.readFileSync(file, "utf8"));
      if (m)
        headers["Content-Security-Policy"] = m[1]
          .replace(/&#39;|&apos;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, "&");
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Every process below `pid` (from /proc), with its command line. */
function descendants(pid) {
  const children = new Map();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      /* gone */
    }
  }
  const out = [];
  const walk = (p) => {
    for (const c of children.get(p) || []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/**
 * Memory (bytes) of chromium's renderer processes started by this node process, as PSS: shared pages
 * (libraries, fonts, V8's snapshot) counted once across processes rather than in each, as RSS would.
 */
function rendererRss() {
  let total = 0;
  for (const p of descendants(process.pid)) {
    try {
      if (!fs.readFileSync(`/proc/${p}/cmdline`, "utf8").includes("--type=renderer")) continue;
      const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${p}/smaps_rollup`, "utf8"));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      /* gone */
    }
  }
  return total;
}

const mb = (n) => (n / 1024 / 1024).toFixed(1);

async function runPage(browser, origin, files) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
  await context.route("**/*", (route) =>
    /^(https?:\/\/(127\.0\.0\.1|localhost)[:/]|data:|blob:)/.test(route.request().url()) ? route.continue() : route.abort(),
  );
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${origin}/index.html`);
  await page.locator('[data-testid="current-file"]', { hasText: "示例工作簿" }).waitFor({ timeout: 120_000 });
  let heapPeak = 0;
  let rssPeak = rendererRss();
  const rssBefore = rssPeak;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      try {
        const h = await cdp.send("Runtime.getHeapUsage");
        heapPeak = Math.max(heapPeak, h.usedSize);
      } catch {
        /* page closing */
      }
      rssPeak = Math.max(rssPeak, rendererRss());
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const t0 = process.hrtime.bigint();
  await page.getByTestId("file-input").setInputFiles(files);
  await page
    .getByTestId("batch-count")
    .filter({ hasText: `已检查 ${files.length} 个文件` })
    .waitFor({ timeout: 30 * 60_000 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  sampling = false;
  await sampler;
  const rows = await page.getByTestId("batch-row").count();
  const onMainThread = (await page.getByTestId("batch-main-thread").count()) > 0;
  fs.mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, `batch-${files.length}.png`) });
  await context.close();
  return { ms, rows, heapPeak, rssPeak, rssBefore, onMainThread };
}

function cliBaseline(files) {
  const bin = path.join(ROOT, "bin", "xzzf.js");
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, "check", ...files, "--format", "json"], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`xzzf check exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return ms;
}

async function main() {
  const { dist, count } = args();
  if (!fs.existsSync(path.join(dist, "index.html"))) {
    process.stderr.write(`no build in ${dist}: run npm run build first (or pass --dist DIR)\n`);
    process.exit(2);
  }
  const { chromium } = require("playwright-core");
  const generated = await ensureWorkbooks(count, path.join(__dirname, "out", "read"));
  const seedDir = path.join(OUT, "seed");
  fs.mkdirSync(seedDir, { recursive: true });
  const seedBytes = fs.readFileSync(path.join(ROOT, "tests", "fixtures", "files", "seed.xlsx"));
  const seeds = Array.from({ length: count }, (_, i) => {
    const f = path.join(seedDir, `seed-${String(i).padStart(4, "0")}.xlsx`);
    if (!fs.existsSync(f)) fs.writeFileSync(f, seedBytes);
    return f;
  });
  const server = await serve(dist);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  const lines = [];
  try {
    for (const [label, files] of [
      ["generated", generated],
      ["seed", seeds],
    ]) {
      const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
      const page = await runPage(browser, origin, files);
      const cli = cliBaseline(files);
      const line =
        `${label.padEnd(10)} ${files.length} files (${mb(bytes)} MB): page ${(page.ms / 1000).toFixed(2)} s, ${(files.length / (page.ms / 1000)).toFixed(1)} files/s` +
        `${page.onMainThread ? " (ON THE MAIN THREAD)" : ""}; xzzf check ${(cli / 1000).toFixed(2)} s; page/CLI ${(page.ms / cli).toFixed(2)}×; ` +
        `peak JS heap (page) ${mb(page.heapPeak)} MB; peak renderer memory (PSS) ${mb(page.rssPeak)} MB (before the batch ${mb(page.rssBefore)} MB; target < ${TARGET_MB} MB${page.rssPeak < TARGET_MB * 1024 * 1024 ? ", met" : ", NOT MET"}); rows ${page.rows}`;
      lines.push(line);
      process.stdout.write(`${line}\n`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  fs.writeFileSync(path.join(OUT, "result.txt"), `${lines.join("\n")}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
