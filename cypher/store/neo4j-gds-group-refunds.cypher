// In-store analysis: the refunds some accounts requested, with their approver.
// @param ids
UNWIND $ids AS id
MATCH (a:Account {id: id})-[:REQUESTED]->(f:Refund)
OPTIONAL MATCH (e:Employee)-[:APPROVED]->(f)
RETURN f.id AS id, a.id AS accountId, e.id AS employeeId, f.amount AS amount, f.category AS category,
  f.returned AS returned, f.requestedAt AS requestedAt, f.status AS status
