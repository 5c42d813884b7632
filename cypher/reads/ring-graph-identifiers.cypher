// A ring's members with their identifiers of one kind, linking or not (an IP shared by a ring
// is worth seeing); ringGraph asks once per IDENTIFIER_KINDS entry. Ordered, so a graph cut at
// its limit keeps the same nodes on every engine and every run.
// One kind a statement, and MATCH, not OPTIONAL MATCH (members come from ring-graph-members): on
// the embedded engine, an OPTIONAL MATCH returning whole nodes of several tables is planned as
// a join over every node of those tables, and a column of nodes from several tables costs
// ~0.2 ms a row to read out (4.4 s for a 1,500-account ring's 20,000 identifier rows).
// @slot rel: identifier-rel
// @slot label: identifier-label
// @param id
MATCH (a:Account)-[:MEMBER_OF]->(:Ring {id: $id})
MATCH (a)-[s:{{rel}}]->(x:{{label}})
RETURN a, s, x ORDER BY a.id, x.id;
