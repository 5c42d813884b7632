/**
 * The one way the viewer builds DOM: elements whose text is set with textContent, never
 * innerHTML, so data such as `<img src=x onerror=…>` is shown as those characters.
 * No data flows into attributes that execute (href, on*, style strings).
 */

type Child = Node | string | number | null | undefined | false;

export interface ElOptions {
  className?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

/**
 * Creates an element with text children appended as text nodes.
 * @example el("button", { className: "link", on: { click: open } }, "Ring ", ring.id)
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElOptions | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options?.className) node.className = options.className;
  for (const [name, value] of Object.entries(options?.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const [name, handler] of Object.entries(options?.on ?? {})) {
    node.addEventListener(name, handler as EventListener);
  }
  append(node, children);
  return node;
}

/** Appends children, turning strings and numbers into text nodes. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** Looks up an element of the page shell by id; a missing one is a bug in index.html. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`viewer: element #${id} is missing from index.html`);
  return node as T;
}
