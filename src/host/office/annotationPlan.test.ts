/** The annotation plan alone: what is found on the cells in, notes and comments to change out; no Excel, fake or real. */
import { markKey, type MergedMark } from "../../flows/marks";
import type { SavedFormat } from "../../engine/stateSheet";
import { foundFrom, NOTE_PREFIX, noteOf, planAnnotations } from "./annotationPlan";
import { encodeSaved } from "./cells";

const NOTES = { comments: true, notes: true };
const COMMENTS_ONLY = { comments: true, notes: false };
const NEITHER = { comments: false, notes: false };

const mark = (address: string, ...messages: string[]): MergedMark => ({ sheet: "附件2", address, severity: "error", messages });
const saved = (cell: string, note: string | null, noteSeen = true): SavedFormat => ({
  sheet: "附件2",
  cell,
  format: encodeSaved({ fill: null, note, noteSeen }),
});
const nothing = foundFrom([], []);

test("a note reads the prefix, then one message a line", () => {
  expect(noteOf(mark("C7", "甲", "乙"))).toBe(`${NOTE_PREFIX}甲\n乙`);
});

describe("foundFrom", () => {
  test("keys notes and comments by cell, whatever the case of the sheet, and tells ours from the user's", () => {
    const found = foundFrom(
      [
        { id: "c1", address: "附件2!C7", content: `${NOTE_PREFIX}旧` },
        { id: "c2", address: "'附件 3'!D8:E9", content: "用户的批注" },
      ],
      [{ sheet: "Sheet1", cell: "B2", content: "用户的备注" }],
    );
    expect(found.comments.get(markKey("附件2", "C7"))).toEqual({ content: `${NOTE_PREFIX}旧`, ours: true, id: "c1", sheet: "附件2" });
    expect(found.comments.get(markKey("附件 3", "D8"))).toMatchObject({ ours: false, id: "c2", sheet: "附件 3" });
    expect(found.notes.get(markKey("SHEET1", "b2"))).toEqual({ content: "用户的备注", ours: false });
  });
});

describe("planAnnotations", () => {
  test("below ExcelApi 1.10 nothing is touched and no note is saved", () => {
    const plan = planAnnotations(nothing, [saved("C7", null)], [mark("D7", "甲")], NEITHER);
    expect(plan).toEqual({ notes: new Map(), none: true, ourComments: [], changes: [] });
  });

  describe("comments only (ExcelApi 1.10–1.17)", () => {
    test("every comment of ours goes; a new mark adds one, unless the user has a comment on that cell", () => {
      const found = foundFrom(
        [
          { id: "old", address: "附件2!C7", content: `${NOTE_PREFIX}旧` },
          { id: "user", address: "附件2!E7", content: "用户的批注" },
        ],
        [],
      );
      const plan = planAnnotations(found, [], [mark("C7", "甲"), mark("D7", "乙"), mark("E7", "丙")], COMMENTS_ONLY);
      expect(plan.ourComments).toEqual([{ id: "old", sheet: "附件2" }]);
      expect(plan.changes).toEqual([
        { sheet: "附件2", cell: "C7", kind: "comment", text: `${NOTE_PREFIX}甲` },
        { sheet: "附件2", cell: "D7", kind: "comment", text: `${NOTE_PREFIX}乙` },
      ]);
      expect(plan.notes.size).toBe(0);
    });
  });

  describe("notes (ExcelApi 1.18)", () => {
    test("a new mark on a plain cell adds its note, and saves that the cell had none", () => {
      const plan = planAnnotations(nothing, [], [mark("D7", "甲", "乙")], NOTES);
      expect(plan.changes).toEqual([{ sheet: "附件2", cell: "D7", kind: "add", text: `${NOTE_PREFIX}甲\n乙` }]);
      expect(plan.notes.get(markKey("附件2", "D7"))).toEqual({ note: null, noteSeen: true });
    });

    test("a cell with the user's note keeps it, and the mark saves it", () => {
      const found = foundFrom([], [{ sheet: "附件2", cell: "D7", content: "用户的备注" }]);
      const plan = planAnnotations(found, [], [mark("D7", "甲")], NOTES);
      expect(plan.changes).toEqual([]);
      expect(plan.notes.get(markKey("附件2", "D7"))).toEqual({ note: "用户的备注", noteSeen: true });
    });

    test("a cell marked before and not now gets back the note it had before its first mark", () => {
      const found = foundFrom(
        [],
        [
          { sheet: "附件2", cell: "C7", content: `${NOTE_PREFIX}旧` },
          { sheet: "附件2", cell: "C8", content: `${NOTE_PREFIX}旧` },
        ],
      );
      const plan = planAnnotations(found, [saved("c7", "原来的备注"), saved("C8", null)], [], NOTES);
      expect(plan.changes).toEqual([
        { sheet: "附件2", cell: "C7", kind: "set", text: "原来的备注" },
        { sheet: "附件2", cell: "C8", kind: "delete" },
      ]);
    });

    test("a cell marked again keeps the note saved at its first mark, and shows the new finding only where that was none", () => {
      const found = foundFrom(
        [],
        [
          { sheet: "附件2", cell: "C7", content: `${NOTE_PREFIX}旧` },
          { sheet: "附件2", cell: "C8", content: `${NOTE_PREFIX}旧` },
        ],
      );
      const plan = planAnnotations(found, [saved("C7", null), saved("C8", "原来的备注")], [mark("C7", "新"), mark("C8", "新")], NOTES);
      expect(plan.changes).toEqual([
        { sheet: "附件2", cell: "C7", kind: "set", text: `${NOTE_PREFIX}新` },
        { sheet: "附件2", cell: "C8", kind: "set", text: "原来的备注" },
      ]);
      expect(plan.notes.get(markKey("附件2", "C8"))).toEqual({ note: "原来的备注", noteSeen: true });
    });

    test("a note saved unseen (Excel below 1.18 marked it) is not trusted: the cell's current note of its own counts", () => {
      const found = foundFrom([], [{ sheet: "附件2", cell: "C7", content: "用户的备注" }]);
      const plan = planAnnotations(found, [saved("C7", null, false)], [], NOTES);
      expect(plan.changes).toEqual([]);
    });

    test("no note is added where the user has a comment, and an unchanged note is left alone", () => {
      const found = foundFrom([{ id: "u", address: "附件2!D7", content: "用户的批注" }], [{ sheet: "附件2", cell: "E7", content: `${NOTE_PREFIX}乙` }]);
      const plan = planAnnotations(found, [saved("E7", null)], [mark("D7", "甲"), mark("E7", "乙")], NOTES);
      expect(plan.changes).toEqual([]);
      expect(plan.ourComments).toEqual([]);
    });
  });
});
