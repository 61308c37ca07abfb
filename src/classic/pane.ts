/**
 * The classic task pane: plain DOM for Excel 2016/2019 (Trident, IE11 engine) and EdgeHTML 18, where
 * React 19 and Fluent UI v9 do not run. Same actions, strings, engine and host as the modern pane
 * (Pane.tsx); only the view differs, and it keeps the modern pane's data-testids so the same tests
 * can drive both.
 *
 * Rendering is "rebuild from state": the region containers are made once (so live regions stay the
 * same elements for screen readers), their content is rebuilt after each change, and focus, caret and
 * scroll position are carried across by each control's data-key.
 */
import type { WorkbookReader } from "../app/actions";
import type { WorkbookHost } from "../host/types";
import { translator, type Lang } from "../i18n";
import { loadLang, loadTemplateDefaults, saveLang } from "../pane/storage";
import { actionsView, busyView, costsView, headerView, noticeView, reportAttachedView } from "./chrome";
import { confirmView } from "./confirmView";
import { createController } from "./controller";
import { activeElement, add, clear, el, findByAttr, installStyles, isEscapeKey, uniqueId } from "./dom";
import { findingsView } from "./findingsView";
import { importView } from "./importView";
import { settingsView } from "./settingsView";
import { initialState, type ClassicState, type Notice, type ViewContext } from "./state";
import { CLASSIC_CSS } from "./styles";
import { tablesView } from "./tablesView";
import { templatesView } from "./templatesView";
import { FOCUS_KEY } from "./widgets";

export interface ClassicOptions {
  /** The starting language; the user can switch. Default 中文. */
  lang?: Lang;
  /** 生成报送副本; without it the button is hidden. */
  onSubmissionCopy?: () => Promise<unknown> | void;
  /** Reads last year's .xlsx for 导入上年数; by default the xlsx readers, loaded on demand. */
  readWorkbook?: WorkbookReader;
}

export interface ClassicPane {
  destroy(): void;
}

interface Regions {
  pane: HTMLElement;
  header: HTMLElement;
  actions: HTMLElement;
  status: HTMLElement;
  notice: HTMLElement;
  view: HTMLElement;
  sections: HTMLElement;
  confirm: HTMLElement;
}

function regions(titleId: string): Regions {
  const r: Regions = {
    // role="main" because IE11 knows no <main> element and would expose no landmark.
    pane: el("main", { class: "xc-pane", role: "main", "aria-labelledby": titleId }),
    header: el("div"),
    actions: el("div"),
    status: el("div", { class: "xc-status", "aria-live": "polite" }),
    notice: el("div", { "aria-live": "polite" }),
    view: el("div"),
    sections: el("div"),
    confirm: el("div"),
  };
  add(r.pane, [r.header, r.actions, r.status, r.notice, r.view, r.sections, r.confirm]);
  return r;
}

/** What to give focus back to after a rebuild, and the caret in it. */
interface FocusMemo {
  key: string | null;
  start: number | null;
  end: number | null;
}

function textSelection(node: Element): { start: number | null; end: number | null } {
  try {
    const f = node as HTMLInputElement;
    if (typeof f.selectionStart === "number") return { start: f.selectionStart, end: f.selectionEnd };
  } catch {
    // Number, checkbox and file inputs refuse selectionStart.
  }
  return { start: null, end: null };
}

