import * as cells from "./cells";
import { analyse, recogniseWorkbook } from "../check/analyse";
import type { RecognisedYearlyTable } from "../engine/model";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";

describe("the lists rules share within one analysis", () => {
  it("are made once per table while an analysis runs, and made afresh after forgetTables", () => {
    const { tables } = recogniseWorkbook(seedSnapshot());
    const yearly = tables.find((t): t is RecognisedYearlyTable => t.shape === "yearly") as RecognisedYearlyTable;
    const cellsOnce = cells.valueCells(tables);
    const categoriesOnce = cells.yearlyCategories(yearly);
    expect(cells.valueCells(tables)).toBe(cellsOnce);
    expect(cells.yearlyCategories(yearly)).toBe(categoriesOnce);
    cells.forgetTables();
    expect(cells.valueCells(tables)).not.toBe(cellsOnce);
    expect(cells.valueCells(tables)).toEqual(cellsOnce);
    expect(cells.yearlyCategories(yearly)).not.toBe(categoriesOnce);
  });

  it("are dropped when an analysis ends, so a batch keeps no file's tables", () => {
    const forget = jest.spyOn(cells, "forgetTables");
    try {
      const a = analyse(seedSnapshot());
      expect(a.findings.length).toBeGreaterThan(0);
      expect(forget).toHaveBeenCalledTimes(1);
    } finally {
      forget.mockRestore();
    }
  });
});
