// The member accounts of one ring; their refunds' count and value come from ring-member-refunds.
// @param id
MATCH (a:Account)-[:MEMBER_OF]->(:Ring {id: $id})
RETURN a.id AS id, a.country AS country, a.createdAt AS createdAt, a.name AS name, a.email AS email
ORDER BY id;