export function mountClassic(root: HTMLElement, host: WorkbookHost, opts: ClassicOptions = {}): ClassicPane {
  installStyles(CLASSIC_CSS);
  const state: ClassicState = initialState(opts.lang ?? loadLang() ?? "zh", loadTemplateDefaults());
  const titleId = uniqueId("xc-pane-title");
  const r = regions(titleId);
  root.setAttribute("data-pane", "classic");
  clear(root);
  root.appendChild(r.pane);

  let destroyed = false;
  /** The control last focused in the pane, kept while focus is lost to a rebuild or a disabled button. */
  let remembered: FocusMemo = { key: null, start: null, end: null };
  let pendingFocus: string | null = null;
  let shownConfirm: unknown = null;
  let shownNotice: Notice | null = null;
  let shownBusy: string | null = null;
  let shownLang: Lang | null = null;

  const controller = createController(host, state, () => render(), opts);

  const context = (): ViewContext => ({
    state,
    t: translator(state.lang),
    lang: state.lang,
    isBusy: state.busy !== null,
    handlers: controller,
    update: () => render(),
    focusNext: (key: string) => {
      pendingFocus = key;
    },
  });

  const setLang = (lang: Lang) => {
    state.lang = lang;
    saveLang(lang);
    render();
  };

  function captureFocus(): void {
    const active = activeElement();
    if (active && r.pane.contains(active)) {
      const key = active.getAttribute(FOCUS_KEY);
      if (key) remembered = { key, ...textSelection(active) };
    } else if (active) {
      // Focus went somewhere outside the pane on purpose: do not pull it back.
      remembered = { key: null, start: null, end: null };
    }
  }

  function restoreFocus(confirmAppeared: boolean): void {
    let key: string | null = null;
    if (confirmAppeared) key = "confirm-overwrite";
    else if (pendingFocus) key = pendingFocus;
    else {
      // Only when the rebuild took focus away; never from something still focused.
      if (activeElement()) return;
      key = remembered.key;
    }
    pendingFocus = null;
    if (!key) return;
    const target = findByAttr(r.pane, FOCUS_KEY, key) as (HTMLElement & { disabled?: boolean }) | null;
    if (!target || target.disabled) return;
    target.focus();
    if (key === remembered.key && remembered.start !== null) {
      try {
        (target as HTMLInputElement).setSelectionRange(remembered.start, remembered.end ?? remembered.start);
      } catch {
        // Not a text field any more.
      }
    }
  }

  function render(): void {
    if (destroyed) return;
    captureFocus();
    const scroll = r.pane.scrollTop;
    const ctx = context();
    r.pane.setAttribute("lang", state.lang === "zh" ? "zh-CN" : "en");
    r.pane.setAttribute("aria-busy", ctx.isBusy ? "true" : "false");

    clear(r.header);
    r.header.appendChild(headerView(ctx, titleId, setLang));
    clear(r.actions);
    r.actions.appendChild(actionsView(ctx, controller, typeof opts.onSubmissionCopy === "function"));
    add(r.actions, reportAttachedView(ctx, controller));

    // Live regions are rebuilt only when what they say changed, so nothing is announced twice.
    if (shownBusy !== state.busy || shownLang !== state.lang) {
      clear(r.status);
      add(r.status, busyView(ctx));
    }
    if (shownNotice !== state.notice || shownLang !== state.lang) {
      clear(r.notice);
      if (state.notice)
        r.notice.appendChild(
          noticeView(ctx, state.notice, () => {
            state.notice = null;
            pendingFocus = "validate";
            render();
          }),
        );
    }
    shownBusy = state.busy;
    shownNotice = state.notice;
    shownLang = state.lang;

    clear(r.view);
    if (state.view === "findings" && state.analysis) r.view.appendChild(findingsView(ctx, state.analysis));
    else if (state.view === "tables" && state.recognised) r.view.appendChild(tablesView(ctx, state.recognised));
    else if (state.view === "templates") r.view.appendChild(templatesView(ctx));
    else if (state.view === "import") r.view.appendChild(importView(ctx));

    clear(r.sections);
    add(r.sections, [costsView(ctx, host.costs), settingsView(ctx)]);

    const confirmAppeared = state.confirm !== null && state.confirm !== shownConfirm;
    shownConfirm = state.confirm;
    clear(r.confirm);
    if (state.confirm) r.confirm.appendChild(confirmView(ctx, state.confirm));

    r.pane.scrollTop = scroll;
    restoreFocus(confirmAppeared);
  }

  const onKey = (e: KeyboardEvent) => {
    if (state.confirm && isEscapeKey(e)) {
      if (e.preventDefault) e.preventDefault();
      controller.answerConfirm(false);
    }
  };
  document.addEventListener("keydown", onKey, false);

  render();

  return {
    destroy() {
      if (destroyed) return;
      destroyed = true;
      document.removeEventListener("keydown", onKey, false);
      // An open question must not leave 计算同比 waiting forever.
      const pending = state.confirm;
      state.confirm = null;
      if (pending) pending.resolve(false);
      clear(root);
      root.removeAttribute("data-pane");
    },
  };
}
