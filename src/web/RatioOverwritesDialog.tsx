/**
 * The question 下载已填同比副本 asks when ratio cells already hold something else. Loaded only when
 * it is needed: Fluent's dialog is not part of the page's first visit.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles } from "@fluentui/react-components";
import type { RatioPlanItem } from "../flows/ratios";
import { translator } from "../i18n";

const t = translator("zh");

const useStyles = makeStyles({
  overwrites: { margin: 0, paddingLeft: "20px", maxHeight: "40vh", overflow: "auto" },
});

export interface RatioOverwritesDialogProps {
  overwrites: readonly RatioPlanItem[];
  /** true: overwrite them; false: keep them and fill only empty cells. */
  onDecide(overwrite: boolean): void;
  onCancel(): void;
}

export default function RatioOverwritesDialog({ overwrites, onDecide, onCancel }: RatioOverwritesDialogProps) {
  const styles = useStyles();
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby="xzzf-overwrites" data-testid="ratio-overwrites">
        <DialogBody>
          <DialogTitle>{t("webOverwritesTitle")}</DialogTitle>
          <DialogContent id="xzzf-overwrites">
            <p>{t("webOverwritesBody", { n: overwrites.length })}</p>
            <ul className={styles.overwrites}>
              {overwrites.map((i) => (
                <li key={`${i.sheet}!${i.cell}`}>
                  {i.sheet}!{i.cell} {i.category}：“{i.old === null ? "" : String(i.old)}” → “{i.next ?? t("webOverwriteCleared")}”
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onDecide(true)}>
              {t("webOverwriteAll")}
            </Button>
            <Button onClick={() => onDecide(false)}>{t("webOverwriteKeep")}</Button>
            <Button appearance="subtle" onClick={onCancel}>
              {t("cancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
