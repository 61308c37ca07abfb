import { validateTables } from "./validate";
import { TABLES, tableDef } from "./tables";

describe("the four tables against their schema", () => {
  test("are valid as written", () => {
    expect(validateTables().map((t) => t.id)).toEqual(["A2", "A3", "A4", "A5"]);
  });

  test("a wrong kind, an empty label, a bad key or a repeated key is refused", () => {
    const a2 = tableDef("A2");
    const withCategory = (change: object) => [{ ...a2, categories: [{ ...a2.categories[0], ...change }, ...a2.categories.slice(1)] }, ...TABLES.slice(1)];
    expect(() => validateTables(withCategory({ kind: "money" }))).toThrow();
    expect(() => validateTables(withCategory({ label: "" }))).toThrow();
    expect(() => validateTables(withCategory({ key: "行政许可" }))).toThrow();
    expect(() => validateTables(withCategory({ key: "confirm" }))).toThrow(/duplicate keys/);
    expect(() => validateTables([...TABLES, a2])).toThrow(/duplicate table ids/);
  });
});
