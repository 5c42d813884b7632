// The contacting party's identifiers of a ring's members' support contacts (an operator's
// device, phone, email, IP or chat handle is what ties a service ring's customers). MATCH, not
// OPTIONAL MATCH, for the reason in ring-graph-identifiers; contacts come from ring-graph-contacts.
// @param id
MATCH (a:Account)-[:MEMBER_OF]->(:Ring {id: $id})
MATCH (a)-[h:HAS_CONTACT]->(c:Contact)
MATCH (c)-[f:FROM_DEVICE|FROM_PHONE|FROM_EMAIL|FROM_IP|FROM_HANDLE]->(x)
RETURN a, h, c, f, x ORDER BY a.id, c.id, x.id;
