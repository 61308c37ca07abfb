/*
 * Runs before the ES5 bundle in duktape (tests/es5/duktape.test.ts): makes duktape's global object
 * look like IE11's (Trident, Office 2016/2019 volume-licensed) for what the shared code touches.
 * ES5 only; no test framework, no node.
 *
 * 1. Takes away what duktape 2.x has and IE11 does not, so core-js's polyfills (and our own
 *    fallbacks) are the ones that run, as in IE11.
 * 2. Adds what IE11 has and duktape does not, and only that:
 *    - setTimeout/clearTimeout (HTML timers, in every IE) and setImmediate/clearImmediate (IE10+;
 *      core-js schedules its Promise jobs on it there): callbacks are queued, and __drain(), called
 *      after the bundle, runs them until none is left (duktape otherwise exits when the script ends);
 *    - self and window, the global object itself, as in any browser page;
 *    - console.log/warn/error, printing through duktape's print.
 *   IE11 also has basic Intl; nothing the bundle runs uses it, so it is not imitated.
 */
(function (global) {
  "use strict";
  var removed = [];
  function remove(owner, ownerName, names) {
    for (var i = 0; i < names.length; i++) {
      var name = names[i];
      if (!Object.prototype.hasOwnProperty.call(owner, name)) continue;
      if (!delete owner[name]) throw new Error("prelude: cannot delete " + ownerName + "." + name);
      if (Object.prototype.hasOwnProperty.call(owner, name)) throw new Error("prelude: " + ownerName + "." + name + " survived delete");
      removed.push(ownerName + "." + name);
    }
  }

  // ES2015+ globals and host objects IE11 lacks (Map, Set, WeakMap, WeakSet and Promise duktape lacks too;
  // IE11's own Map/Set/WeakMap are incomplete and core-js replaces them, so they are absent here as well).
  remove(global, "global", [
    "globalThis",
    "Symbol",
    "Reflect",
    "Proxy",
    "Promise",
    "Map",
    "Set",
    "WeakMap",
    "WeakSet",
    "TextDecoder",
    "TextEncoder",
    "Buffer",
    "CBOR",
    "require",
    "queueMicrotask",
    "fetch",
    "structuredClone",
  ]);
  remove(Object, "Object", ["assign", "is", "getOwnPropertySymbols", "entries", "values", "fromEntries", "getOwnPropertyDescriptors", "hasOwn"]);
  remove(String, "String", ["fromCodePoint", "raw"]);
  remove(String.prototype, "String.prototype", [
    "startsWith",
    "endsWith",
    "includes",
    "repeat",
    "codePointAt",
    "normalize",
    "padStart",
    "padEnd",
    "trimStart",
    "trimEnd",
    "trimLeft",
    "trimRight",
    "at",
    "replaceAll",
    "matchAll",
  ]);
  remove(Array, "Array", ["from", "of"]);
  remove(Array.prototype, "Array.prototype", [
    "find",
    "findIndex",
    "fill",
    "includes",
    "copyWithin",
    "entries",
    "keys",
    "values",
    "flat",
    "flatMap",
    "at",
    "findLast",
    "findLastIndex",
  ]);
  // (Number.EPSILON and MAX/MIN_SAFE_INTEGER stay: duktape makes them non-configurable, and they are
  // constants core-js would define with the same values.)
  remove(Number, "Number", ["isInteger", "isFinite", "isNaN", "isSafeInteger", "parseFloat", "parseInt"]);
  remove(Math, "Math", [
    "trunc",
    "sign",
    "log10",
    "log2",
    "log1p",
    "expm1",
    "hypot",
    "clz32",
    "imul",
    "fround",
    "cbrt",
    "sinh",
    "cosh",
    "tanh",
    "asinh",
    "acosh",
    "atanh",
  ]);
  // RegExp.prototype.flags (IE11 has none) stays: duktape's own String.prototype.split reads it to copy the
  // separator, and fails on every regexp without it. Nothing of ours reads flags.
  remove(RegExp.prototype, "RegExp.prototype", ["sticky", "unicode"]);
  // IE11's typed arrays have set and subarray only (no slice, fill, indexOf, …: duktape's lack them too), and no from/of.
  var typed = ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array"];
  for (var t = 0; t < typed.length; t++) {
    var C = global[typed[t]];
    remove(C, typed[t], ["from", "of"]);
    remove(C.prototype, typed[t] + ".prototype", [
      "slice",
      "fill",
      "indexOf",
      "lastIndexOf",
      "includes",
      "map",
      "forEach",
      "filter",
      "reduce",
      "join",
      "every",
      "some",
      "sort",
      "find",
      "findIndex",
      "reverse",
      "copyWithin",
      "entries",
      "keys",
      "values",
      "at",
    ]);
  }

  // Timers.
  var queue = [];
  var nextId = 1;
  function later(fn, args) {
    if (typeof fn !== "function") throw new TypeError("prelude: only function callbacks are supported");
    var id = nextId++;
    queue.push({ id: id, fn: fn, args: args });
    return id;
  }
  function cancel(id) {
    for (var i = 0; i < queue.length; i++) if (queue[i].id === id) queue.splice(i, 1);
  }
  // Delays are ignored: callbacks run in the order they were queued, which is the order a real
  // browser runs zero-delay timers in (the shared code never waits on a timer with a delay).
  global.setTimeout = function (fn) {
    return later(fn, Array.prototype.slice.call(arguments, 2));
  };
  global.clearTimeout = cancel;
  global.setImmediate = function (fn) {
    return later(fn, Array.prototype.slice.call(arguments, 1));
  };
  global.clearImmediate = cancel;
  global.__drain = function () {
    var ran = 0;
    while (queue.length > 0) {
      var job = queue.shift();
      job.fn.apply(global, job.args);
      if (++ran > 1e7) throw new Error("prelude: timers never stop");
    }
    return ran;
  };

  global.self = global;
  global.window = global;
  var print = global.print;
  global.console = {
    log: function () {
      print(Array.prototype.join.call(arguments, " "));
    },
    warn: function () {
      print("WARN " + Array.prototype.join.call(arguments, " "));
    },
    error: function () {
      print("ERROR " + Array.prototype.join.call(arguments, " "));
    },
  };
  global.__removed = removed;
})(this);
