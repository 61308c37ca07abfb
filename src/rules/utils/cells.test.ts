import { TableLists } from "./cells";
import { analyseTables, recogniseWorkbook } from "../../check/analyse";
import type { RecognisedColumnTable, RecognisedYearlyTable } from "../../engine/model";
import { seedSnapshot } from "../../../tests/helpers/seedWorkbook";

describe("the lists rules share within one analysis", () => {
  const { tables, state } = recogniseWorkbook(seedSnapshot());
  const yearly = tables.find((t): t is RecognisedYearlyTable => t.shape === "yearly") as RecognisedYearlyTable;
  const columns = tables.find((t): t is RecognisedColumnTable => t.shape === "columns") as RecognisedColumnTable;

  it("are made once per table by one TableLists, and afresh by another", () => {
    const lists = new TableLists(tables);
    const cellsOnce = lists.valueCells();
    const categoriesOnce = lists.yearlyCategories(yearly);
    const rowsOnce = lists.bodyRows(columns);
    expect(cellsOnce.length).toBeGreaterThan(0);
    expect(lists.valueCells()).toBe(cellsOnce);
    expect(lists.yearlyCategories(yearly)).toBe(categoriesOnce);
    expect(lists.bodyRows(columns)).toBe(rowsOnce);
    const other = new TableLists(tables);
    expect(other.valueCells()).not.toBe(cellsOnce);
    expect(other.valueCells()).toEqual(cellsOnce);
    expect(other.yearlyCategories(yearly)).not.toBe(categoriesOnce);
  });

  it("list the value cells of the given tables only", () => {
    const cells = new TableLists([yearly]).valueCells();
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c.table === yearly)).toBe(true);
  });

  it("belong to one analysis: each analysis of the same tables lists them anew", () => {
    const spy = jest.spyOn(TableLists.prototype, "valueCells");
    try {
      analyseTables(tables, state);
      analyseTables(tables, state);
      const owners = new Set(spy.mock.contexts);
      // every value rule of an analysis shares its lists; the second analysis has its own
      expect(spy.mock.calls.length).toBeGreaterThan(2);
      expect(owners.size).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });
});
