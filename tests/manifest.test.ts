/**
 * The Office add-in manifest: schema-valid (xmllint + Microsoft's XSDs in schemas/), least privilege,
 * Excel-only requirement, zh-CN first with en-US overrides, and icons that exist at the right size.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SaxesParser } from "saxes";
import { manifestForPublicUrl } from "../build/deploy";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const XSD = path.join(ROOT, "schemas", "OfficeAppManifestV1_1.xsd");
const ASSETS = path.join(ROOT, "assets");
const ORIGIN = "https://localhost:3000";

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

interface El {
  uri: string;
  local: string;
  /** Attributes by qualified name as written, e.g. "DefaultValue", "xsi:type". */
  attrs: Record<string, string>;
  children: El[];
  text: string;
  parent?: El;
}

function parseXml(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const doc: El = { uri: "", local: "#document", attrs: {}, children: [], text: "" };
  let cur = doc;
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attrs[a.name] = a.value;
    const el: El = { uri: tag.uri, local: tag.local, attrs, children: [], text: "", parent: cur };
    cur.children.push(el);
    cur = el;
  });
  parser.on("text", (t) => {
    cur.text += t;
  });
  parser.on("closetag", () => {
    cur = cur.parent ?? doc;
  });
  parser.write(xml).close();
  return doc;
}

function all(el: El, pred: (e: El) => boolean, out: El[] = []): El[] {
  for (const c of el.children) {
    if (pred(c)) out.push(c);
    all(c, pred, out);
  }
  return out;
}
const named = (uri: string, local: string) => (e: El) => e.uri === uri && e.local === local;
const kids = (el: El, uri: string, local: string) => el.children.filter(named(uri, local));
function one(el: El, uri: string, local: string): El {
  const found = kids(el, uri, local);
  expect(found.map((e) => e.local)).toEqual([local]);
  return found[0];
}

