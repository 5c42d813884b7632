// A ring's members with their identifiers of one kind, linking or not (an IP shared by a ring
// is worth seeing); ringGraph asks once per IDENTIFIER_KINDS entry. Ordered, so a graph cut at
// its limit keeps the same nodes on every engine and every run. The member itself by its key
// only: ring-graph-members read it whole.
// One kind a statement, and MATCH, not OPTIONAL MATCH (members come from ring-graph-members): on
// the embedded engine, an OPTIONAL MATCH returning nodes of several tables is planned as a join
// over every node of those tables.
// @slot rel: identifier-rel
// @slot label: identifier-label
// @slot sColumns: graph-rel-columns
// @slot xColumns: graph-node-columns
// @param id
MATCH (a:Account)-[:MEMBER_OF]->(:Ring {id: $id})
MATCH (a)-[s:{{rel}}]->(x:{{label}})
RETURN a.id AS a_id{{sColumns}}, {{xColumns}} ORDER BY a.id, x.id;
