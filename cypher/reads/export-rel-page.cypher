// `ringlens export`: one page of a relationship type's rows with its ends' keys, in a total
// order ($skip/$limit). Labels, type, keys and columns come from the graph schema.
// @slot from: schema-label
// @slot type: schema-rel
// @slot to: schema-label
// @slot fromKey: schema-key
// @slot toKey: schema-key
// @slot columns: schema-rel-columns
// @slot order: schema-rel-order
// @param skip
// @param limit
MATCH (a:{{from}})-[r:{{type}}]->(b:{{to}}) RETURN a.{{fromKey}} AS startId, b.{{toKey}} AS endId{{columns}} ORDER BY {{order}} SKIP $skip LIMIT $limit;
