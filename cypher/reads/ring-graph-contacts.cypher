// A ring's members' support contacts, ordered like ring-graph-identifiers, after the
// identifiers and refunds when the graph is cut; ring-graph-contact-parties adds who contacted.
// @slot hColumns: graph-rel-columns
// @slot cColumns: graph-node-columns
// @param id
MATCH (a:Account)-[:MEMBER_OF]->(:Ring {id: $id})
MATCH (a)-[h:HAS_CONTACT]->(c:Contact)
RETURN a.id AS a_id{{hColumns}}, {{cColumns}} ORDER BY a.id, c.id;
