import { readFileSync, writeFileSync } from "fs";
import { run, tempDir } from "./run";
import { cellOf, withRow, withYearly, writeSeedXlsx } from "../helpers/xlsx";
import { csvCell } from "../../src/flows/csv";

const tmp = tempDir("check");
afterAll(() => tmp.cleanup());

let seed: string;
beforeAll(async () => {
  seed = await writeSeedXlsx(tmp.path("seed.xlsx"));
});

interface JsonOut {
  files: Array<{
    file: string;
    year: number | null;
    tables: Array<{ id: string; sheet: string; range: string }>;
    findings: Array<{ rule: string; severity: string; table: string | null; sheet: string; cell: string; related: string[]; message: string }>;
    error: string | null;
  }>;
}

async function json(argv: string[]): Promise<{ code: number; out: JsonOut; stderr: string }> {
  const r = await run(argv);
  return { code: r.code, out: JSON.parse(r.stdout) as JsonOut, stderr: r.stderr };
}

describe("xzzf check: the seed workbook", () => {
  test("46 findings, exit 0, the JSON shape of the contract exactly", async () => {
    const { code, out } = await json(["check", seed, "--format", "json"]);
    expect(code).toBe(0);
    expect(Object.keys(out)).toEqual(["files"]);
    expect(out.files).toHaveLength(1);
    const f = out.files[0];
    expect(Object.keys(f)).toEqual(["file", "year", "tables", "findings", "error"]);
    expect(f.file).toBe(seed);
    expect(f.year).toBe(2024);
    expect(f.error).toBeNull();
    expect(f.tables.map((t) => Object.keys(t))).toEqual(Array(4).fill(["id", "sheet", "range"]));
    expect(f.tables.map((t) => [t.id, t.sheet])).toEqual([
      ["A2", "附件2 执法案件"],
      ["A3", "附件3 涉企执法"],
      ["A4", "附件4 执法保障"],
      ["A5", "附件5 两法衔接"],
    ]);
    for (const t of f.tables) expect(t.range).toMatch(/^A1:[A-Z]+\d+$/);
    expect(f.findings).toHaveLength(46);
    for (const x of f.findings) {
      expect(Object.keys(x)).toEqual(["rule", "severity", "table", "sheet", "cell", "related", "message"]);
      expect(["error", "warning", "info"]).toContain(x.severity);
      expect(x.cell).toMatch(/^[A-Z]+\d+$/);
      expect(Array.isArray(x.related)).toBe(true);
    }
    const byRule: Record<string, number> = {};
    for (const x of f.findings) byRule[`${x.table}:${x.rule}`] = (byRule[`${x.table}:${x.rule}`] ?? 0) + 1;
    expect(byRule).toEqual({
      "A2:zero-unexplained": 8,
      "A3:zero-unexplained": 9,
      "A2:ratio-missing": 10,
      "A3:ratio-missing": 11,
      "A5:value-zero-placeholder": 7,
      "A4:a4-over-establishment": 1,
    });
    // 行政许可 of 2024 is D7 in the official layout (C7 is 2023)
    expect(f.findings).toContainEqual(expect.objectContaining({ rule: "zero-unexplained", table: "A2", sheet: "附件2 执法案件", cell: "D7" }));
  });

  test("text: a Chinese report grouped by table with counts per severity, then a summary line", async () => {
    const r = await run(["check", seed]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("报告年度：2024");
    expect(r.stdout).toMatch(/附件2 行政执法案件数据（工作表“附件2 执法案件”，A1:[A-Z]+\d+）：错误 0 \/ 需核实 18 \/ 提示 0/);
    expect(r.stdout).toMatch(/附件3 涉企行政执法数据.*：错误 0 \/ 需核实 20 \/ 提示 0/);
    expect(r.stdout).toMatch(/附件5 .*：错误 0 \/ 需核实 0 \/ 提示 7/);
    expect(r.stdout).toMatch(/^ {2}\[需核实\] 附件2!D7 zero-unexplained 附件2 行政执法案件数据「行政许可\(件\)」/m);
    expect(r.stdout).toMatch(/^ {2}\[提示\] 附件4!\w+ a4-over-establishment /m);
    expect(r.stdout).toContain("错误 0 / 需核实 38 / 提示 8（共 46 条）");
    expect(r.stdout.indexOf("附件2 行政执法案件数据（")).toBeLessThan(r.stdout.indexOf("附件3 涉企行政执法数据（"));
  });

  test("--lang en: English prose and the findings' English messages", async () => {
    const r = await run(["check", seed, "--lang", "en"]);
    expect(r.stdout).toContain("Report year: 2024");
    expect(r.stdout).toMatch(/\[Check\] 附件2!D7 zero-unexplained A2 "行政许可\(件\)"/);
    expect(r.stdout).not.toMatch(/需核实/);
  });

  test("csv: UTF-8 BOM, the contract's columns, one row per finding", async () => {
    const r = await run(["check", seed, "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("\ufefffile,table,sheet,cell,rule,severity,message\r\n")).toBe(true);
    const lines = r.stdout.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(47);
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^${seed.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")},A2,附件2 执法案件,D7,zero-unexplained,warning,`)),
    );
  });
});

describe("csv cells", () => {
  test("formula-like text gets an apostrophe; commas, quotes and line breaks are quoted", () => {
    expect(csvCell("=1+2")).toBe("'=1+2");
    expect(csvCell("+86 123")).toBe("'+86 123");
    expect(csvCell("-50.00%")).toBe("'-50.00%");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("\rx")).toBe('"\'\rx"');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("附件2")).toBe("附件2");
  });
});

describe("xzzf check: hard rules name the rule and the cell, exit 1", () => {
  const cases: Array<[string, Parameters<typeof writeSeedXlsx>[1], Parameters<typeof writeSeedXlsx>[2], string, string, string]> = [
    ["negative value", { change: { A2: withYearly("penalty", [7, -3]) } }, undefined, "value-negative", "A2", "N7"],
    ["non-integer count", { change: { A2: withYearly("penalty", [7, 9.5]) } }, undefined, "value-not-integer", "A2", "N7"],
    ["forward transfers below their parts", { change: { A5: withRow({ transferred: 1, filed: 1, notFiled: 1 }) } }, undefined, "a5-forward-sum", "A5", "D5"],
    ["附件3 above 附件2", { change: { A3: withYearly("penalty", [5, 10]) } }, undefined, "a3-exceeds-a2", "A3", "D7"],
    [
      "a category header replaced",
      {},
      (wb) => {
        const ws = wb.getWorksheet("附件2 执法案件");
        if (ws) cellOf(ws, "E5").value = "行政其他(件)";
      },
      "layout-header",
      "A2",
      "E5",
    ],
  ];
  test.each(cases)("%s", async (name, opts, edit, rule, table, cell) => {
    const file = await writeSeedXlsx(tmp.path(`${rule}.xlsx`), opts, edit);
    const { code, out } = await json(["check", file, "--format", "json"]);
    expect(code).toBe(1);
    const errors = out.files[0].findings.filter((f) => f.severity === "error");
    expect(errors).toContainEqual(expect.objectContaining({ rule, table, cell }));
    const text = await run(["check", file]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`[错误] 附件${table.slice(1)}!${cell} ${rule} `);
  });
});

describe("xzzf check: a formula saved without its result", () => {
  test("is value-missing with a message about the formula, not a blank left by the clerk", async () => {
    const file = await writeSeedXlsx(tmp.path("uncached.xlsx"), {}, (wb) => {
      const ws = wb.getWorksheet("附件2 执法案件");
      // ExcelJS writes <f> with no <v>, as programs that never calculate do
      if (ws) cellOf(ws, "N7").value = { formula: "SUM(N8:N9)" } as never;
    });
    const { code, out } = await json(["check", file, "--format", "json"]);
    expect(code).toBe(1);
    const f = out.files[0].findings.find((x) => x.rule === "value-missing" && x.cell === "N7");
    expect(f?.message).toContain("公式「=SUM(N8:N9)」");
    expect(f?.message).toContain("没有得到数值");
    expect(f?.message).not.toContain("未填写");
  });
});

describe("xzzf check: files that cannot be read", () => {
  test("empty, random bytes and a CSV renamed .xlsx: exit 2, a Chinese message each, the good file still checked", async () => {
    const empty = tmp.path("empty.xlsx");
    writeFileSync(empty, "");
    const random = tmp.path("random.xlsx");
    const bytes = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    bytes[0] = 0x01; // not the zip or OLE2 magic
    writeFileSync(random, bytes);
    const csv = tmp.path("renamed.xlsx");
    writeFileSync(csv, "序号,执法单位,行政许可\n1,湘潭县自然资源局,0\n");
    const missing = tmp.path("missing.xlsx");

    const { code, out, stderr } = await json(["check", empty, seed, random, csv, missing, "--format", "json"]);
    expect(code).toBe(2);
    expect(out.files.map((f) => f.file)).toEqual([empty, seed, random, csv, missing]);
    const [e, good, r, c, m] = out.files;
    expect(good.error).toBeNull();
    expect(good.findings).toHaveLength(46);
    expect(e.error).toMatch(/文件为空/);
    expect(r.error).toMatch(/不是 Excel 工作簿|已损坏/);
    expect(c.error).toMatch(/CSV/);
    expect(m.error).toMatch(/找不到文件/);
    for (const bad of [e, r, c, m]) {
      expect(bad.tables).toEqual([]);
      expect(bad.findings).toEqual([]);
      expect(bad.year).toBeNull();
    }
    expect(stderr).toContain(`${csv}：`);

    const text = await run(["check", csv, seed]);
    expect(text.code).toBe(2);
    expect(text.stdout).toMatch(/无法读取：这是文本\/CSV 文件/);
    expect(text.stdout).toContain("错误 0 / 需核实 38 / 提示 8（共 46 条）");
    expect(text.stdout).toContain("共 2 个文件：1 个无法读取，0 个有错误");
  });

  test("exit 2 wins over exit 1", async () => {
    const broken = await writeSeedXlsx(tmp.path("neg2.xlsx"), { change: { A2: withYearly("penalty", [7, -1]) } });
    const empty = tmp.path("empty2.xlsx");
    writeFileSync(empty, "");
    expect((await run(["check", broken])).code).toBe(1);
    expect((await run(["check", broken, empty])).code).toBe(2);
  });
});

describe("xzzf check: settings and last year's report", () => {
  test("--threshold 25 reports a +28.57% change without explanation; the default 30 does not", async () => {
    const file = await writeSeedXlsx(tmp.path("unexplained.xlsx"), {
      change: { A2: (o) => ({ ...o, yearly: { ...o.yearly, explanations: { ...o.yearly?.explanations, penalty: null } } }) },
    });
    const dflt = await json(["check", file, "--format", "json"]);
    expect(dflt.out.files[0].findings.filter((f) => f.rule === "change-unexplained" && f.cell === "N7")).toEqual([]);
    const low = await json(["check", file, "--format", "json", "--threshold", "25"]);
    expect(low.out.files[0].findings).toContainEqual(expect.objectContaining({ rule: "change-unexplained", table: "A2", cell: "N7" }));
    const bad = await run(["check", file, "--threshold", "abc"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--threshold 应为大于 0 的百分数/);
  });

  test("--prior: last year's 2023 figures compared with this year's 2023 column (prior-mismatch)", async () => {
    // last year's report: 2022 | 2023, where 2023 行政处罚 is 8 (this year's file says 7)
    const last = await writeSeedXlsx(tmp.path("last.xlsx"), { extra: { year: 2023 }, change: { A2: withYearly("penalty", [4, 8]) } });
    const { code, out } = await json(["check", seed, "--prior", last, "--format", "json"]);
    expect(code).toBe(0);
    const mismatch = out.files[0].findings.filter((f) => f.rule === "prior-mismatch");
    expect(mismatch.map((f) => [f.table, f.cell])).toContainEqual(["A2", "M7"]);
    expect(mismatch.find((f) => f.cell === "M7")?.message).toMatch(/7.*8/);
    // without --prior there is none
    const plain = await json(["check", seed, "--format", "json"]);
    expect(plain.out.files[0].findings.filter((f) => f.rule === "prior-mismatch")).toEqual([]);
  });

  test("--prior of the wrong year: said on stderr, exit 2", async () => {
    const old = await writeSeedXlsx(tmp.path("old.xlsx"), { extra: { year: 2022 } });
    const r = await run(["check", seed, "--prior", old, "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/是 2022 年的.*2024 年的报表.*应给 2023 年的报表/);
    const text = await run(["check", seed, "--prior", old]);
    expect(text.code).toBe(2);
    expect(text.stdout).toMatch(/未检查：上年报表/);
    expect(text.stderr).toMatch(/应给 2023 年的报表/);
    const unreadable = tmp.path("prior-empty.xlsx");
    writeFileSync(unreadable, "");
    const r2 = await run(["check", seed, "--prior", unreadable]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/无法读取上年报表.*文件为空/);
  });
});

describe("xzzf: arguments, help, version", () => {
  test("no arguments, an unknown command, an unknown option, a missing file argument: usage, exit 2", async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("用法：xzzf <命令>");
    const unknown = await run(["chek", seed]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("未知命令“chek”");
    const option = await run(["check", seed, "--bogus"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("未知选项：--bogus");
    const nofile = await run(["check"]);
    expect(nofile.code).toBe(2);
    expect(nofile.stderr).toContain("缺少要检查的文件");
    const fmt = await run(["check", seed, "--format", "xml"]);
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain("--format 只能是 text、json、csv 或 summary，收到“xml”。");
    const lang = await run(["check", seed, "--lang", "fr"]);
    expect(lang.code).toBe(2);
  });

  test("help, --help, help <command>, --version", async () => {
    for (const argv of [["help"], ["--help"], ["-h"]]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      for (const c of ["check", "ratios", "annotate", "template"]) expect(r.stdout).toContain(`  ${c}`);
    }
    const sub = await run(["help", "ratios"]);
    expect(sub.stdout).toContain("xzzf ratios <文件.xlsx> --out <新文件.xlsx>");
    const own = await run(["template", "--help"]);
    expect(own.code).toBe(0);
    expect(own.stdout).toContain("--year");
    const en = await run(["--lang", "en", "help"]);
    expect(en.stdout).toContain("Usage: xzzf <command>");
    const pkg = JSON.parse(readFileSync(`${__dirname}/../../package.json`, "utf8")) as { version: string };
    const v = await run(["--version"]);
    expect(v).toEqual({ code: 0, stdout: `xzzf ${pkg.version}\n`, stderr: "" });
  });

  test("a progress bar on a terminal's stderr for many files, none otherwise", async () => {
    const files = [seed, seed, seed, seed, seed];
    const tty = await run(["check", ...files, "--format", "json"], { tty: true });
    expect(tty.stderr).toContain("\r\u001b[K检查中 ");
    expect(tty.stderr).toMatch(/检查中 \S+ 3\/5 /);
    const pipe = await run(["check", ...files, "--format", "json"]);
    expect(pipe.stderr).toBe("");
  });
});
