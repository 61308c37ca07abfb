/**
 * Deployment on an office's own network (docs/deploy/README.md): one production build with
 * `--env publicUrl=… --env catalog=…`, as `npm run build -- --env publicUrl=https://host/path/` runs
 * it, checked for a manifest that validates and names only that server, and for the .reg file that
 * adds the shared-folder catalog. Plus the helpers of build/deploy.js on their own.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { catalogGuid, DEFAULT_PUBLIC_URL, manifestForPublicUrl, normalizePublicUrl, registerCatalogReg } from "../build/deploy";
import { BUILD_TIMEOUT_MS } from "./e2e/bundle";

const ROOT = path.resolve(__dirname, "..");
const WEBPACK_CLI = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
const XSD = path.join(ROOT, "schemas", "OfficeAppManifestV1_1.xsd");
const PUBLIC_URL = "https://xzzf.example.gov.cn/tools/xzzf/";
const CATALOG = "\\\\fileserver\\addins\\xzzf"; // \\fileserver\addins\xzzf

let tmp: string;
let outDir: string;
let build: ReturnType<typeof spawnSync> | undefined;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xzzf-deploy-"));
  outDir = path.join(tmp, "dist");
  build = spawnSync(
    process.execPath,
    [WEBPACK_CLI, "--mode", "production", "--env", `publicUrl=${PUBLIC_URL}`, "--env", `catalog=${CATALOG}`, "--output-path", outDir],
    { cwd: ROOT, encoding: "utf8", timeout: BUILD_TIMEOUT_MS - 10_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: "production" } },
  );
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function built(): string {
  if (!build) throw new Error("the build did not run");
  if (build.error) throw new Error(`webpack did not finish: ${build.error.message}`);
  if (build.status !== 0) throw new Error(`webpack exited ${build.status}\n${String(build.stdout).slice(-4000)}\n${String(build.stderr).slice(-4000)}`);
  return outDir;
}

describe("npm run build -- --env publicUrl=… --env catalog=…", () => {
  test("dist/manifest.xml validates against the schema", () => {
    const r = spawnSync("xmllint", ["--noout", "--schema", XSD, path.join(built(), "manifest.xml")], { encoding: "utf8" });
    if (r.error) throw new Error(`xmllint could not run (install libxml2-utils): ${r.error.message}`);
    expect(r.stderr).toMatch(/validates/);
    expect(r.status).toBe(0);
  });

  test("every URL in the manifest is under publicUrl, none on localhost", () => {
    const xml = fs.readFileSync(path.join(built(), "manifest.xml"), "utf8");
    const body = xml.replace(/<!--[\s\S]*?-->/g, "");
    expect(body).not.toMatch(/localhost/);
    const urls = [...body.matchAll(/https?:\/\/[^"'<>\s]+/g)]
      .map((m) => m[0])
      .filter((u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"));
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const u of urls) expect(u.startsWith(PUBLIC_URL)).toBe(true);
    expect(body).toContain(`<SourceLocation DefaultValue="${PUBLIC_URL}taskpane.html"/>`);
    expect(body).toContain(`<bt:Url id="Xzzf.Taskpane.Url" DefaultValue="${PUBLIC_URL}taskpane.html"/>`);
    expect(body).toContain(`<IconUrl DefaultValue="${PUBLIC_URL}assets/icon-32.png"/>`);
    expect(body).toContain(`<HighResolutionIconUrl DefaultValue="${PUBLIC_URL}assets/icon-64.png"/>`);
    // Everything the manifest points at was built.
    for (const u of urls) expect(fs.existsSync(path.join(outDir, u.slice(PUBLIC_URL.length)))).toBe(true);
  });

  test("register-catalog.reg: UTF-16LE with BOM, CRLF, the TrustedCatalogs key for the share", () => {
    const bytes = fs.readFileSync(path.join(built(), "register-catalog.reg"));
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const text = bytes.subarray(2).toString("utf16le");
    expect(Buffer.from(text, "utf16le").equals(bytes.subarray(2))).toBe(true);
    expect(text.startsWith("Windows Registry Editor Version 5.00\r\n\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // every line ends in CRLF
    expect(text.endsWith("\r\n")).toBe(true);
    const key =
      /^\[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16\.0\\WEF\\TrustedCatalogs\\(\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\})\]$/m.exec(
        text,
      );
    expect(key).not.toBeNull();
    const id = /^"Id"="(\{[^"]+\})"$/m.exec(text);
    expect(id?.[1]).toBe(key![1]);
    expect(text).toMatch(/^"Url"="\\\\\\\\fileserver\\\\addins\\\\xzzf"$/m); // "\\\\fileserver\\addins\\xzzf" in the file
    expect(text).toMatch(/^"Flags"=dword:00000001$/m);
    expect(key![1]).toBe(catalogGuid(CATALOG));
  });

  test("the pages and scripts are the same kind of build as the default one", () => {
    for (const f of ["taskpane.html", "index.html", "office-js/office.js"]) expect(fs.existsSync(path.join(built(), f))).toBe(true);
    expect(fs.readdirSync(outDir).some((f) => /^classic\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
  });
});

describe("build/deploy.js", () => {
  test("publicUrl: defaults to https://localhost:3000/, gains a trailing slash, refuses what is not an http(s) URL", () => {
    expect(normalizePublicUrl(undefined)).toBe(DEFAULT_PUBLIC_URL);
    expect(DEFAULT_PUBLIC_URL).toBe("https://localhost:3000/");
    expect(normalizePublicUrl("https://host/path")).toBe("https://host/path/");
    expect(normalizePublicUrl("https://host:8443/a/b/")).toBe("https://host:8443/a/b/");
    for (const bad of ["host/path", "ftp://host/", "https://host/path?x=1", "file:///c:/xzzf/"]) expect(() => normalizePublicUrl(bad)).toThrow(/publicUrl/);
  });

  test("the manifest is unchanged by the default publicUrl and fully moved by another", () => {
    const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(manifestForPublicUrl(xml, DEFAULT_PUBLIC_URL)).toBe(xml);
    const moved = manifestForPublicUrl(xml, "https://a.example/x&y/");
    expect(moved).not.toContain("https://localhost:3000/");
    expect(moved).toContain("https://a.example/x&amp;y/taskpane.html");
  });

  test("the catalog GUID is stable per path (case-insensitive) and differs between paths", () => {
    expect(catalogGuid("\\\\srv\\share\\xzzf")).toBe(catalogGuid("\\\\SRV\\Share\\XZZF"));
    expect(catalogGuid("\\\\srv\\share\\xzzf")).not.toBe(catalogGuid("\\\\srv\\share\\other"));
    expect(registerCatalogReg("\\\\srv\\share\\xzzf\\").path).toBe("\\\\srv\\share\\xzzf");
    for (const bad of ["C:\\addins", "srv\\share", "\\\\srv", "https://srv/share"]) expect(() => registerCatalogReg(bad)).toThrow(/catalog/);
  });
});
