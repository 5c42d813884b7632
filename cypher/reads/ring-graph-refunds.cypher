// A ring's members' refunds and who approved them, ordered like ring-graph-identifiers.
// @param id
MATCH (a:Account)-[:MEMBER_OF]->(:Ring {id: $id})
MATCH (a)-[q:REQUESTED]->(f:Refund)
OPTIONAL MATCH (e:Employee)-[p:APPROVED]->(f)
RETURN a, q, f, p, e ORDER BY a.id, f.id;
