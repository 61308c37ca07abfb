/**
 * What a report's body says about the tables (rules.md, "The report body against the tables"): each
 * measure is a phrase of the body and the table cell it speaks of, for the report year.
 *
 * A figure is of a measure when one of its `words` stands before it in its clause (after any figure
 * before it), none of its `not` words does, and its unit is one of `units` (万/亿 are part of the
 * number: `589万余元` is in 元). When several measures fit, the one whose word ends nearest the figure
 * wins, and of two ending at the same place the longer word (`涉企行政处罚` over `行政处罚`).
 *
 * `relation` says what the figure must be beside the cell:
 * - `same`: the cell's measure itself; the cell must lie within what the wording allows, else
 *   report-figure-differs;
 * - `atMost`: a part of the cell's measure (罚款 within 罚没); greater than the cell is
 *   report-measure-differs, else report-measure-note;
 * - `related`: another measure (立案 beside decisions made): report-measure-note, to reconcile.
 *
 * Targets name the table and the label as templates.md gives it: a category label of 附件2/3, or
 * `group/label` of a column of 附件4/5 (the group alone when it has no sub-label). validate.ts checks
 * every label against the tables.
 */
import type { TableId } from "./schema";
import { tableDef } from "./tables";

export type MeasureRelation = "same" | "atMost" | "related";

export interface MeasureTarget {
  table: TableId;
  label: string;
}

export interface Measure {
  id: string;
  /** What the body calls the measure, for messages: `罚款`. */
  name: string;
  nameEn: string;
  words: string[];
  not: string[];
  units: string[];
  targets: MeasureTarget[];
  relation: MeasureRelation;
  /** For `atMost` and `related`: why the figure is not the cell's, as the message says it. */
  why?: string;
  whyEn?: string;
}

/** Units of a count of cases; not 个 (`行政处罚裁量基准12个` counts no cases). */
const CASES = ["件", "宗", "起"];
/** Words of a limit or a standard rather than an amount collected (`处罚额度`, `罚款标准`). */
const LIMITS = ["额度", "限额", "上限", "标准", "幅度"];
/** `收缴罚款X元` is what was collected, whatever it was collected of. */
const COLLECTED = ["执收", "收缴"];

/** The cell of a target: the category key of 附件2/3 or the column key of 附件4/5; undefined for an unknown label. */
export function targetKey(target: MeasureTarget): string | undefined {
  const def = tableDef(target.table);
  if (def.shape === "yearly") return def.categories.find((c) => c.label === target.label)?.key;
  return def.columns.find((c) => (c.label ? `${c.group}/${c.label}` : c.group) === target.label)?.key;
}

export const MEASURES: readonly Measure[] = [
  {
    id: "inspection",
    name: "行政检查",
    nameEn: "inspections",
    words: ["行政检查"],
    not: ["涉企"],
    units: ["次"],
    targets: [{ table: "A2", label: "行政检查(次)" }],
    relation: "same",
  },
  {
    id: "penalty",
    name: "行政处罚",
    nameEn: "penalty decisions",
    words: ["行政处罚", "处罚决定"],
    not: ["涉企", "不予", "免予", "免于", "免罚", "从轻", "减轻", "金额", "反向"],
    units: CASES,
    targets: [{ table: "A2", label: "行政处罚(件)" }],
    relation: "same",
  },
  {
    // cases placed on file are not the decisions made: some are still open, some end without a penalty
    id: "filed",
    name: "立案",
    nameEn: "cases placed on file",
    words: ["立案", "查处"],
    not: ["刑事", "不予", "未立案", "公安", "图斑"],
    units: CASES,
    targets: [{ table: "A2", label: "行政处罚(件)" }],
    relation: "related",
    why: "立案数不等于作出的行政处罚决定数（有的案件尚未办结，有的不予处罚）",
    whyEn: "cases placed on file are not the penalty decisions made",
  },
  {
    id: "fines",
    name: "罚没款",
    nameEn: "fines and confiscations",
    words: ["罚没"],
    not: ["涉企", ...LIMITS, ...COLLECTED],
    units: ["元"],
    targets: [{ table: "A2", label: "罚没金额（元）" }],
    relation: "same",
  },
  {
    // 罚没 = 罚款 + 没收违法所得: the fines alone cannot exceed it
    id: "fine",
    name: "罚款",
    nameEn: "fines",
    words: ["罚款"],
    not: ["涉企", ...LIMITS, ...COLLECTED],
    units: ["元"],
    targets: [{ table: "A2", label: "罚没金额（元）" }],
    relation: "atMost",
    why: "罚没金额包含罚款，罚款不能多于罚没金额",
    whyEn: "fines are part of fines and confiscations",
  },
  {
    // what was collected is not what the year's decisions imposed: part is collected later, part is
    // of earlier years' decisions
    id: "collected",
    name: "执收",
    nameEn: "amounts collected",
    words: COLLECTED,
    not: ["涉企", ...LIMITS],
    units: ["元"],
    targets: [{ table: "A2", label: "罚没金额（元）" }],
    relation: "related",
    why: "执收、收缴的金额不等于当年处罚决定的罚没金额（有的往年决定今年执收，有的今年决定尚未执收）",
    whyEn: "amounts collected are not the fines and confiscations decided in the year",
  },
  {
    id: "transfer",
    name: "移送司法机关",
    nameEn: "cases transferred to the judicial authorities",
    words: ["移送司法机关", "移送公安机关", "移送公安", "移送检察", "移送涉嫌犯罪"],
    not: ["未立案", "不予立案", "刑事立案"],
    units: CASES,
    targets: [
      { table: "A2", label: "移送司法机关刑事案件件数(其中未立案数)" },
      { table: "A5", label: "正向衔接/移送案件数（件）" },
    ],
    relation: "same",
  },
  {
    id: "enterprisePenalty",
    name: "涉企行政处罚",
    nameEn: "penalty decisions concerning enterprises",
    words: ["涉企行政处罚"],
    not: ["不予", "免予", "免于", "免罚", "从轻", "减轻", "金额"],
    units: CASES,
    targets: [{ table: "A3", label: "涉企行政处罚(件)" }],
    relation: "same",
  },
  {
    id: "enterpriseInspection",
    name: "涉企行政检查",
    nameEn: "inspections of enterprises",
    words: ["涉企行政检查"],
    not: [],
    units: ["次"],
    targets: [{ table: "A3", label: "涉企行政检查(次)" }],
    relation: "same",
  },
];
