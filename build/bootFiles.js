// Emits the two hand-written ES5 scripts of src/boot/ as they are (no webpack runtime around them):
//   boot.js            first script of both pages: picks the modern or the classic pane (src/boot/boot.js)
//   office-fallback.js loads dist/office-js/office.js when the CDN's office.js did not load
// Named with a content hash in production, like every other script, so they can be cached for long,
// and minified there by terser (ES5 in, ES5 out). Every non-ASCII character is written as a \uXXXX
// escape: the files then mean the same whatever charset a server sends them with (IE11 falls back to
// the page's when none is given).
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const BOOT_DIR = path.join(__dirname, "..", "src", "boot");
const BOOT_SOURCES = { boot: "boot.js", officeFallback: "office-fallback.js" };

function asciiOnly(text) {
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

class BootFilesPlugin {
  /** @param {{ hash: boolean, minify?: boolean }} options */
  constructor({ hash, minify = hash }) {
    this.hash = hash;
    this.minify = minify;
    /** Current output names, e.g. { boot: "boot.1a2b3c4d.js", officeFallback: "office-fallback.5e6f7a8b.js" }. */
    this.names = {};
    this.texts = {};
    this.read();
  }

  read() {
    for (const [key, file] of Object.entries(BOOT_SOURCES)) {
      const text = asciiOnly(fs.readFileSync(path.join(BOOT_DIR, file), "utf8"));
      const base = file.replace(/\.js$/, "");
      const hash = crypto.createHash("sha256").update(text).digest("hex").slice(0, 8);
      this.texts[key] = text;
      this.names[key] = this.hash ? `${base}.${hash}.js` : `${base}.js`;
    }
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("BootFilesPlugin", (compilation) => {
      this.read(); // before html-webpack-plugin renders the pages with this.names
      for (const file of Object.values(BOOT_SOURCES)) compilation.fileDependencies.add(path.join(BOOT_DIR, file));
      compilation.hooks.processAssets.tapPromise({ name: "BootFilesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, async () => {
        for (const key of Object.keys(BOOT_SOURCES)) {
          let text = this.texts[key];
          if (this.minify) {
            const { minify } = require("terser");
            const out = await minify(text, { ecma: 5, compress: { passes: 2 }, mangle: true, format: { ascii_only: true, comments: false } });
            text = out.code;
          }
          compilation.emitAsset(this.names[key], new sources.RawSource(text), { minimized: true, immutable: this.hash, bootScript: true });
        }
      });
    });
  }
}

module.exports = { BootFilesPlugin, BOOT_DIR, asciiOnly };
