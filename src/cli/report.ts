/**
 * How `xzzf check` prints its results: a readable report (text), the JSON contract other tools read,
 * and CSV for Excel. The JSON shape is a contract: change it only together with its consumers.
 */
import type { Finding, Severity } from "../engine/findings";
import type { TableId } from "../templates/schema";
import { TABLE_IDS, TABLE_NAMES, tableDef } from "../templates/tables";
import { countBySeverity, SEVERITY_LABELS, SEVERITY_LABELS_EN } from "../flows/severity";
import { explainedWarnings, stateOf, stateText, tablesText, type FileState } from "../flows/fileState";
import { csvCell } from "../flows/csv";
import type { Lang, Tr } from "./io";

export interface TableSummary {
  id: TableId;
  sheet: string;
  range: string;
}

export interface FileResult {
  /** The path as the user gave it. */
  file: string;
  /** Set for a 工作报告 (its tables and its body were checked); absent for a workbook. */
  kind?: "docx";
  year: number | null;
  tables: TableSummary[];
  findings: Finding[];
  /** Why the file could not be checked; then tables and findings are empty. */
  error: string | null;
  /** The file was read but does not follow the --prior report's year (not part of the JSON). */
  priorYearMismatch?: boolean;
  /** The unit the tables name, for the summary ("" when none; not part of the JSON). */
  unit?: string;
}

export interface JsonFinding {
  rule: string;
  severity: Severity;
  table: TableId | null;
  sheet: string;
  cell: string;
  related: string[];
  message: string;
  /** Only for a finding about the report body: the paragraph (1-based), the whole sentence, the figure as written. */
  quote?: { paragraph: number; sentence: string; figure: string };
}

export interface JsonFile {
  file: string;
  kind?: "docx";
  year: number | null;
  tables: TableSummary[];
  findings: JsonFinding[];
  error: string | null;
}

export function findingMessage(f: Finding, lang: Lang): string {
  return lang === "en" ? f.messageEn : f.message;
}

// slice() and an assignment rather than spreads: in the interpreter a spread walks the iterator
// protocol, for every finding of a batch (bench/mainWork.js)
export function toJsonFinding(f: Finding, lang: Lang): JsonFinding {
  const out: JsonFinding = {
    rule: f.rule,
    severity: f.severity,
    table: f.table ?? null,
    sheet: f.sheet,
    cell: f.cell,
    related: f.related.slice(),
    message: findingMessage(f, lang),
  };
  if (f.quote) out.quote = { paragraph: f.quote.paragraph, sentence: f.quote.sentence, figure: f.quote.figure };
  return out;
}

export function toJsonFile(r: FileResult, lang: Lang): JsonFile {
  return {
    file: r.file,
    ...(r.kind ? { kind: r.kind } : {}),
    year: r.year,
    tables: r.tables.map((t) => ({ id: t.id, sheet: t.sheet, range: t.range })),
    findings: r.findings.map((f) => toJsonFinding(f, lang)),
    error: r.error,
  };
}

export function formatJson(results: FileResult[], lang: Lang): string {
  return `${JSON.stringify({ files: results.map((r) => toJsonFile(r, lang)) }, null, 2)}\n`;
}

/**
 * The same document as formatJson, written a file at a time (a batch of thousands is never held in
 * memory): JSON_OPEN, then jsonFileEntry for each file, then JSON_CLOSE.
 */
export const JSON_OPEN = '{\n  "files": [';
export const JSON_CLOSE = "\n  ]\n}\n";

export function jsonFileEntry(r: FileResult, lang: Lang, first: boolean): string {
  return `${first ? "" : ","}\n    ${jsonFileBody(r, lang)}`;
}

// JSON.stringify(toJsonFile(r), null, 2) indented for its place in the files array: stringified as
// the only entry of a files array and cut out, so the native serialiser does the indenting. Building the
// text by hand in JavaScript took half as long again, and longer still while V8 had not yet compiled it.
const ENTRY_PREFIX = '{\n  "files": [\n    ';
const ENTRY_SUFFIX = "\n  ]\n}";

function jsonFileBody(r: FileResult, lang: Lang): string {
  const doc = JSON.stringify({ files: [toJsonFile(r, lang)] }, null, 2);
  return doc.slice(ENTRY_PREFIX.length, doc.length - ENTRY_SUFFIX.length);
}

export const CSV_COLUMNS = ["file", "table", "sheet", "cell", "rule", "severity", "message"] as const;

/** The columns of `--format summary`: those of the web page's summary table (审核汇总.xlsx, sheet 汇总). */
const SUMMARY_COLUMNS = {
  zh: ["文件", "单位", "年度", "表格", "错误", "需核实", "提示", "已说明", "状态"],
  en: ["File", "Unit", "Year", "Tables", "Errors", "To check", "Info", "Explained", "State"],
};

export function summaryHeader(lang: Lang): string {
  return `\ufeff${SUMMARY_COLUMNS[lang].join(",")}\r\n`;
}

