import { describe, expect, it } from "vitest";
import { nodeColumnsOf, plainFromColumns, relColumnsOf } from "../../server/read-model/graph-columns.ts";
import { nodeSpec } from "../../server/schema/graph-specs.ts";

describe("graph reads as columns", () => {
  it("names every property of the schema's node kind, the key first, and none for a relationship without any", () => {
    const columns = nodeColumnsOf("x", "Device");
    expect(columns.split(", ").map((c) => c.split(" AS ")[1])).toEqual(nodeSpec("Device").properties.map((p) => `x_${p.name}`));
    expect(columns.startsWith("x.id AS x_id")).toBe(true);
    expect(relColumnsOf("s", "USES")).toBe(", s.firstSeen AS s_firstSeen, s.lastSeen AS s_lastSeen");
    expect(relColumnsOf("q", "REQUESTED")).toBe("");
  });

  it("reads rows back as the nodes and relationships a whole-value read gives, nulls left out", () => {
    const rows = [
      { a_id: "A1", s_firstSeen: "2026-01-01T00:00:00.000Z", s_lastSeen: null, x_id: "D1", x_ip: "10.0.0.1", x_userAgent: null },
    ];
    const parts = plainFromColumns(
      rows,
      [
        { v: "a", label: "Account", keyOnly: true },
        { v: "x", label: "Device" },
      ],
      [{ v: "s", type: "USES", from: "a", to: "x" }],
    );
    expect(parts).toEqual([
      { _type: "node", label: "Device", id: "D1", properties: { id: "D1", ip: "10.0.0.1" } },
      { _type: "rel", type: "USES", source: "Account:A1", target: "Device:D1", properties: { firstSeen: "2026-01-01T00:00:00.000Z" } },
    ]);
  });

  it("leaves out what an OPTIONAL MATCH did not find, and the relationship to it", () => {
    const rows = [{ a_id: "A1", f_id: "F1", f_amount: 900, e_id: null, e_name: null }];
    const parts = plainFromColumns(
      rows,
      [
        { v: "a", label: "Account", keyOnly: true },
        { v: "f", label: "Refund" },
        { v: "e", label: "Employee" },
      ],
      [
        { v: "q", type: "REQUESTED", from: "a", to: "f" },
        { v: "p", type: "APPROVED", from: "e", to: "f" },
      ],
    );
    expect(parts.map((p) => (p._type === "node" ? `${p.label}:${p.id}` : `${p.source}-${p.type}->${p.target}`))).toEqual([
      "Refund:F1",
      "Account:A1-REQUESTED->Refund:F1",
    ]);
  });
});
