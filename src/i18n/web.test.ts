import { STRINGS } from "./index";
import { WEB_STRINGS, webTranslator } from "./web";

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

test("the web page's words: zh and en give the same keys, with the same placeholders", () => {
  expect(Object.keys(WEB_STRINGS.en).sort()).toEqual(Object.keys(WEB_STRINGS.zh).sort());
  for (const key of Object.keys(WEB_STRINGS.zh) as Array<keyof typeof WEB_STRINGS.zh>) {
    expect([key, placeholders(WEB_STRINGS.en[key])]).toEqual([key, placeholders(WEB_STRINGS.zh[key])]);
  }
});

test("the panes' words: zh and en give the same keys, with the same placeholders", () => {
  expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.zh).sort());
  for (const key of Object.keys(STRINGS.zh) as Array<keyof typeof STRINGS.zh>) {
    expect([key, placeholders(STRINGS.en[key])]).toEqual([key, placeholders(STRINGS.zh[key])]);
  }
});

test("no web key shadows a pane key, and the panes carry none of the web page's words", () => {
  const pane = new Set(Object.keys(STRINGS.zh));
  expect(Object.keys(WEB_STRINGS.zh).filter((k) => pane.has(k))).toEqual([]);
  expect([...pane].filter((k) => /^(web|batch)[A-Z]/.test(k))).toEqual([]);
});

test("webTranslator knows the panes' keys and the page's own, in both languages", () => {
  const zh = webTranslator("zh");
  const en = webTranslator("en");
  expect(zh("cancel")).toBe(STRINGS.zh.cancel);
  expect(en("cancel")).toBe(STRINGS.en.cancel);
  expect(zh("batchProgress", { done: 3, total: 7 })).toBe("已检查 3 / 7");
  expect(en("batchProgress", { done: 3, total: 7 })).toBe("Checked 3 / 7");
  expect(zh("webCurrent", { name: "a.xlsx" })).toBe("当前：a.xlsx");
});
