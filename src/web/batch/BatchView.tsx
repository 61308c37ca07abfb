/**
 * The batch's summary table: progress while the files are checked, then one row per file (unit,
 * year, tables, counts, state). Columns sort on click; a filter keeps the files with errors (and the
 * unreadable ones, which need action too). A row opens its file on click or Enter.
 */
import { memo, useDeferredValue, useMemo, useState, type KeyboardEvent, type ReactNode } from "react";
import {
  Button,
  Checkbox,
  makeStyles,
  mergeClasses,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { webTranslator, type WebTranslate as Translate } from "../../i18n/web";
import type { Lang } from "../../i18n";
import type { BatchSnapshot } from "./session";
import { tablesText } from "../../flows/fileState";
import type { FileSummary } from "./types";

export type SortColumn = "file" | "unit" | "year" | "tables" | "errors" | "warnings" | "infos" | "explained" | "state";
export type SortDirection = "ascending" | "descending";

/** Fixed shares of the width: a new row never makes the browser measure the other rows again. */
const COLUMNS: Array<{ key: SortColumn; label: Parameters<Translate>[0]; width: number }> = [
  { key: "file", label: "batchColFile", width: 19 },
  { key: "unit", label: "batchColUnit", width: 15 },
  { key: "year", label: "batchColYear", width: 6 },
  { key: "tables", label: "batchColTables", width: 13 },
  { key: "errors", label: "batchColErrors", width: 6 },
  { key: "warnings", label: "batchColWarnings", width: 6 },
  { key: "infos", label: "batchColInfos", width: 6 },
  { key: "explained", label: "batchColExplained", width: 6 },
  { key: "state", label: "batchColState", width: 14 },
];
const ACTION_WIDTH = 9;
const COLUMN_TEMPLATE = COLUMNS.map((c) => `minmax(0, ${c.width}fr)`).join(" ");

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  progress: { display: "flex", alignItems: "center", gap: "12px", flexWrap: "wrap" },
  bar: { flex: "1 1 240px", minWidth: "160px" },
  controls: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: "8px 16px" },
  tableWrap: {
    overflow: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { minWidth: "960px" },
  // Rows are grids, not table rows: a new row is laid out on its own, and rows out of view are skipped
  // (content-visibility), so the layout after each batch of results no longer grows with the table.
  grid: { display: "grid", gridTemplateColumns: COLUMN_TEMPLATE },
  gridWithAction: { display: "grid", gridTemplateColumns: `${COLUMN_TEMPLATE} minmax(0, ${ACTION_WIDTH}fr)` },
  row: { cursor: "pointer", contentVisibility: "auto", containIntrinsicSize: "auto 36px" },
  name: { wordBreak: "break-all" },
  num: { justifyContent: "flex-end", textAlign: "right", fontVariantNumeric: "tabular-nums", paddingRight: "16px", whiteSpace: "nowrap" },
  ready: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  fix: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  unreadable: { color: tokens.colorPaletteDarkOrangeForeground1 },
  reason: { display: "block", color: tokens.colorNeutralForeground2, whiteSpace: "normal" },
  muted: { color: tokens.colorNeutralForeground3 },
});

const STATE_ORDER: Record<FileSummary["state"], number> = { ready: 0, fix: 1, unreadable: 2 };

/** The sort key of a row in a column; null sorts last whichever the direction (an unreadable file has no counts). */
function keyOf(s: FileSummary, col: SortColumn): string | number | null {
  const read = s.state !== "unreadable";
  switch (col) {
    case "file":
      return s.name;
    case "unit":
      return s.unit || null;
    case "year":
      return s.year;
    case "tables":
      return read ? s.tables.length : null;
    case "errors":
      return read ? s.counts.error : null;
    case "warnings":
      return read ? s.counts.warning : null;
    case "infos":
      return read ? s.counts.info : null;
    case "explained":
      return read ? s.explained : null;
    case "state":
      return STATE_ORDER[s.state];
  }
}

const collator = typeof Intl !== "undefined" ? new Intl.Collator("zh-CN", { numeric: true }) : null;

export function sortRows(rows: readonly FileSummary[], col: SortColumn, dir: SortDirection): FileSummary[] {
  const sign = dir === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = keyOf(a, col);
    const y = keyOf(b, col);
    if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
    const c =
      typeof x === "number" && typeof y === "number"
        ? x - y
        : collator
          ? collator.compare(String(x), String(y))
          : String(x) < String(y)
            ? -1
            : String(x) > String(y)
              ? 1
              : 0;
    return c !== 0 ? sign * c : a.index - b.index;
  });
}

export interface BatchViewProps {
  snapshot: BatchSnapshot;
  onOpen(index: number): void;
  onStop?(): void;
  /** The download buttons (shown once there is something to download). */
  actions?: ReactNode;
  /** A per-row action (the row's 标注副本); its clicks do not open the row. */
  rowAction?(row: FileSummary): ReactNode;
  t?: Translate;
  /** The page's language: an unreadable file's reason is shown in it. */
  lang?: Lang;
}

/** The default words, made once: a new translator on every render would draw every row again. */
const ZH = webTranslator("zh");

