/**
 * The command table: what `--help` and option parsing need (name, summary, usage, options), and a
 * loader for the module that runs each command, so that `xzzf --help` loads no engine and `check`
 * no ExcelJS. A new command is a module exporting `run` and one entry here; main.ts parses its
 * options, prints its usage and handles its errors.
 */
import type { Command } from "./types";

export const COMMANDS: Command[] = [
  {
    name: "check",
    summary: { zh: "检查一个或多个统计表文件，列出错误和需核实的问题", en: "Check one or more workbooks and list errors and items to verify" },
    usage: {
      zh: [
        "xzzf check <文件.xlsx|工作报告.docx|文件夹>... [--prior <上年报表.xlsx>] [--report <工作报告.docx>] [--format text|json|csv|summary] [--threshold <百分数>] [--out <结果文件>]",
        "  工作报告.docx  检查其中的附件表格，并用正文中的数字核对表格（report-* 规则）",
        "  --prior      上年报表：其本年数与本报表的上年数比对（prior-mismatch）",
        "  --report     工作报告：用其正文中的数字核对所查工作簿的表格",
        "  --format     输出格式：text（默认，中文报告）、json、csv（Excel 可直接打开）、summary（每个文件一行：单位、年度、问题数、可报送或需修改，同网页版汇总表）",
        "  --threshold  同比变化超过该百分数须说明原因，默认 30",
        "  --out        把结果写入文件（UTF-8；PowerShell 的 > 会把中文转成乱码），已存在时要加 --force",
        "  .xls、.et、.ods 文件：本机装有 LibreOffice 时，先在临时文件夹中转换副本再检查（原文件不变）",
        "  文件夹：检查其中及各子文件夹里的 .xlsx、.docx、.xls 等文件；*.xlsx 这类通配符由 xzzf 展开（cmd.exe、PowerShell 不展开）",
        "  退出码：0 没有错误；1 有错误；2 有文件无法读取或参数有误",
      ].join("\n"),
      en: [
        "xzzf check <file.xlsx|report.docx|folder>... [--prior <last-year.xlsx>] [--report <report.docx>] [--format text|json|csv|summary] [--threshold <percent>] [--out <file>]",
        "  report.docx  its attached tables are checked, and the figures of its text against them (report-* rules)",
        "  --prior      last year's report: its current-year figures are compared with this year's prior-year column",
        "  --report     the work report: the figures of its text are checked against the workbooks' tables",
        "  --format     text (default), json, csv (opens in Excel), or summary (a CSV line per file: unit, year, counts, ready or to fix, as the web page's summary)",
        "  --threshold  a change of at least this percentage must be explained; default 30",
        "  --out        write the report to this file (UTF-8; PowerShell's > garbles Chinese); an existing one needs --force",
        "  .xls, .et, .ods: converted first (a copy, in a temp folder) when LibreOffice is installed",
        "  A folder: the .xlsx, .docx, .xls… files in it and its subfolders; xzzf expands *.xlsx itself (cmd.exe and PowerShell do not)",
        "  Exit code: 0 no error; 1 errors found; 2 a file could not be read or the arguments are wrong",
      ].join("\n"),
    },
    options: {
      prior: { type: "string" },
      report: { type: "string" },
      format: { type: "string", short: "f" },
      threshold: { type: "string" },
      out: { type: "string", short: "o" },
      force: { type: "boolean" },
    },
    load: async () => (await import("./check")).run,
  },
  {
    name: "ratios",
    summary: { zh: "计算并填写附件2、附件3的同比变化，另存为新文件", en: "Fill the change ratios of 附件2/附件3 into a new file" },
    usage: {
      zh: [
        "xzzf ratios <文件.xlsx> --out <新文件.xlsx> [--formulas] [--force]",
        "  默认写入文本（如 +28.57%、0.00%、上年为0），在 Excel、WPS 中显示一致",
        "  --formulas  改为写入公式（结果相同，上年、本年数修改后自动更新）",
        "  --force     允许覆盖已存在的输出文件（从不覆盖输入文件）",
      ].join("\n"),
      en: [
        "xzzf ratios <file.xlsx> --out <new.xlsx> [--formulas] [--force]",
        "  Writes text (+28.57%, 0.00%, 上年为0) that shows the same in Excel and WPS",
        "  --formulas  write formulas instead (same results, updated when the figures change)",
        "  --force     overwrite an existing output file (the input is never overwritten)",
      ].join("\n"),
    },
    options: {
      out: { type: "string", short: "o" },
      formulas: { type: "boolean" },
      force: { type: "boolean" },
    },
    load: async () => (await import("./ratios")).run,
  },
  {
    name: "annotate",
    summary: { zh: "生成标注副本：问题单元格着色并加批注，附“审核报告”工作表", en: "Write a copy with findings marked in place and a 审核报告 sheet" },
    usage: {
      zh: [
        "xzzf annotate <文件.xlsx> --out <新文件.xlsx> [--prior <上年报表.xlsx>] [--threshold <百分数>] [--force]",
        "xzzf annotate <文件.xlsx|文件夹>... --out-dir <文件夹> [--threshold <百分数>] [--force]",
        "  错误标红、需核实标黄、提示标蓝，问题说明写在单元格批注中；数值不作任何改动",
        "  --out-dir  批量标注：每个文件在该文件夹里生成一份“<文件名>-标注.xlsx”，便于退回各单位修改",
      ].join("\n"),
      en: [
        "xzzf annotate <file.xlsx> --out <new.xlsx> [--prior <last-year.xlsx>] [--threshold <percent>] [--force]",
        "xzzf annotate <file.xlsx|folder>... --out-dir <folder> [--threshold <percent>] [--force]",
        "  Errors red, items to verify yellow, info blue, the message as a cell note; no value is changed",
        '  --out-dir  many files: a "<name>-标注.xlsx" for each in that folder, to send back to each unit',
      ].join("\n"),
    },
    options: {
      out: { type: "string", short: "o" },
      "out-dir": { type: "string" },
      prior: { type: "string" },
      threshold: { type: "string" },
      force: { type: "boolean" },
    },
    load: async () => (await import("./annotate")).run,
  },
  {
    name: "template",
    summary: { zh: "生成某一年度的四张空白统计表（附件2—附件5，官方版式）", en: "Write the four blank tables (附件2–附件5) of a year in the official layout" },
    usage: {
      zh: "xzzf template --year <年度> [--unit <执法单位>] [--contact <联系人和电话>] --out <文件.xlsx> [--force]",
      en: "xzzf template --year <year> [--unit <unit>] [--contact <name and phone>] --out <file.xlsx> [--force]",
    },
    options: {
      year: { type: "string", short: "y" },
      unit: { type: "string" },
      contact: { type: "string" },
      out: { type: "string", short: "o" },
      force: { type: "boolean" },
    },
    load: async () => (await import("./template")).run,
  },
  {
    name: "import-prior",
    summary: { zh: "从上年报表导入上年数（附件2、附件3 的上年列），另存为新文件", en: "Fill the prior-year columns from last year's report into a new file" },
    usage: {
      zh: [
        "xzzf import-prior <本年文件.xlsx> --from <上年文件.xlsx> --out <新文件.xlsx> [--force]",
        "  只填写空白的上年数；与上年报表不一致的已有数值默认不替换，加 --force 才替换",
      ].join("\n"),
      en: [
        "xzzf import-prior <this-year.xlsx> --from <last-year.xlsx> --out <new.xlsx> [--force]",
        "  Fills empty prior-year cells; a differing value already there is replaced only with --force",
      ].join("\n"),
    },
    options: {
      from: { type: "string" },
      out: { type: "string", short: "o" },
      force: { type: "boolean" },
    },
    load: async () => (await import("./importPrior")).run,
  },
  {
    name: "aggregate",
    summary: { zh: "把多个单位的报表汇总为一份（附件2/3 相加，附件4/5 逐单位列出）", en: "Aggregate several units' reports into one" },
    usage: {
      zh: [
        "xzzf aggregate <文件.xlsx>... --out <汇总.xlsx> [--unit <汇总单位名>] [--contact <联系人和电话>] [--keep <单位=文件>]... [--force]",
        "  报告年度不一致时拒绝汇总；同一单位出现在多个文件中时（防止重复统计），需用 --keep 指定保留哪一份",
        "  可以给文件夹（汇总其中及子文件夹里的报表）或通配符（如 各单位\\*.xlsx）",
      ].join("\n"),
      en: [
        "xzzf aggregate <file.xlsx>... --out <total.xlsx> [--unit <name>] [--contact <text>] [--keep <unit=file>]... [--force]",
        "  Refuses mixed report years; a unit found in several files needs --keep to say which to keep",
        "  A folder (its reports and those of its subfolders) or a pattern (各单位\\*.xlsx) may stand for the files",
      ].join("\n"),
    },
    options: {
      out: { type: "string", short: "o" },
      unit: { type: "string" },
      contact: { type: "string" },
      keep: { type: "string", multiple: true },
      force: { type: "boolean" },
    },
    load: async () => (await import("./aggregate")).run,
  },
  {
    name: "compare",
    summary: {
      zh: "对比同一单位报表的两版：改了哪些数字，哪些问题已消除、新出现",
      en: "Compare two versions of a report: changed figures, resolved and new findings",
    },
    usage: {
      zh: [
        "xzzf compare <旧版.xlsx> <新版.xlsx> [--format text|json] [--threshold <百分数>] [--out <结果文件>] [--force]",
        "  退回修改后重新报送的报表：列出改动的单元格（按表格、单位、类别对应，不受插入行影响）、增删的表格和单位行，",
        "  以及问题的变化：已消除、新出现、仍有",
        "  也可以是 .docx 工作报告（对比其中的附件表格）或 .xls、.et、.ods（本机装有 LibreOffice 时）",
        "xzzf compare <退回的文件夹> <重新报送的文件夹> [--format text|json|summary] [...]",
        "  一轮退回修改后：每份重新报送的报表与它的旧版对比（先按报表中的单位对应，再按文件名），",
        "  并列出只有新版的文件和未重新报送的单位；summary 每个单位一行（CSV，Excel 可直接打开）",
        "  退出码：0 新版没有错误；1 新版仍有错误；2 文件无法读取或参数有误",
      ].join("\n"),
      en: [
        "xzzf compare <old.xlsx> <new.xlsx> [--format text|json] [--threshold <percent>] [--out <file>] [--force]",
        "  A report resubmitted after review: the cells changed (matched by table, unit and category, not by address),",
        "  tables and unit rows added or removed, and the findings resolved, new and remaining",
        "  Either file may also be a .docx report (its tables) or an .xls, .et, .ods (with LibreOffice installed)",
        "xzzf compare <folder sent back> <folder resubmitted> [--format text|json|summary] [...]",
        "  A round of corrections: each resubmitted report against its old version (paired by the unit in its tables,",
        "  then by file name), and the files only in the new folder or not resubmitted; summary: a CSV line per unit",
        "  Exit code: 0 the new version has no error; 1 it still has errors; 2 a file could not be read or the arguments are wrong",
      ].join("\n"),
    },
    options: {
      format: { type: "string", short: "f" },
      threshold: { type: "string" },
      out: { type: "string", short: "o" },
      force: { type: "boolean" },
    },
    load: async () => (await import("./compare")).run,
  },
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
