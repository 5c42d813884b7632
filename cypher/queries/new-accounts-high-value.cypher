// @name new-accounts-high-value
// @title New accounts with high-value refunds without return
// @description Accounts that asked for a high-value refund (laptop, phone, console, jewelry, gold…) without returning it within D days of opening.
// @param maxAgeDays: int(1..) = 30 — account age at the refund, in days
// @param minAmount: float(0..) = 500 — smallest refund to consider
// @param limit: int(1..10000) = 200 — rows to return
// @returns table
MATCH (a:Account)-[:REQUESTED]->(f:Refund)
WHERE f.returned = false AND f.amount >= $minAmount
  AND f.category IN ['laptop', 'phone', 'console', 'jewelry', 'gold', 'tablet', 'camera']
  AND a.createdAt IS NOT NULL AND f.requestedAt IS NOT NULL
  AND f.requestedAt < a.createdAt + duration({days: $maxAgeDays})
RETURN a.id AS account, a.country AS country, a.createdAt AS opened, f.id AS refund, f.item AS item, f.amount AS amount, f.requestedAt AS requested
ORDER BY amount DESC, refund
LIMIT $limit
