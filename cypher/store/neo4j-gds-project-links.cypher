// In-store analysis: projects the account–identifier graph ring detection links through into
// GDS's catalogue as $graph, undirected. Node numbers: an account's is id(a) * 16, an
// identifier's id(x) * 16 + k (k: its link kind's number), so one Device node seen on accounts
// and in support contacts gives two identifiers, as in-process. GDS's Cypher projection takes
// node numbers, which is why id() is used here.
// @slot links: link-union
// @param graph
// @param thresholds
WITH $thresholds AS thresholds
{{links}}
WITH gds.graph.project($graph, id(a) * 16, id(x) * 16 + k, {}, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodes, g.relationshipCount AS links
