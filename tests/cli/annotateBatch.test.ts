/** `xzzf annotate <files|folders> --out-dir`: a reviewer's batch, one marked copy per unit. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { run, tempDir } from "./run";
import { withYearly, writeSeedXlsx } from "../helpers/xlsx";
import { readWorkbookFast } from "../../src/host/xlsx/fastReader";
import { analyse } from "../../src/check/analyse";
import { readState } from "../../src/engine/stateSheet";
import { AUDIT_SHEET } from "../../src/flows/auditReport";
import { countsText } from "../../src/cli/report";

const tmp = tempDir("annotate-batch");
afterAll(() => tmp.cleanup());

const read = (path: string) => readWorkbookFast(new Uint8Array(readFileSync(path)));
/** The cells a copy marked, as sheet!cell. */
const markedCells = (path: string) => new Set(readState(read(path)).marks.map((m) => `${m.sheet}!${m.cell}`));
const counts = (path: string) => countsText(analyse(read(path)).findings, "zh");
const findingCells = (path: string) => new Set(analyse(read(path)).findings.map((f) => `${f.sheet}!${f.cell}`));

test("a folder: one copy per workbook in --out-dir, each marking its own findings; a file it cannot read is named, the others done", async () => {
  const dir = tmp.path("units");
  mkdirSync(join(dir, "乡镇"), { recursive: true });
  const seed = await writeSeedXlsx(join(dir, "甲.xlsx"));
  const broken = await writeSeedXlsx(join(dir, "乡镇", "甲.xlsx"), { change: { A2: withYearly("penalty", [7, -9]) } });
  writeFileSync(join(dir, "坏.xlsx"), "序号,单位\n1,某局\n");
  const outDir = tmp.path("审核");

  const r = await run(["annotate", dir, "--out-dir", outDir]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`xzzf annotate: ${join(dir, "坏.xlsx")}：这是文本/CSV 文件，不是 Excel 工作簿，请在 Excel 或 WPS 中打开后另存为 .xlsx 格式。\n`);
  expect(counts(seed)).toBe("错误 0 / 需核实 38 / 提示 8");
  expect(r.stdout.split("\n")).toEqual([
    `${seed} → ${join(outDir, "甲-标注.xlsx")}：${counts(seed)}`,
    `${broken} → ${join(outDir, "甲-标注(2).xlsx")}：${counts(broken)}`,
    `共 3 个文件：已标注 2 个（1 个有错误），1 个无法读取；标注副本在 ${outDir}`,
    "",
  ]);
  expect(readdirSync(outDir).sort()).toEqual(["甲-标注(2).xlsx", "甲-标注.xlsx"]);
  // each copy marks its own file's findings, and carries its 审核报告
  expect(markedCells(join(outDir, "甲-标注.xlsx"))).toEqual(findingCells(seed));
  expect(markedCells(join(outDir, "甲-标注(2).xlsx"))).toEqual(findingCells(broken));
  expect(read(join(outDir, "甲-标注(2).xlsx")).sheets.some((s) => s.name === AUDIT_SHEET)).toBe(true);
});

test("copies already there: refused before any is written, unless --force; exit 1 for errors found, 0 for none", async () => {
  const dir = tmp.path("again");
  mkdirSync(dir);
  await writeSeedXlsx(join(dir, "a.xlsx"));
  await writeSeedXlsx(join(dir, "b.xlsx"), { change: { A2: withYearly("penalty", [7, -9]) } });
  const outDir = tmp.path("again-out");
  mkdirSync(outDir);
  writeFileSync(join(outDir, "b-标注.xlsx"), "last week's copy");

  const refused = await run(["annotate", join(dir, "*.xlsx"), "--out-dir", outDir]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain(`输出文件“${join(outDir, "b-标注.xlsx")}”已存在；如要覆盖请加 --force。`);
  // a.xlsx comes first, yet nothing was written
  expect(readdirSync(outDir)).toEqual(["b-标注.xlsx"]);
  expect(readFileSync(join(outDir, "b-标注.xlsx"), "utf8")).toBe("last week's copy");

  const forced = await run(["annotate", join(dir, "*.xlsx"), "--out-dir", outDir, "--force"]);
  expect(forced.code).toBe(1);
  expect(readdirSync(outDir).sort()).toEqual(["a-标注.xlsx", "b-标注.xlsx"]);

  const clean = await run(["annotate", join(dir, "a.xlsx"), "--out-dir", tmp.path("clean-out")]);
  expect(clean.code).toBe(0);

  // --out-dir inside the folder given: the copies already there are not annotated again
  const inner = join(dir, "审核");
  expect((await run(["annotate", dir, "--out-dir", inner])).code).toBe(1);
  const again = await run(["annotate", dir, "--out-dir", inner, "--force"]);
  expect(again.code).toBe(1);
  expect(readdirSync(inner).sort()).toEqual(["a-标注.xlsx", "b-标注.xlsx"]);
});

test("--prior with several files, --out with --out-dir, and an --out-dir that is a file are refused", async () => {
  const a = await writeSeedXlsx(tmp.path("p-a.xlsx"));
  const b = await writeSeedXlsx(tmp.path("p-b.xlsx"));
  const prior = await run(["annotate", a, b, "--out-dir", tmp.path("p-out"), "--prior", a]);
  expect(prior.code).toBe(2);
  expect(prior.stderr).toContain("--prior 只能与单个文件一起使用");
  const both = await run(["annotate", a, "--out", tmp.path("x.xlsx"), "--out-dir", tmp.path("p-out")]);
  expect(both.code).toBe(2);
  expect(both.stderr).toContain("--out 和 --out-dir 只能选一个");
  const notDir = await run(["annotate", a, "--out-dir", b]);
  expect(notDir.code).toBe(2);
  expect(notDir.stderr).toContain(`“${b}”不是文件夹。`);
});
