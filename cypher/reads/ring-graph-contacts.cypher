// A ring's members' support contacts and the contacting party's identifiers (an operator's
// device, phone, email, IP or chat handle is what ties a service ring's customers). Ordered
// like ring-graph-identifiers, after the identifiers and refunds when the graph is cut.
// @param id
MATCH (a:Account)-[:MEMBER_OF]->(:Ring {id: $id})
MATCH (a)-[h:HAS_CONTACT]->(c:Contact)
OPTIONAL MATCH (c)-[f:FROM_DEVICE|FROM_PHONE|FROM_EMAIL|FROM_IP|FROM_HANDLE]->(x)
RETURN a, h, c, f, x ORDER BY a.id, c.id, x.id;
