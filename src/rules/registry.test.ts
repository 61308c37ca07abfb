/**
 * The catalogue in the repo agrees with itself and with the spec: every rule file is registered under
 * its file name, has its tests and zh/en descriptions, imports no other rule, and the ids of
 * docs/spec/rules.md are exactly the registered ones, with the same severities.
 */
import * as fs from "fs";
import * as path from "path";
import { RULE_GROUPS, RULES } from "./catalogue";
import type { Rule } from "./types";
import { placeholders } from "./utils/messages";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderRulesDoc, RULES_DOC } = require("../../scripts/gen-rules-doc.js") as {
  renderRulesDoc: (groups: typeof RULE_GROUPS) => string;
  RULES_DOC: string;
};

const DIR = __dirname;
/** The modules of src/rules that are not rules: the catalogue and the rule types (helpers live in utils/). */
const NOT_RULES = new Set(["catalogue.ts", "types.ts"]);
const ruleFiles = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !NOT_RULES.has(f))
  .sort();
const idOf = (file: string) => file.replace(/\.ts$/, "");
const CJK = /[\u4e00-\u9fff]/;

function specRules(): Map<string, string> {
  const text = fs.readFileSync(path.join(DIR, "../../docs/spec/rules.md"), "utf8");
  const out = new Map<string, string>();
  for (const m of text.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning|info) \|/gm)) out.set(m[1], m[2]);
  return out;
}

describe("the rule registry", () => {
  it("finds the rule files and the spec's table of rules", () => {
    expect(ruleFiles.length).toBeGreaterThan(30);
    expect(specRules().size).toBeGreaterThan(30);
  });

  describe.each(ruleFiles)("%s", (file) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const rule = (require(path.join(DIR, file)) as { default: Rule }).default;

    it("is one rule, registered in the catalogue under its file name", () => {
      expect(rule.meta.id).toBe(idOf(file));
      expect(RULES).toContain(rule);
      expect(typeof rule.check).toBe("function");
    });

    it("has its tests, run by the one rule tester (tests/helpers/ruleTester.ts)", () => {
      const test = path.join(DIR, `${idOf(file)}.test.ts`);
      expect(fs.existsSync(test)).toBe(true);
      expect(fs.readFileSync(test, "utf8")).toMatch(/\bruleTester\(\s*rule,/);
    });

    it("is described in Chinese and in English", () => {
      expect(rule.meta.description).toMatch(CJK);
      expect(rule.meta.descriptionEn).toMatch(/[A-Za-z]{3}/);
    });

    // `xEn` is the English twin of `x` (a place named in English, a table by its id). The English may say
    // less than the Chinese (it names fewer labels), never more: it takes no data the Chinese lacks.
    // A message made only of placeholders passes on a text another module worded (layout-*: recognition's).
    it("has each of its meta.messages in Chinese and in English, the English taking no data the Chinese lacks", () => {
      for (const [id, m] of Object.entries(rule.meta.messages ?? {})) {
        const passOn = /^(\{\{\w+\}\})+$/;
        expect([id, m.zh]).toEqual([id, passOn.test(m.zh) ? m.zh : expect.stringMatching(CJK)]);
        expect([id, m.en]).toEqual([id, passOn.test(m.en) ? m.en : expect.stringMatching(/[A-Za-z]{3}/)]);
        const zh = placeholders(m.zh);
        expect([id, placeholders(m.en).filter((p) => !zh.includes(p.replace(/En$/, "")))]).toEqual([id, []]);
      }
    });

    it("has messages, and each messageId it reports is one of them", () => {
      const source = fs.readFileSync(path.join(DIR, file), "utf8");
      expect(Object.keys(rule.meta.messages ?? {}).length).toBeGreaterThan(0);
      for (const id of source.matchAll(/messageId: "(\w+)"/g)) expect(rule.meta.messages).toHaveProperty([id[1]]);
    });

    it("imports no other rule (what rules share lives in utils/)", () => {
      const source = fs.readFileSync(path.join(DIR, file), "utf8");
      const local = [...source.matchAll(/from "(\.\/[^"]+)"/g)].map((m) => m[1]);
      expect(local.filter((spec) => spec !== "./types" && !spec.startsWith("./utils/"))).toEqual([]);
    });
  });

  it("registers every rule once, each from its own file, in one group", () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ruleFiles.map(idOf));
    expect(RULE_GROUPS.reduce((n, g) => n + g.rules.length, 0)).toBe(RULES.length);
  });

  it("has exactly the rules of docs/spec/rules.md, with their severities", () => {
    const spec = specRules();
    expect([...spec.keys()].sort()).toEqual(RULES.map((r) => r.meta.id).sort());
    for (const r of RULES) expect([r.meta.id, r.meta.severity]).toEqual([r.meta.id, spec.get(r.meta.id)]);
  });

  it("docs/rules.md is what scripts/gen-rules-doc.js writes from the catalogue (run it after changing a rule's meta)", () => {
    const doc = fs.readFileSync(RULES_DOC, "utf8");
    expect(doc).toBe(renderRulesDoc(RULE_GROUPS));
    for (const r of RULES) expect(doc).toContain(`| \`${r.meta.id}\` |`);
  });
});
