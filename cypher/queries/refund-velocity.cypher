// @name refund-velocity
// @title Accounts with many refunds in a short time
// @description Accounts with at least N refund requests inside any window of D days.
// @param minRefunds: int(1..) = 3 — refunds inside one window
// @param days: int(1..) = 7 — window length in days
// @param limit: int(1..10000) = 200 — rows to return
// @returns table
MATCH (a:Account)-[:REQUESTED]->(f1:Refund), (a)-[:REQUESTED]->(f2:Refund)
WHERE f1.requestedAt IS NOT NULL AND f2.requestedAt >= f1.requestedAt
  AND f2.requestedAt < f1.requestedAt + duration({days: $days})
WITH a, f1, count(f2) AS inWindow
WHERE inWindow >= $minRefunds
RETURN a.id AS account, a.country AS country, max(inWindow) AS refundsInWindow
ORDER BY refundsInWindow DESC, account
LIMIT $limit