function xmllint(file: string) {
  const r = spawnSync("xmllint", ["--noout", "--schema", XSD, file], { encoding: "utf8" });
  if (r.error) throw new Error(`xmllint could not run (install libxml2-utils): ${r.error.message}`);
  return r;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (buf.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file}: first chunk is not IHDR`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const xml = fs.readFileSync(MANIFEST, "utf8");
const doc = parseXml(xml);
const app = one(doc, NS.app, "OfficeApp");
const overrides = one(app, NS.ov, "VersionOverrides");
/** Every attribute value and text node in the document (comments and namespace declarations excluded). */
const allValues = all(doc, () => true).flatMap((e) => [
  ...Object.entries(e.attrs)
    .filter(([k]) => k !== "xmlns" && !k.startsWith("xmlns:"))
    .map(([, v]) => v),
  e.text.trim(),
]);
const resources = one(overrides, NS.ov, "Resources");

describe("manifest.xml schema validation", () => {
  test("validates against OfficeAppManifestV1_1.xsd (with the task-pane VersionOverrides 1.0 import)", () => {
    const r = xmllint(MANIFEST);
    expect(r.stderr).toMatch(/validates/);
    expect(r.status).toBe(0);
  });

  describe("broken copies are rejected, so the check above can fail", () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "xzzf-manifest-"));
    });
    afterAll(() => {
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const cases: Array<[string, (s: string) => string]> = [
      ["without <Permissions>", (s) => s.replace(/\s*<Permissions>[^<]*<\/Permissions>/, "")],
      ["without the ShowTaskpane <SourceLocation> (checked by the VersionOverrides schema)", (s) => s.replace(/\s*<SourceLocation resid="[^"]*"\s*\/>/, "")],
      ["with an unknown permission", (s) => s.replace("<Permissions>ReadWriteDocument<", "<Permissions>FullControl<")],
      ["with an over-long resource id", (s) => s.replace(/resid="Xzzf\.Button\.Label"/, `resid="${"X".repeat(33)}"`)],
    ];
    test.each(cases)("%s", (_name, breakIt) => {
      const broken = breakIt(xml);
      expect(broken).not.toBe(xml);
      const file = path.join(dir, "manifest.xml");
      fs.writeFileSync(file, broken);
      const r = xmllint(file);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/fails to validate|error/);
    });
  });
});

describe("manifest.xml for another server (npm run build -- --env publicUrl=…)", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "xzzf-manifest-url-"));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test.each(["https://xzzf.example.gov.cn/", "https://10.1.2.3:8443/tools/xzzf/"])("moved to %s it still validates and names only that URL", (url) => {
    const moved = manifestForPublicUrl(xml, url);
    const file = path.join(dir, "manifest.xml");
    fs.writeFileSync(file, moved);
    const r = xmllint(file);
    expect(r.stderr).toMatch(/validates/);
    expect(r.status).toBe(0);
    const values = all(parseXml(moved), () => true).flatMap((e) =>
      Object.entries(e.attrs)
        .filter(([k]) => k !== "xmlns" && !k.startsWith("xmlns:"))
        .map(([, v]) => v),
    );
    const urls = values.filter((v) => /^https?:/.test(v));
    expect(urls).toHaveLength(allValues.filter((v) => /^https?:/.test(v)).length);
    for (const u of urls) expect(u.startsWith(url)).toBe(true);
  });
});

describe("manifest.xml content", () => {
  test("is an Excel task-pane add-in with a fixed Id", () => {
    expect(app.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(one(app, NS.app, "Id").text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const hosts = kids(one(app, NS.app, "Hosts"), NS.app, "Host").map((h) => h.attrs.Name);
    expect(hosts).toEqual(["Workbook"]);
  });

  test("asks for ReadWriteDocument and nothing more", () => {
    const perms = all(app, (e) => e.local === "Permissions");
    expect(perms).toHaveLength(1);
    expect(perms[0].text.trim()).toBe("ReadWriteDocument");
    // No extra origins, no sign-in: the pane talks to nothing but its own page.
    expect(all(app, (e) => e.local === "AppDomains" || e.local === "WebApplicationInfo")).toEqual([]);
  });

  test("requires ExcelApi 1.1", () => {
    const sets = one(one(app, NS.app, "Requirements"), NS.app, "Sets");
    expect(sets.attrs.DefaultMinVersion).toBe("1.1");
    expect(kids(sets, NS.app, "Set").map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([["ExcelApi", "1.1"]]);
  });

  test("opens taskpane.html from https://localhost:3000", () => {
    const src = one(one(app, NS.app, "DefaultSettings"), NS.app, "SourceLocation");
    expect(src.attrs.DefaultValue).toBe(`${ORIGIN}/taskpane.html`);
    const urls = all(resources, (e) => e.uri === NS.bt && e.local === "Url");
    expect(urls.map((u) => u.attrs.DefaultValue)).toEqual([`${ORIGIN}/taskpane.html`]);
    // Every URL in the manifest is on the one origin the pane is served from.
    const allUrls = allValues.filter((v) => /^[a-z][a-z0-9+.-]*:/i.test(v) && !/^(?:ov|bt|xsi):/.test(v));
    expect(allUrls.length).toBeGreaterThan(0);
    for (const u of allUrls) expect(u.startsWith(`${ORIGIN}/`)).toBe(true);
  });

  test("defaults to zh-CN with en-US overrides for the name, the description and every ribbon string", () => {
    expect(one(app, NS.app, "DefaultLocale").text.trim()).toBe("zh-CN");
    const localized = [one(app, NS.app, "DisplayName"), one(app, NS.app, "Description")];
    const strings = all(resources, (e) => e.uri === NS.bt && e.local === "String");
    expect(strings.length).toBeGreaterThanOrEqual(3);
    for (const el of [...localized, ...strings]) {
      expect(el.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/); // the default text is Chinese
      const en = el.children.filter((c) => c.local === "Override" && c.attrs.Locale === "en-US");
      expect(en).toHaveLength(1);
      expect(en[0].attrs.Value).toMatch(/^[\x20-\x7e]+$/);
      expect(en[0].attrs.Value.trim()).not.toBe("");
    }
    expect(localized[0].attrs.DefaultValue).toBe("行政执法统计填报助手");
  });

  test("puts a 执法统计 button on the Home tab that shows the task pane", () => {
    const host = one(one(overrides, NS.ov, "Hosts"), NS.ov, "Host");
    expect(host.attrs["xsi:type"]).toBe("Workbook");
    const tabs = all(host, named(NS.ov, "OfficeTab"));
    expect(tabs.map((t) => t.attrs.id)).toEqual(["TabHome"]);
    const buttons = all(tabs[0], (e) => e.local === "Control" && e.attrs["xsi:type"] === "Button");
    expect(buttons).toHaveLength(1);
    const labelId = one(buttons[0], NS.ov, "Label").attrs.resid;
    const label = all(resources, (e) => e.uri === NS.bt && e.local === "String" && e.attrs.id === labelId);
    expect(label.map((l) => l.attrs.DefaultValue)).toEqual(["执法统计"]);
    const action = one(buttons[0], NS.ov, "Action");
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
  });

  test("every resid points at a defined resource", () => {
    const ids = new Set(all(resources, (e) => e.attrs.id !== undefined).map((e) => e.attrs.id));
    const refs = all(overrides, (e) => e.attrs.resid !== undefined).map((e) => e.attrs.resid);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(ids).toContain(r);
  });
});

describe("icons", () => {
  /** URL -> sizes it is used at, from the element that names it. */
  function iconUses(): Map<string, Set<number>> {
    const uses = new Map<string, Set<number>>();
    const add = (url: string, size: number) => {
      if (!uses.has(url)) uses.set(url, new Set());
      uses.get(url)!.add(size);
    };
    const withOverrides = (el: El) => [el.attrs.DefaultValue, ...el.children.filter((c) => c.local === "Override").map((c) => c.attrs.Value)];
    for (const u of withOverrides(one(app, NS.app, "IconUrl"))) add(u, 32);
    for (const u of withOverrides(one(app, NS.app, "HighResolutionIconUrl"))) add(u, 64);
    const images = all(one(resources, NS.bt, "Images"), named(NS.bt, "Image"));
    for (const img of images) {
      const refSizes = all(overrides, (e) => e.uri === NS.bt && e.local === "Image" && e.attrs.resid === img.attrs.id).map((e) => Number(e.attrs.size));
      expect(refSizes.length).toBeGreaterThan(0); // no unused image resources
      for (const u of withOverrides(img)) for (const s of refSizes) add(u, s);
    }
    return uses;
  }

  test("every icon URL in the manifest is a PNG in assets/ with the pixel size it is used at", () => {
    const uses = iconUses();
    // Nothing that looks like an image escaped the collection above.
    const imageLike = new Set(allValues.filter((v) => /\.(?:png|jpe?g|gif|bmp|svg|ico)(?:[?#].*)?$/i.test(v)));
    expect([...imageLike].sort()).toEqual([...uses.keys()].sort());
    expect(uses.size).toBeGreaterThanOrEqual(4);
    for (const [url, sizes] of uses) {
      expect(url.startsWith(`${ORIGIN}/assets/`)).toBe(true);
      const file = path.join(ASSETS, decodeURIComponent(url.slice(`${ORIGIN}/assets/`.length)));
      expect(fs.existsSync(file)).toBe(true);
      expect(sizes.size).toBe(1); // one URL is never asked to be two sizes
      const [size] = [...sizes];
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  test("the ribbon gets the mandatory 16, 32 and 80 px icons", () => {
    const sizes = new Set(all(overrides, (e) => e.uri === NS.bt && e.local === "Image" && e.attrs.size !== undefined).map((e) => Number(e.attrs.size)));
    for (const s of [16, 32, 80]) expect(sizes).toContain(s);
  });

  test.each([16, 32, 64, 80, 128])("assets/icon-%i.png has that many pixels a side", (size) => {
    expect(pngSize(path.join(ASSETS, `icon-${size}.png`))).toEqual({ width: size, height: size });
  });
});
