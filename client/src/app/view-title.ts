/**
 * The toolbar's title and note for a view: "Ring R1" with level, score and a truncation
 * warning; "Account A1 and its neighbours"; "Query: name". Pure text, no DOM.
 */
import type { RingDetail } from "../../../wire/wire-types.ts";
import { parseNodeKey } from "../graph/data-graph.ts";
import type { View } from "./router.ts";

const TRUNCATED = " · graph truncated by the server's limit";

export function describeView(view: View, ring: RingDetail | null, truncated = false): { title: string; note: string } {
  const cut = truncated ? TRUNCATED : "";
  switch (view.kind) {
    case "home":
      return { title: "No graph open", note: "" };
    case "ring":
      return {
        title: `Ring ${view.id}`,
        note: ring ? `${ring.level} risk · score ${Math.round(ring.score)} · ${ring.size} accounts${cut}` : cut.slice(3),
      };
    case "node": {
      const parsed = parseNodeKey(view.key);
      return { title: parsed ? `${parsed.kind} ${parsed.id} and its neighbours` : view.key, note: cut.slice(3) };
    }
    case "query":
      return { title: `Query: ${view.name}`, note: cut.slice(3) };
  }
}
