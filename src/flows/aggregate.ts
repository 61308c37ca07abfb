/**
 * 汇总: several units' reports into one. 附件2/3 figures are summed per category and year (移送
 * `N(M)` part by part, money in whole fen so no float noise), explanations gathered under each unit's
 * name, ratios recomputed; 附件4/5 rows are listed one per unit. Mixed years and units reported twice
 * (the notes warn against double counting entrusted enforcement) are refused unless told which to keep.
 */
import type { CellValue } from "../grid/grid";
import type { Analysis } from "../check/analyse";
import type { RecognisedColumnTable, RecognisedYearlyTable } from "../engine/model";
import { isRealExplanation, parseValue, usable } from "../engine/normalize";
import { computeRatio } from "../engine/ratio";
import type { LayoutOptions } from "../templates/layout";
import type { TableId, ValueKind } from "../templates/schema";
import { TABLE_IDS, TABLE_NAMES } from "../templates/tables";
import { unitKey } from "./pairing";

export interface AggregateInput {
  file: string;
  analysis: Analysis;
}

export interface AggregateOptions {
  /** The name of the aggregate unit (the 执法单位 line and the 附件2/3 unit row). */
  unit?: string;
  contact?: string;
  /** For a unit reported in several files: which file to keep (by unit name as written). */
  keep?: Record<string, string>;
}

export type AggregatePlan =
  | { ok: true; year: number; units: string[]; skipped: string[]; warnings: string[]; tables: Partial<Record<TableId, LayoutOptions>> }
  | { ok: false; problems: string[] };

/** The unit a report is about: its 附件2/3 unit rows, else its 执法单位 line. */
export function reportUnit(a: Analysis): string {
  for (const t of a.tables) {
    if (t.shape === "yearly") for (const b of t.blocks) if (String(b.unit.raw ?? "").trim()) return String(b.unit.raw).trim();
  }
  for (const t of a.tables) if (t.unitFromLine) return t.unitFromLine;
  return "";
}

const SCALE: Partial<Record<ValueKind, number>> = { yuan: 100, wan: 10000 };

function sumKind(values: number[], kind: ValueKind): number {
  const scale = SCALE[kind] ?? 1;
  const total = values.reduce((s, v) => s + Math.round(v * scale), 0);
  return total / scale;
}

interface Part {
  unit: string;
  file: string;
  analysis: Analysis;
}

function yearlyOf(a: Analysis, id: TableId): RecognisedYearlyTable[] {
  return a.tables.filter((t): t is RecognisedYearlyTable => t.shape === "yearly" && t.id === id);
}

function columnsOf(a: Analysis, id: TableId): RecognisedColumnTable[] {
  return a.tables.filter((t): t is RecognisedColumnTable => t.shape === "columns" && t.id === id);
}

function aggregateYearly(id: "A2" | "A3", parts: Part[], unit: string, warnings: string[]): LayoutOptions["yearly"] | undefined {
  const tables = parts.flatMap((p) => yearlyOf(p.analysis, id).map((t) => ({ p, t })));
  if (tables.length === 0) return undefined;
  const def = tables[0].t.def;
  const values: Record<string, [CellValue, CellValue]> = {};
  const ratios: Record<string, CellValue> = {};
  const explanations: Record<string, CellValue> = {};
  for (const cat of def.categories) {
    const sums: [number[], number[]] = [[], []];
    const unfiled: [number, number] = [0, 0];
    const texts: string[] = [];
    for (const { p, t } of tables) {
      for (const block of t.blocks) {
        const slots = block.categories[cat.key];
        if (!slots) continue;
        (["prior", "current"] as const).forEach((which, i) => {
          const parsed = parseValue(slots[which].raw, cat.kind);
          const n = usable(parsed);
          if (n === null) {
            if (!parsed.empty)
              warnings.push(
                `${p.file}：${TABLE_NAMES[id]}「${cat.label}」${t.sheet}!${slots[which].address} 的「${String(slots[which].raw)}」不是数字，未计入汇总。`,
              );
            return;
          }
          sums[i].push(n);
          unfiled[i] += parsed.unfiled ?? 0;
        });
        const why = slots.explanation?.raw ?? null;
        if (isRealExplanation(why)) texts.push(`${String(block.unit.raw ?? p.unit).trim() || p.unit}：${String(why).trim()}`);
      }
    }
    const totals = sums.map((s) => (s.length ? sumKind(s, cat.kind) : null)) as [number | null, number | null];
    const cell = (i: 0 | 1): CellValue => {
      const v = totals[i];
      if (v === null) return null;
      return cat.kind === "transfer" && unfiled[i] > 0 ? `${v}(${unfiled[i]})` : v;
    };
    values[cat.key] = [cell(0), cell(1)];
    const ratio = computeRatio(totals[0], totals[1]);
    ratios[cat.key] = ratio.kind === "none" ? null : ratio.text;
    explanations[cat.key] = texts.length ? texts.join("；") : null;
  }
  return { unit, values, ratios, explanations };
}

