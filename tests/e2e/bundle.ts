/**
 * The production bundle for the e2e test: dist/ when it is a production build newer than every
 * source, else a fresh `webpack --mode production` into a temp dir (dist/ is left alone, so a
 * running `npm start` is not disturbed). XZZF_E2E_DIST=<dir> uses a given build.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const INPUTS = ["src", "assets", "webpack.config.js", "package-lock.json", "tsconfig.json", "manifest.xml"];
export const BUILD_TIMEOUT_MS = 300_000;

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let n = st.mtimeMs;
  for (const e of fs.readdirSync(p)) n = Math.max(n, newestMtime(path.join(p, e)));
  return n;
}

/** dist/ built in production mode (no source maps) after the last change of any input. */
function freshDist(): string | null {
  const dist = path.join(ROOT, "dist");
  const index = path.join(dist, "index.html");
  if (!fs.existsSync(index)) return null;
  const files = fs.readdirSync(dist);
  if (files.some((f) => f.endsWith(".map")) || !files.some((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f))) return null;
  const built = Math.min(...files.filter((f) => f.endsWith(".js") || f.endsWith(".html")).map((f) => fs.statSync(path.join(dist, f)).mtimeMs));
  const newest = Math.max(...INPUTS.map((i) => newestMtime(path.join(ROOT, i))));
  return built > newest ? dist : null;
}

export function productionBundle(): { dir: string; built: boolean } {
  const given = process.env.XZZF_E2E_DIST;
  if (given) return { dir: path.resolve(given), built: false };
  const dist = freshDist();
  if (dist) return { dir: dist, built: false };
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "xzzf-e2e-")), "dist");
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const r = spawnSync(process.execPath, [cli, "--mode", "production", "--output-path", dir], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: BUILD_TIMEOUT_MS - 10_000,
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (r.status !== 0 || !fs.existsSync(path.join(dir, "index.html"))) {
    throw new Error(`webpack --mode production failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
  return { dir, built: true };
}
