/**
 * The graph description against what it describes: the input contract's columns, the
 * defaults ingest applies, the identifier kinds the analysis links, the kinds the stores
 * upsert and the node types the API serves. Also: a broken description is refused, naming why.
 */
import { describe, expect, it } from "vitest";
import { GRAPH } from "../../server/schema/graph-schema.ts";
import { NODE_LABELS, REL_TYPES, graphSchema, nodeSpec, propertyDefault, relSpec, toGraphSchema } from "../../server/schema/graph-specs.ts";
import { loadedKinds, rowShape } from "../../server/schema/load-rows.ts";
import { FILE_SPECS, type FileKind } from "../../server/ingest/file-specs.ts";
import { toAddress, toRefund } from "../../server/ingest/to-entities.ts";
import { IDENTIFIER_KINDS } from "../../server/domain/model.ts";
import { UPSERT_ORDER } from "../../server/store/graph-store.ts";
import { NODE_TYPES } from "../../server/read-model/graph-reads.ts";

describe("the graph description", () => {
  it("names only columns of the input contract as sources", () => {
    const schema = graphSchema();
    const sources = [...schema.nodes, ...schema.rels].flatMap((t) => t.properties.flatMap((p) => p.source ?? []));
    const columns = sources.filter((s) => s.includes("."));
    expect(columns.length).toBeGreaterThan(30);
    for (const source of columns) {
      const [file, column] = source.split(".") as [FileKind, string];
      expect(
        FILE_SPECS[file]?.map((c) => c.name),
        source,
      ).toContain(column);
    }
  });

  it("gives the defaults ingest applies to an empty cell", () => {
    const refund = toRefund({ refund_id: "F1", account_id: "A1", amount: 5 });
    expect(refund.status).toBe(propertyDefault("Refund", "status"));
    expect(refund.currency).toBe(propertyDefault("Refund", "currency"));
    expect(toAddress({ account_id: "A1", line1: "1 Main St" }).shipsTo.type).toBe(
      relSpec("SHIPS_TO").properties.find((p) => p.name === "type")!.default,
    );
  });

  it("has a node kind and a relationship from Account for every identifier kind the analysis links", () => {
    for (const { label, rel } of IDENTIFIER_KINDS) {
      expect(nodeSpec(label).label).toBe(label);
      expect(relSpec(rel)).toMatchObject({ from: "Account", to: label });
    }
  });

  it("loads exactly the kinds the stores upsert, each with a key", () => {
    expect([...loadedKinds()].sort()).toEqual([...UPSERT_ORDER].sort());
    for (const kind of UPSERT_ORDER) expect(rowShape(kind).keyFields.length, kind).toBeGreaterThan(0);
    expect(
      rowShape("Refund")
        .fields.map((f) => f.name)
        .slice(0, 3),
    ).toEqual(["id", "accountId", "employeeId"]);
  });

  it("is where the API's node types and the store's counts come from", () => {
    const bookkeeping = ["Meta", "RingCase", "Audit", "Alert", "Watch"];
    expect(NODE_TYPES).toEqual(Object.keys(GRAPH.nodes).filter((k) => !bookkeeping.includes(k)));
    expect(NODE_LABELS).toBe(NODE_TYPES);
    expect(REL_TYPES).toEqual(Object.keys(GRAPH.rels));
  });

  it("gives a property name one type across node kinds (the embedded engine reads an unlabelled node's columns as one)", () => {
    // A STRING createdAt on one kind turned every Account.createdAt of a `(n)-[e]-(m)` read into text.
    const types = new Map<string, Set<string>>();
    for (const node of graphSchema().nodes)
      for (const property of node.properties) types.set(property.name, (types.get(property.name) ?? new Set()).add(property.type));
    const mixed = [...types].filter(([, t]) => t.size > 1).map(([name, t]) => `${name}: ${[...t].join(", ")}`);
    expect(mixed).toEqual([]);
  });

  it("refuses a description whose names do not meet, naming the problem", () => {
    const node = { key: "id", keySource: [], properties: {} };
    expect(() => toGraphSchema({ nodes: { A: node }, rels: { R: { from: "A", to: "B", properties: {} } } })).toThrow(
      /R ends at B, which is not a node kind/,
    );
    expect(() =>
      toGraphSchema({
        nodes: { A: node },
        rels: { R: { from: "A", to: "A", load: { fields: ["a", "b"], mergeOn: ["type"] }, properties: {} } },
      }),
    ).toThrow(/merged on type, which is not one of its properties/);
    expect(() => toGraphSchema({ nodes: { A: { ...node, indexes: ["email"] } }, rels: {} })).toThrow(/A indexes email/);
  });
});
