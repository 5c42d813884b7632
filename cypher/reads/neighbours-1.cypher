// A node's direct neighbours, ordered before the limit so a cut neighbourhood holds the same
// nodes on every engine.
// @slot label: node-label
// @param id
// @param limit
MATCH (n:{{label}} {id: $id})-[e]-(m) RETURN n, e, m ORDER BY m.id LIMIT $limit;
