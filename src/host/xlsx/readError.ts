/**
 * The error a reader throws for a file it cannot read: its code and the sentences to show. Apart from
 * the sentences themselves (errors.ts), so a face that only needs to tell the error apart does not
 * carry every reader message in its first screen.
 */
import { UserError } from "../../errors";

export type WorkbookReadErrorCode =
  | "empty"
  | "not-zip"
  | "encrypted"
  | "xls"
  | "csv"
  | "other-format"
  | "too-large"
  | "corrupt"
  | "no-sheets"
  | "too-many-sheets"
  // the report (.docx) reader, src/host/docx
  | "doc"
  | "not-docx"
  | "is-workbook"
  | "docx-no-tables"
  | "docx-table-images";

export class WorkbookReadError extends UserError {
  declare readonly code: WorkbookReadErrorCode;
  /** The file the error is about, when the caller told the reader (`opts.file`). */
  file?: string;
  /** Why a `corrupt` file is damaged, alone, so that another reader (the .docx one) can word its own sentence around it. */
  reason?: { zh: string; en: string };

  constructor(code: WorkbookReadErrorCode, message: string, messageEn: string, file?: string) {
    super(code, message, messageEn);
    this.name = "WorkbookReadError";
    if (file !== undefined) this.file = file;
  }
}
