/**
 * Test-only (imported by src/classic/*.test.ts, never by the pane): the classic pane mounted over a
 * real OfficeHost on the fake Excel, and the small waits the tests share.
 */
import { configure, screen, waitFor } from "@testing-library/dom";
import userEvent from "@testing-library/user-event";
import type { WorkbookReader } from "../app/actions";
import { OfficeHost } from "../host/office/officeHost";
import { FakeWorkbook } from "../../tests/helpers/fakeExcel";
import { mountClassic, type ClassicPane } from "./pane";
export { expectedMarkFills, fills } from "../../tests/helpers/markFills";

// Two busy CI cores: a check may take more than testing-library's default second.
configure({ asyncUtilTimeout: 15000 });

let mounted: Array<{ pane: ClassicPane; root: HTMLElement }> = [];

export interface Mounted {
  host: OfficeHost;
  user: ReturnType<typeof userEvent.setup>;
  root: HTMLElement;
  pane: ClassicPane;
}

export function mountOn(
  book: FakeWorkbook,
  opts: { lang?: "zh" | "en"; submission?: boolean; readWorkbook?: WorkbookReader; host?: OfficeHost } = {},
): Mounted {
  const host = opts.host ?? new OfficeHost({ run: book.run, isSetSupported: book.isSetSupported, createWorkbook: book.createWorkbook });
  const root = document.createElement("div");
  root.id = "root";
  document.body.appendChild(root);
  const pane = mountClassic(root, host, {
    lang: opts.lang,
    readWorkbook: opts.readWorkbook,
    onSubmissionCopy: opts.submission ? () => host.submissionCopy() : undefined,
  });
  mounted.push({ pane, root });
  return { host, user: userEvent.setup(), root, pane };
}

/** Unmounts everything the test mounted; call from afterEach. */
export function unmountAll(): void {
  for (const m of mounted) {
    m.pane.destroy();
    if (m.root.parentNode) m.root.parentNode.removeChild(m.root);
  }
  mounted = [];
  localStorage.clear();
}

export async function idle(): Promise<void> {
  await waitFor(() => expect(screen.queryByTestId("busy")).toBeNull());
}

/** Round trips of one click, from the click to the pane being idle again. */
export async function clickCost(book: FakeWorkbook, user: Mounted["user"], testId: string): Promise<number> {
  const before = book.syncCount;
  await user.click(screen.getByTestId(testId));
  await waitFor(() => expect((screen.getByTestId(testId) as HTMLButtonElement).disabled).toBe(false));
  await idle();
  return book.syncCount - before;
}

export function notice(): HTMLElement {
  return screen.getByTestId("notice");
}

export async function noticeSaying(text: string | RegExp): Promise<HTMLElement> {
  return waitFor(() => {
    const n = screen.getByTestId("notice");
    const s = n.textContent ?? "";
    if (typeof text === "string" ? !s.includes(text) : !text.test(s)) throw new Error(`notice says: ${s}`);
    return n;
  });
}

export function rowsWith(testId: string, attr: string, value: string): HTMLElement[] {
  return screen.queryAllByTestId(testId).filter((r) => r.getAttribute(attr) === value);
}
