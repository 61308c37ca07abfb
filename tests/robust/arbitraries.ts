/**
 * fast-check arbitraries for the property tests: values as clerks type them (numbers, numbers as
 * text, units, full-width digits, placeholders, Excel errors, dates, junk), and whole workbooks of
 * the four tables filled with them, as layout options (so the same workbook can be a snapshot or an
 * .xlsx).
 */
import fc from "fast-check";
import type { CellValue } from "../../src/grid/grid";
import type { LayoutOptions } from "../../src/templates/layout";
import { SEED_CONTACT, SEED_UNIT } from "../../src/templates/sample";
import { TABLE_IDS, tableDef } from "../../src/templates/tables";
import type { TableId } from "../../src/templates/schema";

const FULL_WIDTH = "０１２３４５６７８９";

/** Words clerks, WPS and pasted Word tables put in cells, and strings that have broken number parsers before. */
export const CLERK_WORDS: readonly string[] = [
  ..."无 / ／ - — —— － 0 #REF! #DIV/0! #N/A #VALUE! #NAME? 上年为0 +28.57% -50.00% 0.00% 28.57% 增长10% 下降5%".split(" "),
  "",
  "  ",
  ..."1,2 1.2.3 1e5 1E-7 Infinity -Infinity NaN -0 +3 .5 5. １,２３４ 9件件 ３台 —5 2024-03-05 2024年 3(1) 3（5） 0(16) 4(10) 5万元 400.52万元 3件".split(" "),
  "-1e999",
  "1e999",
  "9".repeat(400),
  "-".padEnd(400, "9"),
  `${"9".repeat(400)}%`,
  "\u2212 5",
  "1\u00a0234",
  "１２\u3000",
  ..."__proto__ constructor toString hasOwnProperty valueOf".split(" "),
  "和未立案的主要原因)",
  "（说明：填写原因）",
  "加强执法巡查，案件数增加",
];

/** Text a clerk, WPS or a pasted Word table puts where a number belongs. */
export const clerkText: fc.Arbitrary<string> = fc.oneof(
  fc.nat(99_999).map(String),
  fc.nat(9_999_999).map((n) => n.toLocaleString("en-US")),
  fc.nat(500).map((n) => `${n}${["件", "次", "人", "台", "元", "万元", "起", "人次"][n % 8]}`),
  fc.nat(999).map((n) => [...String(n)].map((d) => FULL_WIDTH[Number(d)]).join("")),
  fc.nat(99).map((n) => ` ${n} `),
  fc.tuple(fc.nat(20), fc.nat(20)).map(([a, b]) => `${a}(${b})`),
  fc.tuple(fc.nat(20), fc.nat(20)).map(([a, b]) => `${a}（${b}）`),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x.toFixed(3)),
  fc.constantFrom(...CLERK_WORDS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 8 }),
);

/** Any cell value at all: numbers of every size and sign, booleans, empty, and clerk text. */
export const anyCellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: clerkText },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 100_000 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(0, 1e20, -1e20, 1e-7, 0.1 + 0.2, Number.MAX_VALUE, -0, 4005196.42, 818000.7) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** Values that a table cell plausibly holds: mostly small counts, sometimes clerk text or junk. */
export const tableValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.nat(30) },
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: clerkText },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1e7, noNaN: true }).map((x) => Math.round(x * 100) / 100) },
  { weight: 1, arbitrary: fc.constant(null) },
);

const explanation: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom("强化日常监管，加大巡查力度", "和未立案的主要原因)", "无", "本年度无此类案件发生", "Inspections doubled this year"),
  clerkText,
);

const ratioText: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom("+28.57%", "0.00%", "上年为0", "-50.00%"),
  fc.double({ min: -2, max: 5, noNaN: true }),
);

const unitName = fc.constantFrom(SEED_UNIT, "湘潭县林业局", "某某县市场监督管理局", "");

function yearlyOptions(id: "A2" | "A3"): fc.Arbitrary<Partial<LayoutOptions>> {
  const keys = tableDef(id).categories.map((c) => c.key);
  const pair = fc.tuple(tableValue, tableValue);
  return fc
    .record({
      unit: unitName,
      values: fc.tuple(...keys.map(() => pair)),
      ratios: fc.tuple(...keys.map(() => ratioText)),
      explanations: fc.tuple(...keys.map(() => explanation)),
    })
    .map(({ unit, values, ratios, explanations }) => ({
      yearly: {
        unit,
        values: Object.fromEntries(keys.map((k, i) => [k, values[i]])) as Record<string, [CellValue, CellValue]>,
        ratios: Object.fromEntries(keys.map((k, i) => [k, ratios[i]])),
        explanations: Object.fromEntries(keys.map((k, i) => [k, explanations[i]])),
      },
    }));
}

function columnOptions(id: "A4" | "A5"): fc.Arbitrary<Partial<LayoutOptions>> {
  const cols = tableDef(id).columns;
  const row = fc.tuple(...cols.map((c) => (c.key === "name" ? unitName : c.kind === "yesno" ? fc.constantFrom("是", "否", "", "有") : tableValue)));
  return fc.array(row, { minLength: 1, maxLength: 3 }).map((rows) => ({
    columns: { rows: rows.map((r) => Object.fromEntries(cols.map((c, i) => [c.key, r[i] as CellValue]))) },
  }));
}

/** Layout options for a random subset of the four tables (at least one), the seed's frame around random figures. */
export const randomTables: fc.Arbitrary<Array<{ id: TableId; options: LayoutOptions }>> = fc
  .tuple(
    fc.subarray([...TABLE_IDS], { minLength: 1 }),
    yearlyOptions("A2"),
    yearlyOptions("A3"),
    columnOptions("A4"),
    columnOptions("A5"),
    fc.constantFrom(2023, 2024, 2025),
  )
  .map(([ids, a2, a3, a4, a5, year]) => {
    const extra: Record<TableId, Partial<LayoutOptions>> = { A2: a2, A3: a3, A4: a4, A5: a5 };
    return ids.map((id) => ({ id, options: { year, unit: SEED_UNIT, contact: SEED_CONTACT, ...extra[id] } }));
  });
