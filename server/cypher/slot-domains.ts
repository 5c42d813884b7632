/**
 * The closed sets a Cypher file's structural slots (`{{label}}`) may be filled from. A slot
 * names its domain in the file's header; withSlots refuses any value outside it, so a label,
 * relationship type or column list in a statement is always one the schema has. The schema's
 * names are plain identifiers (toGraphSchema refuses others).
 */
import { CONTACT_LINK_KINDS, IDENTIFIER_KINDS, LINK_KINDS, contactKindOf, type LinkLabel } from "../domain/model.ts";
import { NODE_LABELS, REL_TYPES, graphSchema, type GraphSchema, type NodeSpec, type RelSpec } from "../schema/graph-specs.ts";
import { GRAPH_VARIABLES, nodeColumnsOf, relColumnsOf } from "../read-model/graph-columns.ts";

/** `n.id AS id, n.name AS name, …`: every property of a label, as the export reads them. */
export function nodeColumns(spec: NodeSpec): string {
  return spec.properties.map((p) => `n.${p.name} AS ${p.name}`).join(", ");
}

/** `, r.share AS share, …` (or nothing): every property of a relationship type, after its ends' keys. */
export function relColumns(rel: RelSpec): string {
  return rel.properties.map((p) => `, r.${p.name} AS ${p.name}`).join("");
}

/** `startId, endId, share, …`: a total order of a relationship type's rows, for paging. */
export function relOrder(rel: RelSpec): string {
  return ["startId", "endId", ...rel.properties.map((p) => p.name)].join(", ");
}

/**
 * The path from an account `a` to an identifier `x` of one link kind: its own identifier
 * (`-[:USES]->(x:Device)`), or one seen in its support contacts
 * (`-[:HAS_CONTACT]->(:Contact)-[:FROM_DEVICE]->(x:Device)`).
 */
export function linkPath(label: LinkLabel): string {
  const kind = LINK_KINDS.find((k) => k.label === label)!;
  return contactKindOf(label) ? `-[:HAS_CONTACT]->(:Contact)-[:${kind.rel}]->(x:${kind.node})` : `-[:${kind.rel}]->(x:${kind.node})`;
}

/**
 * Every link kind's distinct (account `a`, identifier `x`, kind number `k`) pairs, for identifiers
 * of 2 to `thresholds[k − 1]` accounts (a list the statement binds) (hubs and lone identifiers left out; a kind whose entry
 * is below 2 gives none), as one UNION in a CALL: the in-store analysis' projection. k is the
 * kind's position in LINK_KINDS plus 1; a Device seen on accounts and one seen in contacts are
 * separate identifiers, as in-process.
 */
export function linkUnion(): string {
  const branch = (label: LinkLabel, k: number) => `WITH thresholds[${k - 1}] AS t WHERE t >= 2
    MATCH (a:Account)${linkPath(label)}
    WITH t, x, collect(DISTINCT a) AS accounts WHERE size(accounts) >= 2 AND size(accounts) <= t
    UNWIND accounts AS a
    RETURN a, x, ${k} AS k`;
  return `CALL (thresholds) {
    ${LINK_KINDS.map((kind, n) => branch(kind.label, n + 1)).join("\n    UNION ALL\n    ")}
  }`;
}

/** The two hops from an account to an identifier a link kind can take (bind `l` and `x`). */
export const LINK_HOPS = { own: "-[l]->(x)", contact: "-[:HAS_CONTACT]->(:Contact)-[l]->(x)" } as const;

let schema: GraphSchema | undefined;
const fromSchema = (pick: (s: GraphSchema) => string[]) => () => {
  schema ??= graphSchema();
  return [...new Set(pick(schema))];
};

export const SLOT_DOMAINS = {
  /** Every node label the read model shows (NODE_LABELS). */
  "node-label": () => NODE_LABELS,
  /** Labels of the identifier kinds (IDENTIFIER_KINDS). */
  "identifier-label": () => IDENTIFIER_KINDS.map((k) => k.label),
  /** Relationship types from an account to an identifier (IDENTIFIER_KINDS). */
  "identifier-rel": () => IDENTIFIER_KINDS.map((k) => k.rel),
  /** Node labels of the identifiers seen in support contacts (CONTACT_LINK_KINDS). */
  "contact-node-label": () => [...new Set(CONTACT_LINK_KINDS.map((k) => k.node))],
  /** Relationship types from a contact to the contacting party's identifier (CONTACT_LINK_KINDS). */
  "contact-rel": () => CONTACT_LINK_KINDS.map((k) => k.rel),
  /** An account's path to an identifier of each link kind (LINK_KINDS), see linkPath. */
  "link-path": () => LINK_KINDS.map((k) => linkPath(k.label)),
  /** From an account `a` to an identifier `x` over relationship `l`: its own, or one of its support contacts'. */
  "link-hop": () => [LINK_HOPS.own, LINK_HOPS.contact],
  /** The in-store analysis' projection of every link kind (one value), see linkUnion. */
  "link-union": () => [linkUnion()],
  /** Every table of the graph description, for the export. */
  "schema-label": fromSchema((s) => s.nodes.map((n) => n.label)),
  "schema-key": fromSchema((s) => s.nodes.map((n) => n.key)),
  "schema-rel": fromSchema((s) => s.rels.map((r) => r.type)),
  "schema-node-columns": fromSchema((s) => s.nodes.map(nodeColumns)),
  "schema-rel-columns": fromSchema((s) => s.rels.map(relColumns)),
  "schema-rel-order": fromSchema((s) => s.rels.map(relOrder)),
  /** A node's properties as columns for a graph read (`x.id AS x_id, …`), per variable and label: see graph-columns.ts. */
  "graph-node-columns": () => GRAPH_VARIABLES.flatMap((v) => NODE_LABELS.map((label) => nodeColumnsOf(v, label))),
  /** A relationship's properties as columns after other columns (`, s.firstSeen AS s_firstSeen`, or nothing), per variable and type. */
  "graph-rel-columns": () => [...new Set(GRAPH_VARIABLES.flatMap((v) => REL_TYPES.map((type) => relColumnsOf(v, type))))],
} as const satisfies Record<string, () => readonly string[]>;

export type SlotDomain = keyof typeof SLOT_DOMAINS;
