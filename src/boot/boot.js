/*
 * The first script of both pages (taskpane.html for Excel, index.html for the web page). Plain ES5,
 * no polyfills, IE11-safe APIs only: it is the one script every webview we may land in must parse
 * and run, Trident (Office 2016/2019 volume licence, IE11 engine) included. tests/build.test.ts
 * parses it with acorn at ecmaVersion 5; tests/boot.test.ts runs xzzfChoosePane over real
 * user-agent strings.
 *
 * It decides which pane to load:
 *   modern  - the React/Fluent UI pane (the "taskpane" bundle), for WebView2, WKWebView, current browsers;
 *   classic - the plain-DOM ES5 pane (the "classic" bundle), for Trident and EdgeHTML webviews, and for
 *             any webview that lacks what the modern pane needs;
 *   unsupported - index.html in an old browser (e.g. a dual-core browser in IE mode): the web page has
 *             no classic version (the classic pane needs Excel), so it says how to get a current engine.
 * and, on taskpane.html, refuses to go on when neither office.js (CDN, then this server's copy loaded
 * by office-fallback.js) could load.
 *
 * The page tells it what to load through its own <script id="xzzf-boot"> element (written by
 * webpack.config.js through src/taskpane/index.html):
 *   data-page="taskpane"|"index"
 *   data-modern="taskpane.1234abcd.js"   (space-separated, loaded in order)
 *   data-classic="classic.1234abcd.js"   (space-separated, loaded in order; taskpane.html only)
 * and it sets <html data-pane="modern"|"classic"|"unsupported"|"no-office"> before loading anything.
 */
