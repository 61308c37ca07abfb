import { coreLabel, labelMatches, matchingLabelIndex } from "./labels";
import { normLabel } from "./normalize";
import { TABLES } from "../templates/tables";

describe("matchingLabelIndex", () => {
  const lists = TABLES.map((def) => (def.shape === "yearly" ? def.categories.map((c) => c.label) : def.columns.map((c) => c.group)));
  // header cells as found in workbooks: the template's own, their cores, units changed, and strangers
  const cells = lists.flatMap((labels) =>
    labels.flatMap((label) => {
      const n = normLabel(label);
      return [n, coreLabel(n), `${coreLabel(n)}(件)`, `${coreLabel(n)}(万元)`, `${n}x`];
    }),
  );
  cells.push("", "序号", "合计", "(件)");

  it("finds the first label labelMatches accepts, for every template list and header cell", () => {
    let matched = 0;
    for (const labels of lists) {
      for (const cell of cells) {
        const expected = labels.findIndex((l) => labelMatches(cell, l));
        expect([cell, matchingLabelIndex(cell, labels)]).toEqual([cell, expected]);
        if (expected >= 0) matched++;
      }
    }
    // the cases above must exercise matches, not only misses
    expect(matched).toBeGreaterThan(100);
  });

  it("takes the earlier label when one matches by text and an earlier one by core", () => {
    const labels = ["罚款(元)", "罚款"];
    expect(matchingLabelIndex("罚款", labels)).toBe(0);
    expect(labels.findIndex((l) => labelMatches("罚款", l))).toBe(0);
    expect(matchingLabelIndex("罚款(万元)", ["没收", "罚款(元)"])).toBe(1);
  });
});

describe("header labels", () => {
  it("are all texts that no figure folds to (recognition looks for them among text cells only)", () => {
    const labels = TABLES.flatMap((def) => (def.shape === "yearly" ? def.categories.map((c) => c.label) : def.columns.flatMap((c) => [c.group, c.label])));
    expect(labels.length).toBeGreaterThan(40);
    for (const label of labels.filter((l) => l !== "")) {
      for (const form of [normLabel(label), coreLabel(normLabel(label))]) {
        expect([label, Number.isNaN(Number(form)) && form !== "true" && form !== "false"]).toEqual([label, true]);
      }
    }
  });
});
