// The contacting party's identifiers of one kind on a ring's members' support contacts (an
// operator's device, phone, email, IP or chat handle is what ties a service ring's customers);
// ringGraph asks once per CONTACT_LINK_KINDS entry. One kind a statement and MATCH, not
// OPTIONAL MATCH, for the reasons in ring-graph-identifiers; contacts come from
// ring-graph-contacts, so only their keys here.
// @slot rel: contact-rel
// @slot label: contact-node-label
// @slot fColumns: graph-rel-columns
// @slot xColumns: graph-node-columns
// @param id
MATCH (a:Account)-[:MEMBER_OF]->(:Ring {id: $id})
MATCH (a)-[:HAS_CONTACT]->(c:Contact)
MATCH (c)-[f:{{rel}}]->(x:{{label}})
RETURN c.id AS c_id{{fColumns}}, {{xColumns}} ORDER BY a.id, c.id, x.id;
