/** 识别: which of 附件2–5 were found, on which sheet and range, for which year, and what is wrong with their frame. */
import {
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
import type { Analysis } from "../check/analyse";
import { tableLabel } from "../i18n";
import { TABLE_IDS } from "../templates/tables";
import { useI18n } from "./i18nContext";

const useStyles = makeStyles({
  title: { margin: `${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  cell: { fontFamily: tokens.fontFamilyMonospace },
});

export function TablesView({ analysis }: { analysis: Analysis }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const found = new Set(analysis.tables.map((x) => x.id));
  const missing = TABLE_IDS.filter((id) => !found.has(id));
  const problems = analysis.tables.flatMap((x) => x.problems.map((p) => ({ ...p, sheet: x.sheet, table: x.id })));
  return (
    <section aria-labelledby="xzzf-tables-title">
      <h2 id="xzzf-tables-title" className={styles.title}>
        {t("tablesTitle")}
      </h2>
      {analysis.tables.length === 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t("tablesNone")}</MessageBarBody>
        </MessageBar>
      ) : (
        <Table size="small" aria-labelledby="xzzf-tables-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("colTable")}</TableHeaderCell>
              <TableHeaderCell>{t("colSheet")}</TableHeaderCell>
              <TableHeaderCell>{t("colRange")}</TableHeaderCell>
              <TableHeaderCell>{t("colYear")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {analysis.tables.map((x) => (
              <TableRow key={`${x.sheet}!${x.range}`} data-testid="recognised-table" data-table={x.id}>
                <TableCell>{tableLabel(x.id, lang)}</TableCell>
                <TableCell>{x.sheet}</TableCell>
                <TableCell className={styles.cell}>{x.range}</TableCell>
                <TableCell>{x.year ?? t("yearUnknown")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {missing.length > 0 && analysis.tables.length > 0 && (
        <Text as="p">{t("tablesMissing", { names: missing.map((id) => tableLabel(id, lang)).join("、") })}</Text>
      )}
      {analysis.tables.length > 0 && <h3 className={styles.title}>{t("layoutProblems")}</h3>}
      {analysis.tables.length === 0 ? null : problems.length === 0 ? (
        <Text as="p">{t("layoutOk")}</Text>
      ) : (
        <ul className={styles.list}>
          {problems.map((p, i) => (
            <li key={i} data-testid="layout-problem">
              <span className={styles.cell}>
                {p.sheet}!{p.cell}
              </span>{" "}
              {lang === "zh" ? p.message : p.messageEn}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
