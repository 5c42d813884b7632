/**
 * Statement shapes the embedded engine answers slowly at scale, kept out of the read model
 * (cypher/reads/): measured at 1M accounts, an OPTIONAL MATCH that brings in an unlabelled node
 * was planned as a join over every node of every table (6.3 s for a 25-account ring's graph, a
 * full buffer pool at 200k accounts), and a returned node of several tables costs ~0.2 ms a row
 * to read out (4.4 s for 20,000 rows). A label per new node, one table per column.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const READS = path.resolve(import.meta.dirname, "../../cypher/reads");

/** The statement of a file without its comments. */
function statement(file: string): string {
  return fs
    .readFileSync(path.join(READS, file), "utf8")
    .split("\n")
    .filter((l) => !l.trim().startsWith("//"))
    .join("\n");
}

/** Variables an OPTIONAL MATCH introduces without a label: `(k)` where k was not bound before. */
function unlabelledOptionals(text: string): string[] {
  const found: string[] = [];
  const clauses = text.split(/(?=\bOPTIONAL MATCH\b|(?<!OPTIONAL )\bMATCH\b|\bRETURN\b|\bWITH\b)/);
  const bound = new Set<string>();
  for (const clause of clauses) {
    const optional = clause.startsWith("OPTIONAL MATCH");
    for (const m of clause.matchAll(/\((\w+)(:[\w{}|]+)?[^)]*\)/g)) {
      const [, name, label] = m;
      if (optional && !label && !bound.has(name!)) found.push(name!);
      bound.add(name!);
    }
  }
  return found;
}

/** Node variables reached over several relationship types without a label: `-[s:A|B]->(x)`. */
function multiTableEnds(text: string): string[] {
  return [...text.matchAll(/-\[\w*:\w+(?:\|\w+)+\]-[>]?\((\w+)\)/g)].map((m) => m[1]!);
}

describe("read statements the embedded engine answers quickly at scale", () => {
  const files = fs.readdirSync(READS).filter((f) => f.endsWith(".cypher"));

  it("spot the two shapes (so the check below can fail)", () => {
    expect(unlabelledOptionals("MATCH (n:Account {id: $id})-[e]-(m) OPTIONAL MATCH (m)-[e2]-(k) RETURN k")).toEqual(["k"]);
    expect(unlabelledOptionals("MATCH (a:Account) OPTIONAL MATCH (a)-[:REQUESTED]->(f:Refund) RETURN f")).toEqual([]);
    expect(multiTableEnds("MATCH (a)-[s:USES|SHIPS_TO]->(x) RETURN x")).toEqual(["x"]);
    expect(multiTableEnds("MATCH (a)-[s:{{rel}}]->(x:{{label}}) RETURN x")).toEqual([]);
  });

  it("bring in no unlabelled node with an OPTIONAL MATCH and return no column of nodes from several tables", () => {
    const offenders = files.flatMap((f) => {
      const text = statement(f);
      return [
        ...unlabelledOptionals(text).map((v) => `${f}: OPTIONAL (${v})`),
        ...multiTableEnds(text).map((v) => `${f}: (${v}) of several tables`),
      ];
    });
    expect(offenders).toEqual([]);
  });
});
