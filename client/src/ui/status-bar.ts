/**
 * The message line under the header: API and network errors (the server's own message,
 * as text) and short notices such as "12 nodes added". Dismissable; one message at a time.
 */
import { el, replaceChildren } from "./dom.ts";

export interface StatusBar {
  error(error: unknown): void;
  info(text: string): void;
  clear(): void;
}

export function createStatusBar(root: HTMLElement): StatusBar {
  const show = (kind: "error" | "info", text: string) => {
    root.className = `status status-${kind}`;
    root.setAttribute("role", kind === "error" ? "alert" : "status");
    replaceChildren(
      root,
      el("span", null, text),
      el(
        "button",
        { className: "dismiss", attrs: { type: "button", "aria-label": "Dismiss message" }, on: { click: () => (root.hidden = true) } },
        "×",
      ),
    );
    root.hidden = false;
  };
  return {
    error: (error) => show("error", error instanceof Error ? error.message : String(error)),
    info: (text) => show("info", text),
    clear: () => {
      root.hidden = true;
    },
  };
}
