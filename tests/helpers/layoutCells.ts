/**
 * Where a layout put things, found from its cells (roles and labels), so tests compare recognition
 * with positions they did not compute the way recognition does.
 */
import { toA1 } from "../../src/grid/grid";
import { normLabel } from "../../src/engine/normalize";
import type { LayoutCell, SheetLayout } from "../../src/templates/layout";
import { tableDef } from "../../src/templates/tables";

export interface At {
  row: number;
  col: number;
}

function only(cells: LayoutCell[], what: string): LayoutCell {
  if (cells.length !== 1) throw new Error(`expected one ${what}, found ${cells.length}`);
  return cells[0];
}

export function a1(at: At, offset: At = { row: 0, col: 0 }): string {
  return toA1(at.row + offset.row, at.col + offset.col);
}

export function titleAt(layout: SheetLayout): At {
  return only(
    layout.cells.filter((c) => c.role === "title"),
    "title",
  );
}

export function metaAt(layout: SheetLayout, which: "unit" | "contact"): At {
  const prefix = which === "unit" ? "执法单位" : "联系人和联系方式";
  return only(
    layout.cells.filter((c) => c.role === "meta" && String(c.value).startsWith(prefix)),
    `${which} line`,
  );
}

/** 附件2/3: the header cell holding a category's label (the left of its two year columns). */
export function categoryHeaderAt(layout: SheetLayout, key: string): At {
  const def = tableDef(layout.table);
  if (def.shape !== "yearly") throw new Error("not a yearly table");
  const cat = def.categories.find((c) => c.key === key);
  if (!cat) throw new Error(`no category ${key}`);
  return only(
    layout.cells.filter((c) => c.role === "header" && normLabel(c.value) === normLabel(cat.label)),
    `header ${key}`,
  );
}

/** 附件2/3: the year header over a category's prior or current column (the smaller year is the prior). */
export function yearHeaderAt(layout: SheetLayout, key: string, which: "prior" | "current"): At {
  const h = categoryHeaderAt(layout, key);
  const years = layout.cells.filter((c) => c.role === "header" && c.row === h.row + 1 && (c.col === h.col || c.col === h.col + 1));
  if (years.length !== 2) throw new Error(`year headers of ${key}`);
  years.sort((x, y) => Number(x.value) - Number(y.value));
  return years[which === "prior" ? 0 : 1];
}

function firstInCol(layout: SheetLayout, col: number, roles: LayoutCell["role"][], index = 0): At {
  const cells = layout.cells.filter((c) => c.col === col && roles.includes(c.role)).sort((x, y) => x.row - y.row);
  if (!cells[index]) throw new Error(`no ${roles.join("/")} cell ${index} in column ${col}`);
  return cells[index];
}

/** 附件2/3: the value cell of a category for one year. */
export function valueAt(layout: SheetLayout, key: string, which: "prior" | "current"): At {
  return firstInCol(layout, yearHeaderAt(layout, key, which).col, ["value"]);
}

/** 附件2/3: the ratio cell of a category (top-left of its merged pair). */
export function ratioAt(layout: SheetLayout, key: string): At {
  return firstInCol(layout, categoryHeaderAt(layout, key).col, ["ratio"]);
}

export function explanationAt(layout: SheetLayout, key: string): At {
  return firstInCol(layout, categoryHeaderAt(layout, key).col, ["explanation"]);
}

/** 附件2/3: the unit name cell of the value row. */
export function unitRowAt(layout: SheetLayout): At {
  const seq = layout.cells.find((c) => c.role === "seq" && c.value === 1);
  if (!seq) throw new Error("no body row 1");
  return { row: seq.row, col: seq.col + 1 };
}

/** 附件4/5: the header cell that names a column (its sub-label, or its group when it has none). */
export function columnHeaderAt(layout: SheetLayout, key: string): At {
  const def = tableDef(layout.table);
  if (def.shape !== "columns") throw new Error("not a column table");
  const col = def.columns.find((c) => c.key === key);
  if (!col) throw new Error(`no column ${key}`);
  const text = col.label || col.group;
  return only(
    layout.cells.filter((c) => c.role === "header" && c.value === text),
    `header ${key}`,
  );
}

/** 附件4/5: the body cell of a column in body row `index` (0 = row 1). */
export function bodyAt(layout: SheetLayout, key: string, index = 0): At {
  return firstInCol(layout, columnHeaderAt(layout, key).col, ["value", "label"], index);
}
