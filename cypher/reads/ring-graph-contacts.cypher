// A ring's members' support contacts, ordered like ring-graph-identifiers, after the
// identifiers and refunds when the graph is cut; ring-graph-contact-parties adds who contacted.
// @param id
MATCH (a:Account)-[:MEMBER_OF]->(:Ring {id: $id})
MATCH (a)-[h:HAS_CONTACT]->(c:Contact)
RETURN a, h, c ORDER BY a.id, c.id;
