/**
 * The case file: one printable page (the browser's print makes the PDF) with what a fraud team
 * hands to law enforcement: the ring's summary and reasons, its case and history, members,
 * the identifiers they share, a refunds timeline (requests per month), insiders with their
 * reasons and the graph image. Built from the API's answers alone; text only, never HTML.
 */
import type { CaseView, RingDetail, WireGraph } from "../../../wire/wire-types.ts";
import { el } from "./dom.ts";
import { formatDate, formatInt, formatNumber, formatShare, formatValue } from "./format.ts";

const IDENTIFIER_TYPES = new Set(["Address", "Device", "Email", "Phone", "Payment", "IP"]);

const table = (head: string[], rows: (string | number)[][]) =>
  el(
    "table",
    { className: "case-file-table" },
    el("thead", null, el("tr", null, ...head.map((h) => el("th", { attrs: { scope: "col" } }, h)))),
    el("tbody", null, ...rows.map((r) => el("tr", null, ...r.map((c) => el("td", null, String(c)))))),
  );

/** Identifiers on the ring's graph used by two or more members, most shared first. */
export function sharedIdentifiers(wire: WireGraph): { type: string; id: string; members: number }[] {
  const byKey = new Map(wire.nodes.map((n) => [n.key, n.attributes]));
  const members = new Map<string, Set<string>>();
  for (const e of wire.edges) {
    const [account, other] = byKey.get(e.source)?.type === "Account" ? [e.source, e.target] : [e.target, e.source];
    const node = byKey.get(other);
    if (!node || !IDENTIFIER_TYPES.has(String(node.type)) || byKey.get(account)?.type !== "Account") continue;
    const set = members.get(other) ?? new Set<string>();
    set.add(account);
    members.set(other, set);
  }
  return [...members]
    .filter(([, set]) => set.size >= 2)
    .map(([key, set]) => ({
      type: String(byKey.get(key)!.type),
      id: String(byKey.get(key)!.label ?? byKey.get(key)!.id),
      members: set.size,
    }))
    .sort((a, b) => b.members - a.members || a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
}

/** Refund requests per month (`2024-03`), in order, with the refunds themselves by date. */
export function refundTimeline(wire: WireGraph) {
  const refunds = wire.nodes
    .filter((n) => n.attributes.type === "Refund")
    .map((n) => ({ id: n.attributes.id, p: n.attributes.properties ?? {} }))
    .sort((a, b) => String(a.p.requestedAt ?? "").localeCompare(String(b.p.requestedAt ?? "")));
  const months = new Map<string, number>();
  for (const r of refunds) {
    const month = r.p.requestedAt ? formatDate(r.p.requestedAt).slice(0, 7) : "undated";
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  return { refunds, months: [...months] };
}

function histogram(months: [string, number][]): HTMLElement {
  const max = Math.max(1, ...months.map(([, n]) => n));
  return el(
    "div",
    { className: "case-file-histogram", attrs: { role: "img", "aria-label": months.map(([m, n]) => `${m}: ${n}`).join(", ") } },
    ...months.map(([month, n]) => {
      const bar = el("span", { className: "bar-fill" });
      bar.style.height = `${((100 * n) / max).toFixed(1)}%`;
      return el(
        "div",
        { className: "month" },
        el("span", { className: "count" }, String(n)),
        el("span", { className: "column" }, bar),
        el("span", null, month),
      );
    }),
  );
}

function historyRows(view: CaseView | null): (string | number)[][] {
  return (view?.history ?? []).map((h) => [
    h.at.slice(0, 16).replace("T", " "),
    h.actor,
    h.action,
    JSON.stringify(h.before ?? ""),
    JSON.stringify(h.after ?? ""),
    h.note ?? "",
  ]);
}

export function renderCaseFile(ring: RingDetail, wire: WireGraph, image: string | null, onClose: () => void): HTMLElement {
  const shared = sharedIdentifiers(wire);
  const { refunds, months } = refundTimeline(wire);
  return el(
    "article",
    { className: "case-file", attrs: { "data-ring": ring.id } },
    el(
      "div",
      { className: "case-file-actions no-print" },
      el("button", { attrs: { type: "button" }, on: { click: () => window.print() } }, "Print / save as PDF"),
      el("button", { className: "close", attrs: { type: "button" }, on: { click: onClose } }, "Close"),
    ),
    el("h1", null, `Case file: ring ${ring.id}`),
    el(
      "p",
      { className: "case-file-summary" },
      `${ring.level.toUpperCase()} risk, score ${Math.round(ring.score)}/100 · ${formatInt(ring.size)} accounts in ${ring.countries.join(", ") || "no country"} · ${formatInt(ring.refundCount)} refunds worth ${formatValue(ring.refundValue)}, ${formatShare(ring.noReturnShare)} never returned · generated ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    ),
    el(
      "section",
      null,
      el("h2", null, "Case"),
      ring.case
        ? el(
            "p",
            null,
            `${ring.case.id}: ${ring.case.status}${ring.case.assignee ? `, assigned to ${ring.case.assignee}` : ""}; opened ${ring.case.openedAt.slice(0, 10)}`,
          )
        : el("p", null, "No case opened."),
    ),
    el(
      "section",
      null,
      el("h2", null, "Why this ring"),
      table(
        ["Reason", "Value", "Points"],
        ring.reasons.map((r) => [r.label, formatNumber(r.value), `+${formatNumber(r.contribution)}`]),
      ),
    ),
    el(
      "section",
      null,
      el("h2", null, "Members"),
      table(
        ["Account", "Name", "Country", "Opened", "Refunds", "Refunded"],
        ring.members.map((m) => [
          m.id,
          m.name ?? "—",
          m.country ?? "—",
          m.createdAt ? formatDate(m.createdAt) : "—",
          m.refundCount,
          formatValue(m.refundValue),
        ]),
      ),
    ),
    el(
      "section",
      { className: "case-file-shared" },
      el("h2", null, "Shared identifiers"),
      shared.length
        ? table(
            ["Kind", "Identifier", "Members"],
            shared.map((s) => [s.type, s.id, s.members]),
          )
        : el("p", null, "None on the ring's graph."),
    ),
    el(
      "section",
      { className: "case-file-timeline" },
      el("h2", null, "Refunds timeline"),
      histogram(months),
      table(
        ["Requested", "Refund", "Item", "Amount", "Returned"],
        refunds.map((r) => [
          r.p.requestedAt ? formatDate(r.p.requestedAt) : "—",
          r.id,
          String(r.p.item ?? "—"),
          `${formatNumber(Number(r.p.amount ?? 0))} ${String(r.p.currency ?? "")}`,
          r.p.returned === true ? "yes" : r.p.returned === false ? "no" : "—",
        ]),
      ),
    ),
    el(
      "section",
      null,
      el("h2", null, "Suspected insiders"),
      ring.insiders.length
        ? table(
            ["Employee", "Name", "Share", "Lift", "Reason"],
            ring.insiders.map((i) => [i.employeeId, i.name ?? "—", formatShare(i.share), formatNumber(i.lift), i.reason]),
          )
        : el("p", null, "None."),
    ),
    el(
      "section",
      { className: "case-file-graph" },
      el("h2", null, "Graph"),
      image ? el("img", { attrs: { src: image, alt: `The graph of ring ${ring.id}` } }) : el("p", null, "No graph image."),
    ),
    el(
      "section",
      { className: "case-file-history" },
      el("h2", null, "Case history"),
      ring.case
        ? table(["When (UTC)", "Who", "What", "Before", "After", "Note"], historyRows(ring.case))
        : el("p", null, "No case history."),
    ),
  );
}
