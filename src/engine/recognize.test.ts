/**
 * Recognition robustness: the four tables are found wherever and however they sit, and every cell the
 * rules need is bound to the address the official layout put it at (positions found from the layout's
 * own cells, then moved by the same offset as the table).
 */
import { recognise } from "./recognize";
import { analyse } from "../check/analyse";
import type { RecognisedColumnTable, RecognisedTable, RecognisedYearlyTable } from "./model";
import type { CellValue, SheetSnapshot } from "../grid/grid";
import { toA1 } from "../grid/grid";
import { layoutFor, layoutToSnapshot, type LayoutOptions, type SheetLayout } from "../templates/layout";
import { seedLayoutOptions, SEED_CONTACT, SEED_UNIT, SEED_YEAR } from "../templates/sample";
import { TABLE_IDS, TABLE_NAMES, tableDef } from "../templates/tables";
import type { TableId } from "../templates/schema";
import {
  a1,
  bodyAt,
  categoryHeaderAt,
  columnHeaderAt,
  explanationAt,
  metaAt,
  ratioAt,
  titleAt,
  unitRowAt,
  valueAt,
  yearHeaderAt,
  type At,
} from "../../tests/helpers/layoutCells";
import { book, deleteCols, insertRows, mapValues, overlay, setCell, shift, stack, swapCols } from "../../tests/helpers/sheetEdits";

const ORIGIN: At = { row: 0, col: 0 };

function layout(id: TableId, extra: Partial<LayoutOptions> = {}): SheetLayout {
  return layoutFor(id, { ...seedLayoutOptions(id), ...extra });
}

function sheet(id: TableId, extra: Partial<LayoutOptions> = {}): SheetSnapshot {
  return layoutToSnapshot(layout(id, extra));
}

function only(tables: RecognisedTable[], id: TableId): RecognisedTable {
  const found = tables.filter((t) => t.id === id);
  expect(found).toHaveLength(1);
  return found[0];
}

function expectYearly(t: RecognisedTable, l: SheetLayout, off: At = ORIGIN): asserts t is RecognisedYearlyTable {
  expect(t.shape).toBe("yearly");
  if (t.shape !== "yearly") return;
  expect(t.year).toBe(SEED_YEAR);
  expect(t.title?.address).toBe(a1(titleAt(l), off));
  expect(t.unitLine?.address).toBe(a1(metaAt(l, "unit"), off));
  expect(t.unitFromLine).toBe(SEED_UNIT);
  expect(t.contact?.address).toBe(a1(metaAt(l, "contact"), off));
  expect(t.contactText).toBe(SEED_CONTACT);
  expect(t.blocks).toHaveLength(1);
  const block = t.blocks[0];
  expect(block.unit.address).toBe(a1(unitRowAt(l), off));
  expect(block.unit.raw).toBe(SEED_UNIT);
  for (const cat of t.def.categories) {
    const slots = block.categories[cat.key];
    expect({
      key: cat.key,
      prior: slots?.prior.address,
      current: slots?.current.address,
      ratio: slots?.ratio?.address,
      explanation: slots?.explanation?.address,
    }).toEqual({
      key: cat.key,
      prior: a1(valueAt(l, cat.key, "prior"), off),
      current: a1(valueAt(l, cat.key, "current"), off),
      ratio: a1(ratioAt(l, cat.key), off),
      explanation: a1(explanationAt(l, cat.key), off),
    });
    expect(t.yearHeaders[cat.key].current.address).toBe(a1(yearHeaderAt(l, cat.key, "current"), off));
  }
  expect(t.problems).toEqual([]);
}

