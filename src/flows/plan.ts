/**
 * What a flow hands a host: values to write and cells to mark. The flows make these from a snapshot
 * and the engine's findings; every host (host/types.ts) carries them out, so they live down here,
 * below the hosts.
 */
import type { Severity } from "../engine/findings";

/** A value to put in a cell. `null` empties it. */
export interface CellWrite {
  sheet: string;
  /** A1 address of a single cell (the top-left of a merged area). */
  address: string;
  value: string | number | null;
  /** An Excel number format to set with the value (e.g. `0.00%`). */
  numberFormat?: string;
  /** A formula instead of a value (starts with `=`). */
  formula?: string;
}

/** A finding shown in place: a fill per severity, and the message as a note or comment where supported. */
export interface CellMark {
  sheet: string;
  address: string;
  severity: Severity;
  message: string;
}

/** Fill colours per severity, shared by every host so a marked workbook looks the same everywhere. */
export const MARK_FILLS: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};
