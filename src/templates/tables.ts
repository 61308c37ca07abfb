/**
 * The four official tables (附件2–5), as in the spec's templates.md. Labels, kinds and counterparts
 * live here and nowhere else; everything else (recognition, rules, template writers) reads them.
 */
// Types only: the browser bundle carries no zod; validate.ts checks these tables against the schema
// (run by the tests and at the CLI's start), so a typo in a label or a key still fails at once.
import type { ColumnTable, TableDef, TableId, YearlyTable } from "./schema";

const A2 = {
  id: "A2",
  shape: "yearly",
  attachment: "附件2",
  titleSuffix: "年行政执法案件数据情况统计表",
  hasContactLine: true,
  unitHeader: "行政执法单位名称",
  groupHeader: "行政执法行为类别",
  categories: [
    { key: "permit", label: "行政许可(件)", kind: "count" },
    { key: "confirm", label: "行政确认(件)", kind: "count" },
    { key: "coercion", label: "行政强制(件)", kind: "count" },
    { key: "ruling", label: "行政裁决(件)", kind: "count" },
    { key: "inspection", label: "行政检查(次)", kind: "count" },
    { key: "penalty", label: "行政处罚(件)", kind: "count" },
    { key: "complaint", label: "投诉举报为线索来源办案数(件)", kind: "count" },
    { key: "review", label: "重大执法决定法制审核案件(件)", kind: "count" },
    { key: "fines", label: "罚没金额（元）", kind: "yuan" },
    { key: "transfer", label: "移送司法机关刑事案件件数(其中未立案数)", kind: "transfer" },
  ],
  notesTitle: "填表说明：",
  notes: [
    "1.各单位汇总的执法案件数据必须是当年已办结的案件数据。",
    "2.委托执法的有关数据由委托机关汇总报告、公开。",
    "3.本表汇总数据为{Y-1}年1月1日至{Y-1}年12月31日止和{Y}年1月1日至{Y}年12月31日止。",
    "4.执法数据为“0”的也要进行深度分析。",
    "5.县市区数据含乡镇（街道）执法数据，但注意不要与委托执法部门重复统计",
  ],
} satisfies YearlyTable;

const A3 = {
  id: "A3",
  shape: "yearly",
  attachment: "附件3",
  titleSuffix: "年涉企行政执法数据情况统计表",
  hasContactLine: true,
  unitHeader: "行政执法单位名称",
  groupHeader: "行政执法行为类别",
  categories: [
    { key: "penalty", label: "涉企行政处罚(件)", kind: "count", counterpart: "penalty" },
    { key: "coercion", label: "涉企行政强制(件)", kind: "count", counterpart: "coercion" },
    { key: "inspection", label: "涉企行政检查(次)", kind: "count", counterpart: "inspection" },
    { key: "fines", label: "罚没金额（元）", kind: "yuan", counterpart: "fines" },
    { key: "complaint", label: "投诉举报为线索来源办案数(件)", kind: "count", counterpart: "complaint" },
    { key: "review", label: "重大执法决定法制审核案件(件)", kind: "count", counterpart: "review" },
    { key: "exemptCases", label: "免罚案件数（件）", kind: "count" },
    { key: "exemptAmount", label: "免罚金额（元）", kind: "yuan" },
    { key: "mitigatedCases", label: "从轻减轻案件数（件）", kind: "count" },
    { key: "mitigatedAmount", label: "从轻减轻金额（元）", kind: "yuan" },
    { key: "prudentCoercion", label: "包容审慎适用行政强制措施情况（起）", kind: "count" },
  ],
  notesTitle: "填表说明：",
  notes: [
    "1.各单位汇总的执法案件数据必须是当年已办结的案件数据。",
    "2.本表汇总数据为{Y-1}年1月1日至{Y-1}年12月31日止和{Y}年1月1日至{Y}年12月31日止。",
    "3.执法数据为“0”的也要进行分析。",
    "4.县市区数据含乡镇（街道）执法数据，但注意不要与委托执法部门重复统计。",
    "5.委托执法的有关数据由委托机关汇总报告、公开。",
    "6.包容审慎适用行政强制措施情况：包括不予实施行政强制决定、限缩行政强制措施范围、限缩行政强制措施实施时间。",
    "7.罚没金额：以年底各单位财政入库数额为准。",
  ],
} satisfies YearlyTable;