/* global window, document */
(function (root, factory) {
  var api = factory();
  if (typeof module !== "undefined" && module && module.exports) module.exports = api; // jest (tests/boot.test.ts)
  if (typeof window !== "undefined" && typeof document !== "undefined" && !(typeof module !== "undefined" && module && module.exports)) {
    api.xzzfBoot(window, document);
  }
})(this, function () {
  "use strict";

  /**
   * What the modern pane (React 19, Fluent UI v9, the bundle built for build/targets.js MODERN) calls
   * without polyfills. Array.prototype.at, Object.hasOwn and structuredClone are the newest of them
   * (Safari 15.4, Chrome 98, Firefox 94): a runtime with those parses the modern bundle's syntax too.
   */
  var FEATURES = [
    "Promise",
    "Symbol",
    "Map",
    "Set",
    "WeakMap",
    "Proxy",
    "fetch",
    "globalThis",
    "queueMicrotask",
    "structuredClone",
    "Object.hasOwn",
    "Object.fromEntries",
    "Array.prototype.flatMap",
    "Array.prototype.at",
    "String.prototype.replaceAll",
    "String.prototype.matchAll",
    "Element.prototype.replaceChildren",
    "CSS custom properties",
  ];

  function has(obj, name) {
    try {
      return obj != null && typeof obj[name] === "function";
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no optional catch binding
    } catch (e) {
      return false;
    }
  }

  /** { name: boolean } for every entry of FEATURES, probed on `win` (a window). */
  function xzzfDetectFeatures(win) {
    var f = {};
    var g = win || {};
    f["Promise"] = has(g, "Promise") && has(g.Promise, "resolve");
    f["Symbol"] = has(g, "Symbol") && typeof g.Symbol.iterator === "symbol";
    f["Map"] = has(g, "Map");
    f["Set"] = has(g, "Set");
    f["WeakMap"] = has(g, "WeakMap");
    f["Proxy"] = has(g, "Proxy");
    f["fetch"] = has(g, "fetch");
    f["globalThis"] = typeof g.globalThis === "object" && g.globalThis !== null;
    f["queueMicrotask"] = has(g, "queueMicrotask");
    f["structuredClone"] = has(g, "structuredClone");
    f["Object.hasOwn"] = has(g.Object, "hasOwn");
    f["Object.fromEntries"] = has(g.Object, "fromEntries");
    f["Array.prototype.flatMap"] = !!g.Array && has(g.Array.prototype, "flatMap");
    f["Array.prototype.at"] = !!g.Array && has(g.Array.prototype, "at");
    f["String.prototype.replaceAll"] = !!g.String && has(g.String.prototype, "replaceAll");
    f["String.prototype.matchAll"] = !!g.String && has(g.String.prototype, "matchAll");
    f["Element.prototype.replaceChildren"] = !!g.Element && has(g.Element.prototype, "replaceChildren");
    var cssOk = false;
    try {
      cssOk = !!(g.CSS && typeof g.CSS.supports === "function" && g.CSS.supports("(--a: 0)"));
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no optional catch binding
    } catch (e) {
      cssOk = false;
    }
    f["CSS custom properties"] = cssOk;
    return f;
  }

  /**
   * Microsoft's check ("Support older Microsoft webviews and Office versions"): "Trident" in the user
   * agent is the IE11 engine, "Edge/" EdgeHTML (Edge Legacy). Chromium Edge and WebView2 say "Edg/".
   */
  function xzzfOldEngine(ua) {
    var s = String(ua || "");
    if (s.indexOf("Trident") !== -1 || s.indexOf("MSIE ") !== -1) return "trident";
    if (/\bEdge\/\d/.test(s)) return "edgehtml";
    return null;
  }

  /** The features in FEATURES that `features` does not report as present. */
  function xzzfMissingFeatures(features) {
    var missing = [];
    for (var i = 0; i < FEATURES.length; i++) {
      if (!features || features[FEATURES[i]] !== true) missing.push(FEATURES[i]);
    }
    return missing;
  }

  /**
   * The pure decision: "modern" | "classic" on taskpane.html, "modern" | "unsupported" on index.html.
   * A Trident or EdgeHTML user agent settles it even when the features look present (a polyfilled
   * page, or a test double); otherwise any missing feature does.
   */
  function xzzfChoosePane(ua, features, page) {
    var old = xzzfOldEngine(ua) !== null || xzzfMissingFeatures(features).length > 0;
    if (!old) return "modern";
    return page === "taskpane" ? "classic" : "unsupported";
  }

  // ───────────────────────── in the page ─────────────────────────

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }

  function para(doc, text, attrs) {
    var p = doc.createElement("p");
    p.appendChild(doc.createTextNode(text));
    if (attrs) for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) p.setAttribute(k, attrs[k]);
    return p;
  }

  function rootOf(doc) {
    var root = doc.getElementById("root");
    if (!root) {
      root = doc.createElement("div");
      root.id = "root";
      (doc.body || doc.documentElement).appendChild(root);
    }
    return root;
  }

  /** A notice in place of the pane: a heading, lines of Chinese, one English line, optionally a link. */
  function notice(doc, title, lines, english, link) {
    var root = rootOf(doc);
    clear(root);
    var box = doc.createElement("div");
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "boot-notice");
    box.style.fontFamily = "'Microsoft YaHei', 'PingFang SC', 'Segoe UI', sans-serif";
    box.style.padding = "12px";
    box.style.lineHeight = "1.6";
    var h = doc.createElement("h1");
    h.style.fontSize = "18px";
    h.appendChild(doc.createTextNode(title));
    box.appendChild(h);
    for (var i = 0; i < lines.length; i++) box.appendChild(para(doc, lines[i]));
    if (link) {
      var p = doc.createElement("p");
      var a = doc.createElement("a");
      a.setAttribute("href", link.href);
      a.appendChild(doc.createTextNode(link.text));
      p.appendChild(a);
      box.appendChild(p);
    }
    box.appendChild(para(doc, english, { lang: "en" }));
    root.appendChild(box);
  }

  function showUnsupported(doc) {
    notice(
      doc,
      "当前浏览器版本过旧，无法打开网页版",
      [
        "您正在使用旧的浏览器内核（例如 360、QQ 等双核浏览器的“兼容模式”，或 Internet Explorer）。",
        "请把浏览器切换到“极速模式”（一般在地址栏右侧的闪电或“e”图标处切换），或改用最新版的 Edge、Chrome、Firefox 等浏览器后重新打开本页面。",
        "文件只在本机浏览器中处理，不会上传。",
      ],
      "This browser is too old for the web page: switch a dual-core browser to its fast (Chromium) mode, or open this page in a current Edge, Chrome or Firefox."
    );
  }

  function showNoOffice(doc) {
    notice(
      doc,
      "无法加载 office.js",
      ["无法加载 office.js（微软 CDN 和本服务器上的副本都无法访问），请检查网络或联系管理员；", "审核文件可用网页版 index.html。"],
      "office.js could not be loaded (neither Microsoft's CDN nor this server's copy): check the network or ask your administrator; to review a file, use the web page index.html.",
      { href: "index.html", text: "打开网页版 index.html" }
    );
  }

  function showLoadFailure(doc, src) {
    notice(
      doc,
      "页面加载失败",
      ["脚本 " + src + " 加载失败，请刷新重试；如果一直失败，请联系管理员。"],
      "The script " + src + " failed to load; please reload, or ask your administrator if it keeps failing."
    );
  }

  function splitList(value) {
    var out = [];
    var parts = String(value || "").split(/\s+/);
    for (var i = 0; i < parts.length; i++) if (parts[i]) out.push(parts[i]);
    return out;
  }

  /** Loads the scripts one after another (each may need the one before), appended to <head>. */
  function loadScripts(doc, files, i) {
    if (i >= files.length) return;
    var s = doc.createElement("script");
    s.src = files[i];
    s.onload = function () {
      s.onload = s.onerror = null;
      loadScripts(doc, files, i + 1);
    };
    s.onerror = function () {
      s.onload = s.onerror = null;
      showLoadFailure(doc, files[i]);
    };
    (doc.head || doc.getElementsByTagName("head")[0] || doc.documentElement).appendChild(s);
  }

  function start(win, doc) {
    var me = doc.getElementById("xzzf-boot");
    var page = me && me.getAttribute("data-page") === "taskpane" ? "taskpane" : "index";
    var html = doc.documentElement;
    if (page === "taskpane" && typeof win.Office === "undefined") {
      html.setAttribute("data-pane", "no-office");
      showNoOffice(doc);
      return;
    }
    var pane = xzzfChoosePane(win.navigator ? win.navigator.userAgent : "", xzzfDetectFeatures(win), page);
    html.setAttribute("data-pane", pane);
    if (pane === "unsupported") {
      showUnsupported(doc);
      return;
    }
    var files = splitList(me ? me.getAttribute(pane === "classic" ? "data-classic" : "data-modern") : "");
    if (files.length === 0) {
      showLoadFailure(doc, pane);
      return;
    }
    loadScripts(doc, files, 0);
  }

  /** Runs once the page's #root exists (boot is a deferred script; the guard is for anything else). */
  function xzzfBoot(win, doc) {
    if (doc.readyState === "loading" && doc.addEventListener) {
      var done = false;
      doc.addEventListener("DOMContentLoaded", function () {
        if (done) return;
        done = true;
        start(win, doc);
      });
    } else {
      start(win, doc);
    }
  }

  return {
    FEATURES: FEATURES,
    xzzfDetectFeatures: xzzfDetectFeatures,
    xzzfOldEngine: xzzfOldEngine,
    xzzfMissingFeatures: xzzfMissingFeatures,
    xzzfChoosePane: xzzfChoosePane,
    xzzfBoot: xzzfBoot,
  };
});
