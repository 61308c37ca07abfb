/**
 * 校验结果: counts per severity, then findings per severity and table. Info is folded by default (rules.md:
 * nothing to do). Clicking a finding selects its cell; a warning outside 附件2/3 takes a 审核说明.
 * A finding on the 工作报告's body shows its sentence, the figure emphasised, under the message (whose
 * own copy of that quote is then left out). The sentence is the document's text: text nodes only.
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
import type { BodyQuote, Finding, Severity } from "../engine/findings";
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
  quote: { color: tokens.colorNeutralForeground2, paddingLeft: tokens.spacingHorizontalXS, overflowWrap: "anywhere" },
  quoteWhere: { marginRight: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground3 },
  figure: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Characters of the sentence shown around its figure; the rest is cut with `…`. */
const QUOTE_MAX = 80;

/**
 * The sentence cut to about QUOTE_MAX characters around the figure, more of what comes before it (the
 * words that name the figure stand there): [before, figure, after], `…` where cut.
 */
export function quoteParts(q: BodyQuote, max = QUOTE_MAX): [string, string, string] {
  const start = Math.max(0, Math.min(q.start, q.sentence.length));
  const end = Math.min(q.sentence.length, start + q.figure.length);
  const before = q.sentence.slice(0, start);
  const figure = q.sentence.slice(start, end);
  const after = q.sentence.slice(end);
  if (q.sentence.length <= max) return [before, figure, after];
  const room = Math.max(0, max - figure.length);
  const beforeLen = Math.min(before.length, Math.max(room - after.length, Math.ceil((room * 2) / 3)));
  const afterLen = Math.min(after.length, room - beforeLen);
  return [
    beforeLen < before.length ? `…${before.slice(before.length - beforeLen)}` : before,
    figure,
    afterLen < after.length ? `${after.slice(0, afterLen)}…` : after,
  ];
}

/**
 * The message without the place and quote it starts with (`第3段「…【589万余元】…」：`, `Paragraph 3: `),
 * which the quote line shows; the message as it is when it does not start so.
 */
export function messageWithoutQuote(message: string, q: BodyQuote, lang: "zh" | "en"): string {
  if (lang === "en") {
    const head = `Paragraph ${q.paragraph}: `;
    return message.indexOf(head) === 0 ? message.slice(head.length) : message;
  }
  const head = `第${q.paragraph}段「`;
  if (message.indexOf(head) !== 0) return message;
  const marked = message.indexOf(`【${q.figure}】`, head.length);
  const close = marked < 0 ? -1 : message.indexOf("」：", marked);
  return close < 0 ? message : message.slice(close + 2);
}

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
  return order.map((id): [TableId | null, Finding[]] => [id, findings.filter((f) => (f.table ?? null) === id)]).filter(([, list]) => list.length > 0);
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
          {f.quote ? messageWithoutQuote(lang === "zh" ? f.message : f.messageEn, f.quote, lang) : lang === "zh" ? f.message : f.messageEn}
        </span>
      </Button>
      {f.quote && <QuoteLine quote={f.quote} />}
      {f.explanation && (
        <Text size={200} className={styles.explanation} data-testid="finding-explanation">
          {t("noteTitle")}：{f.explanation}
        </Text>
      )}
      {canExplain(f) && <NoteEditor finding={f} busy={busy} onSave={onSaveNote} />}
    </li>
  );
}

function QuoteLine({ quote }: { quote: BodyQuote }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [before, figure, after] = quoteParts(quote);
  return (
    <Text size={200} className={styles.quote} data-testid="finding-quote">
      <span className={styles.quoteWhere}>{t("quoteParagraph", { n: quote.paragraph })}</span>「{before}
      <mark className={styles.figure}>{figure}</mark>
      {after}」
    </Text>
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
