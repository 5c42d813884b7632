// The contacting party's identifiers of one kind on a ring's members' support contacts (an
// operator's device, phone, email, IP or chat handle is what ties a service ring's customers);
// ringGraph asks once per CONTACT_LINK_KINDS entry. One kind a statement and MATCH, not
// OPTIONAL MATCH, for the reasons in ring-graph-identifiers; contacts come from ring-graph-contacts.
// @slot rel: contact-rel
// @slot label: contact-node-label
// @param id
MATCH (a:Account)-[:MEMBER_OF]->(:Ring {id: $id})
MATCH (a)-[h:HAS_CONTACT]->(c:Contact)
MATCH (c)-[f:{{rel}}]->(x:{{label}})
RETURN a, h, c, f, x ORDER BY a.id, c.id, x.id;
