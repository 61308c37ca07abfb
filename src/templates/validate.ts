/** The tables checked against their zod schema; kept out of tables.ts so the browser bundle needs no zod. */
import { z } from "zod";
import { TableDef } from "./schema";
import { TABLES } from "./tables";

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