/** One file's line of `--format summary`: what the web page's summary table shows of it. */
export function summaryRow(r: FileResult, lang: Lang): string {
  const state = (s: FileState) => stateText(s, lang);
  let cells: string[];
  if (r.error !== null) {
    // a file whose year does not follow --prior's was read but not checked
    const what = r.priorYearMismatch ? (lang === "en" ? "Not checked" : "未检查") : state("unreadable");
    const why = `${what}${lang === "en" ? ": " : "："}${r.error}`;
    cells = [r.file, "", "", "", "", "", "", "", why];
  } else {
    const counts = countBySeverity(r.findings);
    const explained = explainedWarnings(r.findings);
    const tables = tablesText(r.tables.map((t) => t.id));
    cells = [
      r.file,
      r.unit ?? "",
      r.year === null ? "" : String(r.year),
      tables || (lang === "en" ? "No tables recognised" : "未识别到统计表"),
      String(counts.error),
      String(counts.warning),
      String(counts.info),
      String(explained),
      state(stateOf(r.tables.length, counts, explained)),
    ];
  }
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** UTF-8 with a BOM and CRLF lines, so Excel opens the Chinese text correctly. */
export function formatCsv(results: FileResult[], lang: Lang): string {
  return csvHeader() + results.map((r) => csvRows(r, lang)).join("");
}

export function csvHeader(): string {
  return `\ufeff${CSV_COLUMNS.join(",")}\r\n`;
}

/** One file's CSV lines, each ending in CRLF. */
export function csvRows(r: FileResult, lang: Lang): string {
  const lines: string[] = [];
  if (r.error !== null) lines.push([r.file, "", "", "", "", "error", r.error].map(csvCell).join(","));
  for (const f of r.findings) lines.push([r.file, f.table ?? "", f.sheet, f.cell, f.rule, f.severity, findingMessage(f, lang)].map(csvCell).join(","));
  return lines.map((l) => `${l}\r\n`).join("");
}

function labels(lang: Lang): Record<Severity, string> {
  return lang === "en" ? SEVERITY_LABELS_EN : SEVERITY_LABELS;
}

export function countsText(findings: readonly Finding[], lang: Lang): string {
  const c = countBySeverity(findings);
  const l = labels(lang);
  return `${l.error} ${c.error} / ${l.warning} ${c.warning} / ${l.info} ${c.info}`;
}

function attachment(id: TableId | undefined): string {
  return id ? tableDef(id).attachment : "";
}

export function findingLine(f: Finding, lang: Lang): string {
  const where = f.table ? `${attachment(f.table)}!${f.cell}` : `${f.sheet}!${f.cell}`;
  return `  [${labels(lang)[f.severity]}] ${where} ${f.rule} ${findingMessage(f, lang)}`;
}

/** One line per file: what a run over many files shows per file. */
export function summaryLine(r: FileResult, t: Tr, lang: Lang): string {
  if (r.error !== null)
    return r.priorYearMismatch ? t(`✗ ${r.file}：未检查`, `✗ ${r.file}: not checked`) : t(`✗ ${r.file}：无法读取`, `✗ ${r.file}: cannot be read`);
  const c = countBySeverity(r.findings);
  const mark = c.error > 0 ? "✗" : "✓";
  return t(
    `${mark} ${r.file}：${countsText(r.findings, lang)}（共 ${r.findings.length} 条）`,
    `${mark} ${r.file}: ${countsText(r.findings, lang)} (${r.findings.length} in all)`,
  );
}

/** The full report of one file, grouped by table. */
export function formatText(r: FileResult, t: Tr, lang: Lang): string {
  const out: string[] = [`== ${r.file} ==`];
  if (r.error !== null) {
    out.push(r.priorYearMismatch ? t(`未检查：${r.error}`, `Not checked: ${r.error}`) : t(`无法读取：${r.error}`, `Cannot be read: ${r.error}`));
    return `${out.join("\n")}\n`;
  }
  if (r.tables.length === 0) {
    out.push(t("没有识别到附件2至附件5中的任何一张统计表。", "None of the tables 附件2–附件5 was recognised."));
  } else {
    const names = r.tables.map((x) => attachment(x.id)).join("、");
    out.push(
      t(
        `报告年度：${r.year ?? "未识别"}；识别到 ${r.tables.length} 张表：${names}`,
        `Report year: ${r.year ?? "not recognised"}; ${r.tables.length} table(s): ${names}`,
      ),
    );
  }
  const order = (id: TableId | undefined) => (id ? TABLE_IDS.indexOf(id) : TABLE_IDS.length);
  const groups = new Map<string, { id?: TableId; sheet?: string; range?: string; findings: Finding[] }>();
  for (const tab of r.tables) groups.set(`${tab.id}\u0000${tab.sheet}`, { id: tab.id, sheet: tab.sheet, range: tab.range, findings: [] });
  for (const f of r.findings) {
    const key = f.table ? `${f.table}\u0000${f.sheet}` : `\u0000${f.sheet}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { id: f.table, sheet: f.sheet, findings: [] }));
    g.findings.push(f);
  }
  const sorted = [...groups.values()].sort((a, b) => order(a.id) - order(b.id));
  for (const g of sorted) {
    const title = g.id
      ? t(
          `${TABLE_NAMES[g.id]}（工作表“${g.sheet}”${g.range ? `，${g.range}` : ""}）`,
          `${attachment(g.id)} (sheet "${g.sheet}"${g.range ? `, ${g.range}` : ""})`,
        )
      : t(`工作表“${g.sheet}”`, `Sheet "${g.sheet}"`);
    out.push("");
    out.push(`${title}${t("：", ": ")}${countsText(g.findings, lang)}`);
    for (const f of g.findings) out.push(findingLine(f, lang));
  }
  out.push("");
  out.push(summaryLine(r, t, lang));
  return `${out.join("\n")}\n`;
}
