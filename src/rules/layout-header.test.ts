import rule from "./layout-header";
import { seedTable } from "../../tests/helpers/tableRuleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { a1, categoryHeaderAt, columnHeaderAt } from "../../tests/helpers/layoutCells";
import { book, deleteCols, mapValues, setCell, shift, swapCols } from "../../tests/helpers/sheetEdits";
import { tableDef } from "../templates/tables";

const a2 = seedTable("A2");
const a3 = seedTable("A3");
const a4 = seedTable("A4");
const a5 = seedTable("A5");

// 附件2 without 行政确认: the header of 行政强制 moves into its place and marks where it belongs
const noConfirm = deleteCols(a2.sheet, categoryHeaderAt(a2.layout, "confirm").col, 2);
// 附件2 without its last category
const noTransfer = deleteCols(a2.sheet, categoryHeaderAt(a2.layout, "transfer").col, 2);
// 附件3 with 免罚案件数 and 免罚金额 swapped
const swapped3 = swapCols(a3.sheet, categoryHeaderAt(a3.layout, "exemptCases").col, categoryHeaderAt(a3.layout, "exemptAmount").col, 2);
// 附件3 with 涉企行政强制 relabelled as a second 涉企行政处罚
const dup3 = setCell(a3.sheet, categoryHeaderAt(a3.layout, "coercion").row, categoryHeaderAt(a3.layout, "coercion").col, "涉企行政处罚\n(件)");
// 附件2 with an unknown category in place of 行政裁决
const ruling = categoryHeaderAt(a2.layout, "ruling");
const unknown2 = setCell(a2.sheet, ruling.row, ruling.col, "行政奖励(件)");
// 附件4 without 编制数, and with 录音笔 / 执法记录仪 swapped under their merged group
const noEstablishment = deleteCols(a4.sheet, columnHeaderAt(a4.layout, "establishment").col, 1);
const rec = columnHeaderAt(a4.layout, "recorders");
const pen = columnHeaderAt(a4.layout, "penRecorders");
const swapped4 = swapCols(a4.sheet, rec.col, pen.col, 1, rec.row);
// 附件5 without 刑事不予立案数, shifted
const off = { row: 3, col: 2 };
const noNotFiled = shift(deleteCols(a5.sheet, columnHeaderAt(a5.layout, "notFiled").col, 1), off.row, off.col);

const respelled = mapValues(a2.sheet, (v) => (typeof v === "string" && v.endsWith("(件)") ? v.replace("(件)", "\n（件）") : v));

ruleTester(
  rule,
  { id: "layout-header", severity: "error" },
  {
    valid: [
      { name: "labels with line breaks and full-width brackets", workbook: book(respelled) },
      {
        name: "without merges, shifted",
        workbook: book(shift(seedTable("A4", { withoutMerges: true }).sheet, 2, 1), shift(seedTable("A3", { withoutMerges: true }).sheet, 0, 4)),
      },
    ],
    invalid: [
      {
        name: "附件2: a category missing",
        workbook: book(noConfirm),
        findings: [{ table: "A2", cell: a1(categoryHeaderAt(a2.layout, "confirm")), related: [], says: ["缺少", "行政确认(件)"] }],
      },
      {
        name: "附件2: the last category missing",
        workbook: book(noTransfer),
        findings: [{ table: "A2", cell: a1(categoryHeaderAt(a2.layout, "fines")), related: [], says: ["缺少", tableDef("A2").categories[9].label] }],
      },
      {
        name: "附件3: two categories swapped",
        workbook: book(swapped3),
        findings: [{ table: "A3", cell: a1(categoryHeaderAt(a3.layout, "exemptAmount")), related: [], says: ["顺序", "免罚案件数（件）"] }],
      },
      {
        name: "附件3: a category duplicated, the one it replaced missing",
        workbook: book(dup3),
        findings: [
          { table: "A3", cell: a1(categoryHeaderAt(a3.layout, "coercion")), related: [], says: ["重复", "涉企行政处罚(件)"] },
          { table: "A3", cell: a1(categoryHeaderAt(a3.layout, "inspection")), related: [], says: ["缺少", "涉企行政强制(件)"] },
        ],
      },
      {
        name: "附件2: a category not in the template",
        workbook: book(unknown2),
        findings: [
          { table: "A2", cell: a1(ruling), related: [], says: ["模板中没有", "行政奖励(件)"] },
          { table: "A2", cell: a1(categoryHeaderAt(a2.layout, "inspection")), related: [], says: ["缺少", "行政裁决(件)"] },
        ],
      },
      {
        name: "附件4: a column missing",
        workbook: book(noEstablishment),
        findings: [{ table: "A4", cell: a1(columnHeaderAt(a4.layout, "establishment")), related: [], says: ["缺少", "编制数"] }],
      },
      {
        name: "附件4: two sub-columns swapped under their group",
        workbook: book(swapped4),
        findings: [{ table: "A4", cell: a1(pen), related: [], says: ["顺序", "行政执法音像记录设备/执法记录仪(台)"] }],
      },
      {
        name: "附件5: a sub-column missing, shifted",
        workbook: book(noNotFiled),
        findings: [{ table: "A5", cell: a1(columnHeaderAt(a5.layout, "notFiled"), off), related: [], says: ["缺少", "正向衔接/刑事不予立案数"] }],
      },
    ],
  },
);
