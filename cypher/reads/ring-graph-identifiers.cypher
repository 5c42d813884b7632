// A ring's members with their identifiers of every kind, linking or not (an IP shared by a
// ring is worth seeing). The relationship types are those of IDENTIFIER_KINDS (a test checks).
// Ordered, so a graph cut at its limit keeps the same nodes on every engine and every run.
// MATCH, not OPTIONAL MATCH: members come from ring-graph-members, and the embedded engine
// plans an OPTIONAL MATCH that returns whole nodes of several tables as a join over every node
// of those tables (seconds at a million accounts, or a full buffer pool).
// @param id
MATCH (a:Account)-[:MEMBER_OF]->(:Ring {id: $id})
MATCH (a)-[s:SHIPS_TO|USES|HAS_EMAIL|HAS_PHONE|PAYS_WITH|USES_IP]->(x)
RETURN a, s, x ORDER BY a.id, x.id;
