/**
 * 与退回的上一批对比 on the web page: the files of the batch (what came back) against the files a
 * reviewer sent back, paired and compared as `xzzf compare <旧版文件夹> <新版文件夹>` does
 * (src/flows/folderComparison.ts), for reviewers without Node. Its own chunk, loaded when asked for.
 *
 * Both sides are read and checked on the page, one file per task, so a click still gets an answer;
 * the analyses are kept until the pairs are compared (a round is a few hundred files at most).
 */
import { analyse } from "../../check/analyse";
import { reportUnit } from "../../flows/aggregate";
import { compareRound, type RoundComparison, type SideFile } from "../../flows/folderComparison";

// what the batch screen shows of a round, loaded with this chunk
export { roundRows, roundTotals } from "../../flows/folderComparison";
import { isLockOrHidden } from "../../flows/inputFiles";
import { fileBytes } from "../../pane/fileBytes";
import { readForBatch, unreadable } from "./readForBatch";

/**
 * A file's path inside the folder it was chosen or dropped with, else its name: how the pairing sees
 * it, as the CLI sees a file's path inside the folder it was given (the folder's own name, which differs
 * between the two sides, is left out).
 */
export function relativeName(f: File): string {
  const relative = (f as File & { webkitRelativePath?: string }).webkitRelativePath ?? "";
  return relative.split("/").slice(1).join("/") || f.name;
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function readSide(files: readonly File[], lang: "zh" | "en", done: () => void): Promise<SideFile[]> {
  const out: SideFile[] = [];
  for (const f of files) {
    const name = relativeName(f);
    try {
      const input = readForBatch(name, await fileBytes(f));
      const analysis = analyse(input.snapshot, input.options);
      out.push({ file: name, relative: name, unit: reportUnit(analysis), analysis });
    } catch (err) {
      // as the batch names an unreadable file: the reader's own sentence
      const row = unreadable(0, name, err);
      out.push({ file: name, relative: name, unit: "", error: (lang === "en" ? row.errorEn : row.error) ?? "" });
    }
    done();
    await yieldToPage();
  }
  return out;
}

/** The old files (sent back) against the new ones (the batch); `progress` after each file read. */
export async function compareWithSentBack(
  before: readonly File[],
  after: readonly File[],
  lang: "zh" | "en",
  progress: (done: number, total: number) => void = () => undefined,
): Promise<RoundComparison> {
  // Excel's and WPS's lock files beside an open workbook are no reports, as the CLI's folders skip them
  const sides = [before, after].map((files) => files.filter((f) => !isLockOrHidden(f.name)));
  const total = sides[0].length + sides[1].length;
  let done = 0;
  const step = () => progress(++done, total);
  const old = await readSide(sides[0], lang, step);
  const now = await readSide(sides[1], lang, step);
  return compareRound(old, now);
}
