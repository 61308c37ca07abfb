/**
 * The classic pane runs in Trident (IE11) and EdgeHTML 18, which Babel and core-js cannot fully
 * modernise: DOM methods IE11 lacks, markup parsed from strings (Trident ignores the page's CSP and
 * workbook text is hostile), and CSS IE11 does not read. These are checked in the sources, since
 * jsdom has every one of them and a test run would not notice.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";

const DIR = __dirname;
const isTestOnly = (f: string) => /\.test\.ts$/.test(f) || f === "testHarness.ts";
const SOURCES = readdirSync(DIR)
  .filter((f) => /\.ts$/.test(f) && !isTestOnly(f))
  .map((f) => ({ file: f, text: readFileSync(join(DIR, f), "utf8") }));

const FORBIDDEN: Array<[string, RegExp]> = [
  ["innerHTML", /innerHTML/],
  ["outerHTML", /outerHTML/],
  ["insertAdjacentHTML", /insertAdjacentHTML/],
  ["document.write", /document\.write/],
  ["DOMParser", /DOMParser/],
  ["closest(", /\bclosest\(/],
  ["replaceChildren", /replaceChildren/],
  ["replaceWith", /replaceWith/],
  [".append(", /\.append\(/],
  [".prepend(", /\.prepend\(/],
  [".before(", /\.before\(/],
  [".after(", /\.after\(/],
  [".remove()", /\.remove\(\)/],
  [".matches(", /\.matches\(/],
  ["toggleAttribute", /toggleAttribute/],
  ["forEach on a NodeList", /(querySelectorAll|getElementsBy\w+|childNodes|children)\([^)]*\)\s*\.forEach|\.(childNodes|children)\.forEach/],
  ["new Event()", /new (Custom)?Event\(/],
  ["<dialog>", /(createElement|el)\(\s*["']dialog["']/],
  ["valueAsNumber", /valueAsNumber/],
  [".arrayBuffer()", /\.arrayBuffer\(/],
  ["TextDecoder", /TextDecoder/],
  ["fetch", /\bfetch\(/],
  ["URL", /new URL\(|URLSearchParams/],
  ["requestIdleCallback", /requestIdleCallback/],
  ["String.raw", /String\.raw/],
  ["scrollIntoView options", /scrollIntoView\(\s*\{/],
  ["React", /from ["'](react|react-dom)/],
  ["Fluent UI", /@fluentui/],
];

test.each(FORBIDDEN)("no %s in the classic pane's sources", (_name, re) => {
  const hits = SOURCES.filter((s) => re.test(s.text)).map((s) => s.file);
  expect(hits).toEqual([]);
});

test("the classic pane imports from src/pane only modules without React", () => {
  const allowed = new Set(["fileBytes", "readLastYear", "readReport", "storage", "errors", "display"]);
  for (const s of SOURCES) {
    const re = /from ["']\.\.\/pane\/([^"']+)["']/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s.text))) expect([s.file, allowed.has(m[1])]).toEqual([s.file, true]);
  }
  for (const name of allowed) {
    const text = readFileSync(join(DIR, "..", "pane", `${name}.ts`), "utf8");
    expect([name, /from ["'](react|react-dom|@fluentui[^"']*)["']|\.\/i18nContext/.test(text)]).toEqual([name, false]);
  }
});

test("no pane source imports the test harness", () => {
  expect(SOURCES.filter((s) => /testHarness|tests\/helpers/.test(s.text)).map((s) => s.file)).toEqual([]);
});

test("the stylesheet is CSS IE11 reads: no custom properties, grid, flex gap or sticky", () => {
  const css = readFileSync(join(DIR, "styles.ts"), "utf8");
  expect(css).not.toMatch(/var\(--/);
  expect(css).not.toMatch(/--[\w-]+\s*:/);
  expect(css).not.toMatch(/display:\s*(-ms-)?grid/);
  expect(css).not.toMatch(/[\s;{]gap\s*:/);
  expect(css).not.toMatch(/position:\s*(-webkit-)?sticky/);
  expect(css).toMatch(/-ms-overflow-style:\s*scrollbar/);
  expect(css).toMatch(/@media \(-ms-high-contrast: active\)/);
});
