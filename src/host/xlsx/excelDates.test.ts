import { isBuiltInDateFormat, isDateFormatCode, isoFromDate, normalizeIsoDateText, serialToIso } from "./excelDates";

describe("isDateFormatCode", () => {
  // [format code, shows a date or time]
  const table: [string, boolean][] = [
    ["yyyy-mm-dd", true],
    ['yyyy"年"m"月"d"日"', true],
    ['[$-804]yyyy"年"m"月"', true],
    ['[DBNum1][$-804]yyyy"年"m"月"', true],
    ["m/d/yy h:mm", true],
    ["h:mm AM/PM", true],
    ["[h]:mm:ss", true],
    ["mm:ss.0", true],
    ["YYYY/MM/DD", true],
    // Buddhist-era years (Thai locales): Excel takes b/bb/bbbb as a year, as SheetJS's date test does
    ["[$-th-TH]d/m/bbbb", true],
    ["bb", true],
    ["General", false],
    ["G/通用格式", false],
    ["0.00", false],
    ["#,##0", false],
    ["0.00%", false],
    ["0.00E+00", false],
    ["@", false],
    ["[Red]0", false],
    ['0"天"', false],
    ["0\\d", false],
    ['_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ', false],
  ];
  it.each(table)("%s → %s", (code, isDate) => {
    expect(isDateFormatCode(code)).toBe(isDate);
  });
});

describe("isBuiltInDateFormat", () => {
  it("knows Excel's built-in date ids and the zh-CN ones", () => {
    const dates = [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 31, 36, 45, 46, 47, 50, 55, 58];
    const others = [0, 1, 2, 9, 10, 11, 12, 13, 23, 26, 37, 44, 48, 49, 59, 164];
    expect(dates.filter((id) => !isBuiltInDateFormat(id))).toEqual([]);
    expect(others.filter((id) => isBuiltInDateFormat(id))).toEqual([]);
  });
});

describe("serialToIso", () => {
  // [serial, 1904 system, ISO text or null]
  const table: [number, boolean, string | null][] = [
    [45356, false, "2024-03-05"],
    [45356.5, false, "2024-03-05T12:00:00"],
    [45292, false, "2024-01-01"],
    [25569, false, "1970-01-01"],
    // 0.4 s before midnight rounds to the next day, as ExcelJS's Date does
    [45357 - 0.4 / 86400, false, "2024-03-06"],
    [45357 - 1.4 / 86400, false, "2024-03-05T23:59:59"],
    [43894, true, "2024-03-05"],
    [2958465, false, "9999-12-31"],
    [-1, false, null],
    [2958466, false, null],
    [Number.NaN, false, null],
  ];
  it.each(table)("%s (1904: %s) → %s", (serial, date1904, iso) => {
    expect(serialToIso(serial, date1904)).toBe(iso);
  });
});

describe("isoFromDate and normalizeIsoDateText", () => {
  it("gives the date alone at midnight, and the time to the second otherwise", () => {
    expect(isoFromDate(new Date(Date.UTC(2024, 2, 5)))).toBe("2024-03-05");
    expect(isoFromDate(new Date(Date.UTC(2024, 2, 5, 7, 8, 9, 600)))).toBe("2024-03-05T07:08:10");
    expect(isoFromDate(new Date(Number.NaN))).toBeNull();
  });
  it('puts a t="d" cell\'s ISO text in the same form', () => {
    expect(normalizeIsoDateText("2024-03-05T00:00:00Z")).toBe("2024-03-05");
    expect(normalizeIsoDateText("2024-03-05 07:08")).toBe("2024-03-05T07:08:00");
    expect(normalizeIsoDateText("2024-03-05T07:08:09.5+08:00")).toBe("2024-03-05T07:08:09");
    expect(normalizeIsoDateText("not a date")).toBe("not a date");
  });
});
