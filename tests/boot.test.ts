/**
 * @jest-environment jsdom
 *
 * src/boot/boot.js, the pages' first script (ES5, run as it is by every webview): which pane it picks
 * for real user-agent strings, and what it does to the page (the script it loads, the notices it
 * shows instead). The browser behaviour against the built pages is in the e2e tests.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "acorn";
import { FEATURES, xzzfBoot, xzzfChoosePane, xzzfDetectFeatures, xzzfMissingFeatures, xzzfOldEngine, type Features } from "../src/boot/boot";

const BOOT_JS = path.resolve(__dirname, "..", "src", "boot", "boot.js");
const FALLBACK_JS = path.resolve(__dirname, "..", "src", "boot", "office-fallback.js");

const all = (value: boolean): Features => Object.fromEntries(FEATURES.map((f) => [f, value]));
/** What IE11 has of the list: Map, Set, WeakMap; no Promise, Symbol, fetch, CSS.supports. */
const IE11: Features = { ...all(false), Map: true, Set: true, WeakMap: true };
/** EdgeHTML 18: ES2017 and fetch, CSS variables; none of the 2019+ built-ins. */
const EDGE18: Features = {
  ...all(false),
  Promise: true,
  Symbol: true,
  Map: true,
  Set: true,
  WeakMap: true,
  Proxy: true,
  fetch: true,
  "CSS custom properties": true,
};
const MODERN = all(true);

const UA = {
  ie11Win10: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko",
  ie11Win7: "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko",
  officeTrident:
    "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; .NET CLR 2.0.50727; .NET CLR 3.0.30729; .NET CLR 3.5.30729; ms-office; MSOffice 16) like Gecko",
  officeTridentCompat: "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16)",
  edgeHtml18: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.17763",
  webView2: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
  wkWebViewMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
  safari17Mac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15",
  chrome: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  firefox: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
  edgeChromium: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51",
  se360IeMode:
    "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; .NET CLR 2.0.50727; .NET CLR 3.0.30729; .NET CLR 3.5.30729; rv:11.0) like Gecko",
  se360IeMode7: "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 6.1; WOW64; Trident/7.0; SLCC2; .NET CLR 2.0.50727; 360SE)",
  qqIeMode: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; Core/1.94.225.400 QQBrowser/12.0.5552.400; rv:11.0) like Gecko",
  se360Fast: "Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.0.0 Safari/537.36 QIHU 360EE",
  qqFast:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36 Core/1.116.438.400 QQBrowser/13.0.6070.400",
};

type Row = [name: keyof typeof UA, features: Features, taskpane: "modern" | "classic", index: "modern" | "unsupported"];
const TABLE: Row[] = [
  ["ie11Win10", IE11, "classic", "unsupported"],
  ["ie11Win7", IE11, "classic", "unsupported"],
  ["officeTrident", IE11, "classic", "unsupported"],
  ["officeTridentCompat", IE11, "classic", "unsupported"],
  ["edgeHtml18", EDGE18, "classic", "unsupported"],
  ["se360IeMode", IE11, "classic", "unsupported"],
  ["se360IeMode7", IE11, "classic", "unsupported"],
  ["qqIeMode", IE11, "classic", "unsupported"],
  ["webView2", MODERN, "modern", "modern"],
  ["wkWebViewMac", MODERN, "modern", "modern"],
  ["safari17Mac", MODERN, "modern", "modern"],
  ["chrome", MODERN, "modern", "modern"],
  ["firefox", MODERN, "modern", "modern"],
  ["edgeChromium", MODERN, "modern", "modern"],
  ["se360Fast", MODERN, "modern", "modern"],
  ["qqFast", MODERN, "modern", "modern"],
];

