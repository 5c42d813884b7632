/**
 * Plain columns come from the graph description: what each input file feeds, converted to the
 * described type, and every property of the node kinds the files create (none left unset).
 */
import { describe, expect, it } from "vitest";
import { bareNode, columnsOf } from "../../server/ingest/copy-columns.ts";
import { GRAPH, type NodeKind } from "../../server/schema/graph-schema.ts";
import type { FileKind } from "../../server/ingest/file-specs.ts";

/** The node kinds to-entities builds from each file's own columns. */
const FED: [NodeKind, FileKind][] = [
  ["Account", "accounts"],
  ["Employee", "employees"],
  ["Address", "addresses"],
  ["Device", "devices"],
  ["Payment", "payments"],
  ["Refund", "refunds"],
];

describe("columns copied from the graph description", () => {
  it("gives each described property its column's value in its type, or null, or its default", () => {
    expect(columnsOf("Device", "devices", { device_id: "d1", ip: "10.0.0.1", user_agent: null })).toEqual({
      ip: "10.0.0.1",
      userAgent: null,
    });
    const refund = columnsOf("Refund", "refunds", {
      amount: 12.5,
      requested_at: 1_700_000_000_000,
      returned: false,
      status: null,
      item: 42,
    });
    expect(refund).toMatchObject({
      amount: 12.5,
      requestedAt: 1_700_000_000_000,
      returned: false,
      status: "approved",
      item: "42",
      orderId: null,
    });
    expect(columnsOf("Refund", "refunds", { requested_at: "2024-01-01", returned: "yes" })).toMatchObject({
      requestedAt: null,
      returned: null,
    });
  });

  it.each(FED)("fills every property of %s from %s.csv", (kind, file) => {
    const stored = Object.keys(GRAPH.nodes[kind].properties);
    expect(Object.keys(columnsOf(kind, file, {}))).toEqual(stored);
  });

  it("makes a node known only by its key with every property empty", () => {
    expect(bareNode("Payment", "tok_1")).toEqual({ id: "tok_1", type: null, last4: null });
  });
});
