// Embedded engine: the same rows, with a join-order HINT (kuzu's own clause): from the ring's key
// along its members' adjacency lists.
MATCH (r:Ring {id: $id})<-[m:MEMBER_OF]-(a:Account) HINT (r JOIN m) JOIN a
RETURN a.id AS id, a.country AS country, a.createdAt AS createdAt, a.name AS name, a.email AS email
ORDER BY id;
