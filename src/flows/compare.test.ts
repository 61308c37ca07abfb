import { analyse } from "../check/analyse";
import type { SheetSnapshot, WorkbookSnapshot } from "../grid/grid";
import { layoutFor, layoutToSnapshot, type LayoutOptions } from "../templates/layout";
import { seedLayoutOptions } from "../templates/sample";
import type { TableId } from "../templates/schema";
import { TABLE_IDS } from "../templates/tables";
import { withRow, withYearly } from "../../tests/helpers/xlsx";
import { compareAnalyses, unchanged } from "./compare";

type Change = Partial<Record<TableId, (o: LayoutOptions) => LayoutOptions>>;

function seed(change: Change = {}, ids: readonly TableId[] = TABLE_IDS): WorkbookSnapshot {
  return { sheets: ids.map((id) => layoutToSnapshot(layoutFor(id, (change[id] ?? ((o) => o))(seedLayoutOptions(id))))) };
}

/** The sheet with `n` empty rows above it: every address moves down. */
function shifted(s: SheetSnapshot, n: number): SheetSnapshot {
  return {
    ...s,
    values: [...Array.from({ length: n }, () => []), ...s.values],
    merges: s.merges.map((m) => ({ ...m, top: m.top + n, bottom: m.bottom + n })),
  };
}

const run = (a: WorkbookSnapshot, b: WorkbookSnapshot) => compareAnalyses(analyse(a), analyse(b));

test("the same report twice: nothing changed, every finding remains", () => {
  const c = run(seed(), seed());
  expect(unchanged(c)).toBe(true);
  expect(c.remaining).toHaveLength(analyse(seed()).findings.length);
  expect(c.remaining.length).toBeGreaterThan(0);
});

test("a corrected figure: one cell changed, its error resolved, and what the correction brings to light", () => {
  const before = seed({ A2: withYearly("penalty", [7, -9]) });
  const c = run(before, seed());
  expect(c.cells).toEqual([
    expect.objectContaining({ table: "A2", where: "附件2 行政执法案件数据「行政处罚(件)」2024年", before: -9, after: 9, cell: c.cells[0].oldCell }),
  ]);
  expect(c.resolved.map((f) => f.rule)).toContain("value-negative");
  expect(c.resolved.every((f) => f.table === "A2")).toBe(true);
  // with a figure it can use, the blank ratio beside it is now worth saying
  expect(c.added.map((f) => [f.rule, f.cell])).toEqual([["ratio-missing", "M8"]]);
});

test("a figure changed nobody asked about shows, with both years named", () => {
  const c = run(seed(), seed({ A2: withYearly("fines", [818000.7, 4005196]) }));
  expect(c.cells.map((x) => [x.where, x.before, x.after])).toEqual([["附件2 行政执法案件数据「罚没金额（元）」2024年", 4005196.42, 4005196]]);
});

test("the same figure written another way is no change; text that differs is", () => {
  const c = run(seed({ A2: withYearly("penalty", [7, 9]) }), seed({ A2: withYearly("penalty", ["7件", "9"]) }));
  expect(c.cells).toEqual([]);
  const d = run(seed(), seed({ A4: withRow({ name: "执法大队" }) }));
  // one body row each side: paired whatever the names say, so the name is a changed cell, not a unit gone and another come
  expect(d.unitsAdded).toEqual([]);
  expect(d.unitsRemoved).toEqual([]);
  expect(d.cells.map((x) => [x.where, x.before, x.after])).toEqual([["附件4 行政执法保障情况「执法大队」执法部门/机构名称", "自然资源执法股", "执法大队"]]);
});

test("rows inserted above a table move every address and change nothing", () => {
  const before = seed({ A2: withYearly("penalty", [7, -9]) });
  const after = { sheets: before.sheets.map((s, i) => (i === 0 ? shifted(s, 3) : s)) };
  const c = run(before, after);
  expect(c.cells).toEqual([]);
  expect(c.added).toEqual([]);
  expect(c.resolved).toEqual([]);
  // the error is the same one, at its new address
  const negative = c.remaining.find((f) => f.rule === "value-negative")!;
  expect(analyse(before).findings.find((f) => f.rule === "value-negative")!.cell).not.toBe(negative.cell);
});

test("a table added or removed is named, and its findings count as new or resolved", () => {
  const c = run(seed({}, ["A2", "A3", "A4"]), seed());
  expect(c.tablesAdded).toEqual(["A5"]);
  expect(c.tablesRemoved).toEqual([]);
  expect(c.added.some((f) => f.table === "A5")).toBe(true);
  const d = run(seed(), seed({}, ["A2", "A3", "A4"]));
  expect(d.tablesRemoved).toEqual(["A5"]);
  expect(d.resolved.some((f) => f.table === "A5")).toBe(true);
});

test("a body row added to 附件4 is a unit added, matched by name among several", () => {
  const two = (o: LayoutOptions): LayoutOptions => ({ ...o, columns: { rows: [...(o.columns?.rows ?? []), { name: "执法监察大队", establishment: 5 }] } });
  const c = run(seed(), seed({ A4: two }));
  expect(c.unitsAdded).toEqual([expect.objectContaining({ table: "A4", unit: "执法监察大队" })]);
  expect(c.cells).toEqual([]);
  // the other way round, with the first row changed as well: the remaining row pairs by its name
  const d = run(seed({ A4: two }), seed({ A4: withRow({ establishment: 17 }) }));
  expect(d.unitsRemoved).toEqual([expect.objectContaining({ unit: "执法监察大队" })]);
  expect(d.cells.map((x) => [x.where, x.before, x.after])).toEqual([["附件4 行政执法保障情况「自然资源执法股」编制数", 16, 17]]);
});
