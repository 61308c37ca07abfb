/**
 * 导入上年数: pick last year's report, see what would happen to every prior-year cell, tick, write.
 * Fills are ticked by default; a conflict (the cell already says something else) only when the user ticks it.
 */
import { useId, type ChangeEvent } from "react";
import {
  Button,
  Checkbox,
  Label,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ImportPlan } from "../app/actions";
import { cellId, type PriorPreviewRow } from "../flows/importPrior";
import { attachmentLabel, type StringKey, tableLabel } from "../i18n";
import { shown } from "./display";
import { useI18n } from "./i18nContext";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { margin: `${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  picker: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  conflict: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  table: { tableLayout: "auto" },
});

const ACTION_KEYS: Record<PriorPreviewRow["action"], StringKey> = {
  fill: "actionFill",
  same: "actionSame",
  conflict: "actionConflict",
  missing: "actionMissing",
};

export interface ImportPriorViewProps {
  plan: ImportPlan | null;
  file: string | null;
  ticked: ReadonlySet<string>;
  busy: boolean;
  onFile(file: File): void;
  onTick(id: string, on: boolean): void;
  onApply(): void;
}

export function ImportPriorView({ plan, file, ticked, busy, onFile, onTick, onApply }: ImportPriorViewProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const inputId = useId();
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    // Picking the same file again after a fix must read it again.
    e.target.value = "";
    if (f) onFile(f);
  };
  const actionable = plan?.rows.filter((r) => r.action === "fill" || r.action === "conflict") ?? [];
  const chosen = actionable.filter((r) => ticked.has(cellId(r))).length;
  return (
    <section aria-labelledby="xzzf-import-title" className={styles.section}>
      <h2 id="xzzf-import-title" className={styles.title}>
        {t("importTitle")}
      </h2>
      <Text as="p">{t("importIntro")}</Text>
      <div className={styles.picker}>
        <Label htmlFor={inputId}>{t("importFileLabel")}</Label>
        <input
          id={inputId}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={onChange}
          data-testid="import-file"
        />
      </div>
      {file && <Text>{t("importFile", { file })}</Text>}
      {plan?.problems.map((p, i) => (
        <MessageBar key={i} intent="warning" data-testid="import-problem">
          <MessageBarBody>{p}</MessageBarBody>
        </MessageBar>
      ))}
      {plan && plan.rows.length === 0 && plan.problems.length === 0 && <Text as="p">{t("importNothing")}</Text>}
      {plan && plan.rows.length > 0 && (
        <>
          {plan.rows.some((r) => r.action === "conflict") && <Text as="p">{t("conflictHint")}</Text>}
          <Table size="small" aria-labelledby="xzzf-import-title" className={styles.table} data-testid="import-preview">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("colImport")}</TableHeaderCell>
                <TableHeaderCell>{t("colCategory")}</TableHeaderCell>
                <TableHeaderCell>{t("colLastYear")}</TableHeaderCell>
                <TableHeaderCell>{t("colNow")}</TableHeaderCell>
                <TableHeaderCell>{t("colAction")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {plan.rows.map((r) => {
                const id = cellId(r);
                const canTick = r.action === "fill" || r.action === "conflict";
                return (
                  <TableRow key={id} data-testid="import-row" data-action={r.action} data-cell={id}>
                    <TableCell>
                      {canTick && (
                        <Checkbox
                          checked={ticked.has(id)}
                          onChange={(_, d) => onTick(id, d.checked === true)}
                          aria-label={t("tickRow", { label: `${tableLabel(r.table, lang)} ${r.label}`, cell: id })}
                        />
                      )}
                    </TableCell>
                    <TableCell>
                      {attachmentLabel(r.table, lang)} {r.label}
                      {r.unit && (
                        <Text size={200} block>
                          {r.unit}
                        </Text>
                      )}
                      <Text size={200} block className={styles.cell}>
                        {id}
                      </Text>
                    </TableCell>
                    <TableCell>{shown(r.lastYear, t("emptyValue"))}</TableCell>
                    <TableCell>{shown(r.now, t("emptyValue"))}</TableCell>
                    <TableCell>
                      <span className={r.action === "conflict" ? styles.conflict : undefined}>{t(ACTION_KEYS[r.action])}</span>
                      {r.action === "conflict" && (
                        <Text size={200} block>
                          {t("conflictDetail", { old: shown(r.now, t("emptyValue")), next: shown(r.lastYear, t("emptyValue")) })}
                        </Text>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <div>
            <Button appearance="primary" disabled={busy || chosen === 0} onClick={onApply} data-testid="import-apply">
              {t("importApply", { n: chosen })}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
