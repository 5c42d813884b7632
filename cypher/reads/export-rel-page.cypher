// `ringlens export`: one page of a relationship type, by its start nodes: the next $limit start
// nodes after the key $after (a keyset cursor, so no page re-reads the ones before it), each with
// its relationships and their ends' keys; a start node without any gives one row with a null endId,
// so the cursor moves past it. Sorting only the page keeps the file in (startId, endId, …) order.
// Labels, type, keys and columns come from the graph schema.
// @slot from: schema-label
// @slot type: schema-rel
// @slot to: schema-label
// @slot fromKey: schema-key
// @slot toKey: schema-key
// @slot columns: schema-rel-columns
// @slot order: schema-rel-order
// @param after
// @param limit
MATCH (a:{{from}}) WHERE a.{{fromKey}} > $after
WITH a ORDER BY a.{{fromKey}} LIMIT $limit
OPTIONAL MATCH (a)-[r:{{type}}]->(b:{{to}})
RETURN a.{{fromKey}} AS startId, b.{{toKey}} AS endId{{columns}} ORDER BY {{order}};
