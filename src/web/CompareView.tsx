/**
 * 与旧版对比 on the web page: the open workbook (or report) against an older version the reviewer
 * chooses, as `xzzf compare` gives it (src/flows/compare.ts). Fetched as its own chunk on first use.
 * Every text from the files is a React text node, never markup.
 */
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { analyse } from "../check/analyse";
import { compareAnalyses, describeCell, describeUnit, unchanged, type Comparison } from "../flows/compare";
import { SEVERITY_LABELS, SEVERITY_LABELS_EN } from "../flows/severity";
import type { Finding } from "../engine/findings";
import type { WorkbookSnapshot } from "../grid/grid";
import type { Lang } from "../i18n";
import type { Settings } from "../rules/types";
import type { WebTranslate } from "../i18n/web";
import { TABLE_NAMES } from "../templates/tables";

export interface Version {
  snapshot: WorkbookSnapshot;
  /** A 工作报告's body, whose figures are checked against its tables. */
  body?: readonly string[];
}

/** The new version against the old one, both analysed as 校验 would with the pane's settings. */
export function compareVersions(before: Version, after: Version, settings: Partial<Settings> = {}): Comparison {
  return compareAnalyses(
    analyse(before.snapshot, { settings, body: before.body ? [...before.body] : undefined }),
    analyse(after.snapshot, { settings, body: after.body ? [...after.body] : undefined }),
  );
}

const useStyles = makeStyles({
  list: { margin: "4px 0", paddingLeft: "20px", maxHeight: "240px", overflowY: "auto" },
  item: { wordBreak: "break-word" },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface CompareViewProps {
  comparison: Comparison;
  oldName: string;
  t: WebTranslate;
  lang: Lang;
  onClose(): void;
}

function findingText(f: Finding, lang: Lang): string {
  const label = (lang === "en" ? SEVERITY_LABELS_EN : SEVERITY_LABELS)[f.severity];
  return `[${label}] ${f.sheet}!${f.cell} ${lang === "en" ? f.messageEn : f.message}`;
}

export function CompareView({ comparison: c, oldName, t, lang, onClose }: CompareViewProps) {
  const styles = useStyles();
  const tables = (ids: string[]) => ids.map((id) => (lang === "en" ? id : TABLE_NAMES[id as keyof typeof TABLE_NAMES])).join(lang === "en" ? ", " : "、");
  const units = (list: Comparison["unitsAdded"]) => list.map((u) => describeUnit(u, lang)).join(lang === "en" ? ", " : "、");
  const lines: string[] = [];
  if (c.tablesAdded.length) lines.push(t("webCompareTablesAdded", { tables: tables(c.tablesAdded) }));
  if (c.tablesRemoved.length) lines.push(t("webCompareTablesRemoved", { tables: tables(c.tablesRemoved) }));
  if (c.unitsAdded.length) lines.push(t("webCompareUnitsAdded", { units: units(c.unitsAdded) }));
  if (c.unitsRemoved.length) lines.push(t("webCompareUnitsRemoved", { units: units(c.unitsRemoved) }));
  return (
    <MessageBar intent="info" layout="multiline" data-testid="compare" role="region" aria-label={t("webCompareTitle", { old: oldName })}>
      <MessageBarBody>
        <MessageBarTitle>{t("webCompareTitle", { old: oldName })}</MessageBarTitle>
        {unchanged(c) ? (
          <div data-testid="compare-same">{t("webCompareSame")}</div>
        ) : (
          <>
            {lines.map((l, i) => (
              <div key={i}>{l}</div>
            ))}
            <div>{c.cells.length ? t("webCompareCells", { count: c.cells.length }) : t("webCompareNoCells")}</div>
            {c.cells.length > 0 && (
              <ul className={styles.list}>
                {c.cells.map((x, i) => (
                  <li key={i} className={styles.item} data-testid="compare-cell">
                    {describeCell(x, lang)}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <div data-testid="compare-findings">
          {t("webCompareFindings", { resolved: c.resolved.length, added: c.added.length, remaining: c.remaining.length })}
        </div>
        {(["resolved", "added"] as const).map((kind) =>
          c[kind].length ? (
            <div key={kind}>
              <span className={styles.muted}>{t(kind === "resolved" ? "webCompareResolved" : "webCompareAdded")}</span>
              <ul className={styles.list}>
                {c[kind].map((f, i) => (
                  <li key={i} className={styles.item} data-testid={`compare-${kind}`}>
                    {findingText(f, lang)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null,
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={onClose} data-testid="compare-close">
          {t("webClose")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
