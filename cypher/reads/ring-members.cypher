// The member accounts of one ring with their refunds' count and value.
// @param id
MATCH (a:Account)-[:MEMBER_OF]->(:Ring {id: $id})
OPTIONAL MATCH (a)-[:REQUESTED]->(f:Refund)
RETURN a.id AS id, a.country AS country, a.createdAt AS createdAt, a.name AS name, a.email AS email,
  count(f) AS refundCount, coalesce(sum(f.amount), 0.0) AS refundValue
ORDER BY refundValue DESC, id;
