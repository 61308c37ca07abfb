/** The classic pane's controls: native elements only, so keyboard and screen readers work in IE11 without help. */
import { add, el, on, uniqueId, type Attrs, type Child } from "./dom";
import type { ViewContext } from "./state";

/** The attribute by which a render finds the element to give focus back to. */
export const FOCUS_KEY = "data-key";

export interface ButtonOptions {
  testid?: string;
  /** Focus key; defaults to the test id. */
  key?: string;
  primary?: boolean;
  small?: boolean;
  disabled?: boolean;
  pressed?: boolean;
  title?: string;
  ariaLabel?: string;
  lang?: string;
  className?: string;
}

export function button(content: Child[] | Child, opts: ButtonOptions, onClick: (e: MouseEvent) => void): HTMLButtonElement {
  const cls = opts.className ?? ["xc-btn", opts.primary ? "xc-btn-primary" : "", opts.small ? "xc-btn-small" : ""].join(" ").replace(/\s+/g, " ").trim();
  const attrs: Attrs = {
    type: "button",
    class: cls,
    "data-testid": opts.testid,
    [FOCUS_KEY]: opts.key ?? opts.testid,
    title: opts.title,
    "aria-label": opts.ariaLabel,
    lang: opts.lang,
  };
  if (opts.pressed !== undefined) attrs["aria-pressed"] = opts.pressed ? "true" : "false";
  const b = el("button", attrs, content);
  b.disabled = !!opts.disabled;
  on(b, "click", (e) => {
    if (!b.disabled) onClick(e);
  });
  return b;
}

/**
 * A heading whose button opens and closes a panel (IE11 has no <details>). A closed panel is not
 * built at all, as in the modern pane's accordion.
 */
export function fold(ctx: ViewContext, opts: { key: string; heading: "h2" | "h3"; testid?: string; header: Child[] }, panel: () => Child[]): HTMLElement {
  const isOpen = ctx.state.open.has(opts.key);
  const panelId = uniqueId("xc-panel");
  const toggle = el(
    "button",
    { type: "button", class: "xc-fold", "aria-expanded": isOpen ? "true" : "false", "aria-controls": isOpen ? panelId : null, [FOCUS_KEY]: `fold:${opts.key}` },
    [el("span", { class: "xc-fold-mark", "aria-hidden": "true" }, isOpen ? "▾" : "▸")],
  );
  add(toggle, opts.header);
  on(toggle, "click", () => {
    if (ctx.state.open.has(opts.key)) ctx.state.open.delete(opts.key);
    else ctx.state.open.add(opts.key);
    ctx.update();
  });
  const wrap = el("div", { class: "xc-section", "data-testid": opts.testid }, [el(opts.heading, null, [toggle])]);
  if (isOpen) wrap.appendChild(el("div", { id: panelId, class: "xc-panel" }, panel()));
  return wrap;
}

/** An inline message inside a view (the modern pane's MessageBar without actions). */
export function message(text: string, intent: "warning" | "info", attrs: Attrs = {}): HTMLElement {
  return el("div", { ...attrs, class: `xc-message xc-message-${intent}` }, text);
}

/** A labelled text field; the typed text goes to `onInput` without a re-render, so typing is never interrupted. */
export function field(opts: {
  label: string;
  value: string;
  testid: string;
  type?: "text" | "number";
  required?: boolean;
  hint?: string;
  short?: boolean;
  suffix?: string;
  onInput(v: string): void;
}): HTMLElement {
  const id = uniqueId("xc-field");
  const hintId = opts.hint ? `${id}-hint` : null;
  const input = el("input", {
    id,
    type: opts.type ?? "text",
    class: opts.short ? "xc-input xc-input-short" : "xc-input",
    "data-testid": opts.testid,
    [FOCUS_KEY]: opts.testid,
    "aria-describedby": hintId,
    "aria-required": opts.required ? "true" : null,
    autocomplete: "off",
  });
  input.value = opts.value;
  const push = () => opts.onInput(input.value);
  // IE11 fires `input` on text fields but not always on number fields; `change` and `keyup` cover it.
  on(input, "input", push);
  on(input, "change", push);
  on(input, "keyup", push);
  return el("div", { class: "xc-field" }, [
    el("label", { class: "xc-label", for: id }, opts.required ? [opts.label, el("span", { "aria-hidden": "true" }, " *")] : opts.label),
    input,
    opts.suffix ? el("span", { class: "xc-suffix", "aria-hidden": "true" }, opts.suffix) : null,
    hintId && opts.hint ? el("div", { id: hintId, class: "xc-hint" }, opts.hint) : null,
  ]);
}