describe("xzzfChoosePane over real user agents", () => {
  test.each(TABLE)("%s: %#", (name, features, taskpane, index) => {
    expect(xzzfChoosePane(UA[name], features, "taskpane")).toBe(taskpane);
    expect(xzzfChoosePane(UA[name], features, "index")).toBe(index);
  });

  test.each(["ie11Win10", "officeTrident", "edgeHtml18", "se360IeMode", "qqIeMode"] as const)(
    "%s stays classic / unsupported even when every feature looks present (Microsoft's user-agent check decides)",
    (name) => {
      expect(xzzfChoosePane(UA[name], MODERN, "taskpane")).toBe("classic");
      expect(xzzfChoosePane(UA[name], MODERN, "index")).toBe("unsupported");
    },
  );

  test("Chromium Edge and WebView2 (Edg/) are not EdgeHTML (Edge/)", () => {
    expect(xzzfOldEngine(UA.webView2)).toBeNull();
    expect(xzzfOldEngine(UA.edgeChromium)).toBeNull();
    expect(xzzfOldEngine(UA.edgeHtml18)).toBe("edgehtml");
    expect(xzzfOldEngine(UA.officeTrident)).toBe("trident");
    expect(xzzfOldEngine(UA.se360IeMode7)).toBe("trident");
  });

  test.each(FEATURES)("a current user agent without %s gets the classic pane in Excel and the notice on the web page", (missing) => {
    const features = { ...MODERN, [missing]: false };
    expect(xzzfMissingFeatures(features)).toEqual([missing]);
    expect(xzzfChoosePane(UA.chrome, features, "taskpane")).toBe("classic");
    expect(xzzfChoosePane(UA.safari17Mac, features, "index")).toBe("unsupported");
  });

  test("no features reported at all counts as missing", () => {
    expect(xzzfChoosePane(UA.chrome, {}, "taskpane")).toBe("classic");
    expect(xzzfChoosePane("", {}, "index")).toBe("unsupported");
  });
});

describe("xzzfDetectFeatures", () => {
  /** A window with everything the modern pane needs. */
  function modernWindow(): Record<string, unknown> {
    const fn = () => undefined;
    const g: Record<string, unknown> = {
      Promise,
      Symbol,
      Map,
      Set,
      WeakMap,
      Proxy,
      fetch: fn,
      queueMicrotask: fn,
      structuredClone: fn,
      Object,
      Array,
      String,
      Element: { prototype: { replaceChildren: fn } },
      CSS: { supports: (q: string) => q === "(--a: 0)" },
    };
    g.globalThis = g;
    return g;
  }

  test("reports every feature of a modern window", () => {
    expect(xzzfMissingFeatures(xzzfDetectFeatures(modernWindow()))).toEqual([]);
  });

  test("reports what an IE11-like window lacks, without throwing", () => {
    const ie = { Map, Set, WeakMap, Object: { keys: Object.keys }, Array: { prototype: {} }, String: { prototype: {} }, Element: { prototype: {} } };
    const missing = xzzfMissingFeatures(xzzfDetectFeatures(ie));
    for (const f of [
      "Promise",
      "Symbol",
      "fetch",
      "globalThis",
      "Array.prototype.flatMap",
      "String.prototype.replaceAll",
      "Element.prototype.replaceChildren",
      "CSS custom properties",
    ]) {
      expect(missing).toContain(f);
    }
    expect(missing).not.toContain("Map");
    expect(xzzfMissingFeatures(xzzfDetectFeatures(undefined))).toEqual(FEATURES);
  });

  test("CSS.supports throwing counts as no custom properties", () => {
    const w = modernWindow();
    w.CSS = {
      supports: () => {
        throw new Error("nope");
      },
    };
    expect(xzzfMissingFeatures(xzzfDetectFeatures(w))).toEqual(["CSS custom properties"]);
  });
});

