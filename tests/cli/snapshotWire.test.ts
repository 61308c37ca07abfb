/**
 * The snapshot's trip from a reader thread to the main thread (src/cli/snapshotWire.ts): whatever
 * the reader produced arrives identical, holes in the rows included, and strings repeated across a
 * batch travel once.
 */
import { SnapshotDecoder, SnapshotEncoder, transferList, type WireWorkbook } from "../../src/cli/snapshotWire";
import type { WorkbookSnapshot } from "../../src/grid/grid";
import { readWorkbookFast } from "../../src/host/xlsx/fastReader";
import { buildCase, loadManifest } from "../helpers/corpus";

/** What a real worker does to the message: a structured clone, with the cell buffers moved. */
function post(wire: WireWorkbook): WireWorkbook {
  return structuredClone(wire, { transfer: transferList(wire) });
}

function trip(enc: SnapshotEncoder, dec: SnapshotDecoder, s: WorkbookSnapshot): WorkbookSnapshot {
  return dec.decode(post(enc.encode(s)));
}

function oddSnapshot(): WorkbookSnapshot {
  const row3: Array<string | number | boolean | null> = [];
  row3[2] = "第三行";
  row3[7] = -0;
  const values = [["标题", 1.5, true], [], row3, [false, "#REF!", 1e300, -42, "2024-03-05"]];
  delete values[1];
  return {
    sheets: [
      { name: "附件2", values, merges: [{ top: 0, left: 0, bottom: 0, right: 5 }], formulas: { D4: "=A1/B1", C3: "=SUM(A1:A2)" } },
      { name: "隐藏", values: [], merges: [], formulas: {}, hidden: true },
    ],
  };
}

test("a snapshot arrives as it left: values, holes, merges, formulas, hidden sheets", () => {
  const s = oddSnapshot();
  const back = trip(new SnapshotEncoder(), new SnapshotDecoder(), s);
  expect(back).toStrictEqual(s);
  expect(1 in back.sheets[0].values).toBe(false);
  expect(Object.is(back.sheets[0].values[2][7], -0)).toBe(true);
  expect(back.sheets[0].values[2].length).toBe(8);
});

test("every readable file of the corpus, as the reader gives it, survives the trip", async () => {
  // one encoder and decoder for all of them, as in a batch
  const enc = new SnapshotEncoder();
  const dec = new SnapshotDecoder();
  let read = 0;
  for (const c of loadManifest().cases) {
    if (c.generated) continue;
    let snapshot: WorkbookSnapshot;
    try {
      snapshot = readWorkbookFast(await buildCase(c.id));
    } catch {
      continue; // a refused file never travels: its message does
    }
    read++;
    expect({ id: c.id, snapshot: trip(enc, dec, snapshot) }).toStrictEqual({ id: c.id, snapshot });
  }
  expect(read).toBeGreaterThan(40);
}, 120_000);

test("strings repeated across files travel once; a full table sends the rest with their file", () => {
  const enc = new SnapshotEncoder(3);
  const dec = new SnapshotDecoder();
  const file = (unit: string): WorkbookSnapshot => ({
    sheets: [
      {
        name: "附件4",
        values: [
          ["序号", "单位名称"],
          [1, unit],
        ],
        merges: [],
        formulas: {},
      },
    ],
  });

  const first = enc.encode(file("甲局"));
  expect(first.newStrings).toEqual(["序号", "单位名称", "甲局"]);
  expect(dec.decode(post(first))).toStrictEqual(file("甲局"));

  const second = enc.encode(file("甲局"));
  expect(second.newStrings).toEqual([]);
  expect(second.localStrings).toEqual([]);
  expect(dec.decode(post(second))).toStrictEqual(file("甲局"));

  // the table holds three strings: a new unit travels with its own file only
  const third = enc.encode(file("乙局"));
  expect(third.newStrings).toEqual([]);
  expect(third.localStrings).toEqual(["乙局"]);
  expect(dec.decode(post(third))).toStrictEqual(file("乙局"));
  expect(dec.decode(post(enc.encode(file("丙局"))))).toStrictEqual(file("丙局"));
});

test("the cell buffers are moved to the receiving thread, not copied", () => {
  const wire = new SnapshotEncoder().encode(oddSnapshot());
  const cells = wire.sheets[0].cells;
  expect(cells.length).toBeGreaterThan(0);
  post(wire);
  expect(cells.length).toBe(0); // detached once transferred
});
