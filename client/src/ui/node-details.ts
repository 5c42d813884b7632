/**
 * Details of the selected node: kind, label, marks, what it has to do with the open ring
 * (insider finding, hub use, member row), folded refunds, its properties and, for accounts
 * and employees, their refunds (fetched from the API). Actions: expand, open neighbourhood.
 */
import type { RingDetail, WireGraph } from "../../../wire/wire-types.ts";
import type { NodeData } from "../graph/data-graph.ts";
import { el } from "./dom.ts";
import { formatCell, formatDate, formatInt, formatNumber, formatShare, formatValue, plural } from "./format.ts";
import { refundsTable } from "./refunds-table.ts";

export interface NodeDetailsDeps {
  onExpand(key: string): void;
  onOpenNode(key: string): void;
  onOpenRing(ringId: string): void;
  loadNeighbours(key: string): Promise<WireGraph>;
}

function propertiesList(properties: Record<string, unknown>): HTMLElement {
  const entries = Object.entries(properties).filter(([, v]) => v !== null && v !== undefined && v !== "");
  if (entries.length === 0) return el("p", { className: "muted" }, "No properties.");
  return el(
    "dl",
    { className: "properties" },
    ...entries.flatMap(([key, value]) => [
      el("dt", null, key),
      el("dd", null, /At$/.test(key) || key === "at" || key === "firstSeen" || key === "lastSeen" ? formatDate(value) : formatCell(value)),
    ]),
  );
}

function ringContext(key: string, data: NodeData, ring: RingDetail | null): HTMLElement[] {
  if (!ring) return [];
  const notes: HTMLElement[] = [];
  const insider = ring.insiders.find((i) => i.employeeId === data.entityId && data.kind === "Employee");
  if (insider) {
    notes.push(
      el(
        "div",
        { className: "note note-insider" },
        el("strong", null, "Suspected insider in ring ", ring.id),
        el("p", null, insider.reason),
        el(
          "p",
          { className: "muted" },
          `${formatShare(insider.share)} of the ring's approvals vs ${formatShare(insider.baseline)} baseline (×${formatNumber(insider.lift)}), ${formatInt(insider.noReturnApprovals)} without return.`,
        ),
      ),
    );
  }
  const hub = ring.hubs.find((h) => `${h.nodeType}:${h.identifierId}` === key);
  if (hub)
    notes.push(
      el(
        "div",
        { className: "note note-hub" },
        el("strong", null, "Hub"),
        ` shared by ${formatInt(hub.accounts)} accounts overall, ${formatInt(hub.members)} of them in this ring; it does not link accounts by itself.`,
      ),
    );
  const member = data.kind === "Account" ? ring.members.find((m) => m.id === data.entityId) : undefined;
  if (member)
    notes.push(
      el(
        "div",
        { className: "note" },
        `Member of ring ${ring.id}: ${plural(member.refundCount, "refund")} worth ${formatValue(member.refundValue)}.`,
      ),
    );
  return notes;
}

function refundsSection(key: string, data: NodeData, deps: NodeDetailsDeps): HTMLElement | null {
  if (data.kind !== "Account" && data.kind !== "Employee") return null;
  const section = el(
    "section",
    { className: "refunds", attrs: { "aria-busy": "true" } },
    el("h3", null, "Refunds"),
    el("p", { className: "muted" }, "Loading refunds…"),
  );
  deps
    .loadNeighbours(key)
    .then(
      (wire) => section.replaceChildren(el("h3", null, "Refunds"), refundsTable(wire)),
      (error: unknown) =>
        section.replaceChildren(
          el("h3", null, "Refunds"),
          el("p", { className: "error" }, error instanceof Error ? error.message : String(error)),
        ),
    )
    .finally(() => section.removeAttribute("aria-busy"));
  return section;
}

/** @example details.append(renderNodeDetails("Account:A1", graph.getNodeAttributes("Account:A1"), ring, deps)) */
export function renderNodeDetails(key: string, data: NodeData, ring: RingDetail | null, deps: NodeDetailsDeps): HTMLElement {
  const marks = [data.insider && "suspected insider", data.hub && "hub", data.ringMember && "ring member"].filter(Boolean).join(" · ");
  return el(
    "section",
    { className: "node-details", attrs: { "aria-label": `${data.kind} ${data.label}` } },
    el(
      "h2",
      null,
      el("span", { className: `kind kind-${data.kind}` }, data.kind),
      " ",
      el("span", { className: "node-label" }, data.label),
    ),
    el("p", { className: "muted" }, `id ${data.entityId}`, marks ? ` · ${marks}` : ""),
    el(
      "div",
      { className: "actions" },
      el("button", { attrs: { type: "button" }, on: { click: () => deps.onExpand(key) } }, "Expand neighbours"),
      el("button", { attrs: { type: "button" }, on: { click: () => deps.onOpenNode(key) } }, "Open neighbourhood"),
      data.kind === "Ring"
        ? el("button", { attrs: { type: "button" }, on: { click: () => deps.onOpenRing(data.entityId) } }, "Open ring")
        : null,
    ),
    ...ringContext(key, data, ring),
    data.folded
      ? el(
          "p",
          { className: "note" },
          `${plural(data.folded.count, "refund")} folded into this account, worth ${formatValue(data.folded.value)}, ${formatInt(data.folded.noReturn)} without return.`,
        )
      : null,
    el("h3", null, "Properties"),
    propertiesList(data.properties),
    refundsSection(key, data, deps),
  );
}
