import type { Rule } from "./types";
import { tableName } from "./utils/cells";
import { toA1 } from "../grid/grid";
import { memoByText } from "../engine/textMemo";
import { nfkc } from "../engine/nfkc";

// Not preceded by a digit: `(?:^|\D)` rather than a lookbehind, which IE11 (the classic pane) cannot parse; the
// patterns are only tested, so consuming the character before the number changes nothing.
/** An 11-digit mobile number (an optional +86 in front). */
const MOBILE_RE = /(?:^|\D)1[3-9]\d{9}(?!\d)/;
/** A landline with its area code: 0731-5712345, (0731)57123456, 073157123456 (separators removed first). */
const LANDLINE_RE = /(?:^|\D)(?:\(0\d{2,3}\)|0\d{2,3})\d{7,8}(?!\d)/;

/** A phone number in text whose spaces and hyphens are already removed. */
function givesNumber(joined: string): boolean {
  const s = joined.replace(/\+?86(?=1[3-9]\d{9}(?!\d))/g, "");
  return MOBILE_RE.test(s) || LANDLINE_RE.test(s);
}

/**
 * Whether the text gives a phone number, however it is spaced or hyphenated. The spaced-out number
 * (`151 9716 7768`) is read with the spaces removed; each space-separated part is also read alone,
 * since removing the spaces joins a digit of the name to the number (`科员2 13800000000`).
 * Remembered by text: the four tables of a workbook carry the same contact line, and a batch repeats a unit's.
 */
export const hasPhoneNumber = memoByText((text) => readsPhoneNumber(text), 5000);

function readsPhoneNumber(text: string): boolean {
  const s = nfkc(text);
  const noHyphens = (t: string) => t.replace(/[-–—－]/g, "");
  if (givesNumber(noHyphens(s.replace(/[\s\u3000]/g, "")))) return true;
  return s.split(/[\s\u3000]+/).some((part) => part !== "" && givesNumber(noHyphens(part)));
}

const rule: Rule = {
  meta: {
    id: "meta-contact",
    severity: "warning",
    description: "「联系人和联系方式」未填写或没有电话号码",
    descriptionEn: "The contact line is empty or gives no phone number",
    messages: {
      noLine: {
        zh: "{{table}}：没有找到「联系人和联系方式」一栏；请按模板在表头上方填写联系人和电话。",
        en: "{{tableEn}}: no contact line found; add the contact person and phone number above the header.",
      },
      empty: {
        zh: "{{table}}：「联系人和联系方式」未填写；请填写联系人姓名和电话（手机或带区号的座机）。",
        en: "{{tableEn}}: the contact line is empty.",
      },
      noPhone: {
        zh: "{{table}}：「联系人和联系方式」填的是「{{text}}」，没有电话号码；请补上手机号码或带区号的座机号码。",
        en: '{{tableEn}}: the contact line "{{text}}" gives no phone number.',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.tables) {
      if (!t.def.hasContactLine) continue;
      const names = { table: tableName(t), tableEn: t.id };
      if (!t.contact) {
        ctx.report({ table: t, cell: t.title ?? toA1(t.top, t.left), messageId: "noLine", data: names });
        continue;
      }
      const text = (t.contactText ?? "").trim();
      if (text !== "" && hasPhoneNumber(text)) continue;
      ctx.report({
        table: t,
        cell: t.contact,
        messageId: text === "" ? "empty" : "noPhone",
        data: { ...names, text },
      });
    }
  },
};
export default rule;
