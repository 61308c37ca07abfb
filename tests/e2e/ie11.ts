/**
 * Init scripts (for `BrowserContext.addInitScript`) that make today's Chromium look, to the page's
 * own scripts, like the engines Office 2016/2019 run add-ins in:
 *
 * - `IE11_INIT`: Trident (IE11), the volume-licensed Office 2016/2019 task pane. Everything IE11's
 *   JavaScript runtime and DOM lack is removed before any script of the page runs, a few IE11
 *   behaviours are imitated (object `addEventListener` options read as `useCapture = true`,
 *   `classList.add/remove` taking one class only, `toggle` ignoring its second argument, `Object.keys`
 *   throwing on primitives as ES5 says, no `matches` but `msMatchesSelector`, `new Event()` and
 *   `new CustomEvent()` throwing, `URL` an object with createObjectURL only, `document.documentMode`
 *   11), and `navigator.userAgent` is the Office-hosted IE11 string.
 * - `EDGE18_INIT`: EdgeHTML 18 (retail Office without WebView2), which has most of ES2017 and the DOM
 *   of its day and lacks what came with Chromium-based Edge 79+.
 *
 * What cannot be imitated this way: syntax (an ES2015+ token still parses here; tests/build.test.ts
 * parses the classic bundle as ES5 instead), CSS (Chromium still renders custom properties, grid and
 * flex gap), and `Function.prototype.name`, which every Chromium function keeps.
 *
 * Removal is by `delete`; where a property will not go (non-configurable), it is redefined as
 * `undefined`. Each list is checked by the test (`lacking` below): nothing listed is left behind.
 *
 * Playwright's `page.evaluate` runs helper code in the page's main world that needs some of these
 * (globalThis first), so tests read page state through CDP `Runtime.evaluate` or locators (which run
 * in Playwright's isolated world), never `page.evaluate`.
 */

export const IE11_UA = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16; rv:11.0) like Gecko";
/** The EdgeHTML 18 webview Office uses (Windows 10 1809), as its UA reads. */
export const EDGE18_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.17763";

/** `owner` is a global name or a dotted path from window (`Array.prototype`); `names` its members to remove. */
type Removal = [owner: string, names: string[]];