const A4 = {
  id: "A4",
  shape: "columns",
  attachment: "附件4",
  titleSuffix: "年行政执法保障情况统计表",
  hasContactLine: true,
  bodyRows: 4,
  columns: [
    { key: "name", group: "执法部门/机构名称", label: "", kind: "text" },
    { key: "establishment", group: "编制数", label: "", kind: "count" },
    { key: "staffAdmin", group: "实有在岗人数", label: "行政", kind: "count" },
    { key: "staffInstitution", group: "实有在岗人数", label: "事业", kind: "count" },
    { key: "staffWorker", group: "实有在岗人数", label: "工勤", kind: "count" },
    { key: "certified", group: "本部门执法证持有人数", label: "", kind: "count" },
    { key: "squadCertified", group: "综合行政执法大队拥有执法资格证人数", label: "", kind: "count" },
    { key: "trainingPersons", group: "行政执法人员培训", label: "人次(人)", kind: "count" },
    { key: "trainingHours", group: "行政执法人员培训", label: "学时(时)", kind: "count" },
    { key: "recorders", group: "行政执法音像记录设备", label: "执法记录仪(台)", kind: "count" },
    { key: "penRecorders", group: "行政执法音像记录设备", label: "录音笔(台)", kind: "count" },
    { key: "uniforms", group: "行政执法音像记录设备", label: "服装(人)", kind: "count" },
    { key: "vehicles", group: "行政执法音像记录设备", label: "车辆(辆)", kind: "count" },
    { key: "otherEquipment", group: "行政执法音像记录设备", label: "其他执法设备", kind: "countOrText" },
    { key: "monitoringField", group: "执法类电子技术监控设备", label: "执法领域", kind: "text" },
    { key: "monitoringDevices", group: "执法类电子技术监控设备", label: "设备数量", kind: "count" },
    { key: "monitoringFines", group: "执法类电子技术监控设备", label: "近三年罚款金额（万元）", kind: "wan" },
  ],
  notesTitle: "注：",
  notes: [
    "1.“本部门执法证持有人数”包含本部门二级行政执法机构持证人数。",
    "2.“综合行政执法大队拥有执法资格证人数”指单独设立的行政执法机构（如支队、乡镇综合执法大队等）。",
  ],
} satisfies ColumnTable;

const A5 = {
  id: "A5",
  shape: "columns",
  attachment: "附件5",
  titleSuffix: "年“两法衔接”工作情况统计表",
  hasContactLine: false,
  bodyRows: 4,
  columns: [
    { key: "name", group: "行政执法单位名称", label: "", kind: "text" },
    { key: "platform", group: "是否使用“两法衔接平台”", label: "", kind: "yesno" },
    { key: "transferred", group: "正向衔接", label: "移送案件数（件）", kind: "count" },
    { key: "filed", group: "正向衔接", label: "刑事立案数", kind: "count" },
    { key: "notFiled", group: "正向衔接", label: "刑事不予立案数", kind: "count" },
    { key: "notProsecuted", group: "正向衔接", label: "不予起诉案件数", kind: "count" },
    { key: "reverseReceived", group: "反向衔接", label: "反向衔接受案数", kind: "count" },
    { key: "reverseFiled", group: "反向衔接", label: "行政处罚立案数", kind: "count" },
    { key: "reverseNotPenalised", group: "反向衔接", label: "不予行政处罚案件数", kind: "count" },
  ],
  notesTitle: "注：",
  notes: [
    "1.“刑事不予立案数”以行政执法机关收到公安机关不予立案文书为准。",
    "2.“不予起诉案件数”以行政执法机关收到检察机关不予起诉、检察建议为准。",
    "3.“反向衔接受案数”以行政执法机关收到检察建议、司法建议为准。",
    "4.同一检察建议、司法建议涉及多个行政执法案件线索或问题的，应当予以累计。",
    "5.“移送案件数”应当大于等于“刑事立案数”“刑事不予立案数”“不予起诉案件数”之和。",
    "6.“反向衔接受案数”应当大于等于“行政处罚立案数”“不予行政处罚案件数”。",
  ],
} satisfies ColumnTable;

const parsed: readonly TableDef[] = [A2, A3, A4, A5];

export const TABLES: readonly TableDef[] = parsed;
export const TABLE_IDS: readonly TableId[] = parsed.map((t) => t.id);

export function tableDef(id: "A2" | "A3"): YearlyTable;
export function tableDef(id: "A4" | "A5"): ColumnTable;
export function tableDef(id: TableId): TableDef;
export function tableDef(id: TableId): TableDef {
  const t = parsed.find((d) => d.id === id);
  if (!t) throw new Error(`unknown table ${id}`);
  return t;
}

/** The title of a table for report year Y. */
export function titleFor(def: TableDef, year: number): string {
  return `${year}${def.titleSuffix}`;
}

/** The notes with `{Y}` / `{Y-1}` filled in, each a line. */
export function notesFor(def: TableDef, year: number): string[] {
  return def.notes.map((n) => n.replaceAll("{Y-1}", String(year - 1)).replaceAll("{Y}", String(year)));
}

/** Sheet names the product gives inserted tables (recognition never depends on them). */
export const SHEET_NAMES: Record<TableId, string> = {
  A2: "附件2 执法案件",
  A3: "附件3 涉企执法",
  A4: "附件4 执法保障",
  A5: "附件5 两法衔接",
};

/** The sheet 审核报告 writes (and which the submission copy leaves out). */
export const AUDIT_SHEET = "审核报告";

/** Short Chinese names for messages and UI. */
export const TABLE_NAMES: Record<TableId, string> = {
  A2: "附件2 行政执法案件数据",
  A3: "附件3 涉企行政执法数据",
  A4: "附件4 行政执法保障情况",
  A5: "附件5 “两法衔接”工作情况",
};
