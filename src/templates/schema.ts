import { z } from "zod";

/** How a value cell is read and checked (templates.md, "Value kinds"). */
export const ValueKind = z.enum(["count", "yuan", "wan", "text", "yesno", "transfer", "countOrText"]);
export type ValueKind = z.infer<typeof ValueKind>;

export const TableId = z.enum(["A2", "A3", "A4", "A5"]);
export type TableId = z.infer<typeof TableId>;

const Label = z.string().min(1);

/** A category of 附件2/3: one prior-year and one current-year column, a ratio cell and an explanation cell. */
export const Category = z.object({
  key: z.string().regex(/^[a-zA-Z]+$/),
  label: Label,
  kind: ValueKind,
  /** The key of the 附件2 category this 附件3 category may not exceed. */
  counterpart: z.string().optional(),
});
export type Category = z.infer<typeof Category>;

/** A column of 附件4/5: a group label (header row 1) and an optional sub-label (header row 2). */
export const Column = z.object({
  key: z.string().regex(/^[a-zA-Z]+$/),
  group: Label,
  label: z.string().default(""),
  kind: ValueKind,
});
export type Column = z.infer<typeof Column>;

const Common = {
  id: TableId,
  /** `附件2` … */
  attachment: Label,
  /** The title without its leading year: `年行政执法案件数据情况统计表`. */
  titleSuffix: Label,
  /** Whether the table carries the `执法单位：(盖章)… 联系人和联系方式：…` line. */
  hasContactLine: z.boolean(),
  notesTitle: Label,
  /** The notes, verbatim, with `{Y}` and `{Y-1}` placeholders. */
  notes: z.array(Label).min(1),
};

export const YearlyTable = z.object({
  ...Common,
  shape: z.literal("yearly"),
  unitHeader: Label,
  groupHeader: Label,
  categories: z.array(Category).min(1),
});
export type YearlyTable = z.infer<typeof YearlyTable>;

export const ColumnTable = z.object({
  ...Common,
  shape: z.literal("columns"),
  /** Columns after 序号; the first is the unit/department name. */
  columns: z.array(Column).min(2),
  /** Numbered body rows of the blank template. */
  bodyRows: z.number().int().positive(),
});
export type ColumnTable = z.infer<typeof ColumnTable>;

export const TableDef = z.discriminatedUnion("shape", [YearlyTable, ColumnTable]);
export type TableDef = z.infer<typeof TableDef>;
