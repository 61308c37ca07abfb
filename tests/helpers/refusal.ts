/** The WorkbookReadError a read throws; fails the test when the file was read instead, or failed otherwise. */
import { WorkbookReadError } from "../../src/host/xlsx/errors";

export function refusal(f: () => unknown): WorkbookReadError {
  try {
    f();
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error("the file was read, not refused");
}
