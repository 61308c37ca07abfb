/**
 * The "pane" chunk's entry, called by boot.ts once it knows where it runs. Inside Excel the pane works
 * on the open workbook through Office.js; on the web page the shell (src/web) opens a file and renders
 * the same Pane. Each side loads only its own host code.
 */
import { createRoot } from "react-dom/client";
import type { WorkbookHost } from "../host/types";
import { Pane } from "../pane/Pane";

function failure(err: unknown) {
  return <p role="alert">页面加载失败，请关闭后重新打开。The pane failed to load; please reopen it. ({err instanceof Error ? err.message : String(err)})</p>;
}

export async function mount(root: HTMLElement, mode: "excel" | "web"): Promise<void> {
  const reactRoot = createRoot(root);
  try {
    if (mode === "excel") {
      const { OfficeHost } = await import(/* webpackChunkName: "office-host" */ "../host/office/officeHost");
      const host: WorkbookHost = new OfficeHost();
      // The Office host answers what it made (a new workbook, or sheets to move); the pane words it.
      const copy = typeof host.submissionCopy === "function" ? () => host.submissionCopy?.() : undefined;
      reactRoot.render(<Pane host={host} mode="excel" onSubmissionCopy={copy} />);
    } else {
      const { default: WebApp } = await import(/* webpackChunkName: "web" */ "../web/WebPage");
      reactRoot.render(<WebApp />);
    }
  } catch (err) {
    // boot.ts does not wait for mount: a failed chunk load must still reach the user.
    reactRoot.render(failure(err));
  }
}
