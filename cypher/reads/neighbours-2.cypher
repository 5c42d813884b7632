// A node's neighbours and theirs, ordered before the limit like neighbours-1.
// @slot label: node-label
// @param id
// @param limit
MATCH (n:{{label}} {id: $id})-[e]-(m)
OPTIONAL MATCH (m)-[e2]-(k)
RETURN n, e, m, e2, k ORDER BY m.id, k.id LIMIT $limit;
