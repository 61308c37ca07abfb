import { folderOrder, isLockOrHidden, isReportName, naturalCompare } from "./inputFiles";

test("natural order: numbers by value, the rest by character", () => {
  const names = ["第10单位.xlsx", "第2单位.xlsx", "第1单位.xlsx", "b.xlsx", "a10.xlsx", "a9.xlsx", "a09.xlsx"];
  expect([...names].sort(naturalCompare)).toEqual(["a09.xlsx", "a9.xlsx", "a10.xlsx", "b.xlsx", "第1单位.xlsx", "第2单位.xlsx", "第10单位.xlsx"]);
  expect(naturalCompare("x", "x")).toBe(0);
});

test("report names by extension, in any case; lock and hidden files are never reports", () => {
  expect(["a.XLSX", "a.xlsm", "b.docx", "c.et", "d.ods", "e.xls"].every(isReportName)).toBe(true);
  expect(["a.csv", "a.xlsx.bak", "Thumbs.db", "a.doc"].some(isReportName)).toBe(false);
  expect(["~$报表.xlsx", ".DS_Store", "._报表.xlsx"].every(isLockOrHidden)).toBe(true);
  expect(isLockOrHidden("报表~$.xlsx")).toBe(false);
});

test("a folder's order: report files by name, then subfolders by name; the rest left out", () => {
  const entries = [
    { n: "第10单位.xlsx", dir: false },
    { n: "乡镇", dir: true },
    { n: "~$第2单位.xlsx", dir: false },
    { n: "第2单位.xlsx", dir: false },
    { n: ".git", dir: true },
    { n: "说明.txt", dir: false },
    { n: "10月", dir: true },
    { n: "9月", dir: true },
  ];
  const { files, folders } = folderOrder(
    entries,
    (e) => e.n,
    (e) => e.dir,
  );
  expect(files.map((e) => e.n)).toEqual(["第2单位.xlsx", "第10单位.xlsx"]);
  expect(folders.map((e) => e.n)).toEqual(["9月", "10月", "乡镇"]);
});
