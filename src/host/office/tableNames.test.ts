import { recognise } from "../../engine/recognize";
import { STATE_SHEET } from "../../engine/stateSheet";
import { SHEET_NAMES } from "../../templates/tables";
import { seedSnapshot } from "../../../tests/helpers/seedWorkbook";
import {
  COL_MARGIN,
  type TableName,
  namedReadPlan,
  namesDiffer,
  readTableNames,
  ROW_MARGIN,
  sheetsTag,
  tableNameComment,
  verifyNamedRead,
  wantedTableNames,
} from "./tableNames";

const sheets = [{ name: SHEET_NAMES.A2 }, { name: "底稿" }];
const tag = sheetsTag(sheets);

describe("readTableNames", () => {
  test("ours only, any case; quoted sheet names; #REF! and non-range names are broken; the tag from the comment", () => {
    const names = readTableNames([
      { name: "XZZF_a2", type: "Range", value: "='附件2 执法案件'!$A$1:$W$14", comment: tableNameComment("A2", tag) },
      { name: "xzzf_A3", type: "Error", value: "#REF!", comment: "" },
      { name: "xzzf_A4", type: "Range", value: "附件4!#REF!", comment: "" },
      { name: "xzzf_A9", type: "Range", value: "Sheet1!$A$1", comment: "" },
      { name: "我的区域", type: "Range", value: "Sheet1!$A$1:$B$2", comment: "" },
    ]);
    expect([...names.keys()]).toEqual(["xzzf_A2", "xzzf_A3", "xzzf_A4"]);
    expect(names.get("xzzf_A2")).toEqual({ name: "XZZF_a2", id: "A2", sheet: "附件2 执法案件", area: { top: 0, left: 0, bottom: 13, right: 22 }, tag });
    expect(names.get("xzzf_A3")?.area).toBeNull();
    expect(names.get("xzzf_A4")?.area).toBeNull();
  });
});

describe("sheetsTag", () => {
  test("changes with a sheet added, renamed or moved, not with the state sheet", () => {
    expect(sheetsTag([...sheets, { name: STATE_SHEET }])).toBe(tag);
    expect(sheetsTag([{ name: STATE_SHEET }, ...sheets])).toBe(tag);
    expect(sheetsTag([...sheets, { name: "新表" }])).not.toBe(tag);
    expect(sheetsTag([{ name: "底稿" }, { name: SHEET_NAMES.A2 }])).not.toBe(tag);
    expect(sheetsTag([{ name: SHEET_NAMES.A2 }, { name: "底稿2" }])).not.toBe(tag);
  });
});

describe("wanted names, their plan and its check", () => {
  const tables = recognise(seedSnapshot());
  const wanted = wantedTableNames(tables);

  test("one per table, covering it with a margin below and right", () => {
    const a2 = tables.find((t) => t.id === "A2");
    expect(wanted.get("xzzf_A2")).toEqual({
      name: "xzzf_A2",
      id: "A2",
      sheet: SHEET_NAMES.A2,
      area: { top: a2?.top, left: a2?.left, bottom: (a2?.bottom ?? 0) + ROW_MARGIN, right: (a2?.right ?? 0) + COL_MARGIN },
    });
    expect(wanted.size).toBe(4);
  });

  test("none at all when a table is there twice", () => {
    expect(wantedTableNames([...tables, { ...tables[0], sheet: "副本" }]).size).toBe(0);
  });

  test("names saved for this sheet list need no rewrite and give a plan; another list or a broken name does neither", () => {
    const all = Object.values(SHEET_NAMES).map((name) => ({ name }));
    const t = sheetsTag(all);
    const saved = new Map<string, TableName>([...wanted].map(([k, w]) => [k, { ...w, tag: t }]));
    expect(namesDiffer(wanted, saved, all)).toBe(false);
    expect(namedReadPlan(saved, all)?.map((p) => p.name)).toEqual(["xzzf_A2", "xzzf_A3", "xzzf_A4", "xzzf_A5"]);
    const more = [...all, { name: "新表" }];
    expect(namesDiffer(wanted, saved, more)).toBe(true);
    expect(namedReadPlan(saved, more)).toBeNull();
    const broken = new Map(saved);
    broken.set("xzzf_A3", { ...saved.get("xzzf_A3")!, area: null });
    expect(namedReadPlan(broken, all)).toBeNull();
    expect(namesDiffer(wanted, broken, all)).toBe(true);
    expect(namesDiffer(new Map(), saved, all)).toBe(true);
    expect(namesDiffer(wanted, null, all)).toBe(true);
  });

  test("a named read holds only with every table found once, whole inside its name", () => {
    const reads = [...wanted.values()].map((w) => ({ name: w.name, id: w.id, sheet: w.sheet, area: w.area }));
    expect(verifyNamedRead(tables, reads)).toBe(true);
    expect(verifyNamedRead(tables.slice(1), reads)).toBe(false);
    const cut = reads.map((r) => (r.id === "A4" ? { ...r, area: { ...r.area, bottom: r.area.bottom - ROW_MARGIN } } : r));
    expect(verifyNamedRead(tables, cut)).toBe(false);
    const elsewhere = reads.map((r) => (r.id === "A5" ? { ...r, sheet: "别处" } : r));
    expect(verifyNamedRead(tables, elsewhere)).toBe(false);
  });
});
