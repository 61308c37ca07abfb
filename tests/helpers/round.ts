/**
 * A round of corrections on disk, for the folder comparisons (xzzf compare, the web page's 与退回的
 * 上一批对比): 林业局 fixed its negative figure and renamed its file, 水利局 resubmitted under the same
 * name with the error still in, 交通局 sent nothing back, 文旅局 reported for the first time, and one
 * new file is broken.
 */
import { mkdirSync, readdirSync, writeFileSync } from "fs";
import { join } from "path";
import { unitSeedOptions, writeSeedXlsx } from "./xlsx";

/** Every file under `dir`, subfolders included, by path, sorted. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

/**
 * The rows of `xzzf compare --format summary` output (BOM, CRLF, no quoted cells here), the 旧版 and
 * 新版 paths of each row given to `file` with the side they are on: the page names files otherwise.
 */
export function summaryCsvRows(csv: string, file: (path: string, side: "before" | "after") => string): string[][] {
  return csv
    .replace(/^\ufeff/, "")
    .split("\r\n")
    .slice(0, -1)
    .map((line, i) => line.split(",").map((cell, k) => (i > 0 && (k === 1 || k === 2) && cell ? file(cell, k === 1 ? "before" : "after") : cell)));
}

export async function writeRound(base: string): Promise<{ before: string; after: string }> {
  const before = join(base, "退回");
  const after = join(base, "重报");
  mkdirSync(join(before, "乡镇"), { recursive: true });
  mkdirSync(after, { recursive: true });
  await writeSeedXlsx(join(before, "林业局.xlsx"), unitSeedOptions("湘潭县林业局", [7, -9]));
  await writeSeedXlsx(join(after, "林业局（修改后）.xlsx"), unitSeedOptions("湘潭县林业局", [7, 9]));
  await writeSeedXlsx(join(before, "乡镇", "水利.xlsx"), unitSeedOptions("湘潭县水利局", [3, -1]));
  await writeSeedXlsx(join(after, "水利.xlsx"), unitSeedOptions("湘潭县 水利局", [3, -2]));
  await writeSeedXlsx(join(before, "交通局.xlsx"), unitSeedOptions("湘潭县交通运输局", [1, 2]));
  await writeSeedXlsx(join(after, "文旅局.xlsx"), unitSeedOptions("湘潭县文化和旅游局", [4, 5]));
  writeFileSync(join(after, "坏文件.xlsx"), "not a workbook");
  // Excel's lock file beside an open workbook is not a report
  writeFileSync(join(after, "~$水利.xlsx"), "lock");
  return { before, after };
}
