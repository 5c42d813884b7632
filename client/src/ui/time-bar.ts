/**
 * The time bar of a ring (as Bloom's slicer): a histogram of its refund requests per day, and
 * a window chosen by dragging across it (or typing the two dates); the window is handed to
 * the app, which hides what falls outside it on the graph and in the tables. Announces the
 * window on its root (`data-window="2024-03-10..2024-03-11"`, empty when cleared).
 */
import { el, replaceChildren } from "./dom.ts";

export interface TimeWindow {
  /** Inclusive, epoch millis at the start of the first day and the end of the last. */
  from: number;
  to: number;
}

export interface TimeBar {
  /** The request times of the ring's refunds; null hides the bar (not a ring view). */
  setTimes(times: number[] | null): void;
}

const DAY = 86_400_000;
const dayOf = (t: number) => Math.floor(t / DAY) * DAY;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

export function createTimeBar(root: HTMLElement, onWindow: (window: TimeWindow | null) => void): TimeBar {
  let days: number[] = [];
  const from = el("input", { attrs: { type: "date", name: "from", "aria-label": "From" } });
  const to = el("input", { attrs: { type: "date", name: "to", "aria-label": "To" } });
  const bars = el("div", { className: "time-bars", attrs: { role: "img" } });

  const apply = (window: TimeWindow | null) => {
    root.setAttribute("data-window", window ? `${iso(window.from)}..${iso(window.to)}` : "");
    from.value = window ? iso(window.from) : "";
    to.value = window ? iso(window.to) : "";
    for (const bar of bars.children) {
      const day = Number((bar as HTMLElement).dataset.day);
      bar.classList.toggle("outside", window !== null && (day < window.from || day > window.to));
    }
    onWindow(window);
  };
  const typed = () => {
    const a = Date.parse(from.value);
    const b = Date.parse(to.value);
    if (Number.isNaN(a) || Number.isNaN(b)) return;
    apply({ from: Math.min(a, b), to: Math.max(a, b) + DAY - 1 });
  };
  from.addEventListener("change", typed);
  to.addEventListener("change", typed);

  // Brushing: press on one day, release on another; the window spans both.
  let pressed: number | null = null;
  const dayAt = (event: PointerEvent) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>("[data-day]");
    return target ? Number(target.dataset.day) : null;
  };
  bars.addEventListener("pointerdown", (event) => {
    pressed = dayAt(event);
    if (pressed !== null) bars.setPointerCapture?.(event.pointerId);
  });
  bars.addEventListener("pointerup", (event) => {
    const target = document.elementFromPoint(event.clientX, event.clientY)?.closest<HTMLElement>("[data-day]");
    const released = target ? Number(target.dataset.day) : pressed;
    if (pressed !== null && released !== null) apply({ from: Math.min(pressed, released), to: Math.max(pressed, released) + DAY - 1 });
    pressed = null;
  });

  root.append(
    el(
      "div",
      { className: "time-head" },
      el("strong", null, "Refunds over time"),
      from,
      to,
      el("button", { attrs: { type: "button" }, on: { click: () => apply(null) } }, "All time"),
    ),
    bars,
  );
  return {
    setTimes(times) {
      root.hidden = times === null || times.length === 0;
      if (!times || times.length === 0) {
        days = [];
        replaceChildren(bars);
        root.setAttribute("data-window", "");
        return;
      }
      const counts = new Map<number, number>();
      for (const t of times) counts.set(dayOf(t), (counts.get(dayOf(t)) ?? 0) + 1);
      const first = Math.min(...counts.keys());
      const last = Math.max(...counts.keys());
      days = [];
      for (let d = first; d <= last && days.length < 730; d += DAY) days.push(d);
      const max = Math.max(...counts.values());
      bars.setAttribute("aria-label", `Refund requests per day, ${iso(first)} to ${iso(last)}`);
      replaceChildren(
        bars,
        ...days.map((d) => {
          const fill = el("span", { className: "bar-fill" });
          fill.style.height = `${((100 * (counts.get(d) ?? 0)) / max).toFixed(1)}%`;
          return el("span", { className: "time-day", attrs: { "data-day": d, title: `${iso(d)}: ${counts.get(d) ?? 0} requests` } }, fill);
        }),
      );
      from.min = to.min = iso(first);
      from.max = to.max = iso(last);
      root.setAttribute("data-window", "");
      from.value = "";
      to.value = "";
    },
  };
}

/** Keys of the ring graph's nodes outside the window: refunds requested outside it, and accounts with no refund inside it. */
export function outsideWindow(
  nodes: { key: string; attributes: { type: string; properties?: Record<string, unknown> } }[],
  edges: { source: string; target: string }[],
  window: TimeWindow | null,
): Set<string> {
  const hidden = new Set<string>();
  if (!window) return hidden;
  const kind = new Map(nodes.map((n) => [n.key, n.attributes.type]));
  const kept = new Set<string>();
  for (const n of nodes) {
    if (n.attributes.type !== "Refund") continue;
    const at = Date.parse(String(n.attributes.properties?.requestedAt ?? ""));
    if (Number.isNaN(at) || at < window.from || at > window.to) hidden.add(n.key);
  }
  for (const e of edges) {
    for (const [a, b] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const) {
      if (kind.get(a) === "Account" && kind.get(b) === "Refund" && !hidden.has(b)) kept.add(a);
    }
  }
  for (const n of nodes) if (n.attributes.type === "Account" && !kept.has(n.key)) hidden.add(n.key);
  return hidden;
}
