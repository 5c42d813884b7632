// A ring's members, first in its graph: an account with no identifier, contact or refund is
// still drawn. Ordered, so a graph cut at its limit keeps the same nodes on every engine and run.
// Every ring-graph read returns properties as columns, not whole nodes (graph-columns.ts says why).
// @slot aColumns: graph-node-columns
// @param id
MATCH (a:Account)-[:MEMBER_OF]->(:Ring {id: $id})
RETURN {{aColumns}} ORDER BY a.id;
