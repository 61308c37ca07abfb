/**
 * Nothing leaves the machine: no telemetry / analytics reporter may be part of what ships.
 *  - package-lock.json: no package outside the dev-only tree matches the reporter pattern, and the
 *    dev-only matches are exactly the ones allow-listed below.
 *  - dist/ (when a production build is there, e.g. after `npm run build`): no collector endpoint or
 *    reporter SDK in the shipped files. tests/build.test.ts checks a fresh build the same way.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

const TELEMETRY_PACKAGE =
  /applicationinsights|usage-data|office-addin-usage-data|analytics|telemetry|sentry|mixpanel|segment|amplitude|posthog|datadog|newrelic|bugsnag|rollbar|logrocket/i;

/**
 * Dev-only packages that match the pattern. They never ship to users and are not loaded by the
 * add-in, the web page or the xzzf CLI at run time.
 *  - office-addin-usage-data: pulled in by office-addin-dev-certs (used by `npm start` for the
 *    localhost certificate).
 *    In 3.x every report* method is an empty no-op (Microsoft removed the usage-data reporting);
 *    it has no network code and no dependency besides commander.
 */
const DEV_ONLY_ALLOWLIST = new Set(["office-addin-usage-data"]);

/** Collector endpoints and reporter SDK identifiers (same list as tests/build.test.ts). */
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

interface LockEntry {
  name?: string;
  version?: string;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  link?: boolean;
}
interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

const lock: Lockfile = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));

/** "node_modules/a/node_modules/@s/b" -> "@s/b" (or the entry's own name for links/workspaces). */
function nameOf(key: string, entry: LockEntry): string {
  const i = key.lastIndexOf("node_modules/");
  return i === -1 ? (entry.name ?? key) : key.slice(i + "node_modules/".length);
}

const installed = Object.entries(lock.packages)
  .filter(([key]) => key !== "") // "" is the project itself
  .map(([key, entry]) => ({ key, name: nameOf(key, entry), entry }));

describe("package-lock.json", () => {
  test("is lockfileVersion 3 with a packages map", () => {
    expect(lock.lockfileVersion).toBe(3);
    expect(installed.length).toBeGreaterThan(50);
  });

  test("the pattern catches reporters and spares ordinary packages", () => {
    for (const bad of [
      "office-addin-usage-data",
      "applicationinsights",
      "@sentry/browser",
      "posthog-js",
      "@segment/analytics-next",
      "mixpanel-browser",
      "@datadog/browser-rum",
    ]) {
      expect(TELEMETRY_PACKAGE.test(bad)).toBe(true);
    }
    for (const ok of ["react", "exceljs", "@fluentui/react-components", "zod", "fflate", "saxes"]) {
      expect(TELEMETRY_PACKAGE.test(ok)).toBe(false);
    }
  });

  test("no telemetry/analytics package is in the production dependency tree", () => {
    // Only `"dev": true` entries are dev-only; optional and devOptional ones may end up in production.
    const prod = installed.filter(({ name, entry }) => !entry.dev && TELEMETRY_PACKAGE.test(name));
    expect(prod.map(({ key }) => key)).toEqual([]);
  });

  test("dev-only matches are exactly the allow-listed ones", () => {
    const dev = installed.filter(({ name, entry }) => entry.dev && TELEMETRY_PACKAGE.test(name));
    const unexpected = dev.filter(({ name }) => !DEV_ONLY_ALLOWLIST.has(name)).map(({ key }) => key);
    expect(unexpected).toEqual([]);
  });

  test("direct production dependencies contain no reporter", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
    expect(Object.keys(pkg.dependencies ?? {}).filter((n) => TELEMETRY_PACKAGE.test(n) || DEV_ONLY_ALLOWLIST.has(n))).toEqual([]);
  });
});

describe("built bundle in dist/", () => {
  const dist = path.join(ROOT, "dist");
  const files = fs.existsSync(dist) ? fs.readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) => /\.(m?js|html)$/.test(f)) : [];

  (files.length > 0 ? test : test.skip)("contains no telemetry endpoint or reporter SDK", () => {
    for (const f of files) {
      const text = fs.readFileSync(path.join(dist, f), "utf8");
      for (const marker of TELEMETRY_MARKERS) {
        expect({ file: f, marker: String(marker), found: marker.test(text) }).toEqual({ file: f, marker: String(marker), found: false });
      }
      expect({ file: f, pkg: text.includes("office-addin-usage-data") }).toEqual({ file: f, pkg: false });
    }
  });
});