export function BatchView({ snapshot, onOpen, onStop, actions, rowAction, t = ZH, lang = "zh" }: BatchViewProps) {
  const styles = useStyles();
  const [sort, setSort] = useState<{ col: SortColumn; dir: SortDirection } | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  // Deferred: new rows (and every row when the batch ends and the row buttons come alive) are drawn in
  // React's interruptible background render, so a click never waits for hundreds of rows. The count
  // comes from the same snapshot as the rows, so it never runs ahead of them.
  const shown = useDeferredValue(snapshot);
  const action = useDeferredValue(rowAction);
  const { results, total, running, stopped } = shown;

  const rows = useMemo(() => {
    const shown = onlyErrors ? results.filter((r) => r.state === "unreadable" || r.counts.error > 0) : results;
    return sort ? sortRows(shown, sort.col, sort.dir) : shown;
  }, [results, onlyErrors, sort]);

  const tally = useMemo(() => {
    const n = { ready: 0, fix: 0, unreadable: 0 };
    for (const r of results) n[r.state]++;
    return n;
  }, [results]);

  const toggleSort = (col: SortColumn) =>
    setSort((s) => (s && s.col === col ? { col, dir: s.dir === "ascending" ? "descending" : "ascending" } : { col, dir: "ascending" }));

  return (
    <div className={styles.root}>
      <div className={styles.progress} data-testid="batch-progress" data-thread={shown.onMainThread ? "page" : "worker"} role="status" aria-live="polite">
        {running ? (
          <>
            <ProgressBar className={styles.bar} value={total ? results.length / total : 0} max={1} thickness="large" />
            <Text data-testid="batch-count">{t("batchProgress", { done: results.length, total })}</Text>
            {onStop && <Button onClick={onStop}>{t("batchStop")}</Button>}
          </>
        ) : (
          <Text data-testid="batch-count">
            {stopped
              ? t("batchStopped", { done: results.length, total })
              : t("batchDone", { total, ready: tally.ready, fix: tally.fix, unreadable: tally.unreadable })}
          </Text>
        )}
      </div>

      <div className={styles.controls}>
        <Checkbox label={t("batchOnlyErrors")} checked={onlyErrors} onChange={(_, d) => setOnlyErrors(d.checked === true)} data-testid="batch-only-errors" />
        {actions}
      </div>

      <div className={styles.tableWrap}>
        <Table sortable noNativeElements size="small" className={styles.table} aria-label={t("batchTitle", { total })} data-testid="batch-table">
          <TableHeader>
            <TableRow className={rowAction ? styles.gridWithAction : styles.grid}>
              {COLUMNS.map((c) => (
                <TableHeaderCell
                  key={c.key}
                  sortDirection={sort?.col === c.key ? sort.dir : undefined}
                  onClick={() => toggleSort(c.key)}
                  data-testid={`batch-sort-${c.key}`}
                >
                  {t(c.label)}
                </TableHeaderCell>
              ))}
              {rowAction && <TableHeaderCell aria-hidden="true" />}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <BatchRow key={r.index} row={r} onOpen={onOpen} rowAction={action} t={t} lang={lang} />
            ))}
          </TableBody>
        </Table>
        {rows.length === 0 && !running && (
          <Text as="p" className={styles.muted}>
            {t("batchNoRows")}
          </Text>
        )}
      </div>
    </div>
  );
}

interface BatchRowProps {
  row: FileSummary;
  onOpen(index: number): void;
  rowAction?(row: FileSummary): ReactNode;
  t: Translate;
  lang: Lang;
}

/**
 * One file's row. Memoised: while results stream in, only the new rows render (a summary object
 * never changes once made), so the page keeps answering clicks with hundreds of rows on screen.
 */
const BatchRow = memo(function BatchRow({ row: r, onOpen, rowAction, t, lang }: BatchRowProps) {
  const styles = useStyles();
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Enter" && e.target === e.currentTarget) {
      e.preventDefault();
      onOpen(r.index);
    }
  };
  const read = r.state !== "unreadable";
  return (
    <TableRow
      className={mergeClasses(rowAction ? styles.gridWithAction : styles.grid, styles.row)}
      tabIndex={0}
      aria-label={t("batchOpenRow", { file: r.name })}
      onClick={() => onOpen(r.index)}
      onKeyDown={onKey}
      data-testid="batch-row"
      data-file={r.name}
      data-state={r.state}
      {...(read ? { "data-errors": r.counts.error, "data-warnings": r.counts.warning, "data-infos": r.counts.info } : { "data-error": r.error ?? "" })}
    >
      <TableCell className={styles.name}>{r.name}</TableCell>
      <TableCell>{r.unit}</TableCell>
      <TableCell className={styles.num}>{r.year ?? ""}</TableCell>
      <TableCell>{!read ? "" : tablesText(r.tables) || <span className={styles.muted}>{t("batchNoTables")}</span>}</TableCell>
      <TableCell className={styles.num}>{read ? r.counts.error : ""}</TableCell>
      <TableCell className={styles.num}>{read ? r.counts.warning : ""}</TableCell>
      <TableCell className={styles.num}>{read ? r.counts.info : ""}</TableCell>
      <TableCell className={styles.num}>{read ? r.explained : ""}</TableCell>
      <TableCell data-testid="batch-state">
        {!read ? (
          <span className={styles.unreadable}>
            {t("batchStateUnreadable")}
            <span className={styles.reason}>{lang === "en" ? (r.errorEn ?? r.error) : r.error}</span>
          </span>
        ) : (
          <span className={r.state === "ready" ? styles.ready : styles.fix}>{r.state === "ready" ? t("batchStateReady") : t("batchStateFix")}</span>
        )}
      </TableCell>
      {rowAction && (
        <TableCell onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
          {read ? rowAction(r) : null}
        </TableCell>
      )}
    </TableRow>
  );
});
