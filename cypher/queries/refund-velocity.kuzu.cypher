// Embedded engine: intervals come from to_days() instead of duration({days: …}).
MATCH (a:Account)-[:REQUESTED]->(f1:Refund), (a)-[:REQUESTED]->(f2:Refund)
WHERE f1.requestedAt IS NOT NULL AND f2.requestedAt >= f1.requestedAt
  AND f2.requestedAt < f1.requestedAt + to_days($days)
WITH a, f1, count(f2) AS inWindow
WHERE inWindow >= $minRefunds
RETURN a.id AS account, a.country AS country, max(inWindow) AS refundsInWindow
ORDER BY refundsInWindow DESC, account
LIMIT $limit