function expectColumns(t: RecognisedTable, l: SheetLayout, off: At = ORIGIN): asserts t is RecognisedColumnTable {
  expect(t.shape).toBe("columns");
  if (t.shape !== "columns") return;
  expect(t.year).toBe(SEED_YEAR);
  expect(t.title?.address).toBe(a1(titleAt(l), off));
  if (t.def.hasContactLine) {
    expect(t.contact?.address).toBe(a1(metaAt(l, "contact"), off));
    expect(t.contactText).toBe(SEED_CONTACT);
    expect(t.unitLine?.address).toBe(a1(metaAt(l, "unit"), off));
  } else {
    expect(t.contact).toBeUndefined();
    expect(t.unitLine).toBeUndefined();
  }
  expect(t.rows).toHaveLength(t.def.bodyRows);
  expect(t.rows.map((r) => r.inUse)).toEqual([true, false, false, false]);
  t.rows.forEach((row, i) => {
    for (const col of t.def.columns) expect([col.key, i, row.cells[col.key]?.address]).toEqual([col.key, i, a1(bodyAt(l, col.key, i), off)]);
  });
  expect(t.problems).toEqual([]);
}

function expectTable(t: RecognisedTable, l: SheetLayout, off: At = ORIGIN): void {
  if (l.table === "A2" || l.table === "A3") expectYearly(t, l, off);
  else expectColumns(t, l, off);
}

describe("the official layout", () => {
  test.each(TABLE_IDS)("%s: every cell the rules need is bound where the layout put it", (id) => {
    const l = layout(id);
    expectTable(only(recognise(book(layoutToSnapshot(l))), id), l);
  });

  test("the ratio cell is the top-left of its merged pair, the explanation likewise", () => {
    const l = layout("A2");
    const s = layoutToSnapshot(l);
    const r = ratioAt(l, "penalty");
    expect(s.merges).toContainEqual({ top: r.row, left: r.col, bottom: r.row, right: r.col + 1 });
    const t = only(recognise(book(s)), "A2") as RecognisedYearlyTable;
    expect(t.blocks[0].categories.penalty.ratio?.address).toBe(toA1(r.row, r.col));
    expect(t.blocks[0].categories.penalty.current.address).toBe(toA1(r.row - 1, r.col + 1));
    expect(t.blocks[0].categories.penalty.current.raw).toBe(9);
    expect(t.blocks[0].categories.penalty.explanation?.address).toBe(toA1(r.row + 1, r.col));
  });
});

describe("sheet names", () => {
  test.each(["Sheet1", "统计", "附件3", "数据 (2)", "2023年"])("the table is found on a sheet named %p", (name) => {
    for (const id of TABLE_IDS) {
      const l = layout(id, { sheetName: name });
      const t = only(recognise(book(layoutToSnapshot(l))), id);
      expect(t.sheet).toBe(name);
      expectTable(t, l);
    }
  });
});

describe("position", () => {
  const moves: Array<[number, number]> = [
    [1, 0],
    [0, 1],
    [3, 2],
    [7, 5],
    [30, 12],
  ];
  for (const withoutMerges of [false, true]) {
    test.each(moves)(`shifted down %i and right %i${withoutMerges ? ", without merges" : ""}`, (rows, cols) => {
      for (const id of TABLE_IDS) {
        const l = layout(id, { withoutMerges });
        const t = only(recognise(book(shift(layoutToSnapshot(l), rows, cols))), id);
        expectTable(t, l, { row: rows, col: cols });
      }
    });
  }

  test("without merges the ratio and explanation are read from the left cell of the pair", () => {
    for (const id of ["A2", "A3"] as const) {
      const l = layout(id, { withoutMerges: true });
      expect(l.merges).toEqual([]);
      expectTable(only(recognise(book(layoutToSnapshot(l))), id), l);
    }
  });
});