function aggregateRows(id: "A4" | "A5", parts: Part[]): Array<Record<string, CellValue>> {
  const rows: Array<Record<string, CellValue>> = [];
  for (const p of parts) {
    for (const t of columnsOf(p.analysis, id)) {
      for (const row of t.rows) {
        if (!row.inUse) continue;
        const out: Record<string, CellValue> = {};
        for (const col of t.def.columns) out[col.key] = row.cells[col.key]?.raw ?? null;
        const name = String(out.name ?? "").trim();
        // 附件4 rows are departments: keep the unit they belong to in the name
        if (id === "A4" && p.unit && !name.includes(p.unit)) out.name = name ? `${p.unit} ${name}` : p.unit;
        if (id === "A5" && !name) out.name = p.unit;
        rows.push(out);
      }
    }
  }
  return rows;
}

export function planAggregate(inputs: AggregateInput[], opts: AggregateOptions = {}): AggregatePlan {
  const problems: string[] = [];
  if (inputs.length === 0) return { ok: false, problems: ["没有可汇总的文件。"] };
  const years = new Map<number | null, string[]>();
  for (const i of inputs) years.set(i.analysis.year, [...(years.get(i.analysis.year) ?? []), i.file]);
  if (years.size > 1 || years.has(null)) {
    const list = [...years].map(([y, files]) => `${y ?? "年度不明"}：${files.join("、")}`).join("；");
    return { ok: false, problems: [`各文件的报告年度不一致，不能汇总（${list}）。`] };
  }
  const year = inputs[0].analysis.year as number;

  const byUnit = new Map<string, Part[]>();
  for (const i of inputs) {
    const unit = reportUnit(i.analysis);
    if (!unit) {
      problems.push(`${i.file}：没有找到执法单位名称，无法判断是否重复统计。`);
      continue;
    }
    const key = unitKey(unit);
    byUnit.set(key, [...(byUnit.get(key) ?? []), { unit, file: i.file, analysis: i.analysis }]);
  }
  const keep = new Map(Object.entries(opts.keep ?? {}).map(([u, f]) => [unitKey(u), f]));
  const parts: Part[] = [];
  const skipped: string[] = [];
  for (const [key, list] of byUnit) {
    if (list.length === 1) {
      parts.push(list[0]);
      continue;
    }
    const chosen = keep.get(key);
    const kept = chosen ? list.find((p) => p.file === chosen || p.file.endsWith(`/${chosen}`) || p.file.endsWith(`\\${chosen}`)) : undefined;
    if (!kept) {
      problems.push(
        `「${list[0].unit}」出现在 ${list.length} 个文件中（${list.map((p) => p.file).join("、")}），可能重复统计（如委托执法由双方各报一次）；请用 --keep "${list[0].unit}=文件名" 指定保留哪一份。`,
      );
      continue;
    }
    parts.push(kept);
    skipped.push(...list.filter((p) => p !== kept).map((p) => p.file));
  }
  if (problems.length) return { ok: false, problems };

  const unit = opts.unit ?? "汇总";
  const warnings: string[] = [];
  const tables: Partial<Record<TableId, LayoutOptions>> = {};
  for (const id of TABLE_IDS) {
    const base: LayoutOptions = { year, unit, contact: opts.contact };
    if (id === "A2" || id === "A3") {
      const yearly = aggregateYearly(id, parts, unit, warnings);
      if (yearly) tables[id] = { ...base, yearly };
    } else {
      const rows = aggregateRows(id, parts);
      if (rows.length || parts.some((p) => columnsOf(p.analysis, id).length)) tables[id] = { ...base, columns: { rows } };
    }
  }
  return { ok: true, year, units: parts.map((p) => p.unit), skipped, warnings, tables };
}
