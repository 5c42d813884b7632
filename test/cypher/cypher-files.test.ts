/**
 * The one loader of Cypher files (server/cypher/cypher-files.ts): pairing with a
 * `.kuzu.cypher` partner, declared parameters and slots, and slots filled only from their domains.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCypherText, textFor, withSlots } from "../../server/cypher/cypher-files.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const root = tempDir("ringlens-cypher-files-");
const write = (file: string, text: string) => {
  fs.mkdirSync(path.join(root, "reads"), { recursive: true });
  fs.writeFileSync(path.join(root, "reads", file), text);
};

describe("readCypherText", () => {
  it("pairs a file with its .kuzu.cypher partner and reads the parameters its header declares", () => {
    write("pair.cypher", "// A pair.\n// @param id — the id\nMATCH (n:Account {id: $id}) RETURN n.id AS id;\n");
    write("pair.kuzu.cypher", "MATCH (n:Account) WHERE n.id = $id RETURN n.id AS id;\n");
    const text = readCypherText("reads", "pair.cypher", root);
    expect(text).toMatchObject({ name: "reads/pair", params: ["id"], slots: {} });
    expect(textFor(text, "neo4j")).toBe("MATCH (n:Account {id: $id}) RETURN n.id AS id");
    expect(textFor(text, "kuzu")).toBe("MATCH (n:Account) WHERE n.id = $id RETURN n.id AS id");
  });

  it("uses the one text for both dialects when there is no partner", () => {
    write("one.cypher", "RETURN 1 AS one;\n");
    const text = readCypherText("reads", "one.cypher", root);
    expect(text.kuzu).toBe(text.neo4j);
  });

  it("refuses a slot without a known domain and a hole no slot declares", () => {
    write("bad-domain.cypher", "// @slot label: anything\nMATCH (n:{{label}}) RETURN n;\n");
    expect(() => readCypherText("reads", "bad-domain.cypher", root)).toThrow(expect.objectContaining({ kind: "invalid-input" }));
    write("undeclared.cypher", "MATCH (n:{{label}}) RETURN n;\n");
    expect(() => readCypherText("reads", "undeclared.cypher", root)).toThrow(/\{\{label\}\} is not declared/);
  });
});

describe("withSlots", () => {
  write("slotted.cypher", "// @slot label: node-label\n// @param id\nMATCH (n:{{label}} {id: $id}) RETURN n;\n");
  const slotted = () => readCypherText("reads", "slotted.cypher", root);

  it("fills a slot with a value of its domain, in both dialects", () => {
    const filled = withSlots(slotted(), { label: "Device" });
    expect(filled.name).toBe("reads/slotted[label=Device]");
    expect(textFor(filled, "kuzu")).toBe("MATCH (n:Device {id: $id}) RETURN n");
    expect(filled.params).toEqual(["id"]);
  });

  it("refuses a value outside the domain, a missing slot and an unknown one", () => {
    expect(() => withSlots(slotted(), { label: "Device) DETACH DELETE (n" })).toThrow(expect.objectContaining({ kind: "invalid-input" }));
    expect(() => withSlots(slotted(), {})).toThrow(/slot label must be one of/);
    expect(() => withSlots(slotted(), { label: "Device", type: "USES" })).toThrow(/has no slot type/);
  });

  it("keeps a store from running a text whose slots are not filled", () => {
    expect(() => textFor(slotted(), "neo4j")).toThrow(/unfilled slots/);
  });
});
