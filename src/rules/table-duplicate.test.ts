import rule from "./table-duplicate";
import { analyse } from "../check/analyse";
import { seedBook, seedTable } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { a1, titleAt } from "../../tests/helpers/layoutCells";
import { book, stack } from "../../tests/helpers/sheetEdits";
import { SHEET_NAMES } from "../templates/tables";

const seed = seedBook();
const a2 = seedTable("A2");
const title = a1(titleAt(a2.layout));
const firstTitle = `'${SHEET_NAMES.A2}'!${title}`;

// 附件2 twice: the pasted copy on a sheet of its own, after the seed's four tables
const copyName = `${SHEET_NAMES.A2} (2)`;
const twoSheets = { sheets: [...seed.workbook.sheets, seedTable("A2", { sheetName: copyName }).sheet] };

// a copy that would break rules of its own (a negative, 3(5), 附件3 above it) were it checked
const brokenCopy = seedTable("A2", { sheetName: copyName, values: { penalty: [-1, 2], transfer: ["0", "3(5)"], fines: [0, 0] } });
const brokenTwice = { sheets: [...seed.workbook.sheets, brokenCopy.sheet] };

// pasted twice on one sheet, the second below the first
const pasted = stack(SHEET_NAMES.A2, [a2.sheet, a2.sheet], 2);
const secondTitle = a1(titleAt(a2.layout), { row: pasted.offsets[1], col: 0 });
const pastedBook = { sheets: [pasted.sheet, ...seed.workbook.sheets.slice(1)] };

// 附件5 three times
const a5 = seedTable("A5");
const a5Title = a1(titleAt(a5.layout));
const a5Thrice = {
  sheets: [...seed.workbook.sheets, seedTable("A5", { sheetName: "副本1" }).sheet, seedTable("A5", { sheetName: "副本2" }).sheet],
};

ruleTester(
  rule,
  { id: "table-duplicate", severity: "warning" },
  {
    valid: [
      { name: "each appendix once, all on one sheet", workbook: book(stack("四表", seed.workbook.sheets, 3).sheet) },
      { name: "only some appendices, each once", workbook: seedBook({}, ["A3", "A5"]).workbook },
    ],
    invalid: [
      {
        name: "附件2 twice on two sheets: the second copy's title, the first copy's title related",
        workbook: twoSheets,
        findings: [{ table: "A2", sheet: copyName, cell: title, related: [firstTitle], says: ["不止一次", SHEET_NAMES.A2, "没有校验"] }],
      },
      {
        name: "附件2 pasted twice on one sheet",
        workbook: pastedBook,
        findings: [{ table: "A2", sheet: SHEET_NAMES.A2, cell: secondTitle, related: [title], says: ["不止一次", `本工作表 ${title}`] }],
      },
      {
        name: "附件5 three times: each further copy once",
        workbook: a5Thrice,
        findings: [
          { table: "A5", sheet: "副本1", cell: a5Title, related: [`'${SHEET_NAMES.A5}'!${a5Title}`], says: ["不止一次"] },
          { table: "A5", sheet: "副本2", cell: a5Title, related: [`'${SHEET_NAMES.A5}'!${a5Title}`], says: ["不止一次"] },
        ],
      },
    ],
  },
);

describe("table-duplicate with every rule", () => {
  test("附件2 twice: one table-duplicate at the second copy's title and no other finding on it; the seed's 46 stay", () => {
    const a = analyse(twoSheets);
    const onCopy = a.findings.filter((f) => f.sheet === copyName);
    expect(onCopy.map((f) => [f.rule, f.severity, f.cell])).toEqual([["table-duplicate", "warning", title]]);
    expect(a.findings).toHaveLength(47);
    expect(a.tables.map((t) => `${t.id}@${t.sheet}`)).toContain(`A2@${copyName}`);
  });

  test("a copy that would break rules of its own still gets only table-duplicate, and is not compared with 附件3/5", () => {
    const a = analyse(brokenTwice);
    expect(a.findings.filter((f) => f.sheet === copyName).map((f) => f.rule)).toEqual(["table-duplicate"]);
    const cross = ["a3-exceeds-a2", "a5-a2-transfer", "unit-name-differs"];
    expect(a.findings.filter((f) => cross.includes(f.rule))).toEqual([]);
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("the first copy in sheet order is the one checked, even when it is the broken one", () => {
    const a = analyse({ sheets: [brokenCopy.sheet, ...seed.workbook.sheets] });
    expect(a.findings.filter((f) => f.sheet === SHEET_NAMES.A2).map((f) => f.rule)).toEqual(["table-duplicate"]);
    expect(a.findings.filter((f) => f.sheet === copyName).some((f) => f.rule === "value-negative")).toBe(true);
  });
});
