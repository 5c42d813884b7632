/**
 * Text search in the header: asks the API as the analyst types (after a pause) and lists
 * hits — accounts, devices, employees, addresses, rings — as buttons. Enter picks the first
 * hit, arrow keys move through them, Escape closes the list. The results carry aria-busy from
 * a keystroke until the latest search has been answered and shown.
 */
import type { SearchHit } from "../../../wire/wire-types.ts";
import type { Api } from "../api/api-client.ts";
import { el, replaceChildren } from "./dom.ts";

export interface SearchDeps {
  api: Api;
  onPick(hit: SearchHit): void;
  onOpenRing(ringId: string): void;
  onError(error: unknown): void;
}

function hitRow(hit: SearchHit, deps: SearchDeps, close: () => void): HTMLLIElement {
  const pick = el(
    "button",
    {
      className: "hit",
      attrs: { type: "button" },
      on: {
        click: () => {
          close();
          deps.onPick(hit);
        },
      },
    },
    el("span", { className: `kind kind-${hit.type}` }, hit.type),
    el("span", { className: "hit-label" }, hit.label),
    hit.label !== hit.id ? el("span", { className: "hit-id" }, hit.id) : null,
  );
  const ringId = hit.ringId;
  const ring = ringId
    ? el(
        "button",
        {
          className: "hit-ring",
          attrs: { type: "button", title: `Open ring ${ringId}` },
          on: {
            click: () => {
              close();
              deps.onOpenRing(ringId);
            },
          },
        },
        `ring ${ringId}`,
      )
    : null;
  return el("li", null, pick, ring);
}

export function createSearchBox(form: HTMLFormElement, input: HTMLInputElement, results: HTMLElement, deps: SearchDeps): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sequence = 0;
  let hits: SearchHit[] = [];

  const close = () => {
    results.hidden = true;
    input.setAttribute("aria-expanded", "false");
  };
  const buttons = () => [...results.querySelectorAll<HTMLButtonElement>("button.hit")];

  async function run(query: string): Promise<void> {
    const mine = ++sequence;
    if (query.trim().length < 2) {
      results.removeAttribute("aria-busy");
      return close();
    }
    results.setAttribute("aria-busy", "true");
    try {
      const found = (await deps.api.search(query.trim(), 20)).hits;
      if (mine !== sequence) return;
      hits = found;
      const rows = hits.map((hit) => hitRow(hit, deps, close));
      replaceChildren(
        results,
        rows.length ? el("ul", { attrs: { "aria-label": "Search results" } }, ...rows) : el("p", { className: "empty" }, "Nothing found."),
      );
      results.hidden = false;
      input.setAttribute("aria-expanded", "true");
    } catch (error) {
      if (mine === sequence) deps.onError(error);
    } finally {
      // Only the latest search says it is done; an older one answering late changes nothing.
      if (mine === sequence) results.removeAttribute("aria-busy");
    }
  }

  input.setAttribute("aria-controls", results.id);
  input.setAttribute("aria-expanded", "false");
  input.addEventListener("input", () => {
    clearTimeout(timer);
    // A keystroke outdates any search still in flight; the list is busy from here, through the
    // pause and the request, until this text's hits are shown.
    sequence++;
    results.setAttribute("aria-busy", "true");
    timer = setTimeout(() => void run(input.value), 250);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(input.value).then(() => {
      const first = hits[0];
      if (first && !results.hidden) {
        close();
        deps.onPick(first);
      }
    });
  });
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      close();
      input.focus();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const list = buttons();
    if (list.length === 0) return;
    event.preventDefault();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === "ArrowDown" ? Math.min(at + 1, list.length - 1) : at - 1;
    if (next < 0) input.focus();
    else list[next]!.focus();
  });
  document.addEventListener("click", (event) => {
    if (!form.contains(event.target as Node)) close();
  });
}
