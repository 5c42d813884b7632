/**
 * Engine-neutral shapes of graph values inside query results. Both stores emit them; the query
 * layer collects them into the viewer's graph format.
 */
export interface PlainNode {
  _type: "node";
  label: string;
  id: string;
  properties: Record<string, unknown>;
}

export interface PlainRel {
  _type: "rel";
  type: string;
  /** `Label:id` of the start node, or "" when it is not in the result. */
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

export interface PlainPath {
  _type: "path";
  nodes: PlainNode[];
  rels: PlainRel[];
}
