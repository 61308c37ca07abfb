/**
 * 与退回的上一批对比 on the page's side (roundCompare.ts, in node: File and fflate as in a browser):
 * the same round of corrections gives the rows `xzzf compare <旧版> <新版> --format summary` prints,
 * file paths aside (the page knows names, the CLI paths).
 */
import { readFileSync } from "fs";
import { basename, relative } from "path";
import { run, tempDir } from "../../../tests/cli/run";
import { filesIn, summaryCsvRows, writeRound } from "../../../tests/helpers/round";
import { csvText } from "../../flows/csv";
import { compareWithSentBack, relativeName, roundRows, roundTotals } from "./roundCompare";

const tmp = tempDir("round-web");
afterAll(() => tmp.cleanup());
jest.setTimeout(60_000);

/** The files under `dir` as a browser gives a chosen folder's: each with its path from the folder's name down. */
function chosenFolder(dir: string): File[] {
  return filesIn(dir).map((p) => {
    const f = new File([readFileSync(p)], basename(p));
    Object.defineProperty(f, "webkitRelativePath", { value: `选中的文件夹/${relative(dir, p).split("\\").join("/")}` });
    return f;
  });
}

test("the rows and totals of xzzf compare --format summary, by relative path", async () => {
  const { before, after } = await writeRound(tmp.path("round"));
  const seen: number[] = [];
  const c = await compareWithSentBack(chosenFolder(before), chosenFolder(after), "zh", (done) => seen.push(done));
  // the lock file is no report: 3 old files and 4 new ones were read
  expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);

  const cli = await run(["compare", before, after, "--format", "summary"]);
  expect(cli.code).toBe(2);
  // the CLI names files by path; the page by their path inside the chosen folder
  const cliRows = summaryCsvRows(cli.stdout, (p, side) =>
    relative(side === "before" ? before : after, p)
      .split("\\")
      .join("/"),
  );
  const rows = roundRows(c, "zh");
  expect(rows).toEqual(cliRows);
  expect(rows.map((r) => r[0])).toEqual(["单位", "湘潭县林业局", "湘潭县 水利局", "", "湘潭县文化和旅游局", "湘潭县交通运输局"]);
  expect(rows[2][1]).toBe("乡镇/水利.xlsx");
  // the CSV the page offers is the CLI's, bytes and all, once the paths are the same
  expect(csvText(rows)).toBe(`\ufeff${cliRows.map((r) => r.join(",")).join("\r\n")}\r\n`);
  expect(roundTotals(c)).toEqual({ compared: 2, withErrors: 1, uncompared: 0, resolved: 1, added: 1 });
});

test("a file chosen on its own is known by its name; in English the rows are the CLI's English ones", async () => {
  const { before, after } = await writeRound(tmp.path("round-en"));
  expect(relativeName(new File(["x"], "甲.xlsx"))).toBe("甲.xlsx");
  const c = await compareWithSentBack(chosenFolder(before), chosenFolder(after), "en");
  const cli = await run(["compare", before, after, "--format", "summary", "--lang", "en"]);
  expect(roundRows(c, "en")[0]).toEqual(
    cli.stdout
      .replace(/^\ufeff/, "")
      .split("\r\n")[0]
      .split(","),
  );
  expect(roundRows(c, "en").map((r) => r[9])).toEqual(["State", "To fix", "To fix", "Cannot be read", "To fix", "Not resubmitted"]);
  const broken = c.onlyAfter.find((f) => f.file === "坏文件.xlsx")!;
  expect(broken.error).toMatch(/^[\x20-\x7e]/);
});
