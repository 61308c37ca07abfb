/**
 * The production bundle for the build and e2e tests, built at most once per change of the sources:
 *  - XZZF_E2E_DIST=<dir> uses a given build;
 *  - else dist/ when it is a production build newer than every input (not when stats are asked for:
 *    `npm run build` writes none);
 *  - else one `webpack --mode production` (both compilations, classic and modern) into
 *    <tmpdir>/xzzf-prod-<key>/dist, with webpack's stats beside it, shared by every test file and
 *    jest worker that asks while the inputs are unchanged: the first to ask builds under a lock
 *    directory, the others wait for it. dist/ is left alone, so a running `npm start` is not disturbed.
 */
import { spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
/** What the build reads: a change to any of these makes a new build. */
export const INPUTS = [
  "src",
  "assets",
  "build",
  "webpack.config.js",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "manifest.xml",
  "node_modules/.package-lock.json",
];
/** A cold production build of both panes takes one to two minutes of CPU; a busy 2-core machine needs the margin. */
export const BUILD_TIMEOUT_MS = Number(process.env.XZZF_BUILD_TIMEOUT_MS) || 420_000;
const SHARED_PREFIX = "xzzf-prod-";

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let n = st.mtimeMs;
  for (const e of fs.readdirSync(p)) n = Math.max(n, newestMtime(path.join(p, e)));
  return n;
}

function newestInput(): number {
  const classicEntry = process.env.XZZF_CLASSIC_ENTRY;
  return Math.max(...INPUTS.map((i) => newestMtime(path.join(ROOT, i))), classicEntry ? newestMtime(path.dirname(path.resolve(classicEntry))) : 0);
}

/** dist/ built in production mode (no source maps, hashed names, the classic pane too) after the last change of any input. */
function freshDist(): string | null {
  const dist = path.join(ROOT, "dist");
  const index = path.join(dist, "index.html");
  if (!fs.existsSync(index)) return null;
  const files = fs.readdirSync(dist);
  if (
    files.some((f) => f.endsWith(".map")) ||
    !files.some((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f)) ||
    !files.some((f) => /^classic\.[0-9a-f]{8}\.js$/.test(f))
  )
    return null;
  const built = Math.min(...files.filter((f) => f.endsWith(".js") || f.endsWith(".html")).map((f) => fs.statSync(path.join(dist, f)).mtimeMs));
  return built > newestInput() ? dist : null;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Shared builds of older sources (over two hours old) are removed when a new one is made. */
function pruneOldBuilds(keep: string): void {
  const cutoff = Date.now() - 2 * 3600_000;
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(SHARED_PREFIX)) continue;
    const dir = path.join(os.tmpdir(), name);
    if (dir === keep) continue;
    try {
      if (fs.statSync(dir).mtimeMs < cutoff) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      /* another process got there first */
    }
  }
}

export interface ProductionBundle {
  /** The built dist/ directory. */
  dir: string;
  /** Whether this call ran webpack. */
  built: boolean;
  /** webpack's stats JSON (`--json`) of that build; absent for dist/ and XZZF_E2E_DIST. */
  statsFile?: string;
}

/** One shared production build (see the file comment). Throws with webpack's output if it fails. */
function sharedBuild(): ProductionBundle {
  const key = crypto
    .createHash("sha256")
    .update(JSON.stringify([ROOT, newestInput(), process.env.XZZF_CLASSIC_ENTRY ?? ""]))
    .digest("hex")
    .slice(0, 16);
  const base = path.join(os.tmpdir(), `${SHARED_PREFIX}${key}`);
  const dir = path.join(base, "dist");
  const statsFile = path.join(base, "stats.json");
  const done = path.join(base, "done");
  const failed = path.join(base, "failed");
  const lock = path.join(base, "lock");
  fs.mkdirSync(base, { recursive: true });
  const start = Date.now();
  const deadline = start + BUILD_TIMEOUT_MS;
  for (;;) {
    if (fs.existsSync(done)) return { dir, built: false, statsFile };
    // A failure reported while we waited is this run's; an older one is retried.
    if (fs.existsSync(failed) && fs.statSync(failed).mtimeMs >= start - 1000) throw new Error(fs.readFileSync(failed, "utf8"));
    try {
      fs.mkdirSync(lock);
      break; // ours to build
    } catch {
      // Someone else is building; a lock older than the build timeout is a crashed builder's.
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > BUILD_TIMEOUT_MS) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for another process's production build in ${base}`);
      sleep(500);
    }
  }
  try {
    pruneOldBuilds(base);
    fs.rmSync(failed, { force: true });
    fs.rmSync(dir, { recursive: true, force: true });
    const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    const r = spawnSync(process.execPath, [cli, "--mode", "production", "--output-path", dir, "--json", statsFile], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: BUILD_TIMEOUT_MS - 10_000,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_ENV: "production" },
    });
    if (r.status !== 0 || !fs.existsSync(path.join(dir, "index.html")) || !fs.existsSync(statsFile)) {
      const why = r.error ? `did not finish within ${(BUILD_TIMEOUT_MS - 10_000) / 1000} s: ${r.error.message}` : `exited ${r.status ?? r.signal}`;
      const message = `webpack --mode production ${why}\n${String(r.stdout).slice(-4000)}\n${String(r.stderr).slice(-4000)}`;
      fs.writeFileSync(failed, message);
      throw new Error(message);
    }
    fs.writeFileSync(done, new Date().toISOString());
    return { dir, built: true, statsFile };
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The production build to test. `withStats`: one whose webpack stats are known (never a plain dist/).
 */
export function productionBundle(opts: { withStats?: boolean } = {}): ProductionBundle {
  const given = process.env.XZZF_E2E_DIST;
  if (given && !opts.withStats) return { dir: path.resolve(given), built: false };
  if (!opts.withStats) {
    const dist = freshDist();
    if (dist) return { dir: dist, built: false };
  }
  return sharedBuild();
}
