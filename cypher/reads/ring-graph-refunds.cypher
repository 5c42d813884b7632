// A ring's members' refunds and who approved them, ordered like ring-graph-identifiers.
// @slot qColumns: graph-rel-columns
// @slot fColumns: graph-node-columns
// @slot pColumns: graph-rel-columns
// @slot eColumns: graph-node-columns
// @param id
MATCH (a:Account)-[:MEMBER_OF]->(:Ring {id: $id})
MATCH (a)-[q:REQUESTED]->(f:Refund)
OPTIONAL MATCH (e:Employee)-[p:APPROVED]->(f)
RETURN a.id AS a_id{{qColumns}}, {{fColumns}}{{pColumns}}, {{eColumns}} ORDER BY a.id, f.id;
