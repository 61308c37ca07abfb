import rule, { hasPhoneNumber } from "./meta-contact";
import { seedBook } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { a1, metaAt, titleAt } from "../../tests/helpers/layoutCells";
import { setCell } from "../../tests/helpers/sheetEdits";
import { SHEET_NAMES } from "../templates/tables";
import type { WorkbookSnapshot } from "../grid/grid";

const withContact = (contact: string) => seedBook({ A2: { contact }, A3: { contact }, A4: { contact } });
const contactOf = (b: ReturnType<typeof seedBook>, id: "A2" | "A3" | "A4") => a1(metaAt(b.layouts[id], "contact"));
const SAYS = ["联系人和联系方式"];
const all = (b: ReturnType<typeof seedBook>, says = SAYS) =>
  (["A2", "A3", "A4"] as const).map((table) => ({ table, cell: contactOf(b, table), related: [], says }));

/** The seed book with cells of one table's sheet rewritten. */
function edit(id: "A2" | "A3" | "A4", f: (s: WorkbookSnapshot["sheets"][number]) => WorkbookSnapshot["sheets"][number]): WorkbookSnapshot {
  const b = seedBook();
  return { sheets: b.workbook.sheets.map((s) => (s.name === SHEET_NAMES[id] ? f(s) : s)) };
}

const seed = seedBook();
const empty = withContact("");
const nameOnly = withContact("王洪江");
const shortMobile = withContact("王洪江 1519716776");
const noAreaCode = withContact("王洪江 5781234");
const a3Only = seedBook({ A3: { contact: "办公室" } });
const noLine = edit("A4", (s) => {
  const c = metaAt(seed.layouts.A4, "contact");
  return { ...setCell(s, c.row, c.col, null), merges: s.merges.filter((m) => !(m.top === c.row && m.left === c.col)) };
});
const nextCell = edit("A2", (s) => {
  const c = metaAt(seed.layouts.A2, "contact");
  const cleared = setCell(s, c.row, c.col, "联系人和联系方式：");
  return setCell({ ...cleared, merges: s.merges.filter((m) => !(m.top === c.row && m.left === c.col)) }, c.row, c.col + 2, "王洪江 0731-57812345");
});

ruleTester(
  rule,
  { id: "meta-contact", severity: "warning" },
  {
    valid: [
      { name: "a name and a mobile (the seed)", workbook: seed.workbook },
      { name: "a mobile with spaces and hyphens", workbook: withContact("王洪江 151-9716-7768").workbook },
      { name: "+86 in front", workbook: withContact("王洪江 +86 151 9716 7768").workbook },
      { name: "a landline 0731-5781234", workbook: withContact("王洪江 0731-5781234").workbook },
      { name: "a landline (0731)57812345 with full-width brackets", workbook: withContact("王洪江（0731）57812345").workbook },
      { name: "a landline written together 073157812345", workbook: withContact("王洪江073157812345").workbook },
      { name: "full-width digits", workbook: withContact("王洪江　１５１９７１６７７６８").workbook },
      { name: "a name ending in a digit before the mobile", workbook: withContact("科员2 13800000000").workbook },
      { name: "the number in the cell after the label", workbook: nextCell },
      { name: "附件5 has no contact line and is never reported", workbook: seedBook({}, ["A5"]).workbook },
    ],
    invalid: [
      { name: "empty in every table that has the line", workbook: empty.workbook, findings: all(empty, [...SAYS, "未填写"]) },
      { name: "a name without a number", workbook: nameOnly.workbook, findings: all(nameOnly, [...SAYS, "王洪江", "电话"]) },
      { name: "a mobile one digit short", workbook: shortMobile.workbook, findings: all(shortMobile) },
      { name: "a landline without area code", workbook: noAreaCode.workbook, findings: all(noAreaCode) },
      { name: "only 附件3", workbook: a3Only.workbook, findings: [{ table: "A3", cell: contactOf(a3Only, "A3"), related: [], says: [...SAYS, "办公室"] }] },
      { name: "no contact cell at all: the title", workbook: noLine, findings: [{ table: "A4", cell: a1(titleAt(seed.layouts.A4)), related: [], says: SAYS }] },
    ],
  },
);

describe("hasPhoneNumber", () => {
  test.each([
    ["15197167768", true],
    ["电话：13812345678。", true],
    ["0731-57812345", true],
    ["010 1234 5678", true],
    ["(0731)5781234", true],
    ["12345678901", false], // 12… is no mobile prefix
    ["151971677681", false], // 12 digits
    ["科员2 13800000000", true], // the name's digit is not part of the number
    ["张1 0731-5781234", true],
    ["57812345", false],
    ["", false],
  ])("%p → %p", (text, want) => {
    expect(hasPhoneNumber(text)).toBe(want);
  });

  test("verdicts stay right when read again and after more lines than are remembered", () => {
    const lines = Array.from({ length: 12_000 }, (_, i) => (i % 3 ? `联系人${i} 1380000${String(i % 10_000).padStart(4, "0")}` : `联系人${i}`));
    const first = lines.map(hasPhoneNumber);
    expect(first.filter(Boolean)).toHaveLength(8000);
    expect(lines.map(hasPhoneNumber)).toEqual(first);
  });
});
