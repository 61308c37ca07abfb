/**
 * The installed entry point as users run it: bin/xzzf.js over the bundle of webpack.cli.config.js,
 * built into a temp folder next to a copy of bin/xzzf.js and package.json (the layout bin/xzzf.js
 * expects), so a test neither needs nor disturbs the project's dist-cli.
 */
import { spawnSync } from "child_process";
import { copyFileSync, mkdirSync } from "fs";
import { join, resolve } from "path";

export const ROOT = resolve(__dirname, "..", "..");

/** Builds the CLI bundle under `dir` and returns the path of its bin/xzzf.js. */
export function buildCli(dir: string): string {
  const webpack = require.resolve("webpack/bin/webpack.js", { paths: [ROOT] });
  const out = join(dir, "dist-cli", "bundle");
  const build = spawnSync(process.execPath, [webpack, "--config", join(ROOT, "webpack.cli.config.js"), "--env", `outDir=${out}`], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`the CLI bundle did not build:\n${build.stdout}${build.stderr}`);
  mkdirSync(join(dir, "bin"));
  copyFileSync(join(ROOT, "bin", "xzzf.js"), join(dir, "bin", "xzzf.js"));
  copyFileSync(join(ROOT, "package.json"), join(dir, "package.json"));
  return join(dir, "bin", "xzzf.js");
}

/** The environment a built CLI runs in: exceljs, which the bundle leaves out, from the project's node_modules. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NODE_PATH: join(ROOT, "node_modules"), ...extra };
}
