/** The tables checked against their zod schema; kept out of tables.ts so the browser bundle needs no zod. */
import { z } from "zod";
import { TableDef, TableId } from "./schema";
import { TABLES } from "./tables";
import { MEASURES, targetKey, type Measure } from "./measures";

export function validateTables(tables: readonly unknown[] = TABLES): TableDef[] {
  const parsed = z.array(TableDef).parse(tables);
  const ids = parsed.map((t) => t.id);
  if (new Set(ids).size !== ids.length) throw new Error(`duplicate table ids: ${ids.join(", ")}`);
  for (const t of parsed) {
    const keys = t.shape === "yearly" ? t.categories.map((c) => c.key) : t.columns.map((c) => c.key);
    if (new Set(keys).size !== keys.length) throw new Error(`${t.id}: duplicate keys`);
  }
  return parsed;
}

const Word = z.string().min(1);

/** A measure of the report body (measures.ts); its labels are checked against the tables below. */
export const MeasureSchema = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z]*$/),
  name: Word,
  nameEn: Word,
  words: z.array(Word).min(1),
  not: z.array(Word),
  units: z.array(Word).min(1),
  targets: z.array(z.object({ table: TableId, label: Word })).min(1),
  relation: z.enum(["same", "atMost", "related"]),
  why: Word.optional(),
  whyEn: Word.optional(),
});

export function validateMeasures(measures: readonly unknown[] = MEASURES): Measure[] {
  const parsed: Measure[] = z.array(MeasureSchema).parse(measures);
  const ids = parsed.map((m) => m.id);
  if (new Set(ids).size !== ids.length) throw new Error(`duplicate measure ids: ${ids.join(", ")}`);
  for (const m of parsed) {
    for (const t of m.targets) if (targetKey(t) === undefined) throw new Error(`${m.id}: no ${t.label} in ${t.table}`);
    const both = m.words.filter((w) => m.not.includes(w));
    if (both.length) throw new Error(`${m.id}: ${both.join(", ")} both required and refused`);
    // a note or a measure-differs finding says why the figure is not the cell's
    if (m.relation !== "same" && (!m.why || !m.whyEn)) throw new Error(`${m.id}: a ${m.relation} measure says why`);
  }
  return parsed;
}