/** Header labels as clerks retype them. */
const SPELLINGS: Array<[string, (s: string) => string]> = [
  ["line breaks", (s) => (/[(（]/.test(s) ? s.replace(/([(（])/, "\n$1") : s.length > 3 ? `${s.slice(0, 2)}\n\n${s.slice(2)}` : s)],
  ["other bracket widths", (s) => s.replace(/[(（)）]/g, (b) => ({ "(": "（", "（": "(", ")": "）", "）": ")" })[b] ?? b)],
  ["extra spaces", (s) => ` ${[...s].join(" ")}\u3000`],
  ["the unit suffix left out", (s) => s.replace(/[(（][^()（）]*[)）]$/, "")],
];

function respell(l: SheetLayout, f: (s: string) => string): SheetSnapshot {
  const headers = new Set(l.cells.filter((c) => c.role === "header" && typeof c.value === "string").map((c) => `${c.row},${c.col}`));
  return mapValues(layoutToSnapshot(l), (v, r, c) => (headers.has(`${r},${c}`) && typeof v === "string" ? f(v) : v));
}

describe("label spellings", () => {
  test.each(SPELLINGS)("header labels with %s", (_name, f) => {
    for (const id of TABLE_IDS) {
      for (const withoutMerges of [false, true]) {
        const l = layout(id, { withoutMerges });
        expectTable(only(recognise(book(respell(l, f))), id), l);
      }
    }
  });

  test("the spellings really change the labels", () => {
    const l = layout("A2");
    const s = respell(l, SPELLINGS[0][1]);
    const h = categoryHeaderAt(l, "penalty");
    expect(s.values[h.row][h.col]).toBe("行政处罚\n(件)");
    const l5 = layout("A5");
    const s5 = respell(l5, SPELLINGS[0][1]);
    const f = columnHeaderAt(l5, "filed");
    expect(s5.values[f.row][f.col]).toBe("刑事\n\n立案数");
  });

  test("year headers written as text `2023年` / `2024年度`", () => {
    for (const id of ["A2", "A3"] as const) {
      const l = layout(id);
      const yearCells = new Set(l.cells.filter((c) => c.role === "header" && typeof c.value === "number").map((c) => `${c.row},${c.col}`));
      expect(yearCells.size).toBe(2 * tableDef(id).categories.length);
      const s = mapValues(layoutToSnapshot(l), (v, r, c) => (yearCells.has(`${r},${c}`) ? (v === SEED_YEAR ? `${v}年度` : `${v}年`) : v));
      expectYearly(only(recognise(book(s)), id), l);
    }
  });

  test("the unit line written `执法单位（盖章）：…` and the contact in the next cell still give unit and contact", () => {
    const l = layout("A2");
    const u = metaAt(l, "unit");
    const c = metaAt(l, "contact");
    let s = setCell(layoutToSnapshot(l), u.row, u.col, `执法单位（盖章）：${SEED_UNIT}`);
    s = setCell(s, c.row, c.col, "联系人和联系方式：");
    s = setCell(s, c.row, c.col + 3, "王洪江 0731-57812345");
    s = { ...s, merges: s.merges.filter((m) => !(m.top === c.row && m.left === c.col)) };
    const t = only(recognise(book(s)), "A2");
    expect(t.unitFromLine).toBe(SEED_UNIT);
    expect(t.contact?.address).toBe(a1(c));
    expect(t.contactText).toBe("王洪江 0731-57812345");
  });

  test("the unit typed in the cell after `执法单位：(盖章)` is the unit; an empty unit line gives no unit", () => {
    const l = layout("A4", { withoutMerges: true });
    const u = metaAt(l, "unit");
    const s = setCell(setCell(layoutToSnapshot(l), u.row, u.col, "执法单位：（盖章）"), u.row, u.col + 1, ` ${SEED_UNIT} `);
    expect(only(recognise(book(s)), "A4").unitFromLine).toBe(SEED_UNIT);
    const empty = only(recognise(book(setCell(layoutToSnapshot(l), u.row, u.col, "执法单位：(盖章)"))), "A4");
    expect(empty.unitLine?.address).toBe(a1(u));
    expect(empty.unitFromLine).toBe("");
  });

  test.each([
    ["填报单位（盖章）：湘潭县自然资源局", "联系人：王洪江  联系电话：15197167768", "王洪江  联系电话：15197167768"],
    ["执 法 单 位：(盖 章)湘潭县自然资源局", "联 系 人 和 联 系 方 式 ： 王洪江15197167768", "王洪江15197167768"],
    ["执法单位:(盖章) 湘潭县自然资源局", "联系人及联系方式：王洪江15197167768", "王洪江15197167768"],
  ])("local spellings of the frame line: %p | %p", (unitText, contactText, contact) => {
    const l = layout("A4");
    const u = metaAt(l, "unit");
    const c = metaAt(l, "contact");
    const s = setCell(setCell(layoutToSnapshot(l), u.row, u.col, unitText), c.row, c.col, contactText);
    const t = only(recognise(book(s)), "A4");
    expect(t.unitLine?.address).toBe(a1(u));
    expect(t.unitFromLine).toBe(SEED_UNIT);
    expect(t.contact?.address).toBe(a1(c));
    expect(t.contactText).toBe(contact);
  });

  test("unit line and contact in one cell", () => {
    const l = layout("A3", { withoutMerges: true });
    const u = metaAt(l, "unit");
    const c = metaAt(l, "contact");
    let s = setCell(layoutToSnapshot(l), u.row, u.col, `执法单位：(盖章)${SEED_UNIT}      联系人和联系方式：李四 13812345678`);
    s = setCell(s, c.row, c.col, null);
    const t = only(recognise(book(s)), "A3");
    expect(t.unitFromLine).toBe(SEED_UNIT);
    expect(t.contact?.address).toBe(a1(u));
    expect(t.contactText).toBe("李四 13812345678");
  });
});

describe("several tables on one sheet", () => {
  const orders: TableId[][] = [
    ["A2", "A3", "A4", "A5"],
    ["A5", "A4", "A3", "A2"],
    ["A4", "A2", "A5", "A3"],
    ["A3", "A5", "A2", "A4"],
  ];
  for (const gap of [0, 1, 4]) {
    test.each(orders)(`stacked %s %s %s %s, ${gap} empty rows apart`, (...ids) => {
      for (const withoutMerges of [false, true]) {
        const ls = ids.map((id) => layout(id, { withoutMerges }));
        const { sheet: s, offsets } = stack("全部", ls.map(layoutToSnapshot), gap);
        const tables = recognise(book(s));
        expect(tables.map((t) => t.id)).toEqual(ids);
        tables.forEach((t, i) => expectTable(t, ls[i], { row: offsets[i], col: 0 }));
      }
    });
  }

  test("two copies of the same appendix on one sheet are both recognised", () => {
    const l = layout("A2");
    const other = layout("A2", { unit: "湘潭县林业局", yearly: { ...seedLayoutOptions("A2").yearly, unit: "湘潭县林业局" } });
    const { sheet: s, offsets } = stack("附件2", [layoutToSnapshot(l), layoutToSnapshot(other)], 2);
    const tables = recognise(book(s));
    expect(tables.map((t) => t.id)).toEqual(["A2", "A2"]);
    expectYearly(tables[0], l, { row: offsets[0], col: 0 });
    const second = tables[1] as RecognisedYearlyTable;
    expect(second.blocks[0].unit.raw).toBe("湘潭县林业局");
    expect(second.blocks[0].unit.address).toBe(a1(unitRowAt(l), { row: offsets[1], col: 0 }));
    expect(second.unitFromLine).toBe("湘潭县林业局");
  });

  test("two copies of the same appendix on two sheets are both recognised", () => {
    const tables = recognise(book(sheet("A3", { sheetName: "甲" }), sheet("A3", { sheetName: "乙" })));
    expect(tables.map((t) => [t.id, t.sheet])).toEqual([
      ["A3", "甲"],
      ["A3", "乙"],
    ]);
    for (const t of tables) expectTable(t, layout("A3"));
  });
});

describe("several units in one table", () => {
  test("附件2 with a second unit's three rows: two blocks, each with its own cells", () => {
    const l = layout("A2", { withoutMerges: true });
    const s0 = layoutToSnapshot(l);
    const first = unitRowAt(l);
    const copy = [0, 1, 2].map((i) => [...(s0.values[first.row + i] ?? [])]);
    copy[0][first.col] = "湘潭县林业局";
    copy[0][first.col - 1] = 4;
    const s = insertRows(s0, first.row + 3, copy);
    const t = only(recognise(book(s)), "A2") as RecognisedYearlyTable;
    expect(t.blocks.map((b) => b.unit.raw)).toEqual([SEED_UNIT, "湘潭县林业局"]);
    const second = t.blocks[1];
    const cur = valueAt(l, "penalty", "current");
    expect(second.categories.penalty.current.address).toBe(a1(cur, { row: 3, col: 0 }));
    expect(second.categories.penalty.ratio?.address).toBe(a1(ratioAt(l, "penalty"), { row: 3, col: 0 }));
    expect(second.categories.penalty.explanation?.address).toBe(a1(explanationAt(l, "penalty"), { row: 3, col: 0 }));
    expect(t.problems).toEqual([]);
  });
});

describe("a table among other content", () => {
  function surround(l: SheetLayout, at: At): SheetSnapshot {
    const s = layoutToSnapshot(l);
    let out: SheetSnapshot = { name: "报告", values: [], merges: [] };
    out = setCell(out, 0, 0, "湘潭县自然资源局2024年法治政府建设年度报告（节选）");
    out = setCell(out, 1, 0, "以下为本单位行政执法统计数据，请审核：");
    const height = s.values.length;
    // a column of text at the left, right up against the table
    for (let r = at.row; r < at.row + height; r++) out = setCell(out, r, at.col - 1, r % 2 ? "见上表" : "备考 12");
    // text at the right, one column clear of the table
    for (let r = at.row; r < at.row + height; r++) out = setCell(out, r, at.col + l.lastCol + 2, r % 3 ? "审核人：张三" : 2024);
    out = overlay(out, s, at.row, at.col);
    // a block of figures below the notes
    for (let r = 0; r < 5; r++) for (let c = 0; c < 8; c++) out = setCell(out, at.row + height + 1 + r, at.col + c, (r + 1) * (c + 3));
    return out;
  }

  test.each(TABLE_IDS)("%s with text above, left and right and figures below", (id) => {
    for (const withoutMerges of [false, true]) {
      const l = layout(id, { withoutMerges });
      const at = { row: 4, col: 1 };
      const tables = recognise(book(surround(l, at)));
      expect(tables.map((t) => t.id)).toEqual([id]);
      expectTable(tables[0], l, at);
      expect(tables[0].bottom).toBe(l.gridBottom + at.row);
    }
  });
});

describe("where the body ends", () => {
  /** The layout without its notes rows (people delete the 填表说明). */
  function withoutNotes(l: SheetLayout): SheetSnapshot {
    const s = layoutToSnapshot(l);
    const notes = new Set(l.cells.filter((c) => c.role === "note").map((c) => c.row));
    return { ...s, values: s.values.filter((_, i) => !notes.has(i)), merges: s.merges.filter((m) => !notes.has(m.top)) };
  }

  test.each(TABLE_IDS)("%s: notes deleted, figures one empty row below are not body rows", (id) => {
    const l = layout(id);
    let s = withoutNotes(l);
    const end = s.values.length;
    for (let r = 0; r < 4; r++) for (let c = 0; c < 8; c++) s = setCell(s, end + 1 + r, c, r * 10 + c + 0.5 * (c % 2));
    const t = only(recognise(book(s)), id);
    expectTable(t, l);
    expect(t.bottom).toBe(l.gridBottom);
  });

  test("附件4: a body row moved one empty row down is still read (its 序号 goes on)", () => {
    const l = layout("A4", { withoutMerges: true });
    const s0 = layoutToSnapshot(l);
    const row3 = bodyAt(l, "name", 2).row;
    const filled = setCell(setCell(s0, row3, bodyAt(l, "name", 2).col, "综合执法大队"), row3, bodyAt(l, "establishment", 2).col, 8);
    const s = insertRows(filled, row3, [[]]);
    const t = only(recognise(book(s)), "A4") as RecognisedColumnTable;
    expect(t.rows.map((r) => r.cells.name.raw)).toEqual(["自然资源执法股", null, "综合执法大队", null]);
    expect(t.rows[2].cells.establishment.address).toBe(a1(bodyAt(l, "establishment", 2), { row: 1, col: 0 }));
  });

  test("附件2: a second unit after an empty row, numbered on or from 1 again", () => {
    const l = layout("A2", { withoutMerges: true });
    const s0 = layoutToSnapshot(l);
    const first = unitRowAt(l);
    for (const numbering of [
      [4, 5, 6],
      [1, 2, 3],
    ]) {
      const copy = [0, 1, 2].map((i) => {
        const r = [...(s0.values[first.row + i] ?? [])];
        r[first.col - 1] = numbering[i];
        return r;
      });
      copy[0][first.col] = "湘潭县林业局";
      const s = insertRows(s0, first.row + 3, [[], ...copy]);
      const t = only(recognise(book(s)), "A2") as RecognisedYearlyTable;
      expect(t.blocks.map((b) => b.unit.raw)).toEqual([SEED_UNIT, "湘潭县林业局"]);
      expect(t.blocks[1].categories.penalty.explanation?.address).toBe(a1(explanationAt(l, "penalty"), { row: 4, col: 0 }));
    }
  });
});

describe("header problems (layout-header)", () => {
  function headerFindings(s: SheetSnapshot) {
    return analyse(book(s), { rules: ["layout-header"] }).findings;
  }

  test("a missing category is named, and the other categories stay bound to their labels", () => {
    const l = layout("A2");
    const gone = categoryHeaderAt(l, "confirm");
    const s = deleteCols(layoutToSnapshot(l), gone.col, 2);
    const t = only(recognise(book(s)), "A2") as RecognisedYearlyTable;
    expect(t.blocks[0].categories.confirm).toBeUndefined();
    expect(t.blocks[0].categories.penalty.current.address).toBe(a1(valueAt(l, "penalty", "current"), { row: 0, col: -2 }));
    expect(t.blocks[0].categories.penalty.current.raw).toBe(9);
    const f = headerFindings(s);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "layout-header", severity: "error", table: "A2" });
    expect(f[0].message).toContain(TABLE_NAMES.A2);
    expect(f[0].message).toContain("缺少");
    expect(f[0].message).toContain("行政确认(件)");
    // marked where it belongs: the header that moved into its place
    expect(f[0].cell).toBe(a1(gone));
  });

  test("a missing column of 附件5 is named", () => {
    const l = layout("A5");
    const gone = columnHeaderAt(l, "notFiled");
    const f = headerFindings(deleteCols(layoutToSnapshot(l), gone.col, 1));
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("刑事不予立案数");
    expect(f[0].message).toContain(TABLE_NAMES.A5);
    // the sub-label row, not the merged group cell above it
    expect(f[0].cell).toBe(a1(gone));
  });

  test("two categories swapped: out of order, and each still read under its own label", () => {
    const l = layout("A2");
    const a = categoryHeaderAt(l, "permit");
    const b = categoryHeaderAt(l, "confirm");
    let s = layoutToSnapshot(l);
    s = setCell(s, valueAt(l, "permit", "current").row, valueAt(l, "permit", "current").col, 5);
    s = swapCols(s, a.col, b.col, 2);
    const t = only(recognise(book(s)), "A2") as RecognisedYearlyTable;
    expect(t.blocks[0].categories.permit.current.address).toBe(a1(valueAt(l, "confirm", "current")));
    expect(t.blocks[0].categories.permit.current.raw).toBe(5);
    const f = headerFindings(s);
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("顺序");
    expect(f[0].message).toMatch(/行政许可\(件\)|行政确认\(件\)/);
    expect([a1(a), a1(b)]).toContain(f[0].cell);
  });

  test("two columns of 附件4 swapped are out of order", () => {
    const l = layout("A4");
    const a = columnHeaderAt(l, "trainingPersons");
    const b = columnHeaderAt(l, "trainingHours");
    expect(a.row).toBe(b.row);
    const s = swapCols(layoutToSnapshot(l), a.col, b.col, 1, a.row);
    const t = only(recognise(book(s)), "A4") as RecognisedColumnTable;
    expect(t.rows[0].cells.trainingHours.raw).toBe(1600);
    expect(t.rows[0].cells.trainingHours.address).toBe(a1(bodyAt(l, "trainingPersons")));
    const f = headerFindings(s);
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("顺序");
    expect(f[0].message).toMatch(/人次\(人\)|学时\(时\)/);
  });

  test("a duplicated category is named, as is the one it replaced", () => {
    const l = layout("A3");
    const h = categoryHeaderAt(l, "coercion");
    const s = setCell(layoutToSnapshot(l), h.row, h.col, "涉企行政处罚（件）");
    const f = headerFindings(s);
    const messages = f.map((x) => x.message);
    expect(messages.some((m) => m.includes("重复") && m.includes("涉企行政处罚(件)"))).toBe(true);
    expect(messages.some((m) => m.includes("缺少") && m.includes("涉企行政强制(件)"))).toBe(true);
    expect(f.find((x) => x.message.includes("重复"))?.cell).toBe(a1(h));
    expect(f).toHaveLength(2);
  });
});