/** What IE11 lacks (kangax compat table, MDN, caniuse). */
const IE11_LACKS: Removal[] = [
  [
    "window",
    [
      "Promise",
      "Symbol",
      "Map",
      "Set",
      "WeakMap",
      "WeakSet",
      "WeakRef",
      "FinalizationRegistry",
      "Reflect",
      "Proxy",
      "globalThis",
      "fetch",
      "Headers",
      "Request",
      "Response",
      "AbortController",
      "AbortSignal",
      "TextDecoder",
      "TextEncoder",
      "URLSearchParams",
      "queueMicrotask",
      "structuredClone",
      "requestIdleCallback",
      "cancelIdleCallback",
      "ResizeObserver",
      "IntersectionObserver",
      "customElements",
      "BigInt",
      "CSS",
    ],
  ],
  ["Object", ["assign", "entries", "values", "fromEntries", "is", "getOwnPropertySymbols", "getOwnPropertyDescriptors", "hasOwn"]],
  ["Array", ["from", "of"]],
  [
    "Array.prototype",
    [
      "includes",
      "find",
      "findIndex",
      "findLast",
      "findLastIndex",
      "fill",
      "flat",
      "flatMap",
      "at",
      "copyWithin",
      "keys",
      "values",
      "entries",
      "toSorted",
      "toReversed",
    ],
  ],
  [
    "String.prototype",
    ["includes", "startsWith", "endsWith", "repeat", "padStart", "padEnd", "trimStart", "trimEnd", "matchAll", "replaceAll", "codePointAt", "normalize", "at"],
  ],
  ["String", ["fromCodePoint", "raw"]],
  // Number.EPSILON/MAX_SAFE_INTEGER/MIN_SAFE_INTEGER are non-configurable: they stay.
  ["Number", ["isInteger", "isFinite", "isNaN", "isSafeInteger", "parseFloat", "parseInt"]],
  ["Math", ["trunc", "sign", "log10", "log2", "cbrt", "hypot", "imul", "clz32", "fround", "expm1", "log1p", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh"]],
  [
    "Object.getPrototypeOf(Uint8Array.prototype)",
    [
      "slice",
      "fill",
      "includes",
      "find",
      "findIndex",
      "at",
      "keys",
      "values",
      "entries",
      "forEach",
      "map",
      "filter",
      "reduce",
      "some",
      "every",
      "indexOf",
      "join",
      "lastIndexOf",
      "reverse",
      "sort",
    ],
  ],
  ["Object.getPrototypeOf(Uint8Array)", ["from", "of"]],
  [
    "Element.prototype",
    [
      "closest",
      "matches",
      "append",
      "prepend",
      "remove",
      "replaceChildren",
      "toggleAttribute",
      "after",
      "before",
      "replaceWith",
      "getAttributeNames",
      "scroll",
      "scrollTo",
      "scrollBy",
    ],
  ],
  ["Document.prototype", ["append", "prepend", "replaceChildren", "currentScript", "scrollingElement"]],
  ["DocumentFragment.prototype", ["append", "prepend", "replaceChildren"]],
  ["CharacterData.prototype", ["remove", "after", "before", "replaceWith"]],
  ["Node.prototype", ["isConnected"]],
  ["NodeList.prototype", ["forEach", "keys", "values", "entries"]],
  ["Blob.prototype", ["arrayBuffer", "text", "stream"]],
  ["Navigator.prototype", ["clipboard", "sendBeacon"]],
];

/**
 * What EdgeHTML 18 lacks of what a bundle might call: all of it came with Chromium-based Edge 79 or
 * later. Edge 18 does have Promise (with finally), Symbol, Map/Set with iteration, Proxy, Reflect,
 * fetch, AbortController, URL/URLSearchParams, Object.assign/entries/values, String padStart/padEnd,
 * Array includes/find/fill, closest/append/prepend/remove, toggleAttribute, NodeList.forEach,
 * IntersectionObserver and CSS.supports with custom properties.
 */
const EDGE18_LACKS: Removal[] = [
  [
    "window",
    [
      "globalThis",
      "queueMicrotask",
      "structuredClone",
      "TextDecoder",
      "TextEncoder",
      "ResizeObserver",
      "requestIdleCallback",
      "cancelIdleCallback",
      "customElements",
      "BigInt",
      "WeakRef",
      "FinalizationRegistry",
    ],
  ],
  ["Object", ["fromEntries", "hasOwn"]],
  ["Promise", ["allSettled", "any"]],
  ["Array.prototype", ["flat", "flatMap", "at", "findLast", "findLastIndex", "toSorted", "toReversed"]],
  ["String.prototype", ["matchAll", "replaceAll", "trimStart", "trimEnd", "at"]],
  ["Object.getPrototypeOf(Uint8Array.prototype)", ["at"]],
  ["Symbol.prototype", ["description"]],
  ["Element.prototype", ["replaceChildren"]],
  ["Document.prototype", ["replaceChildren"]],
  ["DocumentFragment.prototype", ["replaceChildren"]],
  ["Blob.prototype", ["arrayBuffer", "text", "stream"]],
];

/** Runs in the page before its scripts: removes `lacks`, then applies `quirks` (source of a function body). */
function script(flavour: string, ua: string, lacks: Removal[], quirks: string): string {
  return `(function () {
  "use strict";
  var w = window;
  var missing = [];
  function owner(path) {
    if (path === "window") return w;
    var m = /^Object\\.getPrototypeOf\\((.*)\\)$/.exec(path);
    if (m) { var o = owner(m[1]); return o ? Object.getPrototypeOf(o) : undefined; }
    var parts = path.split("."), o2 = w;
    for (var i = 0; i < parts.length && o2; i++) o2 = o2[parts[i]];
    return o2;
  }
  function kill(target, name, label) {
    try { delete target[name]; } catch (e) {}
    if (name in target && target[name] !== undefined) {
      try { Object.defineProperty(target, name, { value: undefined, configurable: true, writable: true, enumerable: false }); } catch (e) {}
    }
    if (name in target && target[name] !== undefined) missing.push(label);
  }
  var lacks = ${JSON.stringify(lacks)};
  var quirkUA = ${JSON.stringify(ua)};
  // Quirks first: they may read what is about to go.
  (function () {${quirks}
  })();
  for (var i = 0; i < lacks.length; i++) {
    var target = owner(lacks[i][0]);
    if (!target) continue;
    for (var j = 0; j < lacks[i][1].length; j++) {
      var name = lacks[i][1][j];
      // Walk up: a member inherited from a prototype goes from the prototype that has it.
      var t = target;
      while (t && !Object.prototype.hasOwnProperty.call(t, name)) t = Object.getPrototypeOf(t);
      if (t && t !== Object.prototype) kill(t, name, lacks[i][0] + "." + name);
    }
  }
  Object.defineProperty(Navigator.prototype, "userAgent", { get: function () { return quirkUA; }, configurable: true });
  Object.defineProperty(Navigator.prototype, "appVersion", { get: function () { return quirkUA.replace(/^Mozilla\\//, ""); }, configurable: true });
  Object.defineProperty(w, "__engineEmulation", { value: { flavour: ${JSON.stringify(flavour)}, notRemoved: missing }, enumerable: false });
})();`;
}

const IE11_QUIRKS = `
    var EP = EventTarget.prototype, add = EP.addEventListener, remove = EP.removeEventListener;
    // IE11 reads an options object as useCapture (truthy): no passive, no once.
    EP.addEventListener = function (type, fn, opts) { return add.call(this, type, fn, typeof opts === "object" && opts !== null ? true : !!opts); };
    EP.removeEventListener = function (type, fn, opts) { return remove.call(this, type, fn, typeof opts === "object" && opts !== null ? true : !!opts); };
    // classList: one class per add/remove; toggle without force.
    var TL = DOMTokenList.prototype, tAdd = TL.add, tRemove = TL.remove, tToggle = TL.toggle;
    TL.add = function (c) { return tAdd.call(this, c); };
    TL.remove = function (c) { return tRemove.call(this, c); };
    TL.toggle = function (c) { return tToggle.call(this, c); };
    // document.documentMode: 11 in IE11 (and undefined everywhere else).
    Object.defineProperty(Document.prototype, "documentMode", { get: function () { return 11; }, configurable: true });
    // Element.matches is msMatchesSelector.
    var matches = Element.prototype.matches;
    Object.defineProperty(Element.prototype, "msMatchesSelector", { value: function (s) { return matches.call(this, s); }, configurable: true, writable: true });
    // ES5: Object.keys and friends throw on primitives.
    ["keys", "getOwnPropertyNames", "getPrototypeOf"].forEach(function (k) {
      var f = Object[k];
      Object[k] = function (o) { if (o === null || (typeof o !== "object" && typeof o !== "function")) throw new TypeError("Object." + k + ": argument is not an Object"); return f(o); };
    });
    // URL: an object with createObjectURL/revokeObjectURL, not a constructor.
    var U = w.URL;
    var shim = { createObjectURL: function (b) { return U.createObjectURL(b); }, revokeObjectURL: function (u) { return U.revokeObjectURL(u); } };
    Object.defineProperty(w, "URL", { value: shim, configurable: true, writable: true });
    // new Event("x") / new CustomEvent("x") throw: IE11 has only document.createEvent.
    ["Event", "CustomEvent"].forEach(function (k) {
      var Native = w[k];
      var F = function () { throw new TypeError("Object doesn't support this action"); };
      F.prototype = Native.prototype;
      Object.defineProperty(w, k, { value: F, configurable: true, writable: true });
    });`;

/** Trident (IE11) as Office 2016/2019 volume-licensed hosts it. */
export const IE11_INIT = script("ie11", IE11_UA, IE11_LACKS, IE11_QUIRKS);
/** EdgeHTML 18 as retail Office without WebView2 hosts it. */
export const EDGE18_INIT = script("edge18", EDGE18_UA, EDGE18_LACKS, "");

/** Expressions that must be "undefined" once the init script ran (and a script that keeps to itself, like the fake office.js, ran). */
export const IE11_GONE = [
  "typeof Promise",
  "typeof Symbol",
  "typeof Map",
  "typeof Set",
  "typeof fetch",
  "typeof Object.assign",
  "typeof Array.from",
  "typeof [].includes",
  "typeof ''.startsWith",
  "typeof Element.prototype.closest",
  "typeof NodeList.prototype.forEach",
  "typeof globalThis",
  "typeof TextDecoder",
  "typeof CSS",
  "typeof URLSearchParams",
  "typeof Blob.prototype.arrayBuffer",
  "typeof document.currentScript",
];
export const EDGE18_GONE = [
  "typeof globalThis",
  "typeof queueMicrotask",
  "typeof structuredClone",
  "typeof Object.fromEntries",
  "typeof [].flat",
  "typeof [].at",
  "typeof ''.replaceAll",
  "typeof ''.matchAll",
  "typeof TextDecoder",
  "typeof Element.prototype.replaceChildren",
];
/** …and what EdgeHTML 18 does have stays. */
export const EDGE18_KEPT = [
  "typeof Promise",
  "typeof Symbol",
  "typeof Map",
  "typeof fetch",
  "typeof Object.assign",
  "typeof Element.prototype.closest",
  "typeof CSS.supports",
];
