/**
 * Deep links: `/?ring=ID` opens a ring, `/?node=TYPE:ID` a node's neighbourhood, anything
 * else the home view. Views are pushed with history.pushState so the browser's back and
 * forward buttons walk through them (the controller listens to popstate).
 */

export type View = { kind: "home" } | { kind: "ring"; id: string } | { kind: "node"; key: string } | { kind: "query"; name: string };

/** `?ring=R1` → { kind: "ring", id: "R1" }. */
export function parseView(search: string): View {
  const params = new URLSearchParams(search);
  const ring = params.get("ring");
  if (ring) return { kind: "ring", id: ring };
  const node = params.get("node");
  if (node && node.indexOf(":") > 0) return { kind: "node", key: node };
  return { kind: "home" };
}

/** The address of a view; query views have none of their own and keep the current one. */
export function viewUrl(view: View): string | null {
  switch (view.kind) {
    case "home":
      return "/";
    case "ring":
      return `/?ring=${encodeURIComponent(view.id)}`;
    case "node":
      return `/?node=${encodeURIComponent(view.key)}`;
    case "query":
      return null;
  }
}

/** The name `window.__ringlens.view` reports. */
export function viewName(view: View): string {
  switch (view.kind) {
    case "home":
      return "home";
    case "ring":
      return `ring:${view.id}`;
    case "node":
      return `node:${view.key}`;
    case "query":
      return `query:${view.name}`;
  }
}

export function pushView(view: View): void {
  const target = viewUrl(view);
  if (target === null) return;
  if (`${location.pathname}${location.search}` === target) return;
  history.pushState(null, "", target);
}

/** @returns a function removing the listener. */
export function onPopView(handler: (view: View) => void): () => void {
  const listener = () => handler(parseView(location.search));
  window.addEventListener("popstate", listener);
  return () => window.removeEventListener("popstate", listener);
}
