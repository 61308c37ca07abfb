/** 插入模板: the year, unit and contact to put in the tables the workbook lacks. */
import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { tableLabel } from "../i18n";
import type { TableId } from "../templates/schema";
import { useI18n } from "./i18nContext";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { margin: `${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

export interface TemplateFields {
  year: string;
  unit: string;
  contact: string;
}

export interface TemplatesFormProps {
  fields: TemplateFields;
  onChange(fields: TemplateFields): void;
  /** Known once the workbook was read. */
  present: TableId[] | null;
  missing: TableId[] | null;
  busy: boolean;
  onInsert(): void;
}

export function TemplatesForm({ fields, onChange, present, missing, busy, onInsert }: TemplatesFormProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const names = (ids: TableId[]) => ids.map((id) => tableLabel(id, lang)).join("、");
  return (
    <section aria-labelledby="xzzf-templates-title">
      <h2 id="xzzf-templates-title" className={styles.title}>
        {t("templatesTitle")}
      </h2>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          onInsert();
        }}
      >
        <Text as="p">{t("templatesIntro")}</Text>
        {present && present.length > 0 && <Text as="p">{t("templatesPresent", { names: names(present) })}</Text>}
        {missing && missing.length > 0 && <Text as="p">{t("templatesMissing", { names: names(missing) })}</Text>}
        {missing && missing.length === 0 && <Text as="p">{t("templatesAllPresent")}</Text>}
        <Field label={t("yearLabel")} required>
          <Input
            type="number"
            inputMode="numeric"
            value={fields.year}
            onChange={(_, d) => onChange({ ...fields, year: d.value })}
            data-testid="template-year"
          />
        </Field>
        <Field label={t("unitLabel")}>
          <Input value={fields.unit} onChange={(_, d) => onChange({ ...fields, unit: d.value })} data-testid="template-unit" />
        </Field>
        <Field label={t("contactLabel")}>
          <Input value={fields.contact} onChange={(_, d) => onChange({ ...fields, contact: d.value })} data-testid="template-contact" />
        </Field>
        <div>
          <Button type="submit" appearance="primary" disabled={busy || (missing !== null && missing.length === 0)} data-testid="insert-templates-confirm">
            {t("templatesConfirm")}
          </Button>
        </div>
      </form>
    </section>
  );
}
