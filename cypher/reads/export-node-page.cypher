// `ringlens export`: one page of a label's nodes, every property, ordered by key (a keyset
// cursor in $after). Label, key and column list come from the graph schema.
// @slot label: schema-label
// @slot key: schema-key
// @slot columns: schema-node-columns
// @param after
// @param limit
MATCH (n:{{label}}) WHERE n.{{key}} > $after RETURN {{columns}} ORDER BY n.{{key}} LIMIT $limit;
