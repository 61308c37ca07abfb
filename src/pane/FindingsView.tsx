/**
 * 校验结果: counts per severity, then findings per severity and table. Info is folded by default (rules.md:
 * nothing to do). Clicking a finding selects its cell; a warning outside 附件2/3 takes a 审核说明.
 */
import { useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Analysis } from "../check/analyse";
import type { Finding, Severity } from "../engine/findings";
import { countBySeverity, SEVERITIES } from "../flows/severity";
import { severityLabel, tableLabel } from "../i18n";
import { canExplain } from "../app/actions";
import { TABLE_IDS } from "../templates/tables";
import type { TableId } from "../templates/schema";
import { useI18n } from "./i18nContext";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: {
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  error: { borderLeftColor: tokens.colorStatusDangerBorder2 },
  warning: { borderLeftColor: tokens.colorStatusWarningBorder2 },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  findingButton: {
    justifyContent: "flex-start",
    textAlign: "left",
    whiteSpace: "normal",
    fontWeight: tokens.fontWeightRegular,
    height: "auto",
    minWidth: 0,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, marginRight: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
  explanation: { color: tokens.colorNeutralForeground2, paddingLeft: tokens.spacingHorizontalXS },
  group: { marginBottom: tokens.spacingVerticalS },
  groupTitle: { margin: `${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  noteActions: { display: "flex", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

export interface FindingsViewProps {
  analysis: Analysis;
  /** The workbook was changed by the pane since this check. */
  stale: boolean;
  busy: boolean;
  onSelect(f: Finding): void;
  /** Resolves true when the note was saved. */
  onSaveNote(f: Finding, text: string): Promise<boolean>;
}

function findingKey(f: Finding): string {
  return `${f.rule}\u0000${f.sheet}\u0000${f.cell}`;
}

function byTable(findings: Finding[]): Array<[TableId | null, Finding[]]> {
  const order: Array<TableId | null> = [...TABLE_IDS, null];
  return order
    .map((id): [TableId | null, Finding[]] => [id, findings.filter((f) => (f.table ?? null) === id)])
    .filter(([, list]) => list.length > 0);
}

export function FindingsView({ analysis, stale, busy, onSelect, onSaveNote }: FindingsViewProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const counts = countBySeverity(analysis.findings);
  return (
    <section aria-labelledby="xzzf-findings-title">
      <h2 id="xzzf-findings-title" className={styles.groupTitle}>
        {t("findingsTitle")}
      </h2>
      {analysis.tables.length === 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("findingsNoTables")}</MessageBarBody>
        </MessageBar>
      )}
      {stale && (
        <MessageBar intent="info">
          <MessageBarBody>{t("staleHint")}</MessageBarBody>
        </MessageBar>
      )}
      <Text as="p">{t("findingsSummary", { total: analysis.findings.length, ...counts })}</Text>
      <Accordion multiple collapsible defaultOpenItems={["error", "warning"]}>
        {SEVERITIES.map((sev) => {
          const list = analysis.findings.filter((f) => f.severity === sev);
          return (
            <AccordionItem key={sev} value={sev}>
              <AccordionHeader as="h3">
                <span className={styles.header}>
                  {severityLabel(sev, lang)}
                  <Badge appearance="tint" color={BADGE_COLOR[sev]} data-testid={`count-${sev}`}>
                    {counts[sev]}
                  </Badge>
                </span>
              </AccordionHeader>
              <AccordionPanel>
                {list.length === 0 ? (
                  <Text>{t("findingsNone")}</Text>
                ) : (
                  byTable(list).map(([table, items]) => (
                    <div key={table ?? "none"} className={styles.group}>
                      <h4 className={styles.groupTitle}>
                        {table ? tableLabel(table, lang) : t("acrossTables")}（{items.length}）
                      </h4>
                      <ul className={styles.list}>
                        {items.map((f, i) => (
                          <FindingItem key={`${findingKey(f)}\u0000${i}`} finding={f} busy={busy} onSelect={onSelect} onSaveNote={onSaveNote} />
                        ))}
                      </ul>
                    </div>
                  ))
                )}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}

interface FindingItemProps {
  finding: Finding;
  busy: boolean;
  onSelect(f: Finding): void;
  onSaveNote(f: Finding, text: string): Promise<boolean>;
}

function FindingItem({ finding: f, busy, onSelect, onSaveNote }: FindingItemProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  // The click is taken on the row so the whole row answers it; the button inside makes it keyboard reachable.
  return (
    <li
      data-testid="finding"
      data-rule={f.rule}
      data-severity={f.severity}
      data-sheet={f.sheet}
      data-cell={f.cell}
      className={`${styles.item} ${styles[f.severity]}`}
      onClick={() => onSelect(f)}
    >
      <Button appearance="subtle" size="small" className={styles.findingButton} title={t("goToCell", { sheet: f.sheet, cell: f.cell })}>
        <span>
          <span className={styles.cell}>
            {f.sheet}!{f.cell}
          </span>
          {lang === "zh" ? f.message : f.messageEn}
        </span>
      </Button>
      {f.explanation && (
        <Text size={200} className={styles.explanation} data-testid="finding-explanation">
          {t("noteTitle")}：{f.explanation}
        </Text>
      )}
      {canExplain(f) && <NoteEditor finding={f} busy={busy} onSave={onSaveNote} />}
    </li>
  );
}

function NoteEditor({ finding, busy, onSave }: { finding: Finding; busy: boolean; onSave(f: Finding, text: string): Promise<boolean> }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(finding.explanation ?? "");
  const where = `${finding.sheet}!${finding.cell}`;
  const label = finding.explanation ? t("noteEdit") : t("noteAdd");
  return (
    // Typing or clicking in the editor must not also select the cell.
    <div onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      {!open ? (
        <Button
          size="small"
          appearance="transparent"
          aria-label={`${label} ${where}`}
          onClick={() => {
            setText(finding.explanation ?? "");
            setOpen(true);
          }}
        >
          {label}
        </Button>
      ) : (
        <>
          <Field label={t("noteFieldLabel", { cell: where })} hint={t("noteHint")}>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" data-testid="note-input" />
          </Field>
          <div className={styles.noteActions}>
            <Button
              size="small"
              appearance="primary"
              disabled={busy}
              data-testid="note-save"
              onClick={async () => {
                if (await onSave(finding, text)) setOpen(false);
              }}
            >
              {t("noteSave")}
            </Button>
            <Button size="small" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
