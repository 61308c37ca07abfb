/** The page's hosts of an .xlsx file, and how they are opened: types both webHost.ts and snapshotHost.ts use. */
import type { WorkbookHost } from "../host/types";

/** What the page needs of a host that holds an .xlsx file (ExcelJSHost and SnapshotHost have all of it). */
export interface FileHost extends WorkbookHost {
  toBytes(): Promise<Uint8Array>;
  /** The workbook as it is to be submitted: no marks, notes, state or report sheets. */
  submissionCopy(): Promise<Uint8Array>;
}

/** Opens workbooks with ExcelJS, for downloads; tests may pass their own. */
export interface HostFactory {
  fromBytes(bytes: Uint8Array): Promise<FileHost>;
  /** A workbook with no sheets, to replay the sample's changes on. */
  empty(): Promise<FileHost>;
}
