// The refunds' count and value of each member of one ring that requested any (the others have
// none). Apart from ring-members: on the embedded engine an OPTIONAL MATCH to the refunds is
// planned as a join over every refund (at 1M accounts 150 ms for a 25-account ring; 30 ms so).
// @param id
MATCH (a:Account)-[:MEMBER_OF]->(:Ring {id: $id})
MATCH (a)-[:REQUESTED]->(f:Refund)
RETURN a.id AS id, count(f) AS refundCount, sum(f.amount) AS refundValue;
