// One node by type and id.
// @slot label: node-label
// @param id
MATCH (n:{{label}} {id: $id}) RETURN n;
