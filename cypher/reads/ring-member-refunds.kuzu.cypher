// Embedded engine: the same rows, with a join-order HINT (kuzu's own clause): from the ring's key
// along its members' adjacency lists.
MATCH (r:Ring {id: $id})<-[m:MEMBER_OF]-(a:Account)-[q:REQUESTED]->(f:Refund) HINT (((r JOIN m) JOIN a) JOIN q) JOIN f
RETURN a.id AS id, count(f) AS refundCount, sum(f.amount) AS refundValue;
