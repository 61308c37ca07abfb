import { readFileSync } from "fs";
import { run, tempDir } from "./run";
import { withYearly, writeSeedXlsx } from "../helpers/xlsx";
import { readWorkbookFast } from "../../src/host/xlsx/fastReader";
import { analyse } from "../../src/check/analyse";
import type { RecognisedYearlyTable } from "../../src/engine/model";
import type { LayoutOptions } from "../../src/templates/layout";
import type { CellValue } from "../../src/grid/grid";

const tmp = tempDir("import");
afterAll(() => tmp.cleanup());

/** Last year's report: 2023 in the title, its {Y} column holding what the seed's {Y-1} column says. */
const lastYear = (o: LayoutOptions): LayoutOptions => {
  const values = Object.fromEntries(Object.entries(o.yearly?.values ?? {}).map(([k, [prior]]) => [k, [null, prior] as [CellValue, CellValue]]));
  return { ...o, year: 2023, yearly: { ...o.yearly, values } };
};

function readBack(path: string) {
  const a = analyse(readWorkbookFast(new Uint8Array(readFileSync(path))));
  const a2 = a.tables.find((t) => t.id === "A2") as RecognisedYearlyTable;
  return { a, a2: a2.blocks[0].categories };
}

describe("xzzf import-prior", () => {
  let last: string;
  beforeAll(async () => {
    // last year: 行政处罚 2023 = 7 (as the seed's prior column says), 罚没金额 2023 = 818000.7, 行政许可 2023 = 5
    last = await writeSeedXlsx(tmp.path("2023.xlsx"), {
      ids: ["A2", "A3"],
      change: { A2: (o) => lastYear(withYearly("permit", [5, 0])(o)), A3: lastYear },
    });
  });

  test("fills empty prior-year cells, keeps the figures in the workbook, and refuses to replace a differing value", async () => {
    const input = await writeSeedXlsx(tmp.path("2024.xlsx"), {
      change: { A2: (o) => withYearly("penalty", [null, 9])(withYearly("permit", [3, 0])(o)) },
    });
    const out = tmp.path("2024-imported.xlsx");
    const r = await run(["import-prior", input, "--from", last, "--out", out]);
    expect(r.stdout).toMatch(/行政处罚\(件\)：填入 7/);
    expect(r.stderr).toMatch(/行政许可\(件\)：表中已有 3，上年报表为 5，未替换/);
    expect(r.code).toBe(1);
    const { a, a2 } = readBack(out);
    expect(a2.penalty.prior.raw).toBe(7);
    expect(a2.permit.prior.raw).toBe(3);
    // the original is untouched
    expect(readBack(input).a2.penalty.prior.raw).toBeNull();
    // kept figures make prior-mismatch work without the old file
    const mismatch = a.findings.filter((f) => f.rule === "prior-mismatch");
    expect(mismatch.map((f) => f.cell)).toEqual([a2.permit.prior.address]);
  });

  test("--force replaces the differing value and says what it replaced", async () => {
    const input = await writeSeedXlsx(tmp.path("2024b.xlsx"), { change: { A2: withYearly("permit", [3, 0]) } });
    const out = tmp.path("2024b-imported.xlsx");
    const r = await run(["import-prior", input, "--from", last, "--out", out, "--force"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/行政许可\(件\)：已替换 3 → 5/);
    expect(readBack(out).a2.permit.prior.raw).toBe(5);
  });

  test("refuses last year's file of the wrong year, and an --out equal to the input", async () => {
    const input = await writeSeedXlsx(tmp.path("2024c.xlsx"));
    const wrong = await writeSeedXlsx(tmp.path("2022.xlsx"), { extra: { year: 2022 }, ids: ["A2"] });
    const r = await run(["import-prior", input, "--from", wrong, "--out", tmp.path("x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2022");
    const same = await run(["import-prior", input, "--from", last, "--out", input]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("不能与输入文件相同");
  });
});
