// Analysis input, one page of refunds after $after. Every refund of the page appears; rows
// without a requester are dropped by the reader after the cursor moves past them.
// @param after
// @param pageSize
MATCH (f:Refund) WHERE f.id > $after
WITH f ORDER BY f.id LIMIT $pageSize
OPTIONAL MATCH (a:Account)-[:REQUESTED]->(f)
OPTIONAL MATCH (e:Employee)-[:APPROVED]->(f)
RETURN f.id AS id, a.id AS accountId, e.id AS employeeId, f.amount AS amount, f.category AS category,
  f.returned AS returned, f.requestedAt AS requestedAt, f.status AS status
ORDER BY id
