import type { SheetSnapshot } from "../grid/grid";
import { layoutFor, layoutToSnapshot } from "../templates/layout";
import { seedLayoutOptions } from "../templates/sample";
import { buildGrid, cellText } from "./gridModel";

function sheet(values: SheetSnapshot["values"], merges: SheetSnapshot["merges"] = []): SheetSnapshot {
  return { name: "S", values, merges };
}

describe("buildGrid", () => {
  it("draws a merged area once, spanning its rows and columns, and leaves its covered cells out", () => {
    const g = buildGrid(
      sheet(
        [
          ["title", null, null],
          ["a", "b", "c"],
          ["d", null, "f"],
        ],
        [
          { top: 0, left: 0, bottom: 0, right: 2 },
          { top: 1, left: 1, bottom: 2, right: 1 },
        ],
      ),
    );
    expect(g.rows[0].map((c) => [c.address, c.colSpan, c.rowSpan])).toEqual([["A1", 3, 1]]);
    expect(g.rows[1].map((c) => [c.address, c.colSpan, c.rowSpan])).toEqual([
      ["A2", 1, 1],
      ["B2", 1, 2],
      ["C2", 1, 1],
    ]);
    expect(g.rows[2].map((c) => c.address)).toEqual(["A3", "C3"]);
    expect(g.capped).toBe(false);
  });

  it("counts every drawn grid position exactly once for the seed's tables", () => {
    for (const id of ["A2", "A3", "A4", "A5"] as const) {
      const s = layoutToSnapshot(layoutFor(id, seedLayoutOptions(id)));
      const g = buildGrid(s);
      let area = 0;
      for (const row of g.rows) for (const c of row) area += c.rowSpan * c.colSpan;
      expect(area).toBe(g.shownRows * g.shownCols);
      // the title is merged across the whole table
      expect(g.rows[1][0].colSpan).toBe(g.shownCols);
    }
  });

  it("caps a huge sheet and clips merges that run past the cap", () => {
    const values: SheetSnapshot["values"] = [];
    values[999] = [];
    values[999][99] = "far away";
    const g = buildGrid(sheet(values, [{ top: 8, left: 8, bottom: 20, right: 20 }]), 10, 10);
    expect(g).toMatchObject({ shownRows: 10, shownCols: 10, totalRows: 1000, totalCols: 100, capped: true });
    expect(g.rows).toHaveLength(10);
    const owner = g.rows[8].find((c) => c.address === "I9");
    expect(owner).toMatchObject({ rowSpan: 2, colSpan: 2 });
    expect(g.rows[9].map((c) => c.address)).not.toContain("I10");
  });

  it("counts merges when sizing: a merge reaching past the values is drawn whole", () => {
    const g = buildGrid(sheet([["x"]], [{ top: 0, left: 0, bottom: 1, right: 3 }]));
    expect([g.totalRows, g.totalCols]).toEqual([2, 4]);
    expect(g.rows[0][0]).toMatchObject({ rowSpan: 2, colSpan: 4 });
    expect(g.rows[1]).toEqual([]);
  });
});

describe("cellText", () => {
  it("shows values exactly as held, without locale formatting", () => {
    expect([cellText(null), cellText(818000.7), cellText(1234567), cellText(true), cellText("无")]).toEqual(["", "818000.7", "1234567", "TRUE", "无"]);
  });
});
