/**
 * Why a ring is a ring: its summary, the reasons behind its score each with a bar for its
 * contribution, the suspected insiders and why, the hubs its members share, the rings it is
 * linked to (the bridge of a split), the accounts attached to it but not members, and the member
 * list. Buttons let the analyst find an insider or a member on the graph without a mouse.
 */
import type { RingDetail } from "../../../wire/wire-types.ts";
import { nodeKey } from "../graph/data-graph.ts";
import { el } from "./dom.ts";
import { formatInt, formatNumber, formatShare, formatValue } from "./format.ts";
import { levelBadge } from "./ring-list.ts";

export interface ExplanationDeps {
  onFocusNode(key: string): void;
  onOpenRing(id: string): void;
  /** Opens a node's own neighbourhood (attached accounts are not on the ring's graph). */
  onOpenNode(key: string): void;
  /** The label a node has on the canvas, when it is there (hub ids are normalised keys). */
  labelOf(key: string): string | null;
}

function reasonRow(reason: RingDetail["reasons"][number], max: number): HTMLLIElement {
  const width = max > 0 && reason.contribution > 0 ? Math.max(2, (100 * reason.contribution) / max) : 0;
  const fill = el("span", { className: "bar-fill" });
  fill.style.width = `${width.toFixed(1)}%`;
  return el(
    "li",
    { className: "reason" },
    el("span", { className: "reason-label" }, reason.label),
    el("span", { className: "reason-points" }, `+${formatNumber(reason.contribution)}`),
    el("span", { className: "bar", attrs: { "aria-hidden": "true" } }, fill),
  );
}

function insiderRow(insider: RingDetail["insiders"][number], deps: ExplanationDeps): HTMLLIElement {
  const key = nodeKey("Employee", insider.employeeId);
  return el(
    "li",
    { className: "insider" },
    el(
      "button",
      { className: "link", attrs: { type: "button" }, on: { click: () => deps.onFocusNode(key) } },
      insider.name ?? insider.employeeId,
    ),
    insider.name ? el("span", { className: "muted" }, ` ${insider.employeeId}`) : null,
    el("p", null, insider.reason),
    el(
      "p",
      { className: "muted" },
      `${formatShare(insider.share)} of the ring's approvals vs ${formatShare(insider.baseline)} overall (×${formatNumber(insider.lift)}) · `,
      `${formatInt(insider.approvals)} approvals · ${formatInt(insider.noReturnApprovals)} without return`,
    ),
  );
}

function membersTable(detail: RingDetail, deps: ExplanationDeps): HTMLDetailsElement {
  const rows = detail.members.map((m) =>
    el(
      "tr",
      null,
      el(
        "td",
        null,
        el(
          "button",
          { className: "link", attrs: { type: "button" }, on: { click: () => deps.onFocusNode(nodeKey("Account", m.id)) } },
          m.id,
        ),
      ),
      el("td", null, m.name ?? "—"),
      el("td", null, m.country ?? "—"),
      el("td", { className: "num" }, formatInt(m.refundCount)),
      el("td", { className: "num" }, formatValue(m.refundValue)),
    ),
  );
  return el(
    "details",
    { className: "members" },
    el("summary", null, `Members (${formatInt(detail.members.length)})`),
    el(
      "table",
      null,
      el(
        "thead",
        null,
        el("tr", null, ...["Account", "Name", "Country", "Refunds", "Value"].map((h) => el("th", { attrs: { scope: "col" } }, h))),
      ),
      el("tbody", null, ...rows),
    ),
  );
}