describe("years (layout-year)", () => {
  function retitle(l: SheetLayout, title: string): SheetSnapshot {
    const at = titleAt(l);
    return setCell(layoutToSnapshot(l), at.row, at.col, title);
  }

  test("years 2022 | 2023 under a 2024 title: every category's year headers are found, and reported once per table", () => {
    for (const id of ["A2", "A3"] as const) {
      const l = layout(id);
      const s = mapValues(layoutToSnapshot(l), (v) => (v === 2023 ? 2022 : v === 2024 ? 2023 : v));
      expect(titleAt(l)).toBeDefined();
      const def = tableDef(id);
      const t = only(recognise(book(s)), id);
      expect(t.problems.map((p) => p.cell)).toEqual(def.categories.map((c) => a1(yearHeaderAt(l, c.key, "prior"))));
      const f = analyse(book(s), { rules: ["layout-year"] }).findings;
      expect(f).toHaveLength(1);
      const wrong = def.categories.flatMap((c) => [a1(yearHeaderAt(l, c.key, "prior")), a1(yearHeaderAt(l, c.key, "current"))]);
      expect(f[0]).toMatchObject({ rule: "layout-year", severity: "error", table: id, cell: wrong[0] });
      expect([...f[0].related].sort()).toEqual(wrong.slice(1).sort());
      expect(f[0].message).toContain(TABLE_NAMES[id]);
      expect(f[0].message).toMatch(/2023.*2024/);
      expect(f[0].message).toContain(def.categories[0].label);
      expect(f[0].message).toContain(def.categories[def.categories.length - 1].label);
    }
  });

  test("years written the wrong way round are reported but still read by year", () => {
    const l = layout("A2");
    const pair = new Set([yearHeaderAt(l, "penalty", "prior"), yearHeaderAt(l, "penalty", "current")].map((p) => `${p.row},${p.col}`));
    const s = mapValues(layoutToSnapshot(l), (v, r, c) => (pair.has(`${r},${c}`) ? (v === 2023 ? 2024 : 2023) : v));
    const t = only(recognise(book(s)), "A2") as RecognisedYearlyTable;
    expect(t.blocks[0].categories.penalty.current.address).toBe(a1(valueAt(l, "penalty", "prior")));
    expect(t.problems.map((p) => p.rule)).toEqual(["layout-year"]);
  });

  test.each(TABLE_IDS)("%s: a title without a year is reported at the title", (id) => {
    const l = layout(id);
    const s = retitle(l, tableDef(id).titleSuffix.replace(/^年/, ""));
    const t = only(recognise(book(s)), id);
    const f = analyse(book(s), { rules: ["layout-year"] }).findings;
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "layout-year", severity: "error", table: id, cell: a1(titleAt(l)) });
    expect(f[0].message).toContain(TABLE_NAMES[id]);
    expect(f[0].message).toContain("年份");
    // 附件2/3 still know the year from their year headers; 附件4/5 have none
    expect(t.year).toBe(id === "A2" || id === "A3" ? SEED_YEAR : null);
  });

  test("a 2025 report is read as 2025 with 2024 | 2025 columns", () => {
    const l = layoutFor("A2", { ...seedLayoutOptions("A2"), year: 2025 });
    const t = only(recognise(book(layoutToSnapshot(l))), "A2");
    expect(t.year).toBe(2025);
    expect(t.problems).toEqual([]);
  });
});

describe("what is not a table", () => {
  test("an empty sheet, a sheet of figures, the state sheet", () => {
    const figures: CellValue[][] = Array.from({ length: 20 }, (_, r) => Array.from({ length: 10 }, (_, c) => r * c));
    const state = { ...sheet("A2"), name: "_xzzf" };
    expect(recognise(book({ name: "空", values: [], merges: [] }, { name: "数", values: figures, merges: [] }, state))).toEqual([]);
  });
});
