/**
 * A read-only view of the workbook: a tab per visible sheet, merged cells drawn merged, marked cells
 * filled per severity with the message as tooltip and accessible name. When the host selects a cell
 * (a finding was clicked) the grid switches to its sheet, scrolls it into view and focuses it.
 */
import { useEffect, useMemo, useRef, type CSSProperties } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { colToLetters, fromA1, mergeContaining, type SheetSnapshot } from "../grid/grid";
import type { Finding } from "../engine/findings";
import { MARK_FILLS, type CellMark } from "../host/types";
import { SEVERITY_LABELS, SEVERITY_LABELS_EN } from "../flows/severity";
import { webTranslator, type WebTranslate } from "../i18n/web";
import type { Lang } from "../i18n";
import { buildGrid, MAX_GRID_COLS, MAX_GRID_ROWS } from "./gridModel";
import { markKey } from "../flows/marks";
import type { WebHostState } from "./webHost";
import { PANEL_ID, SheetTabs, tabId } from "./SheetTabs";

const READ_ONLY_ID = "xzzf-grid-read-only";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, minWidth: 0, gap: "4px" },
  scroller: {
    overflow: "auto",
    maxHeight: "70vh",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: "collapse", fontSize: "12px", lineHeight: "16px" },
  colHead: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: "normal",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
  },
  corner: {
    position: "sticky",
    top: 0,
    left: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: "normal",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    textAlign: "right",
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    minWidth: "3em",
    maxWidth: "18em",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    verticalAlign: "middle",
    color: "#000000",
  },
  number: { textAlign: "right", whiteSpace: "nowrap" },
  marked: { cursor: "help" },
  selected: {
    outline: `3px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-3px",
    boxShadow: `0 0 0 3px ${tokens.colorBrandStroke2}`,
  },
  // Fluent's body text without its Text component, which would be one more module on the first visit.
  notice: { color: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  detail: { padding: "4px 8px", borderLeft: `4px solid ${tokens.colorBrandStroke1}`, whiteSpace: "pre-wrap" },
});

export interface SheetGridProps {
  state: WebHostState;
  activeSheet: string | null;
  onActiveSheetChange(name: string): void;
  /** The finding last clicked in the pane: its message is shown for the selected cell. */
  finding?: Finding | null;
  /** The page's language (default 中文). */
  lang?: Lang;
}

export function visibleSheets(state: WebHostState): SheetSnapshot[] {
  return state.snapshot.sheets.filter((s) => !s.hidden);
}

function markLabel(t: WebTranslate, lang: Lang, address: string, text: string, mark: CellMark | undefined): string | undefined {
  if (!mark) return undefined;
  const severity = (lang === "en" ? SEVERITY_LABELS_EN : SEVERITY_LABELS)[mark.severity];
  return t("webCellMarked", { address, text: text || t("webCellEmpty"), severity, message: mark.message });
}

export function SheetGrid({ state, activeSheet, onActiveSheetChange, finding, lang = "zh" }: SheetGridProps) {
  const styles = useStyles();
  const t = useMemo(() => webTranslator(lang), [lang]);
  const labels = lang === "en" ? SEVERITY_LABELS_EN : SEVERITY_LABELS;
  const sheets = visibleSheets(state);
  const sheet = sheets.find((s) => s.name === activeSheet) ?? sheets[0];
  const grid = useMemo(() => (sheet ? buildGrid(sheet) : null), [sheet]);
  const scroller = useRef<HTMLDivElement>(null);
  const selection = state.selection;

  // The selected cell, resolved to the top-left of its merged area (that is the cell drawn).
  const target = useMemo(() => {
    if (!selection || !sheet || selection.sheet !== sheet.name) return null;
    const p = fromA1(selection.address);
    if (!p) return null;
    const m = mergeContaining(sheet, p.row, p.col);
    const row = m ? m.top : p.row;
    const col = m ? m.left : p.col;
    return { row, col, outside: row >= MAX_GRID_ROWS || col >= MAX_GRID_COLS };
  }, [selection, sheet]);

  // A selection on another (visible) sheet switches the tab first; the effect below then scrolls.
  useEffect(() => {
    if (!selection || selection.sheet === sheet?.name) return;
    if (sheets.some((s) => s.name === selection.sheet)) onActiveSheetChange(selection.sheet);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new selection switches tabs
  }, [selection?.seq]);

  useEffect(() => {
    if (!target || target.outside || !scroller.current) return;
    const el = scroller.current.querySelector<HTMLElement>(`td[data-row="${target.row}"][data-col="${target.col}"]`);
    if (!el) return;
    el.scrollIntoView?.({ block: "center", inline: "nearest", behavior: "auto" });
    el.focus({ preventScroll: true });
  }, [target, selection?.seq]);

  if (!sheet || !grid) {
    return <span className={styles.notice}>{t("webGridEmpty")}</span>;
  }

  const selectedMark = target ? state.marks.get(markKey(sheet.name, selection?.address ?? "")) : undefined;
  const clicked = finding && selection && markKey(finding.sheet, finding.cell) === markKey(selection.sheet, selection.address) ? finding : null;
  const detail = clicked
    ? t("webCellDetail", { severity: labels[clicked.severity], message: lang === "en" ? clicked.messageEn : clicked.message })
    : selectedMark
      ? t("webCellDetail", { severity: labels[selectedMark.severity], message: selectedMark.message })
      : "";

  return (
    <div className={styles.root}>
      <SheetTabs names={sheets.map((s) => s.name)} selected={sheet.name} onSelect={onActiveSheetChange} label={t("webSheets")} />
      <span id={READ_ONLY_ID} style={HIDDEN}>
        {t("webGridReadOnly")}
      </span>
      {grid.capped && (
        <span className={styles.notice} role="note">
          {t("webGridPartial", { rows: grid.shownRows, cols: grid.shownCols, totalRows: grid.totalRows, totalCols: grid.totalCols })}
        </span>
      )}
      {target?.outside && (
        <span className={styles.notice} role="status">
          {t("webGridOutside", { address: selection?.address ?? "", rows: MAX_GRID_ROWS, cols: MAX_GRID_COLS })}
        </span>
      )}
      {selection && selection.sheet === sheet.name && (
        <div className={styles.detail} role="status" data-testid="selected-cell">
          {sheet.name}!{selection.address}
          {detail && `：${detail}`}
        </div>
      )}
      <div
        className={styles.scroller}
        ref={scroller}
        id={PANEL_ID}
        role="tabpanel"
        aria-labelledby={tabId(sheets.indexOf(sheet))}
        aria-describedby={READ_ONLY_ID}
        tabIndex={0}
        data-testid="grid-scroller"
      >
        <table className={styles.table} data-testid="sheet-grid" data-sheet={sheet.name}>
          <caption style={HIDDEN}>{sheet.name}</caption>
          <thead>
            <tr>
              <td className={styles.corner} aria-hidden="true" />
              {Array.from({ length: grid.shownCols }, (_, c) => (
                <th key={c} scope="col" className={styles.colHead}>
                  {colToLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((cells, r) => (
              <tr key={r}>
                <th scope="row" className={styles.rowHead}>
                  {r + 1}
                </th>
                {cells.map((cell) => {
                  const mark = state.marks.get(markKey(sheet.name, cell.address));
                  const selected = !!target && target.row === cell.row && target.col === cell.col;
                  const classes = [styles.cell];
                  if (typeof cell.value === "number") classes.push(styles.number);
                  if (mark) classes.push(styles.marked);
                  if (selected) classes.push(styles.selected);
                  return (
                    <td
                      key={cell.col}
                      rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
                      colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
                      className={mergeClasses(...classes)}
                      style={mark ? { backgroundColor: MARK_FILLS[mark.severity] } : undefined}
                      title={mark?.message}
                      aria-label={markLabel(t, lang, cell.address, cell.text, mark)}
                      data-address={cell.address}
                      data-row={cell.row}
                      data-col={cell.col}
                      data-severity={mark?.severity}
                      data-selected={selected ? "true" : undefined}
                      tabIndex={selected ? -1 : undefined}
                    >
                      {cell.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Visually hidden but read by screen readers. */
const HIDDEN: CSSProperties = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
};