/** @example panel.append(renderRingExplanation(await api.ring("R1"), { onFocusNode })) */
export function renderRingExplanation(detail: RingDetail, deps: ExplanationDeps): HTMLElement {
  const max = Math.max(0, ...detail.reasons.map((r) => r.contribution));
  const reasons = [...detail.reasons].sort((a, b) => b.contribution - a.contribution);
  return el(
    "section",
    { className: "ring-explanation", attrs: { "aria-label": `Ring ${detail.id}` } },
    el(
      "h2",
      null,
      levelBadge(detail.level),
      ` Ring ${detail.id} `,
      el("span", { className: "score-big" }, `${Math.round(detail.score)}/100`),
    ),
    el(
      "p",
      { className: "ring-facts" },
      `${formatInt(detail.size)} accounts in ${detail.countries.length} ${detail.countries.length === 1 ? "country" : "countries"} (${detail.countries.join(", ") || "unknown"}); `,
      `${formatInt(detail.refundCount)} refunds worth ${formatValue(detail.refundValue)}, ${formatShare(detail.noReturnShare)} never returned.`,
    ),
    el("h3", null, "Why this score"),
    reasons.length
      ? el("ol", { className: "reasons" }, ...reasons.map((r) => reasonRow(r, max)))
      : el("p", { className: "muted" }, "No reasons recorded."),
    el("h3", null, `Suspected insiders (${detail.insiders.length})`),
    detail.insiders.length
      ? el("ul", { className: "insiders" }, ...detail.insiders.map((i) => insiderRow(i, deps)))
      : el("p", { className: "muted" }, "No support employee stands out."),
    detail.hubs.length ? el("h3", null, "Shared hubs") : null,
    detail.hubs.length
      ? el(
          "ul",
          { className: "hubs" },
          ...detail.hubs.map((h) =>
            el(
              "li",
              null,
              el(
                "button",
                {
                  className: "link",
                  attrs: { type: "button" },
                  on: { click: () => deps.onFocusNode(nodeKey(h.nodeType, h.identifierId)) },
                },
                `${h.nodeType === h.kind ? h.kind : `${h.nodeType} (in support contacts)`} ${deps.labelOf(nodeKey(h.nodeType, h.identifierId)) ?? h.identifierId}`,
              ),
              ` — used by ${formatInt(h.members)} members and ${formatInt(h.accounts)} accounts overall`,
            ),
          ),
        )
      : null,
    linkedRings(detail, deps),
    attachedAccounts(detail, deps),
    membersTable(detail, deps),
  );
}

/** "Linked to R-… via device …": the other ring opens, the bridging identifier is found on the graph. */
function linkedRings(detail: RingDetail, deps: ExplanationDeps): HTMLElement | null {
  if (detail.links.length === 0) return null;
  return el(
    "section",
    { className: "ring-links" },
    el("h3", null, `Linked rings (${detail.links.length})`),
    el(
      "ul",
      null,
      ...detail.links.map((link) =>
        el(
          "li",
          null,
          "linked to ",
          el("button", { className: "link", attrs: { type: "button" }, on: { click: () => deps.onOpenRing(link.ringId) } }, link.ringId),
          " via ",
          ...link.via.flatMap((v, i) => [
            i > 0 ? ", " : "",
            el(
              "button",
              { className: "link", attrs: { type: "button" }, on: { click: () => deps.onFocusNode(nodeKey(v.kind, v.identifierId)) } },
              `${v.kind.toLowerCase()} ${deps.labelOf(nodeKey(v.kind, v.identifierId)) ?? v.identifierId}`,
            ),
          ]),
        ),
      ),
    ),
  );
}

/** Accounts tied through one member only, without the ring's behaviour: shown with the reason, not counted. */
function attachedAccounts(detail: RingDetail, deps: ExplanationDeps): HTMLElement | null {
  if (detail.attached.length === 0) return null;
  return el(
    "section",
    { className: "ring-attached" },
    el("h3", null, `Attached, not members (${detail.attached.length})`),
    el(
      "ul",
      null,
      ...detail.attached.map((a) =>
        el(
          "li",
          null,
          el(
            "button",
            { className: "link", attrs: { type: "button" }, on: { click: () => deps.onOpenNode(nodeKey("Account", a.accountId)) } },
            a.accountId,
          ),
          ` — ${a.reason}`,
        ),
      ),
    ),
  );
}
