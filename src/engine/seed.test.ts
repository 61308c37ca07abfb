import { analyse } from "../check/analyse";
import { planRatios } from "../flows/ratios";
import { seedSnapshot } from "../../tests/helpers/seedWorkbook";

function countBy<T>(xs: T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

describe("the seed report (rules.md, 'What the seed's own tables give')", () => {
  for (const withoutMerges of [false, true]) {
    test(`gives the listed findings ${withoutMerges ? "pasted from Word without merges" : "in the official layout"}`, () => {
      const a = analyse(seedSnapshot({ withoutMerges }));
      expect(a.tables.map((t) => t.id)).toEqual(["A2", "A3", "A4", "A5"]);
      expect(a.year).toBe(2024);
      const byRule = countBy(a.findings, (f) => `${f.table}:${f.rule}`);
      expect(byRule).toEqual({
        "A2:zero-unexplained": 8,
        "A3:zero-unexplained": 9,
        "A2:ratio-missing": 10,
        "A3:ratio-missing": 11,
        "A5:value-zero-placeholder": 7,
        "A4:a4-over-establishment": 1,
      });
      expect(a.findings).toHaveLength(46);
      expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
      // the ratios of rules.md: 附件2 +28.57%, +389.63%; 附件3 +20.00%, +233.04%; every other one 0.00%
      const ratios = planRatios(a, "values").items.map((i) => `${i.table}:${i.next}`);
      expect(ratios.filter((r) => !r.endsWith(":0.00%"))).toEqual(["A2:+28.57%", "A2:+389.63%", "A3:+20.00%", "A3:+233.04%"]);
      expect(ratios.filter((r) => r === "A2:0.00%")).toHaveLength(8);
      expect(ratios.filter((r) => r === "A3:0.00%")).toHaveLength(9);
    });
  }
});