describe("xzzfBoot in the page", () => {
  function page(kind: "taskpane" | "index"): HTMLScriptElement {
    document.documentElement.removeAttribute("data-pane");
    document.head.innerHTML = "";
    document.body.innerHTML = '<div id="root"><p>正在加载… Loading…</p></div>';
    const s = document.createElement("script");
    s.id = "xzzf-boot";
    s.setAttribute("data-page", kind);
    s.setAttribute("data-modern", "taskpane.11111111.js");
    if (kind === "taskpane") s.setAttribute("data-classic", "classic.22222222.js classic.extra.33333333.js");
    document.head.appendChild(s);
    return s;
  }
  function fakeWindow(ua: string, opts: { office?: boolean; modern?: boolean } = {}): Window {
    const fn = () => undefined;
    const w: Record<string, unknown> = { navigator: { userAgent: ua } };
    if (opts.modern) {
      Object.assign(w, {
        Promise,
        Symbol,
        Map,
        Set,
        WeakMap,
        Proxy,
        Object,
        Array,
        String,
        fetch: fn,
        queueMicrotask: fn,
        structuredClone: fn,
        Element: { prototype: { replaceChildren: fn } },
        CSS: { supports: () => true },
      });
      w.globalThis = w;
    }
    if (opts.office) w.Office = { onReady: fn };
    return w as unknown as Window;
  }
  const added = () => [...document.head.querySelectorAll("script:not(#xzzf-boot)")].map((s) => s.getAttribute("src"));

  test("taskpane.html in a modern webview loads the modern entry", () => {
    page("taskpane");
    xzzfBoot(fakeWindow(UA.webView2, { office: true, modern: true }), document);
    expect(document.documentElement.getAttribute("data-pane")).toBe("modern");
    expect(added()).toEqual(["taskpane.11111111.js"]);
  });

  test("taskpane.html in Trident loads the classic entry's files one after the other", () => {
    page("taskpane");
    xzzfBoot(fakeWindow(UA.officeTrident, { office: true }), document);
    expect(document.documentElement.getAttribute("data-pane")).toBe("classic");
    expect(added()).toEqual(["classic.22222222.js"]);
    (document.head.querySelector('script[src="classic.22222222.js"]') as HTMLScriptElement).onload!(new Event("load"));
    expect(added()).toEqual(["classic.22222222.js", "classic.extra.33333333.js"]);
  });

  test("a script that fails to load is reported in the page, not left as a blank pane", () => {
    page("taskpane");
    xzzfBoot(fakeWindow(UA.chrome, { office: true, modern: true }), document);
    (document.head.querySelector('script[src="taskpane.11111111.js"]') as HTMLScriptElement).onerror!(new Event("error"));
    const alert = document.querySelector('#root [role="alert"]');
    expect(alert?.textContent).toContain("taskpane.11111111.js");
    expect(alert?.textContent).toContain("加载失败");
  });

  test("taskpane.html without office.js (CDN and this server's copy both failed) says so, in Chinese", () => {
    page("taskpane");
    xzzfBoot(fakeWindow(UA.webView2, { modern: true }), document);
    expect(document.documentElement.getAttribute("data-pane")).toBe("no-office");
    expect(added()).toEqual([]);
    const text = document.getElementById("root")!.textContent!;
    expect(text).toContain("无法加载 office.js");
    expect(text).toContain("请检查网络或联系管理员");
    expect(text).toContain("index.html");
    expect(document.querySelector('#root a[href="index.html"]')).not.toBeNull();
  });

  test.each(["se360IeMode", "qqIeMode", "edgeHtml18"] as const)("index.html in %s shows how to switch to a current engine", (name) => {
    page("index");
    xzzfBoot(fakeWindow(UA[name]), document);
    expect(document.documentElement.getAttribute("data-pane")).toBe("unsupported");
    expect(added()).toEqual([]);
    const root = document.getElementById("root")!;
    expect(root.textContent).toContain("极速模式");
    expect(root.querySelector('[lang="en"]')?.textContent).toMatch(/current Edge, Chrome or Firefox/);
    expect(root.textContent).not.toContain("正在加载");
  });

  test("index.html in a current browser loads the modern entry and never the classic one", () => {
    page("index");
    xzzfBoot(fakeWindow(UA.firefox, { modern: true }), document);
    expect(document.documentElement.getAttribute("data-pane")).toBe("modern");
    expect(added()).toEqual(["taskpane.11111111.js"]);
  });
});

describe("the boot scripts as files", () => {
  test.each([BOOT_JS, FALLBACK_JS])("%s parses as ES5 and builds no DOM from strings (except the one document.write)", (file) => {
    const text = fs.readFileSync(file, "utf8");
    expect(() => parse(text, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    expect(text).not.toMatch(/\.innerHTML\s*=|insertAdjacentHTML|\beval\s*\(|new Function/);
    expect(text).not.toMatch(/\b(?:replaceChildren|append|prepend|closest|dataset|classList|forEach|includes|startsWith)\s*\(/);
  });

  test("office-fallback.js writes this server's office.js only when window.Office is missing", () => {
    const text = fs.readFileSync(FALLBACK_JS, "utf8");
    const written: string[] = [];
    const removed: string[] = [];
    const run = (office: unknown) => {
      const me = { getAttribute: (name: string) => (name === "data-src" ? "office-js/office.js" : "office-fallback.1234abcd.js") };
      const script = (src: string) => {
        const el = { getAttribute: () => src, parentNode: { removeChild: () => removed.push(src) } };
        return el;
      };
      const scripts = [script("https://appsforoffice.microsoft.com/lib/1/hosted/office.js"), me, script("boot.1234abcd.js")];
      const fakeDoc = { getElementById: () => me, getElementsByTagName: () => scripts, write: (s: string) => written.push(s) };
      // eslint-disable-next-line no-new-func -- the file under test, run with a fake window and document
      new Function("window", "document", text)({ Office: office }, fakeDoc);
    };
    run({});
    expect(written).toEqual([]);
    expect(removed).toEqual([]);
    run(undefined);
    expect(written).toEqual(['<script src="office-js/office.js"></script>']);
    // office.js finds its folder from the first script named office.js: the CDN's failed one must go.
    expect(removed).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  });
});
