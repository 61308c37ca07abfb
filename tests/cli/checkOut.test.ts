/** `xzzf check --out`: the report in a file, byte for byte what standard output would carry, written whole or not at all. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { run, tempDir } from "./run";
import { writeSeedXlsx } from "../helpers/xlsx";

const tmp = tempDir("check-out");
afterAll(() => tmp.cleanup());

let seed: string;
beforeAll(async () => {
  seed = await writeSeedXlsx(tmp.path("seed.xlsx"));
});

test.each(["csv", "json", "text"])(
  "--format %s --out: the file holds the report standard output would (text with a BOM); stdout says where",
  async (format) => {
    const out = tmp.path(`report.${format}`);
    const plain = await run(["check", seed, seed, "--format", format]);
    const r = await run(["check", seed, seed, "--format", format, "--out", out]);
    expect(r.code).toBe(plain.code);
    expect(r.stderr).toBe(plain.stderr);
    expect(r.stdout).toBe(`检查结果已写入“${out}”。共 2 个文件：0 个无法读取，0 个有错误（错误共 0 条）。\n`);
    const written = readFileSync(out, "utf8");
    expect(written).toBe(format === "text" ? `\ufeff${plain.stdout}` : plain.stdout);
    if (format === "csv") expect(written.startsWith("\ufefffile,table,sheet,cell,rule,severity,message\r\n")).toBe(true);
    if (format === "json") expect((JSON.parse(written) as { files: unknown[] }).files).toHaveLength(2);
  },
);

test("an existing file is replaced only with --force; the input never", async () => {
  const out = tmp.path("exists.csv");
  writeFileSync(out, "last week's report");
  const refused = await run(["check", seed, "--format", "csv", "--out", out]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain("已存在；如要覆盖请加 --force");
  expect(readFileSync(out, "utf8")).toBe("last week's report");

  const forced = await run(["check", seed, "--format", "csv", "--out", out, "--force"]);
  expect(forced.code).toBe(0);
  expect(readFileSync(out, "utf8")).toContain("ratio-missing");

  const before = readFileSync(seed);
  const self = await run(["check", seed, "--out", seed, "--force"]);
  expect(self.code).toBe(2);
  expect(self.stderr).toContain("输出文件不能与输入文件相同");
  expect(readFileSync(seed).equals(before)).toBe(true);
});

test("a run that fails leaves no report and no temporary file; a missing folder is named", async () => {
  const dir = tmp.path("fails");
  const out = join(tmp.dir, "fails.json");
  const r = await run(["check", seed, "--format", "json", "--out", out, "--prior", join(dir, "no-prior.xlsx")]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("no-prior.xlsx");
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(tmp.dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);

  const nowhere = await run(["check", seed, "--out", join(dir, "sub", "r.txt")]);
  expect(nowhere.code).toBe(2);
  expect(nowhere.stderr).toContain(`无法写入“${join(dir, "sub", "r.txt")}”：所在文件夹不存在。`);
});
