import {
  anchorRange,
  decodeSaved,
  encodeSaved,
  fillFrom,
  isDateFormat,
  localAddress,
  needsTextFormat,
  parseAreasAddress,
  serialToIso,
  sheetNameProblem,
  sheetOfAddress,
  toGrid,
} from "./cells";

describe("addresses", () => {
  test("the sheet and cell parts of what Office returns", () => {
    expect(localAddress("Sheet1!C3:F10")).toBe("C3:F10");
    expect(localAddress("'附件 2'!$B$4")).toBe("B4");
    expect(sheetOfAddress("'It''s here'!A1")).toBe("It's here");
    expect(sheetOfAddress("附件2!A1")).toBe("附件2");
  });

  test("RangeAreas addresses, including quoted sheet names with commas", () => {
    expect(parseAreasAddress("'a,b'!A1:B2, 'a,b'!D4")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 3, left: 3, bottom: 3, right: 3 },
    ]);
  });
});

describe("reading", () => {
  test("a used range starting at C3 is anchored at A1; empty text is null; trailing empties dropped", () => {
    const read = anchorRange("S!C3:D4", [
      ["x", ""],
      [5, ""],
    ]);
    expect(read.values).toEqual([[], [], [null, null, "x"], [null, null, 5]]);
  });

  test("the used range of an empty sheet (A1 holding nothing) is no rows at all", () => {
    expect(anchorRange("S!A1", [[""]]).values).toEqual([]);
  });

  test("dates by their number format become ISO text; percentages and plain numbers stay numbers; formulas are kept by address", () => {
    const read = anchorRange(
      "S!B2:E2",
      [[45356, 0.25, 45356.5, "#DIV/0!"]],
      [["yyyy-mm-dd", "0.00%", 'yyyy"年"m"月"d"日" h:mm', "General"]],
      [["45356", "=A1/4", "45356.5", "=1/0"]],
    );
    expect(read.values).toEqual([[], [null, "2024-03-05", 0.25, "2024-03-05T12:00:00", "#DIV/0!"]]);
    expect(read.formulas).toEqual({ C2: "=A1/4", E2: "=1/0" });
  });

  test("which number formats are dates", () => {
    for (const f of ["yyyy-mm-dd", "m/d/yyyy", '[$-804]yyyy"年"m"月"', "h:mm:ss", "yyyy/m/d"]) expect([f, isDateFormat(f)]).toEqual([f, true]);
    for (const f of ["General", "0.00%", "@", "#,##0.00", "[Red]0", '0"天"', "0.00E+00"]) expect([f, isDateFormat(f)]).toEqual([f, false]);
  });

  test("serial dates: 45292 is 2024-01-01 in Excel's 1900 system", () => {
    expect(serialToIso(45292)).toBe("2024-01-01");
    expect(serialToIso(-1)).toBeNull();
  });
});

describe("writing", () => {
  test("text Excel would convert is written with the text format", () => {
    for (const s of ["+28.57%", "-50.00%", "0.00%", "=A1", "0123", "2024-03-05", "1,234"]) expect([s, needsTextFormat(s)]).toEqual([s, true]);
    for (const s of ["上年为0", "行政处罚(件)", "附件2", "", "湘潭县自然资源局"]) expect([s, needsTextFormat(s)]).toEqual([s, false]);
  });

  test('rows become one rectangle; empty cells are ""; allText formats every text cell @', () => {
    const g = toGrid([["a", 1], ["=x"]]);
    expect(g.values).toEqual([
      ["a", 1],
      ["=x", ""],
    ]);
    expect(g.formats).toEqual([
      ["General", "General"],
      ["@", "General"],
    ]);
    expect(toGrid([["a", 1]], 1, true).formats).toEqual([["@", "General"]]);
    expect(toGrid([]).values).toEqual([[""]]);
  });

  test("sheet names Excel refuses", () => {
    expect(sheetNameProblem("附件2 执法案件")).toBeNull();
    expect(sheetNameProblem("a/b")).toContain("a/b");
    expect(sheetNameProblem("x".repeat(32))).toContain("31");
  });
});

describe("saved formats", () => {
  test("round trip as {fill, note}; a note not seen says so; a damaged entry restores to no fill and leaves notes alone", () => {
    expect(decodeSaved(encodeSaved({ fill: "#00B050", note: "原有备注", noteSeen: true }))).toEqual({ fill: "#00B050", note: "原有备注", noteSeen: true });
    expect(JSON.parse(encodeSaved({ fill: null, note: null, noteSeen: true }))).toEqual({ fill: null, note: null });
    expect(JSON.parse(encodeSaved({ fill: "#00B050", note: null, noteSeen: false }))).toEqual({ fill: "#00B050", note: null, noteSeen: false });
    expect(decodeSaved('{"fill":null,"note":null}')).toEqual({ fill: null, note: null, noteSeen: true });
    expect(decodeSaved("{oops")).toEqual({ fill: null, note: null, noteSeen: false });
    expect(decodeSaved('{"fill":"#ffc7ce"}')).toEqual({ fill: "#FFC7CE", note: null, noteSeen: false });
  });

  test("before ExcelApi 1.9 white is no fill; from 1.9 tintAndShade decides", () => {
    expect(fillFrom("#FFFFFF", undefined, false)).toBeNull();
    expect(fillFrom("#00b050", undefined, false)).toBe("#00B050");
    expect(fillFrom("#FFFFFF", 0, true)).toBe("#FFFFFF");
    expect(fillFrom("#FFFFFF", null, true)).toBeNull();
  });
});
