/**
 * Before 计算同比 replaces anything a clerk typed: every cell with its old and new content, and a way out.
 * The one overwrite question of both faces: the web page asks it for its 已填同比副本 too, where keeping
 * the typed cells (and filling only the empty ones) is a third answer.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { RatioPlanItem } from "../app/actions";
import { useI18n } from "./i18nContext";
import { shown } from "./display";

export interface RatioConfirmDialogProps {
  items: readonly RatioPlanItem[] | null;
  /** true: overwrite; false: cancel (nothing is written). */
  onAnswer(ok: boolean): void;
  /** Offers 保留原内容，只填空白: the typed cells are kept, the empty ones filled. */
  onKeep?: () => void;
  /** The writes go to a downloaded copy, not the open workbook: said in the question. */
  copyOnly?: boolean;
}

export function RatioConfirmDialog({ items, onAnswer, onKeep, copyOnly }: RatioConfirmDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog open={items !== null} modalType="alert" onOpenChange={(_, d) => !d.open && onAnswer(false)}>
      <DialogSurface data-testid="ratio-overwrites">
        <DialogBody>
          <DialogTitle>{t("confirmTitle")}</DialogTitle>
          <DialogContent>
            {copyOnly && <p>{t("confirmCopyOnly")}</p>}
            <p>{t("confirmBody", { n: items?.length ?? 0 })}</p>
            <Table size="small" aria-label={t("confirmTitle")} data-testid="overwrite-list">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t("colCell")}</TableHeaderCell>
                  <TableHeaderCell>{t("colCategory")}</TableHeaderCell>
                  <TableHeaderCell>{t("colOld")}</TableHeaderCell>
                  <TableHeaderCell>{t("colNew")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {(items ?? []).map((i) => (
                  <TableRow key={`${i.sheet}!${i.cell}`} data-testid="overwrite">
                    <TableCell>
                      {i.sheet}!{i.cell}
                    </TableCell>
                    <TableCell>{i.category}</TableCell>
                    <TableCell>{shown(i.old, t("emptyValue"))}</TableCell>
                    <TableCell>{shown(i.next, t("emptyValue"))}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)} data-testid="confirm-overwrite">
              {t("confirmOverwrite")}
            </Button>
            {onKeep && (
              <Button onClick={onKeep} data-testid="keep-overwrite">
                {t("confirmKeep")}
              </Button>
            )}
            <Button onClick={() => onAnswer(false)} data-testid="cancel-overwrite">
              {t("cancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
