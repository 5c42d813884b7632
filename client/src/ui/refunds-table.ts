/**
 * The refunds found in a node's neighbourhood, as a table sorted by amount: item, category,
 * amount, whether it came back, when it was requested. Unreturned refunds are flagged in text
 * as well as colour.
 */
import type { WireGraph } from "../../../wire/wire-types.ts";
import { el } from "./dom.ts";
import { formatCell, formatDate, formatNumber } from "./format.ts";

const SHOWN = 50;

export function refundsTable(wire: WireGraph): HTMLElement {
  const refunds = wire.nodes
    .filter((n) => n.attributes.type === "Refund")
    .map((n) => ({ id: n.attributes.id, p: n.attributes.properties ?? {} }))
    .sort((a, b) => Number(b.p.amount ?? 0) - Number(a.p.amount ?? 0));
  if (refunds.length === 0) return el("p", { className: "muted" }, "No refunds.");
  const rows = refunds
    .slice(0, SHOWN)
    .map(({ id, p }) =>
      el(
        "tr",
        { className: p.returned === false ? "not-returned" : "" },
        el("td", null, formatCell(p.item ?? id), p.category ? el("span", { className: "muted" }, ` ${formatCell(p.category)}`) : null),
        el("td", { className: "num" }, `${formatNumber(Number(p.amount ?? 0))} ${formatCell(p.currency ?? "")}`),
        el("td", null, p.returned === true ? "returned" : p.returned === false ? "not returned" : "—"),
        el("td", null, p.requestedAt ? formatDate(p.requestedAt) : "—"),
      ),
    );
  return el(
    "div",
    null,
    el(
      "table",
      { className: "refund-table" },
      el("thead", null, el("tr", null, ...["Item", "Amount", "Return", "Requested"].map((h) => el("th", { attrs: { scope: "col" } }, h)))),
      el("tbody", null, ...rows),
    ),
    refunds.length > SHOWN ? el("p", { className: "muted" }, `${refunds.length - SHOWN} more not shown.`) : null,
  );
}
