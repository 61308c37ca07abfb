import { recognise } from "../../engine/recognize";
import { STATE_SHEET } from "../../engine/stateSheet";
import { AUDIT_SHEET } from "../../templates/tables";
import { SHEET_NAMES } from "../../templates/tables";
import { seedSnapshot } from "../../../tests/helpers/seedWorkbook";
import { bytesToBase64, cellRoles, layoutMerges, planSubmission } from "./submission";

const seedWithout = () => seedSnapshot({ withoutMerges: true });

describe("planSubmission", () => {
  test("the tables' sheets only, in order; state, report and other sheets left out; 报送- names in this workbook", () => {
    const snap = seedWithout();
    snap.sheets.push(
      { name: STATE_SHEET, values: [["x"]], merges: [], hidden: true },
      { name: AUDIT_SHEET, values: [["序号"]], merges: [] },
      { name: "底稿", values: [[1]], merges: [] },
    );
    const own = planSubmission(snap, new Map(), { inWorkbook: false });
    expect(own.sheets.map((s) => s.name)).toEqual(Object.values(SHEET_NAMES));
    expect(own.tables).toEqual(["A2", "A3", "A4", "A5"]);
    const taken = [...snap.sheets.map((s) => s.name), "报送-附件3"];
    const inside = planSubmission(snap, new Map(), { inWorkbook: true, taken });
    expect(inside.sheets.map((s) => s.name)).toEqual(["报送-附件2", "报送-附件3 (2)", "报送-附件4", "报送-附件5"]);
    expect(inside.sheets.map((s) => s.source)).toEqual(Object.values(SHEET_NAMES));
  });

  test("number formats follow the values; merges as read, or the layout's where none were read", () => {
    const withMerges = seedSnapshot();
    const formats = new Map([
      [
        SHEET_NAMES.A2,
        [[], [], [], [], [], [], [], [null, null, null, null, null, null, null, null, null, null, null, null, "0.00%"]] as unknown as string[][],
      ],
    ]);
    const plan = planSubmission(withMerges, formats, { inWorkbook: false });
    expect(plan.sheets[0].merges).toEqual(withMerges.sheets[0].merges);
    expect(plan.sheets[0].formats[7]?.[12]).toBe("0.00%");
    expect(plan.sheets[0].formats[6]?.[2]).toBe("General");
    const inferred = planSubmission(seedWithout(), new Map(), { inWorkbook: false });
    expect(inferred.sheets[0].merges.length).toBeGreaterThan(0);
  });
});

describe("layoutMerges", () => {
  test("the title across the table, each ratio and explanation over its two year columns; never over a value", () => {
    const snap = seedWithout();
    const a2 = recognise(snap).find((t) => t.id === "A2");
    if (!a2 || a2.shape !== "yearly") throw new Error("A2");
    const merges = layoutMerges(a2, snap.sheets[0].values);
    expect(merges).toContainEqual({ top: 1, left: 0, bottom: 1, right: a2.right });
    const penalty = a2.blocks[0].categories.penalty;
    expect(merges).toContainEqual({ top: penalty.ratio?.row, left: penalty.prior.col, bottom: penalty.ratio?.row, right: penalty.current.col });
    // A value in the second cell of a ratio span: that span is not merged.
    const values = snap.sheets[0].values.map((r) => [...r]);
    values[penalty.ratio!.row][penalty.current.col] = "9%";
    expect(layoutMerges(a2, values)).not.toContainEqual({
      top: penalty.ratio?.row,
      left: penalty.prior.col,
      bottom: penalty.ratio?.row,
      right: penalty.current.col,
    });
  });
});

test("cellRoles: title, headers, values, ratios, explanations, notes, and the bordered grid", () => {
  const snap = seedWithout();
  const a2 = recognise(snap).find((t) => t.id === "A2");
  if (!a2 || a2.shape !== "yearly") throw new Error("A2");
  const { roles, grid } = cellRoles(a2, snap.sheets[0].values);
  const p = a2.blocks[0].categories.penalty;
  expect(roles.get("0,0")).toBe("attachment");
  expect(roles.get("1,0")).toBe("title");
  expect(roles.get(`${p.current.row},${p.current.col}`)).toBe("value");
  expect(roles.get(`${p.ratio?.row},${p.ratio?.col}`)).toBe("ratio");
  expect(roles.get(`${p.explanation?.row},${p.explanation?.col}`)).toBe("explanation");
  expect(roles.get(`${a2.bottom + 1},0`)).toBe("note");
  expect(grid).toEqual({ top: 3, left: 0, bottom: a2.bottom, right: a2.right });
});

test("bytesToBase64 matches Node's encoder, across chunk boundaries", () => {
  const bytes = Uint8Array.from({ length: 70000 }, (_, i) => (i * 131) % 256);
  expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  expect(bytesToBase64(new Uint8Array(0))).toBe("");
});
