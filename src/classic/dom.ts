/**
 * The few DOM helpers the classic pane is built with. Everything goes through createElement and
 * textContent: workbook text is hostile and Trident ignores the page's CSP, so markup is never parsed
 * from strings. Only DOM members IE11 has are used here (none of ChildNode's or ParentNode's newer methods).
 */

export type Child = Node | string | number | null | undefined | false;

export interface Attrs {
  [name: string]: string | number | boolean | null | undefined;
}

/**
 * An element with attributes and children. `false`/`null` attributes are left out, `true` ones are
 * present and empty; properties that differ from attributes (`value`, `checked`) are set by the caller.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null = null, children: Child[] | Child = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (attrs) {
    for (const name in attrs) {
      if (!Object.prototype.hasOwnProperty.call(attrs, name)) continue;
      const v = attrs[name];
      if (v === null || v === undefined || v === false) continue;
      node.setAttribute(name, v === true ? "" : String(v));
    }
  }
  add(node, children);
  return node;
}

/** Appends children; strings become text nodes (never markup). */
export function add(parent: Node, children: Child[] | Child): void {
  const list = Array.isArray(children) ? children : [children];
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

/** Empties a node child by child: IE11 lacks the newer one-call way. */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function on<K extends keyof HTMLElementEventMap>(node: HTMLElement, type: K, handler: (e: HTMLElementEventMap[K]) => void): void {
  node.addEventListener(type, handler as EventListener, false);
}

/** Enter or Space, for elements that act like buttons without being one. IE11 reports Space as "Spacebar". */
export function isActivationKey(e: KeyboardEvent): boolean {
  return e.key === "Enter" || e.key === " " || e.key === "Spacebar";
}

/** Escape; IE11 and EdgeHTML report it as "Esc". */
export function isEscapeKey(e: KeyboardEvent): boolean {
  return e.key === "Escape" || e.key === "Esc" || e.keyCode === 27;
}

/** Elements under `root` (itself included) whose attribute equals `value`, compared as strings so no selector is built from workbook text. */
export function findByAttr(root: Element, name: string, value: string): HTMLElement | null {
  if (root.getAttribute(name) === value) return root as HTMLElement;
  const all = root.getElementsByTagName("*");
  for (let i = 0; i < all.length; i++) if (all[i].getAttribute(name) === value) return all[i] as HTMLElement;
  return null;
}

/** The nearest ancestor-or-self carrying the attribute, stopping at `stop` (IE11 lacks Element's own ancestor search). */
export function ancestorWithAttr(node: Node | null, name: string, stop: Node): HTMLElement | null {
  let n: Node | null = node;
  while (n && n !== stop) {
    if (n.nodeType === 1 && (n as Element).hasAttribute(name)) return n as HTMLElement;
    n = n.parentNode;
  }
  return null;
}

/** The focused element, or null; IE11 throws "Unspecified error" reading it in a frame where nothing has focus. */
export function activeElement(): Element | null {
  try {
    const a = document.activeElement;
    return a && a !== document.body && a !== document.documentElement ? a : null;
  } catch {
    return null;
  }
}

let styleInstalled: HTMLStyleElement | null = null;

/** Adds the stylesheet once per document. IE11's <style> takes its text through styleSheet.cssText. */
export function installStyles(css: string): void {
  if (styleInstalled && styleInstalled.parentNode) return;
  const style = document.createElement("style");
  style.setAttribute("type", "text/css");
  style.setAttribute("data-xzzf-classic", "");
  const head = document.getElementsByTagName("head")[0] || document.documentElement;
  head.appendChild(style);
  const legacy = (style as HTMLStyleElement & { styleSheet?: { cssText: string } }).styleSheet;
  if (legacy) legacy.cssText = css;
  else style.appendChild(document.createTextNode(css));
  styleInstalled = style;
}

let idCounter = 0;

/** A document-unique id for label/aria wiring (React's useId in the modern pane). */
export function uniqueId(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
