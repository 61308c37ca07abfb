import rule from "./prior-mismatch";
import { a2With, a3With, workbook, yearlyBlocks } from "../../tests/helpers/ruleCases";
import { ruleTester } from "../../tests/helpers/ruleTester";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";
import { SEED_UNIT } from "../templates/sample";
import { stateRows, STATE_SHEET, emptyState, type PriorFigure } from "../engine/stateSheet";
import type { CellValue } from "../grid/grid";

const SOURCE = "2023年统计表.xlsx";

function fig(key: string, value: CellValue, unit = SEED_UNIT, table: PriorFigure["table"] = "A2", source = SOURCE): PriorFigure {
  return { table, unit, key, value, source };
}

/** A state sheet (`_xzzf`) keeping last year's figures, as the product writes it. */
function stateSheet(prior: PriorFigure[]) {
  return { sheets: [{ name: STATE_SHEET, values: stateRows({ ...emptyState(), prior }), merges: [], hidden: true }] };
}

const seedPrior = [fig("penalty", 7), fig("fines", 818000.7), fig("transfer", 0), fig("permit", 0)];

ruleTester(
  rule,
  { id: "prior-mismatch", severity: "warning" },
  {
    valid: [
      { name: "no prior-year figures known", workbook: seedSnapshot() },
      {
        name: "figures that agree, after reading text and placeholders",
        workbook: a2With(),
        options: { prior: [fig("penalty", "7件"), fig("fines", "818,000.70"), fig("transfer", "无"), fig("permit", "/")] },
      },
      { name: "the seed's figures kept in the state sheet", workbook: workbook(seedSnapshot(), stateSheet(seedPrior)) },
      { name: "a figure of another table", workbook: a2With(), options: { prior: [fig("penalty", 8, SEED_UNIT, "A3")] } },
      {
        name: "a figure of a unit not on the sheet, with two blocks",
        workbook: yearlyBlocks("A2", [
          { unit: "甲局", values: { penalty: [7, 9] } },
          { unit: "乙局", values: { penalty: [4, 2] } },
        ]),
        options: { prior: [fig("penalty", 99, "丙局")] },
      },
      { name: "an empty prior-year cell is prior-missing's", workbook: a2With({ penalty: [null, 9] }), options: { prior: [fig("penalty", 8)] } },
      { name: "an unreadable figure from last year is not compared", workbook: a2With(), options: { prior: [fig("penalty", "#REF!")] } },
      {
        name: "a file imported now overrides the figure the workbook kept",
        workbook: workbook(a2With(), stateSheet([fig("penalty", 8, SEED_UNIT, "A2", "保存的上年数")])),
        options: { prior: [fig("penalty", 7)] },
      },
    ],
    invalid: [
      {
        name: "a prior-year count that differs from last year's report",
        workbook: a2With(),
        options: { prior: [fig("penalty", 8)] },
        findings: [{ table: "A2", cell: "M7", related: [], says: ["行政处罚(件)", "2023年填的是 7", "中为 8", SOURCE] }],
      },
      {
        name: "figures kept in the state sheet",
        workbook: workbook(a3With(), stateSheet([fig("fines", 272480, SEED_UNIT, "A3", "保存的上年数")])),
        findings: [{ table: "A3", cell: "I7", related: [], says: ["罚没金额（元）", "272485", "272480"] }],
      },
      {
        name: "a transfer compares N and M",
        workbook: a2With({ transfer: ["3(1)", 3] }),
        options: { prior: [fig("transfer", 3)] },
        findings: [{ table: "A2", cell: "U7", related: [], says: ["移送司法机关刑事案件件数", "3(1)", "中为 3"] }],
      },
      {
        name: "one block and one prior unit match though the name changed",
        workbook: a2With({}, { unit: "湘潭县自然资源和规划局" }),
        options: { prior: [fig("penalty", 6)] },
        findings: [{ table: "A2", cell: "M7", related: [], says: ["行政处罚(件)", "7", "6"] }],
      },
      {
        name: "the matching unit of two blocks, with spaces around its name",
        workbook: yearlyBlocks("A2", [
          { unit: "甲局", values: { penalty: [7, 9] } },
          { unit: " 乙局 ", values: { penalty: [4, 2] } },
        ]),
        options: { prior: [fig("penalty", 7, "甲局"), fig("penalty", 5, "乙局")] },
        findings: [{ table: "A2", cell: "M10", related: [], says: ["行政处罚(件)", "2023年填的是 4", "中为 5"] }],
      },
    ],
  },
);
