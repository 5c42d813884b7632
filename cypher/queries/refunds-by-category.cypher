// @name refunds-by-category
// @title Refunds of one category above an amount
// @description Refunds in a category (e.g. jewelry, laptop) of at least an amount, with the requester, approver and whether the item came back.
// @param category: string = jewelry — category as in the refunds file
// @param minAmount: float(0..) = 1000 — smallest amount
// @param limit: int(1..10000) = 200 — rows to return
// @returns table
MATCH (a:Account)-[:REQUESTED]->(f:Refund)
WHERE f.category = $category AND f.amount >= $minAmount
OPTIONAL MATCH (e:Employee)-[:APPROVED]->(f)
RETURN f.id AS refund, a.id AS account, f.item AS item, f.amount AS amount, f.returned AS returned, e.id AS approvedBy, f.requestedAt AS requested
ORDER BY amount DESC, refund
LIMIT $limit
