/**
 * The ring list on the left: filters (level, minimum score, country), sort, pages of rings
 * as buttons showing level, score, size, countries and refunded value. Reloads from the API
 * when a filter changes; tells the app which ring was opened.
 */
import type { RingSummary } from "../../../wire/wire-types.ts";
import type { Api, RingQuery } from "../api/api-client.ts";
import { el, replaceChildren } from "./dom.ts";
import { readRingFilters, ringFilterForm } from "./ring-filters.ts";
import { formatInt, formatShare, formatValue } from "./format.ts";

const PAGE = 50;

export interface RingListDeps {
  api: Api;
  onOpen(ringId: string): void;
  onError(error: unknown): void;
}

export interface RingList {
  reload(): Promise<void>;
  setActive(ringId: string | null): void;
}

export function levelBadge(level: string): HTMLElement {
  return el("span", { className: `badge level-${level}` }, level.toUpperCase());
}

function ringItem(ring: RingSummary, onOpen: (id: string) => void): HTMLLIElement {
  const countries =
    ring.countries.length > 4 ? `${ring.countries.slice(0, 4).join(" ")} +${ring.countries.length - 4}` : ring.countries.join(" ");
  const button = el(
    "button",
    { className: "ring-item", attrs: { type: "button", "data-ring": ring.id }, on: { click: () => onOpen(ring.id) } },
    el(
      "span",
      { className: "ring-line" },
      levelBadge(ring.level),
      el("strong", { className: "ring-id" }, ring.id),
      el("span", { className: "score", attrs: { title: "Risk score out of 100" } }, String(Math.round(ring.score))),
    ),
    el(
      "span",
      { className: "ring-meta" },
      `${formatInt(ring.size)} accounts · ${countries || "no country"} · ${formatValue(ring.refundValue)} refunded`,
      ring.insiderCount > 0 ? ` · ${ring.insiderCount} insider${ring.insiderCount > 1 ? "s" : ""}` : "",
      ` · ${formatShare(ring.noReturnShare)} not returned`,
    ),
  );
  return el("li", null, button);
}

export function createRingList(root: HTMLElement, deps: RingListDeps): RingList {
  const form = ringFilterForm(() => {
    offset = 0;
    void reload();
  });
  const summary = el("p", { className: "list-summary", attrs: { "aria-live": "polite" } });
  const list = el("ol", { className: "ring-list", attrs: { id: "ring-list", "aria-label": "Rings", tabindex: "-1" } });
  const prev = el("button", { attrs: { type: "button" }, on: { click: () => page(-1) } }, "← Previous");
  const next = el("button", { attrs: { type: "button" }, on: { click: () => page(1) } }, "Next →");
  root.append(form, summary, list, el("div", { className: "pager" }, prev, next));

  let offset = 0;
  let active: string | null = null;
  let sequence = 0;

  function page(direction: number) {
    offset = Math.max(0, offset + direction * PAGE);
    void reload();
  }

  function markActive() {
    for (const button of list.querySelectorAll<HTMLButtonElement>("button[data-ring]")) {
      if (button.dataset.ring === active) button.setAttribute("aria-current", "true");
      else button.removeAttribute("aria-current");
    }
  }

  async function reload(): Promise<void> {
    const mine = ++sequence;
    const query: RingQuery = { ...readRingFilters(form), limit: PAGE, offset };
    summary.textContent = "Loading rings…";
    try {
      const result = await deps.api.rings(query);
      if (mine !== sequence) return;
      replaceChildren(list, ...result.rings.map((ring) => ringItem(ring, deps.onOpen)));
      const last = Math.min(result.offset + result.rings.length, result.total);
      summary.textContent =
        result.total === 0
          ? "No ring matches these filters."
          : `Rings ${formatInt(result.offset + 1)}–${formatInt(last)} of ${formatInt(result.total)}`;
      prev.disabled = result.offset === 0;
      next.disabled = last >= result.total;
      markActive();
    } catch (error) {
      if (mine !== sequence) return;
      summary.textContent = "Rings could not be loaded.";
      deps.onError(error);
    }
  }

  return {
    reload,
    setActive(ringId) {
      active = ringId;
      markActive();
    },
  };
}
