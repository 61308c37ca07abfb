/**
 * 与退回的上一批对比 on the page's side (roundCompare.ts, in node: File and fflate as in a browser):
 * the same round of corrections gives the rows `xzzf compare <旧版> <新版> --format summary` prints,
 * file paths aside (the page knows names, the CLI paths); read by the batch's worker script when there
 * is a worker (the page then reads no file), by the page when there is none or for what a dying
 * worker left.
 */
import { readFileSync } from "fs";
import { basename, relative } from "path";
import { run, tempDir } from "../../../tests/cli/run";
import { filesIn, summaryCsvRows, writeRound } from "../../../tests/helpers/round";
import { InProcessWorker } from "../../../tests/helpers/checkWorker";
import { csvText } from "../../flows/csv";
import * as bytesOfFile from "../../pane/fileBytes";
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
  // no worker: the page reads the files
  const c = await compareWithSentBack(
    chosenFolder(before),
    chosenFolder(after),
    "zh",
    (done) => seen.push(done),
    async () => null,
  );
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

/** The names as the pairing sees them: the old side's, then the new side's, lock file left out. */
const READ_ORDER = ["乡镇/水利.xlsx", "交通局.xlsx", "林业局.xlsx", "坏文件.xlsx", "文旅局.xlsx", "林业局（修改后）.xlsx", "水利.xlsx"];

describe("with a worker", () => {
  let before: string;
  let after: string;
  let pageReads: jest.SpyInstance;
  beforeAll(async () => ({ before, after } = await writeRound(tmp.path("round-worker"))));
  beforeEach(() => (pageReads = jest.spyOn(bytesOfFile, "fileBytes")));
  afterEach(() => pageReads.mockRestore());

  test("the files are read in the batch's worker, none on the page, and the round is the one read on the page", async () => {
    const worker = new InProcessWorker();
    const seen: Array<[number, number]> = [];
    const c = await compareWithSentBack(
      chosenFolder(before),
      chosenFolder(after),
      "zh",
      (done, total) => seen.push([done, total]),
      async () => worker as unknown as Worker,
    );
    expect(pageReads).not.toHaveBeenCalled();
    expect(worker.received.map((r) => [r.kind, r.index, r.name])).toEqual(READ_ORDER.map((name, i) => ["read", i, name]));
    expect(worker.terminated).toBe(true);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => [n, 7]));

    // the same round, analyses and all, as the page reads it without a worker
    const onPage = await compareWithSentBack(chosenFolder(before), chosenFolder(after), "zh", undefined, async () => null);
    expect(pageReads).toHaveBeenCalledTimes(7);
    expect(c).toStrictEqual(onPage);
    expect(roundTotals(c)).toEqual({ compared: 2, withErrors: 1, uncompared: 0, resolved: 1, added: 1 });
    expect(c.onlyAfter.find((f) => f.file === "坏文件.xlsx")?.error).toBe("这是纯文本文件，不是 Excel 工作簿，请在 Excel 或 WPS 中打开后另存为 .xlsx 格式。");
  });

  test("a worker that dies midway: the page reads the files it did not answer; a worker that cannot start: the page reads them all", async () => {
    const worker = new InProcessWorker(3);
    const seen: number[] = [];
    const c = await compareWithSentBack(
      chosenFolder(before),
      chosenFolder(after),
      "en",
      (done) => seen.push(done),
      async () => worker as unknown as Worker,
    );
    expect(worker.terminated).toBe(true);
    expect(pageReads.mock.calls.map(([f]) => relativeName(f as File))).toEqual(READ_ORDER.slice(3));
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const onPage = await compareWithSentBack(chosenFolder(before), chosenFolder(after), "en", undefined, async () => {
      throw new Error("Workers are forbidden here");
    });
    expect(pageReads).toHaveBeenCalledTimes(4 + 7);
    expect(c).toStrictEqual(onPage);
    expect(roundRows(c, "en").map((r) => r[9])).toEqual(["State", "To fix", "To fix", "Cannot be read", "To fix", "Not resubmitted"]);
  });
});
