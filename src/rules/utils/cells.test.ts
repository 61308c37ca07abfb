import { TableLists } from "./cells";
import { parseValue } from "../../engine/normalize";
import type { Slot } from "../../engine/model";
import type { ValueKind } from "../../templates/schema";
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

  it("flag exactly the value cells whose value has a problem or a note, in order, with that value", () => {
    const lists = new TableLists(tables);
    const expected = lists
      .valueCells()
      .map((cell) => ({ cell, value: parseValue(cell.slot.raw, cell.kind) }))
      .filter(({ value }) => value.problem !== undefined || value.note !== undefined);
    const flagged = lists.flaggedValueCells();
    // the seed has some (numbers typed as text, 无 for 0) among hundreds that have neither
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(lists.valueCells().length / 2);
    expect(flagged).toEqual(expected);
    expect(lists.flaggedValueCells()).toBe(flagged);
  });

  it("read values with the analysis' own reader, once per cell", () => {
    const read = jest.fn((slot: Slot, kind: ValueKind) => parseValue(slot.raw, kind));
    const lists = new TableLists(tables, read);
    lists.flaggedValueCells();
    lists.flaggedValueCells();
    expect(read).toHaveBeenCalledTimes(lists.valueCells().length);
  });

  it("list the value cells of the given tables only", () => {
    const cells = new TableLists([yearly]).valueCells();
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c.table === yearly)).toBe(true);
  });

  it("belong to one analysis: each analysis of the same tables lists them anew", () => {
    const spy = jest.spyOn(TableLists.prototype, "flaggedValueCells");
    try {
      analyseTables(tables, state);
      analyseTables(tables, state);
      const owners = new Set(spy.mock.contexts);
      // every value-* rule of an analysis shares its lists; the second analysis has its own
      expect(spy.mock.calls.length).toBeGreaterThan(2);
      expect(owners.size).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });
});
